import { writeFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { issuesReport, median, type IssuesReport } from '../../src/domain/reports/issues.js';
import { json, tempStore } from '../helpers/cli.js';
import { demoStore } from '../helpers/demo.js';
import { linesWiderThan, refused } from '../helpers/e2e.js';
import { nsmIn } from '../helpers/in-process.js';
import { entry, issue, ledgerStore, meeting, solution } from '../ledger/fixtures.js';

/**
 * `nsm report issues`. The store: 75A held meetings in March, June and September 2026 (December
 * scheduled), 75B held in March (June cancelled), 14A held in April; issues resolved at a named
 * meeting, closed between meetings, reopened, private; solutions overdue or not. The clock is the
 * tests' (2026-11-26).
 */
const TODAY = '2026-11-26';
const PRIVATE = ['Jane Doe', '123 Elm St', 'Visit her at home'];

const m1 = meeting('M1', '75A', '2026-03-10T19:00', { status: 'held' });
const m2 = meeting('M2', '75A', '2026-06-09T19:00', { status: 'held' });
const m3 = meeting('M3', '75A', '2026-09-08T19:00', { status: 'held' });
const m4 = meeting('M4', '75A', '2026-12-08T19:00');
const m5 = meeting('M5', '75B', '2026-03-11T19:00', { status: 'held' });
const m6 = meeting('M6', '75B', '2026-06-10T19:00', { status: 'cancelled' });
const m7 = meeting('M7', '14A', '2026-04-01T19:00', { status: 'held', precinct: 14 });

function reportStore() {
  return ledgerStore({
    meetings: [m1, m2, m3, m4, m5, m6, m7],
    issues: [
      issue('I1', m1, [entry('2026-06-09', 'resolved', 'signs up', 'M2')], {
        summary: '=HYPERLINK("http://evil.example")',
      }),
      issue('I2', m1, [], {
        category: 'noise',
        private: true,
        summary: 'Parties every night, reported by Jane Doe',
        location: '123 Elm St',
      }),
      issue('I3', m1, [entry('2026-04-01', 'in-progress'), entry('2026-07-01', 'closed', 'not ours')], {
        category: 'parking',
      }),
      issue('I4', m2, [], { summary: '+1 more "quoted" car\nsecond line', location: 'Linden Blvd' }),
      issue('I5', m5, [entry('2026-05-01', 'resolved', 'arrests')], {
        category: 'drugs',
        summary: '-2 dealers at the corner',
      }),
      issue('I6', m3, [entry('2026-10-01', 'in-progress')], {
        category: 'vandalism',
        summary: '@graffiti on the wall',
      }),
      issue('I7', m7, [], { category: 'noise', summary: 'Car alarms at night' }),
      issue('I8', m2, [entry('2026-07-01', 'resolved'), entry('2026-08-01', 'open', 'back again')]),
    ],
    solutions: [
      solution('S1', 'I4', 'agreed', { owner: 'N1', ownerKind: 'nco', due: '2026-10-01' }),
      solution('S2', 'I2', 'agreed', {
        summary: 'Visit her at home',
        owner: 'Jane Doe',
        ownerKind: 'community',
        due: '2026-11-01',
      }),
      solution('S3', 'I2', 'in-progress', { summary: 'Visit her at home', owner: 'DOT', due: '2026-11-20' }),
      solution('S4', 'I6', 'in-progress', { due: TODAY }),
      solution('S5', 'I4', 'done', { due: '2026-09-01' }),
      solution('S6', 'I6', 'agreed'),
      solution('S7', 'I4', 'agreed', {
        summary: '=SUM(A1)',
        owner: '=cmd|evil',
        ownerKind: 'community',
        due: '2026-11-25',
      }),
    ],
  });
}

const ALL = { precinct: null, sector: null };
const P75 = { precinct: 75, sector: null };
const ANY = { from: null, to: null };

describe('the report, on a hand-built store', () => {
  const report = issuesReport(reportStore(), P75, ANY, TODAY);

  it('counts issues by category and status, with row and column totals', () => {
    expect(report.byCategory).toEqual([
      { category: 'noise', open: 1, inProgress: 0, resolved: 0, closed: 0, total: 1 },
      { category: 'drugs', open: 0, inProgress: 0, resolved: 1, closed: 0, total: 1 },
      { category: 'traffic', open: 2, inProgress: 0, resolved: 1, closed: 0, total: 3 },
      { category: 'parking', open: 0, inProgress: 0, resolved: 0, closed: 1, total: 1 },
      { category: 'vandalism', open: 0, inProgress: 1, resolved: 0, closed: 0, total: 1 },
    ]);
    expect(report.totals).toEqual({ open: 3, inProgress: 1, resolved: 2, closed: 1, total: 7 });
  });

  it('counts by sector: every sector of the precinct, and across the city only those with issues', () => {
    expect(report.bySector).toEqual([
      { sector: '75A', raised: 6, open: 3, inProgress: 1, resolved: 1, closed: 1 },
      { sector: '75B', raised: 1, open: 0, inProgress: 0, resolved: 1, closed: 0 },
      { sector: '75C', raised: 0, open: 0, inProgress: 0, resolved: 0, closed: 0 },
    ]);
    const city = issuesReport(reportStore(), ALL, ANY, TODAY);
    expect(city.bySector.map((s) => [s.sector, s.raised])).toEqual([
      ['14A', 1],
      ['75A', 6],
      ['75B', 1],
    ]);
  });

  it('takes the median days to the first resolution, of issues resolved or closed now', () => {
    // I5 51 days, I1 91, I3 113 (closed); I8 was resolved but is open again.
    expect(report.resolution).toEqual({ median: 91, count: 3 });
    const from = issuesReport(reportStore(), P75, { from: '2026-03-11', to: null }, TODAY);
    expect(from.resolution).toEqual({ median: 51, count: 1 });
  });

  it('takes the mean of the middle two for an even count', () => {
    expect(median([51, 91])).toBe(71);
    expect(median([1, 2, 4, 9])).toBe(3);
    expect(median([5])).toBe(5);
    expect(median([])).toBeNull();
    const withoutI3 = reportStore();
    withoutI3.issues = withoutI3.issues.filter((i) => i.id !== 'I3');
    expect(issuesReport(withoutI3, P75, ANY, TODAY).resolution).toEqual({ median: 71, count: 2 });
  });

  it('lists open and in-progress issues oldest first, with days open, private text left out', () => {
    expect(report.oldestOpen.map((i) => [i.id, i.status, i.daysOpen])).toEqual([
      ['I2', 'open', 261],
      ['I4', 'open', 170],
      ['I8', 'open', 170],
      ['I6', 'in-progress', 79],
    ]);
    expect(report.oldestOpen[0]).toMatchObject({ private: true, summary: null, location: null });
    expect(report.oldestOpen[1]).toMatchObject({ summary: '+1 more "quoted" car\nsecond line' });
  });

  it('lists at most ten open issues', () => {
    const store = reportStore();
    const many = Array.from({ length: 12 }, (_, n) => issue(`I${20 + n}`, m3));
    store.issues.push(...many);
    const cut = issuesReport(store, P75, ANY, TODAY);
    expect(cut.oldestOpen).toHaveLength(10);
    expect(cut.totals.open + cut.totals.inProgress).toBe(16);
  });

  it('lists overdue solutions, most overdue first: NCOs by name, a private issue without its text', () => {
    expect(report.overdueSolutions).toEqual([
      overdue(
        'S1',
        'I4',
        { summary: 'Summary of S1', owner: 'Maria Lopez', ownerKind: 'nco' },
        '2026-10-01',
        56,
      ),
      overdue(
        'S2',
        'I2',
        { private: true, summary: null, owner: null, ownerKind: 'community' },
        '2026-11-01',
        25,
      ),
      overdue(
        'S3',
        'I2',
        { private: true, summary: null, owner: 'DOT', ownerKind: 'agency' },
        '2026-11-20',
        6,
      ),
      overdue(
        'S7',
        'I4',
        { summary: '=SUM(A1)', owner: '=cmd|evil', ownerKind: 'community' },
        '2026-11-25',
        1,
      ),
    ]);
  });

  it('counts what each held meeting raised and resolved, by the meeting named or else the date', () => {
    // I1 names M2; I3 was closed on 2026-07-01, after M2 and before M3; I5 on 2026-05-01, after M5;
    // I8 was reopened, so resolved nothing. M4 is not held, M6 was cancelled, M7 is precinct 14.
    expect(report.meetings).toEqual([
      { id: 'M1', sector: '75A', date: '2026-03-10', raised: 3, resolved: 0 },
      { id: 'M5', sector: '75B', date: '2026-03-11', raised: 1, resolved: 1 },
      { id: 'M2', sector: '75A', date: '2026-06-09', raised: 2, resolved: 2 },
      { id: 'M3', sector: '75A', date: '2026-09-08', raised: 1, resolved: 0 },
    ]);
  });

  it('keeps to the period, both ends included, either end open', () => {
    const ids = (r: IssuesReport) => r.oldestOpen.map((i) => i.id);
    const june = issuesReport(reportStore(), P75, { from: '2026-06-09', to: '2026-06-09' }, TODAY);
    expect(june.totals.total).toBe(2);
    expect(ids(june)).toEqual(['I4', 'I8']);
    expect(june.meetings.map((m) => m.id)).toEqual(['M2']);
    expect(june.overdueSolutions.map((s) => s.id)).toEqual(['S1', 'S7']);
    const upTo = issuesReport(reportStore(), P75, { from: null, to: '2026-03-10' }, TODAY);
    expect(upTo.totals.total).toBe(3);
    expect(upTo.meetings.map((m) => m.id)).toEqual(['M1']);
    const after = issuesReport(reportStore(), P75, { from: '2026-06-10', to: null }, TODAY);
    expect(after.totals.total).toBe(1);
    expect(after.resolution).toEqual({ median: null, count: 0 });
  });

  it('narrows to one sector', () => {
    const b = issuesReport(reportStore(), { precinct: 75, sector: '75B' }, ANY, TODAY);
    expect(b.totals.total).toBe(1);
    expect(b.bySector.map((s) => s.sector)).toEqual(['75B']);
    expect(b.meetings.map((m) => m.id)).toEqual(['M5']);
  });
});

function overdue(
  id: string,
  issueId: string,
  text: { summary: string | null; owner: string | null; ownerKind: string; private?: boolean },
  due: string,
  daysOverdue: number,
) {
  return { id, issueId, sector: '75A', private: false, ...text, due, daysOverdue };
}

// ---- through the command line ----

function storeFile(): string {
  const path = tempStore();
  writeFileSync(path, JSON.stringify(reportStore()));
  return path;
}

async function report(store: string, args: string[], terminal?: number): Promise<string> {
  const run = await nsmIn(['report', 'issues', ...args], { store, ...(terminal ? { terminal } : {}) });
  expect(run.status, run.stderr).toBe(0);
  return run.stdout;
}

describe('nsm report issues', () => {
  it.each(['table', 'tsv', 'md', 'csv', 'json'])(
    'counts private issues but never shows their text (--format %s)',
    async (format) => {
      const out = await report(storeFile(), ['--precinct', '75', '--format', format], 200);
      for (const text of PRIVATE) expect(out).not.toContain(text);
      expect(out).toMatch(/noise/);
      expect(out).toContain('I2');
    },
  );

  it('writes JSON (test/golden/report-issues.json)', async () => {
    const json = await report(storeFile(), ['--precinct', '75', '--json']);
    await expect(json).toMatchFileSnapshot('../golden/report-issues.json');
    for (const text of PRIVATE) expect(json).not.toContain(text);
  });

  it('writes Markdown (test/golden/report-issues.md)', async () => {
    const md = await report(storeFile(), ['--precinct', '75', '--format', 'md']);
    expect(md).toContain('| I2 | 75A | noise | open | 2026-03-10 | 261 | (private) |');
    await expect(md).toMatchFileSnapshot('../golden/report-issues.md');
  });

  it('writes CSV a parser reads back, one part after another (test/golden/report-issues.csv)', async () => {
    const csv = await report(storeFile(), ['--precinct', '75', '--format', 'csv']);
    await expect(csv).toMatchFileSnapshot('../golden/report-issues.csv');
    const rows = parse(csv, { relax_column_count: true }) as string[][];
    const parts = sectionsOf(rows);
    expect(Object.keys(parts)).toEqual([
      'Issues by category and status',
      'Issues by sector',
      'Oldest open issues (4)',
      'Overdue solutions (4)',
      'Meetings held (4)',
    ]);
    expect(parts['Issues by category and status']!.at(-1)).toEqual(['Total', '3', '1', '2', '1', '7']);
    const open = parts['Oldest open issues (4)']!;
    expect(open[0]).toEqual(['ID', 'Sector', 'Category', 'Status', 'Raised', 'Days open', 'Summary']);
    expect(open.slice(1).map((r) => r[6])).toEqual([
      '(private)',
      `'+1 more "quoted" car\nsecond line`,
      'Summary of I8',
      `'@graffiti on the wall`,
    ]);
    const solutions = parts['Overdue solutions (4)']!;
    expect(solutions.slice(1).map((r) => [r[0], r[3], r[4], r[6]])).toEqual([
      ['S1', 'Summary of S1', 'Maria Lopez', '56'],
      ['S2', '(private)', '(private)', '25'],
      ['S3', '(private)', 'DOT', '6'],
      ['S7', `'=SUM(A1)`, `'=cmd|evil`, '1'],
    ]);
  });

  it('fits an 80-column terminal', async () => {
    const store = await demoStore();
    const out = await report(store, ['--precinct', '75'], 80);
    expect(linesWiderThan(out, 80)).toEqual([]);
    expect(out).toContain('Issues report: Precinct 75 (75th Precinct)');
    expect(out).toContain('Oldest open issues (5)');
    expect(out).toContain('No issue raised in this period is resolved or closed yet.');
    const hostile = await report(storeFile(), ['--precinct', '75'], 80);
    expect(linesWiderThan(hostile, 80)).toEqual([]);
    expect(hostile).toContain('Median 91 days from raised to resolved or closed, over 3 issues.');
  });

  it('reports the demo as JSON', async () => {
    const store = await demoStore();
    const report = json<IssuesReport>(
      await nsmIn(['report', 'issues', '--precinct', '75', '--json'], { store }),
    );
    expect(report.asOf).toBe(TODAY);
    expect(report.scope).toEqual(P75);
    expect(report.period).toEqual(ANY);
    expect(report.totals).toEqual({ open: 5, inProgress: 0, resolved: 0, closed: 0, total: 5 });
    expect(report.bySector.map((s) => [s.sector, s.raised])).toEqual(
      ['75A', '75B', '75C', '75D', '75E'].map((s) => [s, 1]),
    );
    expect(report.resolution).toEqual({ median: null, count: 0 });
    expect(report.oldestOpen.map((i) => [i.id, i.daysOpen])).toEqual([
      ['I1', 79],
      ['I2', 78],
      ['I3', 77],
      ['I4', 72],
      ['I5', 71],
    ]);
    expect(report.overdueSolutions.map((s) => [s.id, s.daysOverdue])).toEqual([
      ['S3', 48],
      ['S7', 41],
      ['S1', 34],
      ['S5', 27],
      ['S4', 17],
    ]);
    expect(report.meetings.every((m) => m.raised === 1 && m.resolved === 0)).toBe(true);
    const sector = json<IssuesReport>(
      await nsmIn(
        ['report', 'issues', '--sector', '75a', '--from', '2026-09-08', '--to', 'today', '--json'],
        {
          store,
        },
      ),
    );
    expect(sector.scope).toEqual({ precinct: 75, sector: '75A' });
    expect(sector.period).toEqual({ from: '2026-09-08', to: TODAY });
    expect(sector.totals.total).toBe(1);
  });

  it('takes its scope from the precinct setting; --precinct all widens it, --sector narrows it', async () => {
    const store = storeFile();
    const config = tempStore();
    writeFileSync(config, JSON.stringify({ precinct: '14' }));
    const scoped = async (args: string[]) =>
      json<IssuesReport>(
        await nsmIn(['report', 'issues', ...args, '--json'], { store, env: { NSM_CONFIG: config } }),
      ).scope;
    expect(await scoped([])).toEqual({ precinct: 14, sector: null });
    expect(await scoped(['--precinct', 'all'])).toEqual(ALL);
    expect(await scoped(['--sector', '75B'])).toEqual({ precinct: 75, sector: '75B' });
  });

  it.each([
    [['--precinct', '75', '--sector', '75A'], 2],
    [['--from', '2026-10-01', '--to', '2026-09-01'], 2],
    [['--from', 'last week'], 2],
    [['--to', '2026-02-30'], 2],
    [['--from', '1989-12-31'], 2],
    [['--precinct', '99'], 4],
    [['--sector', '75Z'], 4],
  ])('refuses %j with exit %i, the store untouched', async (args, code) => {
    await refused(['report', 'issues', ...args], storeFile(), code);
  });
});

/** The CSV's parts: a one-cell heading row, then the table's header and rows, then an empty line. */
function sectionsOf(rows: string[][]): Record<string, string[][]> {
  const parts: Record<string, string[][]> = {};
  let current: string[][] | null = null;
  for (const row of rows) {
    if (row.length === 1 && row[0] === '') current = null;
    else if (current === null) parts[row[0]!] = current = [];
    else current.push(row);
  }
  return parts;
}
