import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { Lexer, type Token, type Tokens } from 'marked';
import { describe, expect, it } from 'vitest';
import { rolloutReport, type RolloutReport } from '../../src/domain/reports/rollout.js';
import type { Store } from '../../src/domain/schema.js';
import { serializeStore } from '../../src/store/store.js';
import { initializedStore, json, tempStore } from '../helpers/cli.js';
import { linesWiderThan, refused } from '../helpers/e2e.js';
import { nsmIn } from '../helpers/in-process.js';
import { precinct, store } from '../helpers/store-factory.js';

/** Typed by a user: a comma and quotes for CSV, a leading "=" for a spreadsheet, Markdown syntax. */
const HOSTILE = '=HYPERLINK("x"), "Kings" | *North*';

/**
 * Precincts 1 (phase 1, 2015-05-18), 2 and 3 (phase 2, 2016-01-11, Manhattan), 4 (no start),
 * 5 (opened 2020-01-01, started 2020-06-01 with no phase), 6 (phase 2 but a later date).
 */
function city(): Store {
  const started = (startDate: string | null, phase: number | null) => ({ rollout: { startDate, phase } });
  return store({
    precincts: [
      precinct(6, { ...started('2016-03-01', 2), borough: HOSTILE }),
      precinct(1, started('2015-05-18', 1)),
      precinct(2, { ...started('2016-01-11', 2), borough: 'Manhattan', patrolBorough: null }),
      precinct(3, { ...started('2016-01-11', 2), borough: 'Manhattan' }),
      precinct(4, { name: HOSTILE }),
      precinct(5, { ...started('2020-06-01', null), opened: '2020-01-01' }),
    ],
  });
}

const statuses = (r: RolloutReport) => r.precincts.map((p) => `${p.precinct}:${p.status}`);

describe('rolloutReport', () => {
  it('counts a precinct from its start date, unknown without one, and only once it exists', () => {
    const r = rolloutReport(city(), '2016-01-11', 'borough');
    expect(statuses(r)).toEqual(['1:active', '2:active', '3:active', '4:unknown', '6:pending']);
    expect(r).toMatchObject({ total: 5, active: 3, pending: 1, unknown: 1, percentActive: 60 });
    expect(r.notYetOpen).toEqual([{ precinct: 5, name: '5th Precinct', opened: '2020-01-01' }]);
    expect(statuses(rolloutReport(city(), '2016-01-10', 'borough'))).toContain('2:pending');
    const later = rolloutReport(city(), '2020-01-01', 'borough');
    expect(statuses(later)).toContain('5:pending');
    expect(later.notYetOpen).toEqual([]);
  });

  it('gives the share of precincts active to one decimal, and 0 when none existed', () => {
    expect(rolloutReport(city(), '2015-06-01', 'borough').percentActive).toBe(20);
    const three = store({ precincts: [1, 2, 3].map((n) => precinct(n)) });
    three.precincts[0]!.rollout.startDate = '2015-01-01';
    expect(rolloutReport(three, '2015-06-01', 'borough').percentActive).toBe(33.3);
    expect(rolloutReport(store(), '2015-06-01', 'borough')).toMatchObject({ total: 0, percentActive: 0 });
  });

  it('groups by borough and patrol borough in name order, the precincts with none last', () => {
    const names = (by: 'borough' | 'patrol-borough') =>
      rolloutReport(city(), '2016-01-11', by).groups.map((g) => [g.name, g.total, g.active]);
    expect(names('borough')).toEqual([
      ['=HYPERLINK("x"), "Kings" | *North*', 1, 0],
      ['Brooklyn', 2, 1],
      ['Manhattan', 2, 2],
    ]);
    expect(names('patrol-borough')).toEqual([
      ['Patrol Borough Brooklyn North', 4, 2],
      ['no patrol borough', 1, 1],
    ]);
  });

  it('groups by phase in number order, the precincts with no phase last', () => {
    const groups = rolloutReport(city(), '2021-01-01', 'phase').groups;
    expect(groups).toEqual([
      { name: 'Phase 1', total: 1, active: 1, pending: 0, unknown: 0, percentActive: 100 },
      { name: 'Phase 2', total: 3, active: 3, pending: 0, unknown: 0, percentActive: 100 },
      { name: 'no phase', total: 2, active: 1, pending: 0, unknown: 1, percentActive: 50 },
    ]);
  });

  it('makes a wave of each date and phase, with the running count and those after the date marked', () => {
    expect(rolloutReport(city(), '2016-01-11', 'borough').waves).toEqual([
      { phase: 1, startDate: '2015-05-18', precincts: [1], activeAfter: 1, afterAsOf: false },
      { phase: 2, startDate: '2016-01-11', precincts: [2, 3], activeAfter: 3, afterAsOf: false },
      { phase: 2, startDate: '2016-03-01', precincts: [6], activeAfter: 4, afterAsOf: true },
      { phase: null, startDate: '2020-06-01', precincts: [5], activeAfter: 5, afterAsOf: true },
    ]);
  });
});

