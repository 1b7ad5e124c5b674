import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { personMode } from '../../src/render/cells.js';
import { renderCsv, renderMarkdown, renderTsv } from '../../src/render/records.js';
import { fitColumns, renderTerminal } from '../../src/render/terminal.js';
import { day, fields, heading, table, when, type Block } from '../../src/render/view.js';

const NOW = new Date('2026-11-26T17:00:00Z');
const hostile = [
  '=HYPERLINK("http://x")',
  '+1 555',
  '-2+3',
  '@SUM(A1)',
  '\tlead tab',
  '\rlead cr',
  'plain, "quoted"\nline',
];

describe('CSV', () => {
  it('round-trips through a CSV parser with every formula prefix neutralised', async () => {
    const csv = await renderCsv([
      table(
        ['Text', 'N'],
        hostile.map((t, i) => [t, i]),
      ),
    ]);
    const rows = parse(csv, { relax_column_count: false }) as string[][];
    expect(rows[0]).toEqual(['Text', 'N']);
    expect(rows.slice(1).map((r) => r[0])).toEqual([
      `'=HYPERLINK("http://x")`,
      `'+1 555`,
      `'-2+3`,
      `'@SUM(A1)`,
      `'\tlead tab`,
      `'\rlead cr`,
      'plain, "quoted"\nline',
    ]);
    expect(rows.slice(1).map((r) => r[1])).toEqual(['0', '1', '2', '3', '4', '5', '6']);
    expect(csv).toContain('\r\n');
  });

  it('prints instants and dates absolute, and a show command as one row', async () => {
    const csv = await renderCsv([
      fields([
        ['ID', 'M1'],
        ['When', when('2026-12-08T19:00:00-05:00')],
        ['Due', day('2026-11-01', true)],
        ['Empty', null],
      ]),
      heading('Hosts'),
      table(['ID'], [['N1']]),
    ]);
    expect(parse(csv)).toEqual([
      ['ID', 'When', 'Due', 'Empty'],
      ['M1', '2026-12-08T19:00:00-05:00', '2026-11-01', ''],
    ]);
  });
});

describe('TSV and Markdown', () => {
  it('TSV keeps dates absolute and makes controls visible', () => {
    const tsv = renderTsv([table(['When', 'Note'], [[when('2027-03-09T19:00:00-04:00'), 'a\tb\u001b[31m']])]);
    expect(tsv).toBe('When\tNote\n2027-03-09T19:00:00-04:00\ta\\tb\\x1b[31m');
  });

  it('Markdown escapes table syntax in stored text and reads times as people write them', () => {
    const text = renderMarkdown([
      table(['Where', 'When'], [['A | B *x*', when('2026-12-08T19:00:00-05:00')]]),
    ]);
    expect(text.split('\n')[2]).toBe('| A \\| B \\*x\\* | Tue Dec 8 2026, 7:00 PM |');
  });
});

describe('terminal tables', () => {
  const long = 'Community Room of the 75th Precinct station house, 1000 Sutter Avenue, Brooklyn, NY 11208';
  const blocks: Block[] = [
    table(
      ['ID', 'When (New York)', 'Where', 'Link'],
      [
        [
          'M1',
          when('2026-12-08T19:00:00-05:00'),
          long,
          'https://meet.example.org/a-very-long-link-without-any-spaces-at-all-0123456789',
        ],
        ['M2', when('2026-11-20T19:00:00-05:00'), 'Short', null],
      ],
    ),
    fields([['Notes', long + ' ' + long]]),
  ];

  for (const width of [40, 60, 80, 120]) {
    it(`never prints a line wider than ${width} columns`, async () => {
      const out = await renderTerminal(blocks, { color: false, width, mode: await personMode(NOW) });
      for (const line of out.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(width);
      expect(out.replace(/[\s│]+/g, '')).toContain('M1');
    });
  }

  it('says when a meeting is, relative to today', async () => {
    const out = await renderTerminal(
      [
        fields([
          ['When', when('2026-12-08T19:00:00-05:00')],
          ['Due', day('2026-11-14', true)],
        ]),
      ],
      {
        color: false,
        width: 80,
        mode: await personMode(NOW),
      },
    );
    expect(out).toContain('Tue Dec 8 2026, 7:00 PM (in 12 days)');
    expect(out).toContain('2026-11-14 (overdue by 12 days)');
  });

  it('fitColumns shares the room in proportion to what each column wants, keeping floors', () => {
    expect(fitColumns([4, 30, 50], [4, 6, 6], 60)).toEqual([4, 22, 34]);
    expect(fitColumns([4, 10], [4, 6], 60)).toEqual([4, 10]);
    expect(fitColumns([4, 30, 50], [4, 20, 20], 30)).toEqual([4, 20, 20]); // floors win when nothing fits
  });
});
