import { readFile } from 'node:fs/promises';
import { dataFile } from '../../reference/reference.js';
import { visible } from '../text.js';
import type { PrintedDocument } from './model.js';
import { drawSection } from './pdf-blocks.js';
import type { Pen } from './pdf-page.js';
import {
  PAGE,
  RULE_GREY,
  STYLES,
  createPen,
  drawWatermark,
  ensureRoom,
  measure,
  newPage,
  rule,
  use,
  widthOf,
  write,
} from './pdf-page.js';

/**
 * A printed document (agenda, minutes, sign-in sheet) as a PDF for US Letter paper. pdfkit is
 * loaded here and only here, so commands that print no PDF never pay for it.
 */
export async function renderPdf(typed: PrintedDocument, options: { createdAt: Date }): Promise<Uint8Array> {
  const doc = printable(typed);
  const [{ default: PDFDocument }, fontkit, regular, bold] = await Promise.all([
    import('pdfkit'),
    import('fontkit'),
    readFile(dataFile('fonts/DejaVuSans.ttf')),
    readFile(dataFile('fonts/DejaVuSans-Bold.ttf')),
  ]);
  const pdf = new PDFDocument({
    size: 'LETTER',
    margins: { top: PAGE.margin, left: PAGE.margin, right: PAGE.margin, bottom: PAGE.bottom },
    autoFirstPage: false,
    bufferPages: true,
    displayTitle: true,
    lang: 'en-US',
    // The file ID is a hash of this, so the same document and date give the same bytes.
    info: {
      Title: `${doc.title} – ${doc.kind}`,
      Creator: 'nsm',
      CreationDate: options.createdAt,
      ModDate: options.createdAt,
    },
  });
  const bytes = collect(pdf);
  // pdfkit starts on Helvetica (WinAnsi only); it is never drawn with, so never embedded.
  pdf.registerFont('regular', regular);
  pdf.registerFont('bold', bold);
  const pen = createPen(pdf);
  const { mark } = doc;
  if (mark !== null) {
    const outlines = fontkit.create(bold);
    if (!('layout' in outlines)) throw new Error('DejaVuSans-Bold.ttf is a font collection');
    pdf.on('pageAdded', () => {
      drawWatermark(pdf, outlines, mark);
      use(pen, pen.style);
    });
  }
  newPage(pen);
  drawTitle(pen, doc);
  drawFacts(pen, doc.facts);
  drawNotices(pen, doc.notices);
  for (const section of doc.sections) drawSection(pen, section);
  drawFooters(pen, doc.footer);
  pdf.end();
  return bytes;
}

