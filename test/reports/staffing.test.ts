import { writeFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { Lexer, type Token, type Tokens } from 'marked';
import { describe, expect, it } from 'vitest';
import { staffingReport, type StaffingReport } from '../../src/domain/reports/staffing.js';
import type { Store } from '../../src/domain/schema.js';
import { serializeStore } from '../../src/store/store.js';
import { json, tempStore } from '../helpers/cli.js';
import { demoStore } from '../helpers/demo.js';
import { linesWiderThan, refused } from '../helpers/e2e.js';
import { nsmIn } from '../helpers/in-process.js';
import { nco, precinct, sector, store } from '../helpers/store-factory.js';
import { settingsFile } from '../home/screen.js';

/** Typed by a user: a comma and quotes for CSV, a leading "=" for a spreadsheet, Markdown syntax. */
const HOSTILE = '=HYPERLINK("x"), Lopez | *Mo*';
/** A formula prefix, quotes and a line break, on an NCO without a sector. */
const MULTILINE = '@Ana "Ace"\nDiaz';

/**
 * Precincts 9, 10 and 75. In 75, N2 moves from 75B to 75A on 2026-07-01, N4 joins 75C on
 * 2026-08-01, N5 never had a sector and N6's assignment to 75D ended in 2025.
 */
function city(): Store {
  return store({
    precincts: [precinct(75), precinct(10), precinct(9)],
    sectors: ['75D', '75C', '75B', '75A', '10A', '9A'].map(sector),
    ncos: [
      nco('N1', 75, [['75A', '2026-01-01', null]], { name: 'Maria Lopez', rank: 'Sergeant' }),
      nco('N2', 75, [
        ['75B', '2026-01-01', '2026-06-30'],
        ['75A', '2026-07-01', null],
      ]),
      nco('N3', 75, [['75B', '2026-01-01', null]], { name: HOSTILE }),
      nco('N4', 75, [['75C', '2026-08-01', null]]),
      nco('N5', 75),
      nco('N6', 75, [['75D', '2025-01-01', '2025-12-31']], { name: MULTILINE }),
      nco('N7', 10, [['10A', '2026-01-01', null]]),
      nco('N8', 10, [['10A', '2026-01-01', null]]),
      nco('N9', 9, [['9A', '2026-01-01', null]]),
    ],
  });
}

/** A Markdown cell's text as a reader sees it: escapes resolved, emphasis markers gone. */
function plainText(tokens: Token[]): string {
  return tokens
    .map((t) => ('tokens' in t && t.tokens ? plainText(t.tokens) : 'text' in t ? t.text : t.raw))
    .join('');
}

const staffed = (report: StaffingReport) =>
  report.sectors.map((s) => `${s.sector}:${s.ncos.map((n) => n.id).join(',')}`);

describe('staffingReport', () => {
  it('puts each NCO on the sector of their assignment on the date, short sectors first', () => {
    const june = staffingReport(city(), '2026-06-15', 75);
    expect(staffed(june)).toEqual(['75C:', '75D:', '75A:N1', '75B:N2,N3']);
    const september = staffingReport(city(), '2026-09-01', 75);
    expect(staffed(september)).toEqual(['75D:', '75B:N3', '75C:N4', '75A:N1,N2']);
  });

  it('counts an assignment from its first day to its last, both included', () => {
    expect(staffed(staffingReport(city(), '2026-06-30', 75))).toContain('75B:N2,N3');
    expect(staffed(staffingReport(city(), '2026-07-01', 75))).toContain('75A:N1,N2');
    expect(staffed(staffingReport(city(), '2026-07-31', 75))).toContain('75C:');
    expect(staffed(staffingReport(city(), '2026-08-01', 75))).toContain('75C:N4');
  });

  it('orders sectors naturally across precincts: 9A before 10A before 75A', () => {
    const report = staffingReport(city(), '2026-09-01', null);
    expect(staffed(report)).toEqual(['75D:', '9A:N9', '75B:N3', '75C:N4', '10A:N7,N8', '75A:N1,N2']);
  });

  it('lists the NCOs without a sector that day, but not one whose first sector is still ahead', () => {
    const june = staffingReport(city(), '2026-06-15', 75);
    expect(june.unassigned).toEqual([
      { id: 'N5', name: 'Officer N5', rank: 'Police Officer', shield: '1005', precinct: 75 },
      { id: 'N6', name: MULTILINE, rank: 'Police Officer', shield: '1006', precinct: 75 },
    ]);
    expect(staffingReport(city(), '2025-06-01', 75).unassigned.map((n) => n.id)).toEqual(['N5']);
    expect(staffingReport(city(), '2026-06-15', 10).unassigned).toEqual([]);
  });

  it('totals the sectors and NCOs', () => {
    expect(staffingReport(city(), '2026-09-01', null).totals).toEqual({
      sectors: 6,
      fullyStaffed: 2,
      belowTwo: 4,
      withNone: 1,
      ncosAssigned: 7,
      ncosWithoutSector: 2,
    });
  });

  it('leaves a precinct out of the city before it opened', () => {
    const s = city();
    s.precincts.push(precinct(116, { opened: '2024-12-18' }));
    s.sectors.push(sector('116A'));
    expect(staffingReport(s, '2024-12-17', null).sectors.map((x) => x.sector)).not.toContain('116A');
    expect(staffingReport(s, '2024-12-18', null).sectors.map((x) => x.sector)).toContain('116A');
  });
});

/** The hand-built city written to a store file. */
function cityStore(): string {
  const path = tempStore();
  writeFileSync(path, serializeStore(city()));
  return path;
}

const report = async (args: string[], store: string, env: Record<string, string> = {}) =>
  json<StaffingReport>(await nsmIn(['report', 'staffing', ...args, '--json'], { store, env }));

describe('nsm report staffing', () => {
  it('reports on the precinct setting, on every precinct with --precinct all, and on all without a setting', async () => {
    const store = cityStore();
    const env = { NSM_CONFIG: settingsFile({ precinct: '75' }) };
    const mine = await report(['--as-of', '2026-09-01'], store, env);
    expect(mine.precinct).toBe(75);
    expect(mine.sectors.map((s) => s.sector).sort()).toEqual(['75A', '75B', '75C', '75D']);
    const all = await report(['--precinct', 'all', '--as-of', '2026-09-01'], store, env);
    expect(all.precinct).toBeNull();
    expect(all.sectors).toHaveLength(6);
    expect(await report(['--as-of', '2026-09-01'], store)).toEqual(all);
    expect((await report(['--precinct', '10'], store, env)).sectors.map((s) => s.sector)).toEqual(['10A']);
  });

  it('reports as of today (the test clock) unless --as-of says otherwise', async () => {
    const store = cityStore();
    expect((await report(['--precinct', '75'], store)).asOf).toBe('2026-11-26');
    expect((await report(['--precinct', '75', '--as-of', 'yesterday'], store)).asOf).toBe('2026-11-25');
    expect((await report(['--precinct', '75', '--as-of', '2036-11-26'], store)).asOf).toBe('2036-11-26');
  });

  it("reports the demo's 75th Precinct: four sectors of two, 75E one short", async () => {
    const demo = await demoStore();
    const r = await report(['--precinct', '75'], demo);
    expect(r.totals).toEqual({
      sectors: 5,
      fullyStaffed: 4,
      belowTwo: 1,
      withNone: 0,
      ncosAssigned: 9,
      ncosWithoutSector: 0,
    });
    expect(r.sectors[0]).toEqual({
      sector: '75E',
      precinct: 75,
      ncos: [{ id: 'N9', name: 'Harper Sample (sample)', rank: 'Police Officer', shield: '90009' }],
      count: 1,
      short: true,
    });
    expect(r.sectors.slice(1).map((s) => [s.sector, s.count, s.short])).toEqual([
      ['75A', 2, false],
      ['75B', 2, false],
      ['75C', 2, false],
      ['75D', 2, false],
    ]);
    expect(r.unassigned).toEqual([]);
    expect(Object.keys(r)).toEqual(['asOf', 'precinct', 'totals', 'sectors', 'unassigned']);
  });

  it('fits 80 columns on a terminal', async () => {
    const demo = await demoStore();
    const run = await nsmIn(['report', 'staffing', '--precinct', '75'], { store: demo, terminal: 80 });
    expect(run.status, run.stderr).toBe(0);
    expect(linesWiderThan(run.stdout, 80)).toEqual([]);
    await expect(run.stdout).toMatchFileSnapshot('../golden/report-staffing.txt');
  });

  it('lists every sector of the city on an 80-column terminal, one line each', async () => {
    const demo = await demoStore();
    const run = await nsmIn(['report', 'staffing', '--precinct', 'all'], { store: demo, terminal: 80 });
    expect(run.status, run.stderr).toBe(0);
    expect(linesWiderThan(run.stdout, 80)).toEqual([]);
    const all = await report(['--precinct', 'all'], demo);
    expect(all.sectors.length).toBeGreaterThan(200);
    const rows = run.stdout.split('\n').filter((line) => /^│ \d+[A-Z] /.test(line));
    expect(rows.map((line) => /^│ (\d+[A-Z]) /.exec(line)![1])).toEqual(all.sectors.map((s) => s.sector));
  });

  it('writes JSON (test/golden/report-staffing.json)', async () => {
    const run = await nsmIn(['report', 'staffing', '--as-of', '2026-09-01', '--json'], {
      store: cityStore(),
    });
    expect(run.status, run.stderr).toBe(0);
    await expect(run.stdout).toMatchFileSnapshot('../golden/report-staffing.json');
  });

  it('writes Markdown tables that keep stored names as typed', async () => {
    const run = await nsmIn(['report', 'staffing', '--as-of', '2026-09-01', '--format', 'md'], {
      store: cityStore(),
    });
    expect(run.status, run.stderr).toBe(0);
    await expect(run.stdout).toMatchFileSnapshot('../golden/report-staffing.md');
    const tables = new Lexer().lex(run.stdout).filter((t): t is Tokens.Table => t.type === 'table');
    expect(tables.map((t) => t.header.map((h) => h.text))).toEqual([
      ['Sector', 'NCOs', 'Count', 'Staffing'],
      ['ID', 'Name', 'Rank', 'Shield', 'Pct'],
    ]);
    const row75B = tables[0]!.rows.find((r) => r[0]!.text === '75B')!;
    expect(row75B.map((c) => plainText(c.tokens))).toEqual(['75B', HOSTILE, '1', 'below two']);
    // A stored line break reads \n, as on a terminal, so a row stays one row.
    expect(tables[1]!.rows.map((r) => plainText(r[1]!.tokens))).toEqual(['Officer N5', '@Ana "Ace"\\nDiaz']);
  });

  it('shows a stored line break as \\n on a terminal, keeping each NCO on one row', async () => {
    const run = await nsmIn(['report', 'staffing', '--as-of', '2026-09-01'], {
      store: cityStore(),
      terminal: 80,
    });
    expect(run.status, run.stderr).toBe(0);
    expect(linesWiderThan(run.stdout, 80)).toEqual([]);
    expect(run.stdout).toMatch(/^│ N6 +│ @Ana "Ace"\\nDiaz +│/m);
  });

  it('writes CSV that a CSV parser reads back, names as typed and formulas defused', async () => {
    const run = await nsmIn(['report', 'staffing', '--as-of', '2026-09-01', '--format', 'csv'], {
      store: cityStore(),
    });
    expect(run.status, run.stderr).toBe(0);
    await expect(run.stdout).toMatchFileSnapshot('../golden/report-staffing.csv');
    const rows = parse(run.stdout, { relax_column_count: true, skip_empty_lines: true }) as string[][];
    expect(rows).toEqual([
      ['Sectors (6)'],
      ['Sector', 'NCOs', 'Count', 'Staffing'],
      ['75D', '', '0', 'below two'],
      ['9A', 'Officer N9', '1', 'below two'],
      ['75B', `'${HOSTILE}`, '1', 'below two'],
      ['75C', 'Officer N4', '1', 'below two'],
      ['10A', 'Officer N7; Officer N8', '2', ''],
      ['75A', 'Maria Lopez; Officer N2', '2', ''],
      ['NCOs without a sector (2)'],
      ['ID', 'Name', 'Rank', 'Shield', 'Pct'],
      ['N5', 'Officer N5', 'Police Officer', '1005', '75'],
      ['N6', `'${MULTILINE}`, 'Police Officer', '1006', '75'],
    ]);
  });

  it('refuses a bad --as-of and an unknown precinct, leaving the store as it was', async () => {
    const store = cityStore();
    for (const asOf of ['someday', '2026-02-30', '1989-12-31', '2036-11-27'])
      await refused(['report', 'staffing', '--as-of', asOf], store, 2);
    await refused(['report', 'staffing', '--precinct', 'abc'], store, 2);
    const unknown = await refused(['report', 'staffing', '--precinct', '99'], store, 4);
    expect(unknown.stderr).toContain('precinct 99');
    await refused(['report', 'staffing'], store, 4, { NSM_CONFIG: settingsFile({ precinct: '99' }) });
  });
});
