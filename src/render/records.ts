import { cellText, type CellMode } from './cells.js';
import { md } from './markdown.js';
import { visible } from './text.js';
import type { Block, Cell } from './view.js';

/**
 * The record formats for files and scripts. Dates are absolute in TSV and CSV (ISO 8601 with
 * offsets), friendly in Markdown; only the terminal says "in 3 days".
 */

const ABSOLUTE: CellMode = { kind: 'absolute' };
const DOCUMENT: CellMode = { kind: 'document' };

/** Tab-separated rows with a header, one block after another (`# heading` lines between). */
export function renderTsv(blocks: Block[]): string {
  const out: string[] = [];
  for (const block of blocks) {
    switch (block.kind) {
      case 'table':
        if (block.rows.length > 0) out.push(tsvRows(block.columns, block.rows));
        break;
      case 'fields':
        out.push(block.fields.map(([label, value]) => `${label}\t${cellText(value, ABSOLUTE)}`).join('\n'));
        break;
      case 'heading':
        out.push(`\n# ${visible(block.text)}`);
        break;
      case 'text':
        out.push(visible(block.text));
        break;
      case 'warning':
        out.push(`! ${visible(block.text)}`);
        break;
    }
  }
  return out.join('\n').replace(/^\n/, '');
}

function tsvRows(columns: string[], rows: Cell[][]): string {
  return [columns, ...rows].map((row) => row.map((v) => cellText(v, ABSOLUTE)).join('\t')).join('\n');
}

/**
 * The records as CSV: a show command's fields as one row, or every table in turn. When there are
 * several (a report's parts), each comes under its heading as a one-cell row, after an empty line.
 * A cell that a spreadsheet would run as a formula (= + - @, tab, CR) is prefixed with an apostrophe;
 * control characters other than tab and line breaks are made visible (\x1b), as everywhere else.
 */
export async function renderCsv(blocks: Block[]): Promise<string> {
  const { stringify } = await import('csv-stringify/sync');
  const sections = csvSections(blocks);
  return sections
    .map(({ title, columns, rows }) =>
      stringify(
        [
          ...(sections.length > 1 && title !== null ? [[csvCell(title)]] : []),
          ...(columns.length > 0 ? [columns] : []),
          ...rows.map((row) => row.map((v) => csvCell(v))),
        ],
        { record_delimiter: 'windows' },
      ),
    )
    .join('\r\n')
    .replace(/\r\n$/, '');
}

function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const text =
    typeof value === 'object'
      ? 'when' in value
        ? value.when
        : value.day
      : typeof value === 'boolean'
        ? String(value)
        : value;
  // Escape sequences and bidi overrides shown as in every other output (a CSV is printed too);
  // tabs and line breaks are data that the quoting keeps.
  const shown = text.replace(/[^\t\n\r]+/g, visible);
  return /^[=+\-@\t\r]/.test(shown) ? `'${shown}` : shown;
}

/** One CSV table and the heading it stands under. */
interface CsvSection {
  title: string | null;
  columns: string[];
  rows: Cell[][];
}

/** A show command's tables are details of the one record its fields describe; a list's are the records. */
function csvSections(blocks: Block[]): CsvSection[] {
  const first = blocks.find((b) => b.kind === 'table' || b.kind === 'fields');
  if (first?.kind === 'fields')
    return [
      {
        title: null,
        columns: first.fields.map(([label]) => label),
        rows: [first.fields.map(([, value]) => value)],
      },
    ];
  const sections: CsvSection[] = [];
  let title: string | null = null;
  for (const block of blocks) {
    if (block.kind === 'heading') title = block.text;
    if (block.kind === 'table') {
      sections.push({ title, columns: block.columns, rows: block.rows });
      title = null;
    }
  }
  if (sections.length > 0) return sections;
  // Only lines of text (meeting next says where and when in a sentence): one cell each, not nothing.
  const lines = blocks.filter((b) => b.kind === 'text').map((b) => [b.text]);
  return lines.length > 0 ? [{ title: null, columns: [], rows: lines }] : [];
}

/** GitHub-flavoured Markdown: headings, tables and field lists, stored text escaped. */
export function renderMarkdown(blocks: Block[]): string {
  const out: string[] = [];
  for (const block of blocks) {
    switch (block.kind) {
      case 'table':
        if (block.rows.length === 0) {
          if (block.empty) out.push(`_${md(block.empty)}_`);
          break;
        }
        out.push(
          [
            `| ${block.columns.map(md).join(' | ')} |`,
            `|${block.columns.map(() => ' --- ').join('|')}|`,
            ...block.rows.map((row) => `| ${row.map((v) => md(cellText(v, DOCUMENT)) || ' ').join(' | ')} |`),
          ].join('\n'),
        );
        break;
      case 'fields':
        out.push(
          block.fields
            .filter(([, value]) => value !== null && value !== undefined && value !== '')
            .map(([label, value]) => `- **${md(label)}:** ${md(cellText(value, DOCUMENT))}`)
            .join('\n'),
        );
        break;
      case 'heading':
        out.push(`## ${md(block.text)}`);
        break;
      case 'text':
        // Text can quote the store (a place, a precinct's name) and wraps onto lines of its own:
        // each line is escaped, so none opens a list, heading, link or code block.
        out.push(block.text.split('\n').map(md).join('\n'));
        break;
      case 'warning':
        out.push(`> **Warning:** ${md(block.text)}`);
        break;
    }
  }
  return out.join('\n\n');
}
