import type { Column } from './model.js';
import type { Pen, Style } from './pdf-page.js';
import {
  RULE_GREY,
  STYLES,
  ensureRoom,
  lineHeight,
  measure,
  newPage,
  rule,
  splitToHeight,
  write,
} from './pdf-page.js';

/**
 * Tables and hand-filled forms. A table breaks between rows and repeats its header on each page;
 * a row is split only when it is taller than a whole page.
 */

const PAD_X = 5;
const PAD_Y = 4;
/** Tall enough to write a name by hand. */
const FORM_ROW = 26;
const HEADER_FILL = '#e6e6e6';
const BORDER = '#444444';

/** Column positions, each column's share of the text width, and the header to repeat. */
interface Grid {
  x: number[];
  widths: number[];
  headers: string[];
}

function gridOf(pen: Pen, columns: Column[]): Grid {
  const total = columns.reduce((sum, column) => sum + column.width, 0);
  const widths = columns.map((column) => (pen.width * column.width) / total);
  const x = widths.map((_, i) => pen.left + widths.slice(0, i).reduce((sum, w) => sum + w, 0));
  return { x, widths, headers: columns.map((column) => column.header) };
}

function rowHeight(pen: Pen, grid: Grid, cells: string[], style: Style): number {
  const heights = grid.widths.map((w, i) => measure(pen, cells[i] ?? '', style, w - 2 * PAD_X));
  return Math.max(...heights, lineHeight(pen, style)) + 2 * PAD_Y;
}

/** Column separators, light, so a ruled row reads as cells. */
function columnLines(pen: Pen, grid: Grid, top: number, height: number): void {
  for (const x of grid.x.slice(1)) {
    pen.doc
      .moveTo(x, top)
      .lineTo(x, top + height)
      .lineWidth(0.5)
      .strokeColor(RULE_GREY)
      .stroke();
  }
}

function drawCells(pen: Pen, grid: Grid, cells: string[], style: Style, height: number): void {
  const top = pen.doc.y;
  grid.widths.forEach((w, i) => {
    pen.doc.y = top + PAD_Y;
    write(pen, cells[i] ?? '', style, grid.x[i]! + PAD_X, w - 2 * PAD_X);
  });
  columnLines(pen, grid, top, height);
  rule(pen, top + height, 0.5, RULE_GREY);
  pen.doc.x = pen.left;
  pen.doc.y = top + height;
}

function headerHeight(pen: Pen, grid: Grid): number {
  return rowHeight(pen, grid, grid.headers, STYLES.headerCell);
}

function drawHeader(pen: Pen, grid: Grid): void {
  const top = pen.doc.y;
  const height = headerHeight(pen, grid);
  pen.doc.rect(pen.left, top, pen.width, height).fill(HEADER_FILL);
  rule(pen, top, 1, BORDER);
  drawCells(pen, grid, grid.headers, STYLES.headerCell, height);
  rule(pen, top + height, 1, BORDER);
}

/** The least that must follow a heading: the header and the first row (a form's first empty row). */
export function tableLead(pen: Pen, columns: Column[], firstRow: string[] | null): number {
  const grid = gridOf(pen, columns);
  return headerHeight(pen, grid) + (firstRow ? rowHeight(pen, grid, firstRow, STYLES.cell) : FORM_ROW);
}

function continueOnNewPage(pen: Pen, grid: Grid): void {
  newPage(pen);
  drawHeader(pen, grid);
}

/** Places one row: here, on a new page, or split over pages when no page can hold it. */
function placeRow(pen: Pen, grid: Grid, row: string[]): void {
  const header = headerHeight(pen, grid);
  const line = lineHeight(pen, STYLES.cell);
  let cells = row;
  while (cells.some((cell) => cell !== '')) {
    const height = rowHeight(pen, grid, cells, STYLES.cell);
    const room = pen.bottom - pen.doc.y;
    if (height <= room) return drawCells(pen, grid, cells, STYLES.cell, height);
    const freshPage = pen.doc.y <= pen.top + header + 1;
    if (!freshPage && (height <= pen.bottom - pen.top - header || room < 4 * line)) {
      continueOnNewPage(pen, grid);
      continue;
    }
    const fit = Math.max(room - 2 * PAD_Y, line);
    const parts = cells.map((cell, i) =>
      splitToHeight(pen, cell, STYLES.cell, grid.widths[i]! - 2 * PAD_X, fit),
    );
    drawCells(
      pen,
      grid,
      parts.map(([head]) => head),
      STYLES.cell,
      room,
    );
    cells = parts.map(([, tail]) => tail);
    if (cells.some((cell) => cell !== '')) continueOnNewPage(pen, grid);
  }
}

export function drawTable(pen: Pen, columns: Column[], rows: string[][]): void {
  const grid = gridOf(pen, columns);
  ensureRoom(pen, tableLead(pen, columns, rows[0] ?? null));
  drawHeader(pen, grid);
  for (const row of rows) placeRow(pen, grid, row);
}

/** Empty ruled rows for handwriting, headed like a table on every page they reach. */
export function drawForm(pen: Pen, columns: Column[], rows: number): void {
  const grid = gridOf(pen, columns);
  ensureRoom(pen, tableLead(pen, columns, null));
  drawHeader(pen, grid);
  for (let i = 0; i < rows; i++) {
    if (pen.doc.y + FORM_ROW > pen.bottom) continueOnNewPage(pen, grid);
    const top = pen.doc.y;
    columnLines(pen, grid, top, FORM_ROW);
    rule(pen, top + FORM_ROW, 0.5, RULE_GREY);
    pen.doc.y = top + FORM_ROW;
  }
}
