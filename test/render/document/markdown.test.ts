import { Lexer, Parser, type Token, type Tokens } from 'marked';
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { describe, expect, it } from 'vitest';
import type { PrintedDocument } from '../../../src/render/document/model.js';
import { renderMarkdown } from '../../../src/render/document/markdown.js';
import { HOSTILE, NAMES, sampleDocument } from '../../helpers/documents.js';

/** Block tokens from marked, a CommonMark + GitHub parser nobody here wrote; blank lines dropped. */
const lex = (markdown: string): Token[] => new Lexer().lex(markdown).filter((t) => t.type !== 'space');

type Node = DefaultTreeAdapterMap['node'];
/** Text content, with a line break where the HTML breaks the line. */
const textOf = (node: Node): string =>
  node.nodeName === '#text'
    ? (node as DefaultTreeAdapterMap['textNode']).value
    : node.nodeName === 'br'
      ? '\n'
      : 'childNodes' in node
        ? node.childNodes.map(textOf).join('')
        : '';
/** What a reader sees of inline tokens: marked's HTML, read back by parse5 (entities decoded). */
const seen = (tokens: Token[]): string => textOf(parseFragment(Parser.parseInline(tokens)));

/** Every token, nested ones and table cells included. */
function flat(tokens: Token[]): Token[] {
  return tokens.flatMap((t) => {
    const cells =
      t.type === 'table' ? [...(t as Tokens.Table).header, ...(t as Tokens.Table).rows.flat()] : [];
    const inner = [...('tokens' in t && t.tokens ? t.tokens : []), ...cells.flatMap((c) => c.tokens)];
    const items = t.type === 'list' ? (t as Tokens.List).items : [];
    return [t, ...flat(inner), ...flat(items)];
  });
}
/** The inline tokens inside block tokens (a list item's text, a quote's paragraph). */
const inner = (tokens: Token[]): Token[] =>
  tokens.flatMap((t) => ('tokens' in t && t.tokens ? t.tokens : []));
const ofType = <T extends Token>(tokens: Token[], type: string) =>
  flat(tokens).filter((t) => t.type === type) as T[];
const rowsOf = (table: Tokens.Table) =>
  [table.header, ...table.rows].map((row) => row.map((c) => seen(c.tokens)));

describe('Markdown: the sample document', () => {
  const doc = sampleDocument();
  const markdown = renderMarkdown(doc);
  const tokens = lex(markdown);

  it('matches test/golden/document-sample.md', async () => {
    await expect(markdown).toMatchFileSnapshot('../../golden/document-sample.md');
  });

  it('has the title at depth 1, sections at 2 and subheadings at 3', () => {
    expect(ofType<Tokens.Heading>(tokens, 'heading').map((h) => `${h.depth} ${seen(h.tokens)}`)).toEqual([
      '1 Sector 75A Neighborhood Safety Meeting',
      '2 Hosting officers',
      '2 Attendance',
      '2 Issues raised',
      '3 I7 · traffic · open',
      '2 Approval',
      '2 Sign in',
    ]);
  });

  it('opens with the title, the kind and mark, the facts one per line and the notices in a quote', () => {
    const [title, kind, facts, notices] = tokens as [
      Tokens.Heading,
      Tokens.Paragraph,
      Tokens.Paragraph,
      Tokens.Blockquote,
    ];
    expect(title.type).toBe('heading');
    expect(kind.type).toBe('paragraph');
    expect(ofType<Tokens.Strong>([kind], 'strong').map((s) => seen(s.tokens))).toEqual(['Minutes', 'DRAFT']);
    expect(seen(facts.tokens).split('\n')).toEqual(doc.facts.map((f) => `${f.label}: ${f.value}`));
    expect(ofType<Tokens.Br>([facts], 'br')).toHaveLength(doc.facts.length - 1);
    expect(notices.type).toBe('blockquote');
    expect(seen(inner(notices.tokens))).toBe(doc.notices[0]);
  });

  it('says no DRAFT when there is no mark', () => {
    expect(renderMarkdown(sampleDocument({ mark: null }))).not.toContain('DRAFT');
  });

  it('lists the officers with their accents', () => {
    const [list] = ofType<Tokens.List>(tokens, 'list');
    expect(list!.items.map((i) => seen(inner(i.tokens)))).toEqual(NAMES.map((n) => `Police Officer ${n}`));
  });

  it('reads the solutions table back cell by cell, pipes and accents included', () => {
    const [solutions] = ofType<Tokens.Table>(tokens, 'table');
    expect(rowsOf(solutions!)).toEqual([
      ['Solution', 'Owner', 'Due', 'Status'],
      ['S3 Speed humps on Linden Blvd', 'Nguyễn Thị Hoa', '2027-01-15', 'agreed'],
      [`S4 ${HOSTILE[2]}`, 'DOT', '', 'in-progress'],
    ]);
  });

  it('turns no stored text into a link, image, HTML, code or emphasis', () => {
    for (const type of ['link', 'image', 'html', 'codespan', 'del', 'code'])
      expect(ofType(tokens, type), type).toEqual([]);
    // The only emphasis is the muted paragraph; the only bold, the kind, mark and labels.
    expect(ofType<Tokens.Em>(tokens, 'em').map((e) => seen(e.tokens))).toEqual(['No solution agreed yet.']);
    expect(ofType<Tokens.Strong>(tokens, 'strong').map((s) => seen(s.tokens))).toEqual([
      'Minutes',
      'DRAFT',
      ...doc.facts.map((f) => `${f.label}:`),
      'Where:',
    ]);
    const paragraphs = ofType<Tokens.Paragraph>(tokens, 'paragraph').map((p) => seen(p.tokens));
    expect(paragraphs).toContain(HOSTILE[0]);
    expect(paragraphs).toContain(`Where: ${HOSTILE[2]}`);
  });

  it('gives each signature label a line and the form its empty rows', () => {
    const paragraphs = ofType<Tokens.Paragraph>(tokens, 'paragraph').map((p) => seen(p.tokens));
    expect(paragraphs).toContain('Approved by: ____________________\nDate: ____________________');
    const form = ofType<Tokens.Table>(tokens, 'table')[1]!;
    expect(rowsOf(form)).toEqual([
      ['Name', 'Block or street', 'Email for meeting updates (optional)'],
      ['', '', ''],
      ['', '', ''],
      ['', '', ''],
    ]);
  });

  it('ends with the footer after a rule', () => {
    const [rule, footer] = tokens.slice(-2) as [Tokens.Hr, Tokens.Paragraph];
    expect(rule.type).toBe('hr');
    expect(seen(footer.tokens)).toBe(doc.footer);
    expect(markdown.endsWith(`\n\n---\n\n${doc.footer}\n`)).toBe(true);
  });
});

