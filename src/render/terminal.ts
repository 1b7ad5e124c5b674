import type TableConstructor from 'cli-table3';
import type { Block, Cell } from './view.js';
import { cellText, type CellMode } from './cells.js';
import { visible } from './text.js';

export interface TerminalOptions {
  color: boolean;
  /** The terminal's width: no line is printed wider. */
  width: number;
  mode: CellMode;
}

interface Style {
  bold: (s: string) => string;
  dim: (s: string) => string;
  heading: (s: string) => string;
  yellow: (s: string) => string;
}

const plain: Style = { bold: (s) => s, dim: (s) => s, heading: (s) => s, yellow: (s) => s };

/** Colour and table drawing cost start-up time, so they load only when a terminal will show them. */
async function styleFor(color: boolean): Promise<Style> {
  if (!color) return plain;
  const { Chalk } = await import('chalk');
  const chalk = new Chalk({ level: 1 });
  return { bold: chalk.bold, dim: chalk.dim, heading: chalk.bold.underline, yellow: chalk.yellow };
}

/** Renders blocks for a person at a terminal: aligned tables and fields that fit its width. */
export async function renderTerminal(blocks: Block[], options: TerminalOptions): Promise<string> {
  const chalk = await styleFor(options.color);
  const Table = (await import('cli-table3')).default;
  const out: string[] = [];
  for (const block of blocks) {
    switch (block.kind) {
      case 'table':
        if (block.rows.length === 0) {
          if (block.empty) out.push(chalk.dim(wrap(visible(block.empty), options.width).join('\n')));
          break;
        }
        out.push(boxed(Table, block.columns, block.rows, chalk, options));
        break;
      case 'fields':
        out.push(fieldLines(block.fields, chalk, options));
        break;
      case 'heading':
        out.push(`\n${chalk.heading(wrap(visible(block.text), options.width).join('\n'))}`);
        break;
      case 'text':
        out.push(visible(block.text));
        break;
      case 'warning':
        out.push(chalk.yellow(wrap(`! ${visible(block.text)}`, options.width).join('\n')));
        break;
    }
  }
  return out.join('\n').replace(/^\n/, '');
}

function fieldLines(entries: Array<[string, Cell]>, chalk: Style, options: TerminalOptions): string {
  const labelWidth = Math.max(...entries.map(([label]) => label.length));
  const room = Math.max(options.width - labelWidth - 2, 10);
  return entries
    .map(([label, value]) => {
      const lines = wrap(cellText(value, options.mode), room);
      return lines
        .map((line, i) => `${i === 0 ? chalk.bold(label.padEnd(labelWidth)) : ' '.repeat(labelWidth)}  ${line}`)
        .join('\n');
    })
    .join('\n');
}

function boxed(
  Table: typeof TableConstructor,
  columns: string[],
  rows: Cell[][],
  chalk: Style,
  options: TerminalOptions,
): string {
  const texts = rows.map((row) => row.map((value) => cellText(value, options.mode)));
  const natural = columns.map(
    (header, i) => Math.max(width(header), ...texts.map((row) => width(row[i] ?? ''))) + 2,
  );
  const loose = columns.map((header) => Math.min(width(header) + 2, 10));
  const room = options.width - (columns.length + 1);
  // A date or time broken over two lines is hard to read: its column keeps its width, and the
  // text columns wrap instead, unless even that leaves no room.
  const firm = natural.map((w, i) => (rows.every((row) => isDateCell(row[i])) ? w : loose[i]!));
  const colWidths = fitColumns(natural, firm.reduce((a, b) => a + b, 0) <= room ? firm : loose, room);
  // cli-table3 colours the header and borders even when piped unless styles are emptied.
  const t = new Table({
    head: columns.map((c) => chalk.bold(c)),
    colWidths,
    wordWrap: true,
    wrapOnWordBoundary: true,
    style: { head: [], border: [], compact: true, 'padding-left': 1, 'padding-right': 1 },
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
  for (const row of texts) t.push(row.map((text, i) => hardWrap(text, colWidths[i]! - 2)));
  return t.toString();
}

/**
 * Column widths that fit `room`: the widest column gives up a character until the table fits or
 * every column is down to its minimum (its header, at most 10). Narrow columns such as ids and
 * statuses keep their natural width; long text wraps.
 */
export function fitColumns(natural: number[], minimum: number[], room: number): number[] {
  // No column needs more than the whole room, which also bounds the loop below.
  const widths = natural.map((w, i) => Math.max(Math.min(w, room), minimum[i]!));
  let excess = widths.reduce((a, b) => a + b, 0) - room;
  while (excess > 0) {
    let widest = -1;
    widths.forEach((w, i) => {
      if (w > minimum[i]! && (widest < 0 || w > widths[widest]!)) widest = i;
    });
    if (widest < 0) break;
    widths[widest] = widths[widest]! - 1;
    excess -= 1;
  }
  return widths;
}

function isDateCell(value: Cell): boolean {
  return typeof value === 'object' && value !== null;
}

/** Splits words longer than the column, which word wrapping alone would cut off. */
function hardWrap(text: string, room: number): string {
  if (room < 1) return text;
  return text
    .split(' ')
    .map((word) => (width(word) <= room ? word : (word.match(new RegExp(`.{1,${room}}`, 'gu')) ?? [word]).join(' ')))
    .join(' ');
}

/** Word-wraps one line of text to `room` columns. */
export function wrap(text: string, room: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of hardWrap(paragraph, room).split(' ')) {
      if (line === '') line = word;
      else if (width(line) + 1 + width(word) <= room) line += ` ${word}`;
      else {
        lines.push(line);
        line = word;
      }
    }
    lines.push(line);
  }
  return lines;
}

function width(text: string): number {
  return [...text].length;
}
