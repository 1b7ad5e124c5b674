import type { Font } from 'fontkit';

/**
 * The page and the pen of the PDF renderer: US Letter with 0.75 in margins, the text styles, and
 * the one place that starts a page, so every page gets its watermark before any content.
 */

/** In points. The bottom margin is taller: the footer sits in it. */
export const PAGE = { width: 612, height: 792, margin: 54, bottom: 72 };

export interface Style {
  font: 'regular' | 'bold';
  size: number;
  color: string;
  lineGap: number;
  /** Slanted: DejaVu Sans ships no italic here, and muted text should still look set apart. */
  oblique?: boolean;
  characterSpacing?: number;
}

const INK = '#111111';
const GREY = '#555555';

export const STYLES = {
  kind: { font: 'bold', size: 9.5, color: GREY, lineGap: 0, characterSpacing: 0.8 },
  title: { font: 'bold', size: 18, color: '#000000', lineGap: 1 },
  mark: { font: 'bold', size: 10.5, color: '#222222', lineGap: 0, characterSpacing: 0.8 },
  factLabel: { font: 'bold', size: 9.5, color: GREY, lineGap: 2 },
  body: { font: 'regular', size: 10, color: INK, lineGap: 2.5 },
  strong: { font: 'bold', size: 10, color: INK, lineGap: 2.5 },
  muted: { font: 'regular', size: 9, color: GREY, lineGap: 2, oblique: true },
  heading: { font: 'bold', size: 13, color: '#000000', lineGap: 0 },
  subheading: { font: 'bold', size: 11, color: '#000000', lineGap: 1 },
  cell: { font: 'regular', size: 9.5, color: INK, lineGap: 1.5 },
  headerCell: { font: 'bold', size: 9, color: INK, lineGap: 1 },
  footer: { font: 'regular', size: 8, color: GREY, lineGap: 0 },
} satisfies Record<string, Style>;

/** Light enough to read text through in black and white, dark enough to see at a glance. */
const WATERMARK_GREY = '#e4e4e4';
export const RULE_GREY = '#9a9a9a';

/** Where the renderer is drawing: the text column, and the style last set (restored after a page break). */
export interface Pen {
  doc: PDFKit.PDFDocument;
  left: number;
  width: number;
  top: number;
  bottom: number;
  style: Style;
}

export function createPen(doc: PDFKit.PDFDocument): Pen {
  return {
    doc,
    left: PAGE.margin,
    width: PAGE.width - 2 * PAGE.margin,
    top: PAGE.margin,
    bottom: PAGE.height - PAGE.bottom,
    style: STYLES.body,
  };
}

export function use(pen: Pen, style: Style): void {
  pen.style = style;
  pen.doc.font(style.font).fontSize(style.size).fillColor(style.color);
}

function textOptions(style: Style, width: number, extra: PDFKit.Mixins.TextOptions = {}) {
  return {
    width,
    lineGap: style.lineGap,
    oblique: style.oblique ?? false,
    characterSpacing: style.characterSpacing ?? 0,
    ...extra,
  };
}

/** Writes text at the cursor's height; pdfkit wraps it and carries it onto a new page if needed. */
export function write(
  pen: Pen,
  text: string,
  style: Style,
  x: number,
  width: number,
  extra?: PDFKit.Mixins.TextOptions,
): void {
  use(pen, style);
  pen.doc.text(text, x, pen.doc.y, textOptions(style, width, extra));
}

export function measure(pen: Pen, text: string, style: Style, width: number): number {
  use(pen, style);
  return pen.doc.heightOfString(text, textOptions(style, width));
}

export function lineHeight(pen: Pen, style: Style): number {
  return measure(pen, 'X', style, 1000);
}

export function widthOf(pen: Pen, text: string, style: Style): number {
  use(pen, style);
  return pen.doc.widthOfString(text, { characterSpacing: style.characterSpacing ?? 0 });
}

export function newPage(pen: Pen): void {
  pen.doc.addPage();
  pen.doc.x = pen.left;
  pen.doc.y = pen.top;
}

/** Starts a new page unless `height` still fits below the cursor (or the page is still empty). */
export function ensureRoom(pen: Pen, height: number): void {
  if (pen.doc.y + height > pen.bottom && pen.doc.y > pen.top + 1) newPage(pen);
}

export function atPageTop(pen: Pen): boolean {
  return pen.doc.y <= pen.top + 1;
}

export function rule(
  pen: Pen,
  y: number,
  weight: number,
  color: string,
  x = pen.left,
  width = pen.width,
): void {
  pen.doc
    .moveTo(x, y)
    .lineTo(x + width, y)
    .lineWidth(weight)
    .strokeColor(color)
    .stroke();
}

/**
 * Splits text where it stops fitting in `height` (at a space when there is one), for a table row
 * taller than a page.
 */
export function splitToHeight(
  pen: Pen,
  text: string,
  style: Style,
  width: number,
  height: number,
): [string, string] {
  let low = 0;
  let high = text.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (measure(pen, text.slice(0, mid), style, width) <= height) low = mid;
    else high = mid - 1;
  }
  const space = low < text.length ? text.slice(0, low + 1).search(/\s\S*$/) : -1;
  const cut = space > 0 ? space : low;
  return [text.slice(0, cut).trimEnd(), text.slice(cut).trimStart()];
}

/**
 * Draws the mark diagonally across the page, light grey, as glyph outlines rather than text:
 * diagonal text makes pdftotext (and copy and paste) scramble the reading order of the whole page.
 * Called as each page starts, so everything else is drawn over it.
 */
export function drawWatermark(doc: PDFKit.PDFDocument, font: Font, mark: string): void {
  const run = font.layout(mark);
  let pen = 0;
  const outline = run.glyphs.map((glyph, i) => {
    const at = run.positions[i]!;
    const path = glyph.path.translate(pen + at.xOffset, at.yOffset).toSVG();
    pen += at.xAdvance;
    return path;
  });
  const diagonal = Math.hypot(PAGE.width, PAGE.height);
  const scale = Math.min((0.6 * diagonal) / run.advanceWidth, 140 / font.unitsPerEm);
  const angle = (Math.atan2(PAGE.height, PAGE.width) * 180) / Math.PI;
  doc
    .save()
    .translate(PAGE.width / 2, PAGE.height / 2)
    .rotate(-angle)
    .scale(scale, -scale)
    .translate(-(run.bbox.minX + run.bbox.maxX) / 2, -(run.bbox.minY + run.bbox.maxY) / 2)
    .path(outline.join(''))
    .fill(WATERMARK_GREY)
    .restore();
}
