import type { Block, Column, PrintedDocument } from './model.js';
import { md, mdHeading } from '../markdown.js';

/**
 * A printed document as GitHub-flavoured Markdown, for email and archives: the same words as the
 * PDF and HTML, stored text escaped so it reads back exactly as typed.
 */
export function renderMarkdown(doc: PrintedDocument): string {
  const parts = [
    `# ${mdHeading(doc.title)}`,
    [strong(doc.kind), strong(doc.mark ?? '')].filter(Boolean).join(' · '),
    lines(doc.facts.map(field)),
    doc.notices.map((n) => `> ${md(n)}`).join('\n>\n'),
    ...doc.sections.flatMap((s) => [`## ${mdHeading(s.heading)}`, ...s.blocks.map(block)]),
    // A blank line before the rule keeps it from turning the paragraph above into a heading.
    '---',
    md(doc.footer),
  ];
  return `${parts.filter((p) => p !== '').join('\n\n')}\n`;
}

/** Bold text, or nothing: empty `****` would be read as a horizontal rule. */
function strong(text: string): string {
  const escaped = md(text);
  return escaped === '' ? '' : `**${escaped}**`;
}

/** Lines of one paragraph, each ended by a hard line break (two spaces) but the last. */
function lines(items: string[]): string {
  return items.join('  \n');
}

function field(f: { label: string; value: string }): string {
  return `**${md(f.label)}:** ${md(f.value)}`.trimEnd();
}

function block(b: Block): string {
  switch (b.kind) {
    case 'subheading':
      return `### ${mdHeading(b.text)}`;
    case 'paragraph':
      return b.tone === 'muted' ? italic(md(b.text)) : md(b.text);
    case 'list':
      return b.items.map((item) => `- ${md(item)}`).join('\n');
    case 'fields':
      return lines(b.fields.map(field));
    case 'table':
      return table(b.columns, b.rows);
    case 'form':
      return table(
        b.columns,
        Array.from({ length: b.rows }, () => b.columns.map(() => '')),
      );
    case 'signatures':
      return lines(b.labels.map((label) => `${md(label)}: ____________________`));
  }
}

/** Muted text in italics; empty text stays empty rather than becoming `__`. */
function italic(escaped: string): string {
  return escaped === '' ? '' : `_${escaped}_`;
}

/** A GFM table: pipes and newlines inside cells are escaped by md(). */
function table(columns: Column[], rows: string[][]): string {
  const row = (cells: string[]) => `| ${cells.map(md).join(' | ')} |`;
  return [
    row(columns.map((c) => c.header)),
    `|${columns.map(() => ' --- ').join('|')}|`,
    ...rows.map(row),
  ].join('\n');
}