const report = async (args: string[], store: string) =>
  json<RolloutReport>(await nsmIn(['report', 'rollout', ...args, '--json'], { store }));

describe('nsm report rollout on the bundled data', () => {
  const reference = initializedStore();
  const asOf = (date: string, by = 'borough') => report(['--as-of', date, '--by', by], reference);
  const numbers = (r: RolloutReport, status: string) =>
    r.precincts.filter((p) => p.status === status).map((p) => p.precinct);

  it('reproduces the public record: 43 by May 2017, 51 by September 2017, 76 by October 2018', async () => {
    const counts = async (date: string) => {
      const r = await asOf(date);
      return [r.total, r.active, r.pending, r.unknown, r.percentActive];
    };
    expect(await counts('2017-05-31')).toEqual([77, 43, 33, 1, 55.8]);
    expect(await counts('2017-09-30')).toEqual([77, 51, 25, 1, 66.2]);
    expect(await counts('2018-10-31')).toEqual([77, 76, 0, 1, 98.7]);
  });

  it('has the first wave alone on 2015-06-01: the 33rd, 34th, 100th and 101st', async () => {
    const r = await asOf('2015-06-01');
    expect(numbers(r, 'active')).toEqual([33, 34, 100, 101]);
    expect(r.precincts.find((p) => p.precinct === 33)).toEqual({
      precinct: 33,
      name: '33rd Precinct',
      status: 'active',
      startDate: '2015-05-18',
      phase: 1,
    });
  });

  it('has none active before the first wave', async () => {
    const r = await asOf('2015-05-17');
    expect([r.total, r.active, r.pending, r.unknown, r.percentActive]).toEqual([77, 0, 76, 1, 0]);
    expect(r.waves.every((w) => w.afterAsOf)).toBe(true);
  });

  it('counts the 22nd as unknown, never guessed', async () => {
    for (const date of ['2015-06-01', '2018-10-31', '2026-11-26'])
      expect(numbers(await asOf(date), 'unknown')).toContain(22);
  });

  it('leaves out the 116th before 2024-12-18 and counts it (unknown) from that day', async () => {
    const before = await asOf('2024-12-17');
    expect(before.precincts.map((p) => p.precinct)).not.toContain(116);
    expect(before.notYetOpen.map((p) => p.precinct)).toEqual([116]);
    const after = await asOf('2025-01-01');
    expect([after.total, after.active, after.unknown]).toEqual([78, 76, 2]);
    expect(numbers(after, 'unknown')).toEqual([22, 116]);
    expect((await asOf('2024-12-18')).total).toBe(78);
  });

  it('has groups that add up to the totals, however grouped', async () => {
    for (const by of ['borough', 'patrol-borough', 'phase'])
      for (const date of ['2015-06-01', '2017-09-30', '2025-01-01']) {
        const r = await asOf(date, by);
        for (const key of ['total', 'active', 'pending', 'unknown'] as const)
          expect(
            r.groups.reduce((sum, g) => sum + g[key], 0),
            `${by} ${date} ${key}`,
          ).toBe(r[key]);
      }
    expect((await asOf('2017-09-30', 'phase')).groups.map((g) => g.name).slice(-2)).toEqual([
      'Phase 15',
      'no phase',
    ]);
  });

  it('has the fields scripts rely on, and today as its default date', async () => {
    const r = await report([], reference);
    expect(r.asOf).toBe('2026-11-26');
    expect(r.by).toBe('borough');
    for (const key of [
      'asOf',
      'total',
      'active',
      'pending',
      'unknown',
      'percentActive',
      'groups',
      'precincts',
    ])
      expect(r).toHaveProperty(key);
    expect(Object.keys(r.groups[0]!)).toEqual(expect.arrayContaining(['name', 'total', 'active', 'pending']));
    expect(Object.keys(r.precincts[0]!)).toEqual(
      expect.arrayContaining(['precinct', 'status', 'startDate', 'phase']),
    );
  });

  it('writes the golden JSON, Markdown and CSV for 2017-09-30 by borough', async () => {
    const run = (format: string) =>
      nsmIn(['report', 'rollout', '--as-of', '2017-09-30', '--by', 'borough', '--format', format], {
        store: reference,
      });
    const jsonRun = await run('json');
    expect(jsonRun.status, jsonRun.stderr).toBe(0);
    await expect(jsonRun.stdout).toMatchFileSnapshot('../golden/report-rollout.json');
    const md = await run('md');
    expect(md.status, md.stderr).toBe(0);
    await expect(md.stdout).toMatchFileSnapshot('../golden/report-rollout.md');
    const tables = new Lexer().lex(md.stdout).filter((t): t is Tokens.Table => t.type === 'table');
    expect(tables.map((t) => t.rows.length)).toEqual([1, 5, 16, 77]);
    const csv = await run('csv');
    expect(csv.status, csv.stderr).toBe(0);
    await expect(csv.stdout).toMatchFileSnapshot('../golden/report-rollout.csv');
    const rows = parse(csv.stdout, { relax_column_count: true }) as string[][];
    expect(rows.slice(0, 3)).toEqual([
      ['Neighborhood Policing rollout as of 2017-09-30'],
      ['As of', 'Precincts', 'Active', 'Pending', 'Unknown', '% active', 'Unknown start', 'Not yet open'],
      ['2017-09-30', '77', '51', '25', '1', '66.2', '22', '116'],
    ]);
    const waves = rows.slice(rows.findIndex((r) => r[0] === 'Waves') + 1);
    expect(waves[0]).toEqual(['Wave', 'Date', 'Started', 'Precincts', 'Active after', 'By as-of date']);
    expect(waves[12]).toEqual(['Phase 11', '2017-09-25', '4', '7 26 78 110', '51', 'true']);
    expect(waves[13]).toEqual(['Phase 12', '2018-01-22', '5', '6 24 49 61 107', '56', 'false']);
  });

  it('shows the counts, groups and waves on an 80-column terminal', async () => {
    for (const by of ['borough', 'patrol-borough', 'phase']) {
      const run = await nsmIn(['report', 'rollout', '--as-of', '2017-09-30', '--by', by], {
        store: reference,
        terminal: 80,
      });
      expect(run.status, run.stderr).toBe(0);
      expect(linesWiderThan(run.stdout, 80), by).toEqual([]);
      if (by === 'borough') await expect(run.stdout).toMatchFileSnapshot('../golden/report-rollout.txt');
    }
  });
});

