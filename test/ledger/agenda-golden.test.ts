import { describe, expect, it } from 'vitest';
import { Lexer } from 'marked';
import { agendaView } from '../../src/domain/agenda.js';
import { renderMarkdown } from '../../src/render/document/markdown.js';
import { agendaDocument } from '../../src/render/printed/agenda.js';
import { issue, ledgerStore, meeting, solution } from './fixtures.js';

/**
 * The Markdown agenda of 75A's June meeting, compared with test/golden/agenda-75A.md. The store:
 * N1 and N2 on 75A (N3 on 75B), March held with a public traffic issue (one solution overdue by
 * June, one not) and a private noise issue, June scheduled, July cancelled, September scheduled.
 */
const march = meeting('M1', '75A', '2027-03-09T19:00', { status: 'held', attendance: 31 });
const june = meeting('M2', '75A', '2027-06-08T19:00');
const july = meeting('M3', '75A', '2027-07-13T19:00', { status: 'cancelled' });
const september = meeting('M4', '75A', '2027-09-14T18:30', {
  location: 'P.S. 190 auditorium',
  address: null,
});
const PRIVATE = {
  summary: 'Parties every night at 123 Elm St apt 2, reported by Jane Doe',
  location: '123 Elm St',
  solution: 'Visit Jane Doe to take a statement',
  owner: 'Jane Doe',
};

const store = ledgerStore({
  meetings: [march, june, july, september, meeting('M5', '75B', '2027-03-02T19:00', { status: 'held' })],
  issues: [
    issue('I1', march, [], {
      summary: 'Cars speeding on Linden Blvd at school dismissal',
      location: 'Linden Blvd & Ashford St',
    }),
    issue('I2', march, [], {
      category: 'noise',
      private: true,
      summary: PRIVATE.summary,
      location: PRIVATE.location,
    }),
  ],
  solutions: [
    solution('S1', 'I1', 'agreed', { summary: 'Ask DOT for a speed-bump survey', due: '2027-04-30' }),
    solution('S2', 'I1', 'in-progress', {
      summary: 'Traffic post at dismissal',
      owner: 'N1',
      ownerKind: 'nco',
      due: '2027-07-15',
    }),
    solution('S3', 'I2', 'agreed', {
      summary: PRIVATE.solution,
      owner: PRIVATE.owner,
      ownerKind: 'community',
    }),
  ],
});
const agendaMarkdown = (view: ReturnType<typeof agendaView>) => renderMarkdown(agendaDocument(view));
const md = agendaMarkdown(agendaView(store, june));

/** Splits a table row into cells on unescaped pipes (`\|` inside a cell is text). */
function cells(row: string): string[] {
  return row
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split(/(?<!\\)\|/);
}

/** Tokens from marked, a CommonMark + GitHub-tables parser nobody here wrote. */
type Token = {
  type: string;
  depth?: number;
  text?: string;
  tokens?: Token[];
  header?: Cell[];
  rows?: Cell[][];
};
type Cell = { text: string; tokens: Token[] };

const parse = (markdown: string): Token[] => new Lexer().lex(markdown) as unknown as Token[];
/** The text a reader sees: escapes resolved, emphasis and links flattened. */
const plain = (tokens: Token[]): string =>
  tokens.map((t) => (t.tokens ? plain(t.tokens) : (t.text ?? ''))).join('');
const all = (tokens: Token[], type: string): Token[] =>
  tokens.flatMap((t) => [
    ...(t.type === type ? [t] : []),
    ...all(
      [
        ...(t.tokens ?? []),
        ...(t.header ?? []).flatMap((c) => c.tokens),
        ...(t.rows ?? []).flat().flatMap((c) => c.tokens),
      ],
      type,
    ),
  ]);