/** Text that opens a Markdown construct of its own when it starts a line or sits in a cell. */
const TRICKY = [
  '- not a list',
  '+ nor this',
  '1. nor a numbered list',
  '2) nor this',
  '# not a heading',
  '> not a quote',
  '---',
  '===',
  '***',
  '    not code',
  '```js',
  '~~not struck~~',
  '&amp; &#60; &copy; stay as typed',
  '<b>not bold</b> <span>',
  '[ref]: /elsewhere',
  '![not an image](x.png)',
  'a | b || c',
  'back\\slash\\',
  '\\| escaped pipe',
  'two\nlines',
];

/** One section per string, the string in each place a block puts stored text. */
function trickyDocument(): PrintedDocument {
  return sampleDocument({
    facts: [],
    notices: [],
    sections: TRICKY.map((s) => ({
      heading: s,
      blocks: [
        { kind: 'subheading', text: s },
        { kind: 'paragraph', text: s },
        { kind: 'list', items: [s] },
        { kind: 'table', columns: [{ header: s, width: 1 }], rows: [[s]] },
      ],
    })),
  });
}

describe('Markdown: stored text that looks like Markdown', () => {
  const tokens = lex(renderMarkdown(trickyDocument()));
  const shown = (s: string) => s.trim().replace(/\n/g, ' ');

  it('keeps the document shape: only the blocks the renderer writes', () => {
    const kinds = tokens.map((t) => (t.type === 'heading' ? `h${(t as Tokens.Heading).depth}` : t.type));
    const perSection = ['h2', 'h3', 'paragraph', 'list', 'table'];
    expect(kinds).toEqual(['h1', 'paragraph', ...TRICKY.flatMap(() => perSection), 'hr', 'paragraph']);
  });

  it('reads back as typed in headings, paragraphs, list items and table cells', () => {
    const body = tokens.slice(2, -2);
    TRICKY.forEach((s, i) => {
      const [h2, h3, p, list, table] = body.slice(i * 5, i * 5 + 5) as [
        Tokens.Heading,
        Tokens.Heading,
        Tokens.Paragraph,
        Tokens.List,
        Tokens.Table,
      ];
      expect(seen(h2.tokens), s).toBe(shown(s));
      expect(seen(h3.tokens), s).toBe(shown(s));
      expect(seen(p.tokens), s).toBe(shown(s));
      expect(list.items, s).toHaveLength(1);
      expect(seen(inner(list.items[0]!.tokens)), s).toBe(shown(s));
      expect(rowsOf(table), s).toEqual([[shown(s)], [shown(s)]]);
    });
    for (const type of ['link', 'image', 'html', 'codespan', 'del', 'code', 'em', 'blockquote'])
      expect(ofType(tokens, type), type).toEqual([]);
    expect(ofType<Tokens.Strong>(tokens, 'strong').map((t) => seen(t.tokens))).toEqual(['Minutes', 'DRAFT']);
  });

  it('leaves a bare web address as text: GitHub would make it a link (issue #11)', () => {
    const address = 'https://example.com/meet?id=1';
    const tokens = lex(renderMarkdown(sampleDocument({ footer: `Online: ${address}` })));
    expect(ofType<Tokens.Link>(tokens, 'link')).toEqual([]);
    expect(seen((tokens.at(-1) as Tokens.Paragraph).tokens)).toBe(`Online: ${address}`);
  });
});
