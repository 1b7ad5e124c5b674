import type { Block, Column, PrintedDocument } from './model.js';
import { visible } from '../text.js';

/**
 * A printed document as one self-contained HTML5 file: styles inline, no scripts, fonts, images or
 * links to fetch, so it opens offline, prints the same anywhere and cannot call out. Every value
 * from the store is escaped, so stored markup stays text.
 */
export function renderHtml(doc: PrintedDocument): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(doc.mark ? `${doc.kind}: ${doc.title} (${doc.mark})` : `${doc.kind}: ${doc.title}`)}</title>`,
    `<style>\n${STYLE}</style>`,
    '</head>',
    '<body>',
    ...(doc.mark ? [`<div class="watermark" aria-hidden="true">${esc(doc.mark)}</div>`] : []),
    '<main>',
    ...heading(doc),
    ...doc.sections.flatMap((s) => [
      '<section>',
      `<h2>${esc(s.heading)}</h2>`,
      ...s.blocks.flatMap(block),
      '</section>',
    ]),
    `<footer>${esc(doc.footer)}</footer>`,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Stored text for HTML text or a quoted attribute; control characters shown as escapes, as on a terminal. */
function esc(text: string): string {
  return visible(text).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** Kind, title with its stamp, facts and notices. */
function heading(doc: PrintedDocument): string[] {
  return [
    '<header>',
    `<p class="kind">${esc(doc.kind)}</p>`,
    '<div class="title">',
    `<h1>${esc(doc.title)}</h1>`,
    ...(doc.mark ? [`<p class="stamp">${esc(doc.mark)}</p>`] : []),
    '</div>',
    ...definitions('facts', doc.facts),
    ...(doc.notices.length > 0
      ? ['<div class="notices" role="note">', ...doc.notices.map((n) => `<p>${esc(n)}</p>`), '</div>']
      : []),
    '</header>',
  ];
}

function definitions(className: string, pairs: Array<{ label: string; value: string }>): string[] {
  if (pairs.length === 0) return [];
  return [
    `<dl class="${className}">`,
    ...pairs.map((p) => `<dt>${esc(p.label)}</dt><dd>${esc(p.value)}</dd>`),
    '</dl>',
  ];
}

function block(b: Block): string[] {
  switch (b.kind) {
    case 'subheading':
      return [`<h3>${esc(b.text)}</h3>`];
    case 'paragraph':
      return [b.tone === 'muted' ? `<p class="muted">${esc(b.text)}</p>` : `<p>${esc(b.text)}</p>`];
    case 'list':
      return ['<ul>', ...b.items.map((item) => `<li>${esc(item)}</li>`), '</ul>'];
    case 'fields':
      return definitions('fields', b.fields);
    case 'table':
      return table('', b.columns, b.rows);
    case 'form':
      return table(
        ' class="form"',
        b.columns,
        Array.from({ length: b.rows }, () => b.columns.map(() => '')),
      );
    case 'signatures':
      return [
        '<div class="signatures">',
        ...b.labels.map((label) => `<p><span>${esc(label)}</span><span class="line"></span></p>`),
        '</div>',
      ];
  }
}

/** A table whose columns take their share of the width; the header row repeats on every printed page. */
function table(attributes: string, columns: Column[], rows: string[][]): string[] {
  return [
    `<table${attributes}>`,
    '<colgroup>',
    ...shares(columns).map((share) => `<col style="width: ${share}%">`),
    '</colgroup>',
    '<thead>',
    `<tr>${columns.map((c) => `<th scope="col">${esc(c.header)}</th>`).join('')}</tr>`,
    '</thead>',
    '<tbody>',
    ...rows.map((row) => `<tr>${row.map((cell) => `<td>${esc(cell)}</td>`).join('')}</tr>`),
    '</tbody>',
    '</table>',
  ];
}

/** Each column's width in percent, rounded; equal shares when the widths are unusable. */
function shares(columns: Column[]): string[] {
  const widths = columns.map((c) => (Number.isFinite(c.width) && c.width > 0 ? c.width : 0));
  const total = widths.reduce((sum, w) => sum + w, 0);
  return widths.map((w) => (total > 0 ? (w / total) * 100 : 100 / columns.length).toFixed(2));
}

/**
 * Black on white with borders rather than shading, so it photocopies; the same layout on screen
 * and on Letter paper. The watermark is fixed so browsers print it on every page, and lets clicks
 * and selection through.
 */
const STYLE = `@page { size: Letter; margin: 0.75in; }
:root { color-scheme: light; }
* { box-sizing: border-box; }
body {
  margin: 0;
  color: #000;
  background: #fff;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif;
  font-size: 11pt;
  line-height: 1.4;
}
main { max-width: 50rem; margin: 0 auto; padding: 2rem 1.25rem; }
h1, h2, h3 { line-height: 1.2; break-after: avoid; }
h1 { font-size: 1.6rem; margin: 0; }
h2 { font-size: 1.2rem; margin: 1.6rem 0 0.5rem; padding-bottom: 0.15rem; border-bottom: 1px solid #000; }
h3 { font-size: 1.05rem; margin: 1.1rem 0 0.35rem; }
p, li, dd, td, th { white-space: pre-line; overflow-wrap: anywhere; }
p { margin: 0.4rem 0; }
ul { margin: 0.4rem 0; padding-left: 1.4rem; }
.kind { margin: 0 0 0.2rem; font-size: 0.85rem; font-weight: 600; letter-spacing: 0.08em; text-transform: uppercase; }
.title { display: flex; align-items: flex-start; justify-content: space-between; gap: 1rem; }
.stamp {
  flex: none;
  margin: 0;
  padding: 0.15rem 0.6rem;
  border: 3px double #000;
  font-weight: 700;
  letter-spacing: 0.12em;
}
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.15rem 1rem; margin: 0.6rem 0; }
dt { font-weight: 600; }
dd { margin: 0; }
.facts { margin-top: 1rem; }
.notices { margin: 1rem 0; padding: 0.4rem 0.8rem; border: 2px solid #000; break-inside: avoid; }
.muted { color: #444; font-style: italic; }
table { width: 100%; margin: 0.6rem 0; border-collapse: collapse; table-layout: fixed; }
th, td { padding: 0.3rem 0.45rem; border: 1px solid #000; text-align: left; vertical-align: top; }
thead { display: table-header-group; }
thead th { border-bottom-width: 2px; }
tr { break-inside: avoid; }
.form td { height: 0.45in; }
.signatures { break-inside: avoid; }
.signatures p { display: flex; align-items: flex-end; gap: 0.6rem; margin: 0; padding-top: 1.8rem; }
.signatures .line { flex: 1; max-width: 22rem; border-bottom: 1px solid #000; }
footer { margin-top: 2rem; padding-top: 0.4rem; border-top: 1px solid #000; font-size: 0.85rem; }
.watermark {
  position: fixed;
  top: 50%;
  left: 50%;
  transform: translate(-50%, -50%) rotate(-35deg);
  color: rgba(0, 0, 0, 0.1);
  font-size: 8rem;
  font-weight: 800;
  letter-spacing: 0.1em;
  white-space: nowrap;
  pointer-events: none;
  user-select: none;
  z-index: 1;
}
@media print {
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
}
`;
