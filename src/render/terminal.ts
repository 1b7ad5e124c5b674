import type TableConstructor from 'cli-table3';
import type { Block, Cell } from './view.js';
import { cellText, type CellMode } from './cells.js';
import { hardWrap, visible, width, wrap } from './text.js';

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
        .map(
          (line, i) => `${i === 0 ? chalk.bold(label.padEnd(labelWidth)) : ' '.repeat(labelWidth)}  ${line}`,
        )
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
  const room = options.width - (columns.length + 1);
  // Columns shrink to the first of these floors that fits: a date or time broken over two lines
  // is hard to read, so date columns keep their width; other columns keep their longest word
  // ("scheduled", an id) whole where they can; at worst, everything wraps.
  const loose = columns.map((header) => Math.min(width(header) + 2, 10));
  const words = columns.map(
    (header, i) =>
      Math.min(Math.max(longestWord(header), ...texts.map((row) => longestWord(row[i] ?? ''))), 16) + 2,
  );
  const dates = columns.map((_, i) => rows.every((row) => isDateCell(row[i])));
  const firm = natural.map((w, i) => (dates[i] ? w : words[i]!));
  // Short of that, a date keeps its absolute part on one line and puts "(in 12 days)" below it.
  const absolute = words.map((w, i) =>
    dates[i] ? Math.max(width(columns[i]!), ...texts.map((row) => width(row[i]!.split(' (')[0]!))) + 2 : w,
  );
  const floor = [firm, absolute, words].find((f) => f.reduce((a, b) => a + b, 0) <= room) ?? loose;
  const colWidths = fitColumns(natural, floor, room);
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
 * Column widths that fit `room`: each column gets its floor, and the room left is shared in
 * proportion to how much more each would like, so a long summary keeps more width than a short
 * owner. Columns that fit whole are never widened past their natural width.
 */
export function fitColumns(natural: number[], floor: number[], room: number): number[] {
  const base = natural.map((w, i) => Math.min(w, floor[i]!));
  const wants = natural.map((w, i) => w - base[i]!);
  const spare = room - base.reduce((a, b) => a + b, 0);
  const wanted = wants.reduce((a, b) => a + b, 0);
  if (wanted <= spare) return [...natural];
  if (spare <= 0) return base;
  const shares = wants.map((w) => (w * spare) / wanted);
  const widths = base.map((b, i) => b + Math.floor(shares[i]!));
  // Hand out what rounding down left over, largest remainder first.
  let left = room - widths.reduce((a, b) => a + b, 0);
  const order = shares.map((s, i) => [s - Math.floor(s), i] as const).sort((a, b) => b[0] - a[0]);
  for (const [, i] of order) {
    if (left <= 0) break;
    widths[i] = widths[i]! + 1;
    left--;
  }
  return widths;
}

function longestWord(text: string): number {
  return Math.max(0, ...text.split(/\s+/).map(width));
}

function isDateCell(value: Cell): boolean {
  return typeof value === 'object' && value !== null;
}
