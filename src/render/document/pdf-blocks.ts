import type { Block, Section } from './model.js';
import type { Pen, Style } from './pdf-page.js';
import {
  RULE_GREY,
  STYLES,
  atPageTop,
  ensureRoom,
  lineHeight,
  measure,
  rule,
  use,
  widthOf,
  write,
} from './pdf-page.js';
import { drawForm, drawTable, tableLead } from './pdf-table.js';

/** The sections of a printed document and their blocks, in the PDF. */

const BLOCK_GAP = 7;
const BULLET_INDENT = 14;
/** Room above a signature rule to sign on. */
const SIGNATURE_HEIGHT = 34;

/** Two lines of a text at most: enough not to strand a heading above it. */
function textLead(pen: Pen, text: string, style: Style = STYLES.body, width = pen.width): number {
  return Math.min(measure(pen, text, style, width), 2 * lineHeight(pen, style));
}

function fieldText(field: { label: string; value: string }): string {
  return `${field.label}: ${field.value}`;
}

/** The height of the start of `blocks[i]` that must share a page with the heading above it. */
function leadHeight(pen: Pen, blocks: Block[], i: number): number {
  const block = blocks[i];
  if (!block) return 0;
  switch (block.kind) {
    case 'subheading':
      return measure(pen, block.text, STYLES.subheading, pen.width) + 3 + leadHeight(pen, blocks, i + 1);
    case 'paragraph':
      return textLead(pen, block.text, block.tone === 'muted' ? STYLES.muted : STYLES.body);
    case 'list':
      return textLead(pen, block.items[0] ?? '', STYLES.body, pen.width - BULLET_INDENT);
    case 'fields':
      return block.fields[0] ? textLead(pen, fieldText(block.fields[0]), STYLES.strong) : 0;
    case 'table':
      return tableLead(pen, block.columns, block.rows[0] ?? null);
    case 'form':
      return tableLead(pen, block.columns, null);
    case 'signatures':
      return SIGNATURE_HEIGHT;
  }
}

function drawParagraph(pen: Pen, text: string, tone: 'normal' | 'muted'): void {
  const style = tone === 'muted' ? STYLES.muted : STYLES.body;
  ensureRoom(pen, textLead(pen, text, style));
  write(pen, text, style, pen.left, pen.width);
}

function drawList(pen: Pen, items: string[]): void {
  const width = pen.width - BULLET_INDENT;
  for (const item of items) {
    ensureRoom(pen, textLead(pen, item, STYLES.body, width));
    const y = pen.doc.y;
    write(pen, '•', STYLES.body, pen.left + 3, BULLET_INDENT, { lineBreak: false });
    pen.doc.y = y;
    write(pen, item, STYLES.body, pen.left + BULLET_INDENT, width);
    pen.doc.y += 1.5;
  }
}

/** "Label: value" lines, the label bold; the value wraps under the label like running text. */
function drawFields(pen: Pen, fields: Array<{ label: string; value: string }>): void {
  for (const field of fields) {
    ensureRoom(pen, textLead(pen, fieldText(field), STYLES.strong));
    // pdfkit does not finish a `continued` line on an empty string: an empty value gets the label alone.
    const value = field.value !== '';
    write(pen, `${field.label}:${value ? ' ' : ''}`, STYLES.strong, pen.left, pen.width, {
      continued: value,
    });
    if (!value) continue;
    use(pen, STYLES.body);
    pen.doc.text(field.value, { lineGap: STYLES.body.lineGap });
  }
}

/** Each label, then a rule to the right margin to write on; the rules line up and stay together. */
function drawSignatures(pen: Pen, labels: string[]): void {
  const labelWidth = Math.max(...labels.map((label) => widthOf(pen, label, STYLES.strong))) + 10;
  ensureRoom(pen, Math.min(labels.length * SIGNATURE_HEIGHT, pen.bottom - pen.top));
  for (const label of labels) {
    ensureRoom(pen, SIGNATURE_HEIGHT);
    const baseline = pen.doc.y + SIGNATURE_HEIGHT - 8;
    pen.doc.y = baseline - STYLES.strong.size;
    write(pen, label, STYLES.strong, pen.left, labelWidth, { lineBreak: false });
    rule(pen, baseline + 2, 0.75, '#333333', pen.left + labelWidth, pen.width - labelWidth);
    pen.doc.y = baseline + 8;
  }
}

function drawSubheading(pen: Pen, blocks: Block[], i: number, text: string): void {
  if (!atPageTop(pen)) pen.doc.y += 5;
  ensureRoom(pen, measure(pen, text, STYLES.subheading, pen.width) + 3 + leadHeight(pen, blocks, i + 1));
  write(pen, text, STYLES.subheading, pen.left, pen.width);
  pen.doc.y += 3;
}

function drawBlock(pen: Pen, blocks: Block[], i: number): void {
  const block = blocks[i]!;
  switch (block.kind) {
    case 'subheading':
      return drawSubheading(pen, blocks, i, block.text);
    case 'paragraph':
      drawParagraph(pen, block.text, block.tone ?? 'normal');
      break;
    case 'list':
      drawList(pen, block.items);
      break;
    case 'fields':
      drawFields(pen, block.fields);
      break;
    case 'table':
      drawTable(pen, block.columns, block.rows);
      break;
    case 'form':
      drawForm(pen, block.columns, block.rows);
      break;
    case 'signatures':
      drawSignatures(pen, block.labels);
      break;
  }
  pen.doc.y += BLOCK_GAP;
}

/** A bold heading over a rule, kept on the same page as the start of what follows it. */
export function drawSection(pen: Pen, section: Section): void {
  const headingHeight = measure(pen, section.heading, STYLES.heading, pen.width) + 10;
  if (!atPageTop(pen)) pen.doc.y += 12;
  ensureRoom(pen, headingHeight + leadHeight(pen, section.blocks, 0));
  write(pen, section.heading, STYLES.heading, pen.left, pen.width);
  rule(pen, pen.doc.y + 2, 0.75, RULE_GREY);
  pen.doc.y += 10;
  section.blocks.forEach((_, i) => drawBlock(pen, section.blocks, i));
}