function collect(pdf: PDFKit.PDFDocument): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  pdf.on('data', (chunk: Uint8Array) => chunks.push(chunk));
  return new Promise((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
}

const MARK_PAD = { x: 8, y: 4 };

/** The kind in spaced capitals with the mark boxed at its right, then the title across the page. */
function drawTitle(pen: Pen, doc: PrintedDocument): void {
  const top = pen.doc.y;
  const kindHeight = measure(pen, 'X', STYLES.kind, pen.width);
  let rowHeight = kindHeight;
  let kindWidth = pen.width;
  if (doc.mark !== null) {
    const width = widthOf(pen, doc.mark, STYLES.mark) + 2 * MARK_PAD.x;
    rowHeight = measure(pen, 'X', STYLES.mark, width) + 2 * MARK_PAD.y;
    kindWidth -= width + 18;
    const x = pen.left + pen.width - width;
    pen.doc.rect(x, top, width, rowHeight).lineWidth(1.5).strokeColor('#222222').stroke();
    pen.doc.y = top + MARK_PAD.y + 0.5;
    write(pen, doc.mark, STYLES.mark, x + MARK_PAD.x, width, { lineBreak: false });
  }
  pen.doc.y = top + (rowHeight - kindHeight) / 2;
  write(pen, doc.kind.toUpperCase(), STYLES.kind, pen.left, kindWidth, { lineBreak: false, ellipsis: true });
  pen.doc.y = top + rowHeight + 5;
  write(pen, doc.title, STYLES.title, pen.left, pen.width);
  rule(pen, pen.doc.y + 3, 1.5, '#222222');
  pen.doc.y += 14;
}

/** Label and value side by side, the labels in a column as wide as the longest. */
function drawFacts(pen: Pen, facts: PrintedDocument['facts']): void {
  if (facts.length === 0) return;
  const labelWidth = Math.min(
    Math.max(...facts.map((fact) => widthOf(pen, fact.label, STYLES.factLabel))) + 14,
    pen.width * 0.3,
  );
  for (const fact of facts) {
    const height = Math.max(
      measure(pen, fact.label, STYLES.factLabel, labelWidth - 6),
      measure(pen, fact.value, STYLES.body, pen.width - labelWidth),
    );
    ensureRoom(pen, height);
    const top = pen.doc.y;
    // The smaller label set lower, on the value's baseline.
    pen.doc.y = top + STYLES.body.size - STYLES.factLabel.size;
    write(pen, fact.label, STYLES.factLabel, pen.left, labelWidth - 6);
    pen.doc.y = top;
    write(pen, fact.value, STYLES.body, pen.left + labelWidth, pen.width - labelWidth);
    pen.doc.y = top + height + 1;
  }
  pen.doc.y += 8;
}

const NOTICE_PAD = 8;

function drawNotices(pen: Pen, notices: string[]): void {
  if (notices.length === 0) return;
  const width = pen.width - 2 * NOTICE_PAD;
  const heights = notices.map((notice) => measure(pen, notice, STYLES.strong, width));
  const height = heights.reduce((sum, h) => sum + h, 0) + 2 * NOTICE_PAD - STYLES.strong.lineGap;
  ensureRoom(pen, height);
  const top = pen.doc.y;
  pen.doc.rect(pen.left, top, pen.width, height).lineWidth(1).fillAndStroke('#f3f3f3', '#444444');
  pen.doc.y = top + NOTICE_PAD;
  for (const notice of notices) write(pen, notice, STYLES.strong, pen.left + NOTICE_PAD, width);
  pen.doc.y = top + height + 10;
}

/** The footer and "Page X of Y" on every page, drawn once the page count is known. */
function drawFooters(pen: Pen, footer: string): void {
  const { start, count } = pen.doc.bufferedPageRange();
  const y = PAGE.height - PAGE.bottom + 24;
  for (let i = 0; i < count; i++) {
    pen.doc.switchToPage(start + i);
    // Text below the bottom margin would otherwise make pdfkit start a page.
    pen.doc.page.margins.bottom = 0;
    rule(pen, y - 6, 0.5, RULE_GREY);
    const pageLabel = `Page ${i + 1} of ${count}`;
    const labelWidth = widthOf(pen, pageLabel, STYLES.footer);
    pen.doc.y = y;
    // Up to three lines fit under the rule (a sign-in sheet names the NCOs and the next meeting).
    write(pen, footer, STYLES.footer, pen.left, pen.width - labelWidth - 18, {
      height: STYLES.footer.size * 1.25 * 3,
      ellipsis: true,
    });
    pen.doc.y = y;
    write(pen, pageLabel, STYLES.footer, pen.left + pen.width - labelWidth, labelWidth, { lineBreak: false });
  }
}

/**
 * Every string of the document as the HTML and Markdown show it: control characters as visible
 * escapes (\x1b, \x0d, \u202e), which pdfkit would otherwise draw as line breaks, gaps or
 * nothing at all, and a tab as a space (a browser shows it so).
 */
function printable<T>(value: T): T {
  if (typeof value === 'string') return visible(value).replace(/\t/g, ' ') as T;
  if (Array.isArray(value)) return value.map(printable) as T;
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, printable(v)])) as T;
  return value;
}