describe('the Markdown agenda (golden file)', () => {
  it('matches test/golden/agenda-75A.md', async () => {
    await expect(md).toMatchFileSnapshot('../golden/agenda-75A.md');
  });

  it('says the right things, independently of the snapshot', () => {
    expect(md).toContain('### I1 · traffic · open');
    expect(md).toContain('### I2 · noise · open');
    expect(md).toContain('**Raised:** at M1 on Mar 9, 2027  \n**Open:** 91 days, through 1 meeting');
    expect(md).toMatch(
      /\| S1 Ask DOT for a speed-bump survey \| DOT \| Apr 30, 2027 \| agreed \(overdue\) \|/,
    );
    expect(md).toMatch(/\| S2 Traffic post at dismissal \| Maria Lopez \| Jul 15, 2027 \| in-progress \|$/m);
    expect(md.match(/\(overdue\)/g)).toHaveLength(1);
    expect(md).toContain('Police Officer Maria Lopez, Sergeant Sam Ortiz');
    expect(md).not.toContain('Kim Park'); // N3 works 75B
    expect(md).toContain(
      '## 4. Next meeting\n\nTuesday, September 14, 2027, 6:30 PM, P.S. 190 auditorium (M4).',
    );
    expect(md).not.toContain('M3'); // the cancelled July meeting is neither counted nor next
    for (const text of Object.values(PRIVATE)) expect(md).not.toContain(text);
    expect(md).not.toContain('Elm St');
    expect(md).toContain('| S3 |  |  | agreed |');
  });

  it('every table row has as many cells as its header', () => {
    const rows = md.split('\n').filter((l) => l.startsWith('|'));
    expect(rows.length).toBeGreaterThanOrEqual(7);
    const header = cells('| Solution | Owner | Due | Status |');
    for (const row of rows) expect(cells(row), row).toHaveLength(header.length);
  });

  it('parses as Markdown into the four sections, one table per issue with solutions', () => {
    const tokens = parse(md);
    const headings = all(tokens, 'heading').map((h) => `${h.depth} ${plain(h.tokens!)}`);
    expect(headings).toEqual([
      '1 Sector 75A Neighborhood Safety Meeting',
      '2 1. Welcome',
      '2 2. Old business',
      '3 I1 · traffic · open',
      '3 I2 · noise · open',
      '2 3. New business',
      '2 4. Next meeting',
    ]);
    const tables = all(tokens, 'table');
    expect(tables).toHaveLength(2);
    for (const t of tables) for (const row of [t.header!, ...t.rows!]) expect(row).toHaveLength(4);
    expect([tables[0]!.header!, ...tables[0]!.rows!].map((r) => plain(r[0]!.tokens))).toEqual([
      'Solution',
      'S1 Ask DOT for a speed-bump survey',
      'S2 Traffic post at dismissal',
    ]);
  });
});

describe('Markdown escaping of stored text', () => {
  const tricky = 'Speeding | *racing* at <b>night</b> on [Linden](linden.html) #1 `x` \\o/';
  const s = ledgerStore({
    meetings: [march, june],
    issues: [issue('I1', march, [], { summary: tricky, location: 'Pitkin | Ashford' })],
    solutions: [
      solution('S1', 'I1', 'agreed', {
        summary: 'Cones | signs',
        owner: 'Block *Assn*',
        ownerKind: 'community',
      }),
    ],
  });
  const text = agendaMarkdown(agendaView(s, june));

  it('keeps the table shape and reads back as the text that was stored', () => {
    const tokens = parse(text);
    const [table] = all(tokens, 'table');
    for (const row of [table!.header!, ...table!.rows!]) expect(row).toHaveLength(4);
    expect(plain(table!.rows![0]![0]!.tokens)).toBe('S1 Cones | signs');
    expect(plain(table!.rows![0]![1]!.tokens)).toBe('Block *Assn*');
    expect(all(tokens, 'paragraph').map((p) => plain(p.tokens!))).toContain(tricky);
    for (const kind of ['em', 'link', 'html', 'codespan']) expect(all(tokens, kind), kind).toEqual([]);
  });
});