describe('nsm report rollout: the timeline on a terminal', () => {
  const reference = initializedStore();
  const terminal = async (args: string[], width = 80) => {
    const run = await nsmIn(['report', 'rollout', ...args], { store: reference, terminal: width });
    expect(run.status, run.stderr).toBe(0);
    return run.stdout.split('\n').filter((line) => /^\d{4}-\d{2}-\d{2} {2}Phase/.test(line));
  };
  const bar = (line: string) => /[█░]+/.exec(line)![0];

  it('has one line per wave, its bar growing with the running count, later waves light', async () => {
    const lines = await terminal(['--as-of', '2017-09-30']);
    expect(lines).toHaveLength(16);
    expect(lines[0]).toMatch(/^2015-05-18 {2}Phase 1 {3}█+ 4$/);
    expect(lines[11]).toMatch(/^2017-09-25 {2}Phase 11 {2}█+ 51$/);
    expect(lines[12]).toMatch(/^2018-01-22 {2}Phase 12 {2}░+ 56$/);
    const lengths = lines.map((l) => bar(l).length);
    expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
    expect(lengths.at(-1)).toBeGreaterThan(50);
  });

  it('scales the bars to a narrower terminal', async () => {
    const lines = await terminal(['--as-of', '2017-09-30'], 60);
    expect(Math.max(...lines.map((l) => [...l].length))).toBeLessThanOrEqual(60);
    expect(bar(lines.at(-1)!).length).toBeGreaterThan(30);
  });
});

/** The hand-built city written to a store file. */
function cityStore(): string {
  const path = tempStore();
  writeFileSync(path, serializeStore(city()));
  return path;
}

/** A Markdown cell's text as a reader sees it: escapes resolved, emphasis markers gone. */
function plainText(tokens: Token[]): string {
  return tokens
    .map((t) => ('tokens' in t && t.tokens ? plainText(t.tokens) : 'text' in t ? t.text : t.raw))
    .join('');
}

