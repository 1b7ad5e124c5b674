import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PrintedDocument } from '../../../src/render/document/model.js';
import { renderHtml } from '../../../src/render/document/html.js';
import { HOSTILE, NAMES, longDocument, sampleDocument } from '../../helpers/documents.js';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/** The document as a browser builds it, by parse5 (the WHATWG parsing algorithm). */
const tree = (doc: PrintedDocument) => parse(renderHtml(doc));

function elements(node: Node): Element[] {
  const own = 'tagName' in node ? [node] : [];
  const children = 'childNodes' in node ? node.childNodes : [];
  return [...own, ...children.flatMap(elements)];
}
const all = (root: Node, tag: string) => elements(root).filter((e) => e.tagName === tag);
const one = (root: Node, tag: string) => {
  const found = all(root, tag);
  expect(found, tag).toHaveLength(1);
  return found[0]!;
};
const text = (node: Node): string =>
  node.nodeName === '#text'
    ? (node as DefaultTreeAdapterMap['textNode']).value
    : 'childNodes' in node
      ? node.childNodes.map(text).join('')
      : '';
const texts = (root: Node, tag: string) => all(root, tag).map(text);
const attr = (e: Element, name: string) => e.attrs.find((a) => a.name === name)?.value;
const byClass = (root: Node, name: string) =>
  elements(root).filter((e) => (attr(e, 'class') ?? '').split(' ').includes(name));
const css = (root: Node) => texts(root, 'style').join('\n');

/** Every string the document holds replaced by hostile text, so any unescaped spot shows. */
function hostileDocument(): PrintedDocument {
  const [script, breakout, link] = HOSTILE as [string, string, string];
  return sampleDocument({
    kind: breakout,
    title: script,
    mark: `${breakout}'`,
    facts: [{ label: script, value: breakout }],
    notices: [link, `</style><script>alert(2)</script>`],
    sections: [
      {
        heading: `</title>${script}`,
        blocks: [
          { kind: 'subheading', text: breakout },
          { kind: 'paragraph', text: `<!-- ${script}`, tone: 'muted' },
          { kind: 'list', items: [script, `<a href="https://evil.example/">x</a>`] },
          { kind: 'fields', fields: [{ label: breakout, value: `'><svg onload=alert(3)>` }] },
          { kind: 'table', columns: [{ header: script, width: 1 }], rows: [[breakout], [link]] },
          { kind: 'form', columns: [{ header: `<iframe src="//evil.example">`, width: 1 }], rows: 1 },
          { kind: 'signatures', labels: [`<img src="http://evil.example/x.png">`] },
        ],
      },
    ],
    footer: `<link rel="stylesheet" href="https://evil.example/a.css">`,
  });
}

const ALLOWED_ELEMENTS = new Set(
  'html head meta title style body div main header footer section p h1 h2 h3 dl dt dd ul li table colgroup col thead tbody tr th td span'.split(
    ' ',
  ),
);
const ALLOWED_ATTRIBUTES = new Set('lang charset name content class aria-hidden role style scope'.split(' '));

