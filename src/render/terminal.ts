import Table from 'cli-table3';
import { Chalk } from 'chalk';
import type { Block } from './view.js';
import { cell, visible } from './text.js';

export interface TerminalOptions {
  /** stdout is a terminal: aligned tables; otherwise tab-separated rows. */
  tty: boolean;
  color: boolean;
}

/** Renders blocks for a person at a terminal, or as tab-separated text for a pipe. */
export function renderBlocks(blocks: Block[], options: TerminalOptions): string {
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const out: string[] = [];
  for (const block of blocks) {
    switch (block.kind) {
      case 'table':
        if (block.rows.length === 0 && block.empty) {
          if (options.tty) out.push(chalk.dim(visible(block.empty)));
          break;
        }
        out.push(options.tty ? boxed(block.columns, block.rows, chalk) : tsv(block.columns, block.rows));
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
        out.push(
          options.tty ? `\n${chalk.bold.underline(visible(block.text))}` : `\n# ${visible(block.text)}`,
        );
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
  columns: string[],
  rows: Array<Array<string | number | null | undefined>>,
  chalk: InstanceType<typeof Chalk>,
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