describe('nsm report rollout with stored text', () => {
  it('writes CSV that a CSV parser reads back, names as typed and formulas defused', async () => {
    const run = await nsmIn(['report', 'rollout', '--as-of', '2016-01-11', '--format', 'csv'], {
      store: cityStore(),
    });
    expect(run.status, run.stderr).toBe(0);
    const rows = parse(run.stdout, { relax_column_count: true }) as string[][];
    expect(rows).toContainEqual([`'${HOSTILE}`, '1', '0', '1', '0', '0']);
    expect(rows).toContainEqual(['4', `'${HOSTILE}`, 'unknown', '', '']);
  });

  it('writes Markdown that keeps stored names as typed', async () => {
    const run = await nsmIn(['report', 'rollout', '--as-of', '2016-01-11', '--format', 'md'], {
      store: cityStore(),
    });
    expect(run.status, run.stderr).toBe(0);
    const tables = new Lexer().lex(run.stdout).filter((t): t is Tokens.Table => t.type === 'table');
    expect(tables[1]!.rows.map((r) => plainText(r[0]!.tokens))).toEqual([HOSTILE, 'Brooklyn', 'Manhattan']);
    expect(tables[3]!.rows.find((r) => r[0]!.text === '4')!.map((c) => plainText(c.tokens))).toEqual([
      '4',
      HOSTILE,
      'unknown',
      '',
      '',
    ]);
  });
});

describe('nsm report rollout --format svg', () => {
  it('writes the map, and with --chart the line chart, to the -o file', async () => {
    const reference = initializedStore();
    const folder = dirname(reference);
    const map = join(folder, 'map.svg');
    const mapRun = await nsmIn(
      ['report', 'rollout', '--as-of', '2017-09-30', '--format', 'svg', '-o', map, '--json'],
      { store: reference },
    );
    expect(mapRun.status, mapRun.stderr).toBe(0);
    expect(JSON.parse(mapRun.stdout)).toMatchObject({
      asOf: '2017-09-30',
      picture: 'map',
      output: map,
      active: 51,
    });
    expect(readFileSync(map, 'utf8')).toMatch(/^(<\?xml|<svg)/);
    const chart = join(folder, 'chart.svg');
    const chartRun = await nsmIn(['report', 'rollout', '--format', 'svg', '--chart', '-o', chart], {
      store: reference,
    });
    expect(chartRun.status, chartRun.stderr).toBe(0);
    expect(chartRun.stderr).toContain(`to ${chart}`);
    expect(readFileSync(chart, 'utf8')).toMatch(/^(<\?xml|<svg)/);
    expect(readFileSync(chart, 'utf8')).not.toEqual(readFileSync(map, 'utf8'));
  });

  it('writes the SVG to stdout without -o, and refuses to replace a file without --force', async () => {
    const reference = initializedStore();
    const run = await nsmIn(['report', 'rollout', '--format', 'svg'], { store: reference });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^(<\?xml|<svg)/);
    const taken = join(dirname(reference), 'taken.svg');
    writeFileSync(taken, 'mine');
    const refusal = await refused(['report', 'rollout', '--format', 'svg', '-o', taken], reference, 7);
    expect(refusal.stderr).toContain('--force');
    expect(readFileSync(taken, 'utf8')).toBe('mine');
  });
});

describe('nsm report rollout refusals', () => {
  it('refuses a bad --as-of, an unknown grouping and the picture flags without --format svg', async () => {
    const store = cityStore();
    for (const date of ['someday', '2017-02-30', '1989-12-31', '2036-11-27'])
      await refused(['report', 'rollout', '--as-of', date], store, 2);
    const by = await refused(['report', 'rollout', '--by', 'county'], store, 2);
    expect(by.stderr).toContain('borough, patrol-borough, phase');
    const chart = await refused(['report', 'rollout', '--chart'], store, 2);
    expect(chart.stderr).toContain('--format svg');
    const output = join(dirname(store), 'rollout.csv');
    const o = await refused(['report', 'rollout', '--format', 'csv', '-o', output], store, 2);
    expect(o.stderr).toContain('> rollout.csv');
    expect(existsSync(output)).toBe(false);
    await refused(['report', 'rollout', '--format', 'pdf'], store, 2);
  });

  it('--format svg on a report with no picture says which one has', async () => {
    const store = cityStore();
    for (const verb of ['staffing', 'issues']) {
      const run = await refused(['report', verb, '--format', 'SVG'], store, 2);
      expect(run.stderr).toBe(
        `nsm: nsm report ${verb} has no picture, so --format svg does not apply — the rollout has one: nsm report rollout --format svg (a map of the sectors, or --chart)\n`,
      );
    }
  });
});