describe('HTML: stored text stays text', () => {
  const doc = hostileDocument();
  const root = tree(doc);

  it('creates only the elements and attributes the renderer writes: no script, img, link or on* handler', () => {
    for (const e of elements(root)) {
      expect(ALLOWED_ELEMENTS, e.tagName).toContain(e.tagName);
      for (const a of e.attrs) expect(ALLOWED_ATTRIBUTES, `${e.tagName} ${a.name}`).toContain(a.name);
    }
    expect(all(root, 'script')).toEqual([]);
    expect(all(root, 'img')).toEqual([]);
  });

  it('shows every hostile string exactly as typed', () => {
    const section = doc.sections[0]!;
    expect(text(one(root, 'title'))).toBe(`${doc.kind}: ${doc.title} (${doc.mark})`);
    expect(text(one(root, 'h1'))).toBe(doc.title);
    expect(text(byClass(root, 'kind')[0]!)).toBe(doc.kind);
    expect(text(byClass(root, 'stamp')[0]!)).toBe(doc.mark);
    expect(text(byClass(root, 'watermark')[0]!)).toBe(doc.mark);
    expect(texts(byClass(root, 'notices')[0]!, 'p')).toEqual(doc.notices);
    expect(texts(root, 'h2')).toEqual([section.heading]);
    expect(texts(root, 'h3')).toEqual([HOSTILE[1]]);
    expect(text(byClass(root, 'muted')[0]!)).toBe(`<!-- ${HOSTILE[0]}`);
    expect(texts(root, 'li')).toEqual([HOSTILE[0], `<a href="https://evil.example/">x</a>`]);
    expect(texts(root, 'dt')).toEqual([HOSTILE[0], HOSTILE[1]]);
    expect(texts(root, 'dd')).toEqual([HOSTILE[1], `'><svg onload=alert(3)>`]);
    expect(texts(root, 'th')).toEqual([HOSTILE[0], `<iframe src="//evil.example">`]);
    expect(texts(root, 'td')).toEqual([HOSTILE[1], HOSTILE[2], '']);
    expect(texts(byClass(root, 'signatures')[0]!, 'span')).toEqual([
      `<img src="http://evil.example/x.png">`,
      '',
    ]);
    expect(text(one(root, 'footer'))).toBe(doc.footer);
  });

  it('shows control characters as visible escapes, never raw', () => {
    const html = renderHtml(sampleDocument({ title: 'Loud\u001b[2J music\u0007', footer: 'x\u009b31m' }));
    const parsed = parse(html);
    expect(text(one(parsed, 'h1'))).toBe('Loud\\x1b[2J music\\x07');
    expect(text(one(parsed, 'footer'))).toBe('x\\x9b31m');
    expect(html).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });

  it('references nothing remote: no src or href, no @import or url() in any style', () => {
    for (const e of elements(root)) {
      for (const a of e.attrs) {
        expect(['src', 'href', 'srcset', 'action', 'data', 'poster']).not.toContain(a.name);
        expect(a.value, `${e.tagName} ${a.name}`).not.toMatch(/(https?:)?\/\/|url\(|@import/i);
      }
    }
    const styles = [css(root), ...elements(root).map((e) => attr(e, 'style') ?? '')].join('\n');
    expect(styles).not.toMatch(/@import|url\(|https?:|\/\//i);
    expect(all(root, 'link')).toEqual([]);
  });
});

describe('HTML: the sample document', () => {
  const doc = sampleDocument();
  const html = renderHtml(doc);
  const root = parse(html);

  it('matches test/golden/document-sample.html', async () => {
    await expect(html).toMatchFileSnapshot('../../golden/document-sample.html');
  });

  it('is a UTF-8 HTML5 document in English with its title, styles inline', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(attr(one(root, 'html'), 'lang')).toBe('en');
    expect(all(root, 'meta').map((m) => attr(m, 'charset'))).toContain('utf-8');
    expect(text(one(root, 'title'))).toBe('Minutes: Sector 75A Neighborhood Safety Meeting (DRAFT)');
    expect(one(root, 'style').parentNode?.nodeName).toBe('head');
  });

  it('says the title, facts, headings, lists, fields, tables and footer with their accents', () => {
    expect(text(one(root, 'h1'))).toBe(doc.title);
    const facts = byClass(root, 'facts')[0]!;
    expect(texts(facts, 'dt')).toEqual(doc.facts.map((f) => f.label));
    expect(texts(facts, 'dd')).toEqual(doc.facts.map((f) => f.value));
    expect(texts(root, 'h2')).toEqual(doc.sections.map((s) => s.heading));
    expect(texts(root, 'h3')).toEqual(['I7 · traffic · open']);
    expect(texts(root, 'li')).toEqual(NAMES.map((n) => `Police Officer ${n}`));
    expect(texts(byClass(root, 'fields')[0]!, 'dd')).toEqual([HOSTILE[2]]);
    const [solutions] = all(root, 'table');
    expect(texts(one(solutions!, 'thead'), 'th')).toEqual(['Solution', 'Owner', 'Due', 'Status']);
    expect(all(one(solutions!, 'tbody'), 'tr').map((tr) => texts(tr, 'td'))).toEqual([
      ['S3 Speed humps on Linden Blvd', 'Nguyễn Thị Hoa', '2027-01-15', 'agreed'],
      [`S4 ${HOSTILE[2]}`, 'DOT', '', 'in-progress'],
    ]);
    expect(texts(byClass(root, 'notices')[0]!, 'p')).toEqual(doc.notices);
    expect(text(byClass(root, 'muted')[0]!)).toBe('No solution agreed yet.');
    expect(text(one(root, 'footer'))).toBe(doc.footer);
    expect(text(one(root, 'body')).trim().endsWith(doc.footer)).toBe(true);
  });

  it('gives each column its share of the width', () => {
    const [solutions] = all(root, 'table');
    const widths = all(solutions!, 'col').map((c) => Number(/width: ([\d.]+)%/.exec(attr(c, 'style')!)![1]));
    expect(widths.reduce((a, b) => a + b)).toBeCloseTo(100, 1);
    expect(widths[0]! / widths[1]!).toBeCloseTo(5 / 2, 2);
    expect(widths[2]).toBe(widths[3]);
  });

  it('prints the sign-in form as headed empty rows tall enough to write in', () => {
    const form = byClass(root, 'form')[0]!;
    expect(form.tagName).toBe('table');
    expect(texts(one(form, 'thead'), 'th')).toEqual([
      'Name',
      'Block or street',
      'Email for meeting updates (optional)',
    ]);
    const rows = all(one(form, 'tbody'), 'tr');
    expect(rows.map((tr) => texts(tr, 'td'))).toEqual([
      ['', '', ''],
      ['', '', ''],
      ['', '', ''],
    ]);
    expect(css(root)).toMatch(/\.form td \{ height: 0\.45in; \}/);
  });

  it('gives each signature label a line to sign on', () => {
    const lines = byClass(root, 'signatures')[0]!;
    const pairs = all(lines, 'p').map((p) => all(p, 'span').map((s) => [text(s), attr(s, 'class') ?? '']));
    expect(pairs).toEqual([
      [
        ['Approved by', ''],
        ['', 'line'],
      ],
      [
        ['Date', ''],
        ['', 'line'],
      ],
    ]);
    expect(css(root)).toMatch(/\.signatures \.line \{[^}]*border-bottom: 1px solid #000/);
  });

  it('stamps the mark beside the title and across every printed page, without blocking the text', () => {
    const title = byClass(root, 'title')[0]!;
    expect(texts(title, 'h1')).toEqual([doc.title]);
    expect(texts(title, 'p')).toEqual(['DRAFT']);
    const watermark = byClass(root, 'watermark')[0]!;
    expect(text(watermark)).toBe('DRAFT');
    expect(attr(watermark, 'aria-hidden')).toBe('true');
    const rule = /\.watermark \{([^}]*)\}/.exec(css(root))![1]!;
    expect(rule).toContain('position: fixed');
    expect(rule).toContain('pointer-events: none');
    const alpha = Number(/color: rgba\(0, 0, 0, ([\d.]+)\)/.exec(rule)![1]);
    expect(alpha).toBeGreaterThan(0.04); // seen on paper
    expect(alpha).toBeLessThanOrEqual(0.15); // text under it still reads black
  });

  it('has no stamp or watermark for a document without a mark', () => {
    const plain = tree(sampleDocument({ mark: null }));
    expect(byClass(plain, 'watermark')).toEqual([]);
    expect(byClass(plain, 'stamp')).toEqual([]);
    expect(text(plain)).not.toContain('DRAFT');
  });

  it('prints on Letter with headers repeated on every page and rows kept whole', () => {
    const style = css(root);
    expect(style).toContain('@page { size: Letter; margin: 0.75in; }');
    expect(style).toContain('thead { display: table-header-group; }');
    expect(style).toContain('tr { break-inside: avoid; }');
    expect(style).toMatch(/h1, h2, h3 \{[^}]*break-after: avoid/);
  });
});

describe('HTML: long and repeated output', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('keeps every row of a long table under a single header row', () => {
    const root = tree(longDocument(60));
    const [table] = all(root, 'table');
    expect(all(table!, 'thead')).toHaveLength(1);
    const rows = all(one(table!, 'tbody'), 'tr');
    expect(rows).toHaveLength(60);
    expect(text(rows[59]!)).toContain('S60 Patrol Euclid Ave on weekend nights (issue 60)');
    expect(texts(root, 'h3')).toHaveLength(60);
  });

  it('is the same whatever the clock says', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-01-01T00:00:00Z'));
    const before = renderHtml(sampleDocument());
    vi.setSystemTime(new Date('2031-07-04T12:34:56Z'));
    expect(renderHtml(sampleDocument())).toBe(before);
  });
});
