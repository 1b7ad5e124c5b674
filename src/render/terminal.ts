import type TableConstructor from 'cli-table3';
import type { Block } from './view.js';
import { cell, visible } from './text.js';

export interface TerminalOptions {
  /** stdout is a terminal: aligned tables; otherwise tab-separated rows. */
  tty: boolean;
  color: boolean;
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

/** Renders blocks for a person at a terminal, or as tab-separated text for a pipe. */
export async function renderBlocks(blocks: Block[], options: TerminalOptions): Promise<string> {
  const chalk = await styleFor(options.color);
  const Table = options.tty ? (await import('cli-table3')).default : null;
  const out: string[] = [];
  for (const block of blocks) {
    switch (block.kind) {
      case 'table':
        if (block.rows.length === 0 && block.empty) {
          if (options.tty) out.push(chalk.dim(visible(block.empty)));
          break;
        }
        out.push(Table ? boxed(Table, block.columns, block.rows, chalk) : tsv(block.columns, block.rows));
        break;
      case 'fields': {
        const width = Math.max(...block.fields.map(([label]) => label.length));
        for (const [label, value] of block.fields) {
          out.push(
            options.tty ? `${chalk.bold(label.padEnd(width))}  ${cell(value)}` : `${label}\t${cell(value)}`,
          );
        }
        break;
      }
      case 'heading':
        out.push(options.tty ? `\n${chalk.heading(visible(block.text))}` : `\n# ${visible(block.text)}`);
        break;
      case 'text':
        out.push(visible(block.text));
        break;
      case 'warning':
        out.push(chalk.yellow(`! ${visible(block.text)}`));
        break;
    }
  }
  return out.join('\n').replace(/^\n/, '');
}

function boxed(
  Table: typeof TableConstructor,
  columns: string[],
  rows: Array<Array<string | number | null | undefined>>,
  chalk: Style,
): string {
  // cli-table3 colours the header and borders even when piped unless styles are emptied.
  const t = new Table({
    head: columns.map((c) => chalk.bold(c)),
    style: { head: [], border: [], compact: true, 'padding-left': 1, 'padding-right': 1 },
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
  for (const row of rows) t.push(row.map(cell));
  return t.toString();
}

export function tsv(columns: string[], rows: Array<Array<string | number | null | undefined>>): string {
  return [columns, ...rows].map((row) => row.map(cell).join('\t')).join('\n');
}
