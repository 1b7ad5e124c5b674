import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { marked, type Tokens } from 'marked';
import { beforeAll, describe, expect, it } from 'vitest';
import { bytes } from '../helpers/cli.js';
import { nsmIn } from '../helpers/in-process.js';
import { demoStore } from '../helpers/demo.js';

/** The demo store (75th and 14th Precincts staffed, 18 sample NCOs), built once and copied per test. */
let demo: string;
beforeAll(async () => {
  demo = await demoStore();
});

/** A fresh copy of the demo store, for a test that changes it. */
const demoCopy = demoStore;

/** A settings file saying `{"precinct": "75"}`, as `nsm config set precinct 75` would. */
function precinct75(): Record<string, string> {
  const path = join(mkdtempSync(join(tmpdir(), 'nsm-config-')), 'config.json');
  writeFileSync(path, JSON.stringify({ precinct: '75' }));
  return { NSM_CONFIG: path };
}

async function jsonOf<T>(args: string[], store: string, env: Record<string, string> = {}): Promise<T> {
  const run = await nsmIn([...args, '--json'], { store, env });
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as T;
}

const ids = (records: Array<{ id: string }>) => records.map((r) => r.id);
const numbers = (records: Array<{ precinct: number }>) => records.map((r) => r.precinct);

describe('typed choices', () => {
  it('a bad --rollout is a usage error on one line listing the statuses, and changes nothing', async () => {
    const store = await demoCopy();
    const before = bytes(store);
    const run = await nsmIn(['precinct', 'list', '--rollout', 'maybe'], { store });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'nsm: --rollout "maybe" is not a rollout status — use one of: active, pending, unknown\n',
    );
    expect(bytes(store).equals(before)).toBe(true);
  });

  it('a choice is read in any case', async () => {
    const found = await jsonOf<Array<{ precinct: number }>>(
      ['precinct', 'list', '--rollout', 'UNKNOWN'],
      demo,
    );
    expect(numbers(found)).toEqual([22, 116]);
  });
});

describe('the precinct setting scopes the lists', () => {
  it('sector, nco and precinct lists show only the default precinct', async () => {
    const env = precinct75();
    expect(ids(await jsonOf(['sector', 'list'], demo, env))).toEqual(['75A', '75B', '75C', '75D', '75E']);
    expect(ids(await jsonOf(['nco', 'list'], demo, env))).toEqual([
      'N1',
      'N2',
      'N3',
      'N4',
      'N5',
      'N6',
      'N7',
      'N8',
      'N9',
    ]);
    expect(numbers(await jsonOf(['precinct', 'list'], demo, env))).toEqual([75]);
  });

  it('--precinct all widens each of them past the setting', async () => {
    const env = precinct75();
    expect(await jsonOf<unknown[]>(['sector', 'list', '--precinct', 'all'], demo, env)).toHaveLength(302);
    expect(await jsonOf<unknown[]>(['nco', 'list', '--precinct', 'ALL'], demo, env)).toHaveLength(18);
    expect(await jsonOf<unknown[]>(['precinct', 'list', '--precinct', 'all'], demo, env)).toHaveLength(78);
  });

  it('an explicit --precinct beats the setting', async () => {
    const sectors = await jsonOf<Array<{ id: string }>>(
      ['sector', 'list', '--precinct', '14'],
      demo,
      precinct75(),
    );
    expect(ids(sectors).every((id) => id.startsWith('14'))).toBe(true);
  });

  it('--sector of another precinct is not narrowed away by the setting', async () => {
    const ncos = await jsonOf<Array<{ id: string; sector: string }>>(
      ['nco', 'list', '--sector', '14A'],
      demo,
      precinct75(),
    );
    expect(ncos.length).toBe(2);
    expect(ncos.every((n) => n.sector === '14A')).toBe(true);
  });

  it('asking precinct list by borough or rollout asks about the city, not the default precinct', async () => {
    const env = precinct75();
    expect(numbers(await jsonOf(['precinct', 'list', '--rollout', 'unknown'], demo, env))).toEqual([22, 116]);
    expect(await jsonOf<unknown[]>(['precinct', 'list', '--borough', 'Manhattan'], demo, env)).toHaveLength(
      22,
    );
  });

  it('without a setting every list covers the whole store', async () => {
    expect(await jsonOf<unknown[]>(['nco', 'list'], demo)).toHaveLength(18);
    expect(await jsonOf<unknown[]>(['sector', 'list'], demo)).toHaveLength(302);
  });
});

/** The lines of a TSV fields block: label → value. */
function fieldsOf(stdout: string): Map<string, string> {
  return new Map(
    stdout
      .split('\n')
      .map((line) => line.split('\t'))
      .filter((cells) => cells.length === 2) as Array<[string, string]>,
  );
}

describe('changes show the changed record, confirmations on stderr', () => {
  it('precinct add and rollout print the precinct as fields', async () => {
    const store = await demoCopy();
    const added = await nsmIn(['precinct', 'add', '117', '--name', '117th Precinct', '--borough', 'qn'], {
      store,
    });
    expect(added.status, added.stderr).toBe(0);
    expect(fieldsOf(added.stdout).get('Precinct')).toBe('117 — 117th Precinct');
    expect(fieldsOf(added.stdout).get('Borough')).toBe('Queens');
    expect(fieldsOf(added.stdout).get('Rollout')).toBe('start date unknown');
    expect(added.stderr).toMatch(/^Added precinct 117 .*nsm sector add 117A\n$/);

    const rollout = await nsmIn(['precinct', 'rollout', '117', '--date', '2026-12-01', '--phase', '20'], {
      store,
    });
    expect(rollout.status, rollout.stderr).toBe(0);
    const f = fieldsOf(rollout.stdout);
    expect([f.get('Rollout'), f.get('Rollout since'), f.get('Rollout phase')]).toEqual([
      'pending',
      '2026-12-01',
      '20',
    ]);
    expect(rollout.stdout).not.toMatch(/^117\tpending/m);
    expect(rollout.stderr).toMatch(
      /^Recorded Neighborhood Policing in precinct 117 from 2026-12-01 \(phase 20\)\.\n$/,
    );
  });

  it('sector add prints the sector as fields', async () => {
    const store = await demoCopy();
    const run = await nsmIn(['sector', 'add', '116a', '--description', 'Rosedale'], { store });
    expect(run.status, run.stderr).toBe(0);
    const f = fieldsOf(run.stdout);
    expect([f.get('Sector'), f.get('Precinct'), f.get('Description'), f.get('NCOs today')]).toEqual([
      '116A',
      '116 — 116th Precinct',
      'Rosedale',
      'none',
    ]);
    expect(run.stderr).toBe('Added sector 116A to precinct 116.\n');
  });

  it('nco add, edit, assign and unassign print the NCO and its assignments, never a bare tab row', async () => {
    const store = await demoCopy();
    const steps: Array<[string[], RegExp, (f: Map<string, string>) => void]> = [
      [
        ['nco', 'add', '--name', 'Maria Lopez', '--shield', '12345', '--precinct', '75'],
        /^Added N19 Maria Lopez/,
        (f) => expect(f.get('NCO')).toBe('N19 — Police Officer Maria Lopez'),
      ],
      [
        ['nco', 'edit', 'N19', '--rank', 'Sergeant'],
        /^Updated N19 Maria Lopez: rank\./,
        (f) => expect(f.get('NCO')).toBe('N19 — Sergeant Maria Lopez'),
      ],
      [
        ['nco', 'assign', 'N19', '75E'],
        /^Assigned N19 Maria Lopez to 75E from 2026-11-26\./,
        (f) => expect(f.get('Sector today')).toBe('75E'),
      ],
      [
        ['nco', 'unassign', 'N19', '--on', '2026-12-01'],
        /^N19 Maria Lopez has no sector from 2026-12-01\./,
        (f) => expect(f.get('Sector today')).toBe('75E'),
      ],
    ];
    for (const [args, notice, check] of steps) {
      const run = await nsmIn(args, { store });
      expect(run.status, run.stderr).toBe(0);
      expect(run.stderr).toMatch(notice);
      expect(run.stdout).not.toMatch(/^N19(\t|\n|$)/m);
      check(fieldsOf(run.stdout));
    }
    const last = await nsmIn(['nco', 'show', 'N19'], { store });
    expect(last.stdout).toContain('75E\t2026-11-26\t2026-11-30\tcurrent');
  });

  it('on a terminal the record is aligned fields, and --quiet drops only the confirmation', async () => {
    const store = await demoCopy();
    const run = await nsmIn(['nco', 'edit', 'N1', '--phone', '718-555-0100', '-q'], { store, terminal: 80 });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^NCO {11}N1 — Police Officer .*\(sample\)$/m);
    expect(run.stdout).toMatch(/^Phone {9}718-555-0100$/m);
    expect(run.stderr).toBe('');
  });
});

describe('nco show', () => {
  it('labels an assignment that starts later "from <date>", never "(current)"', async () => {
    const store = await demoCopy();
    expect((await nsmIn(['nco', 'assign', 'N1', '75B', '--from', '2026-12-01'], { store })).status).toBe(0);
    const piped = await nsmIn(['nco', 'show', 'N1'], { store });
    expect(piped.stdout).toContain(
      '75A\t2026-05-30\t2026-11-30\tcurrent\n75B\t2026-12-01\t\tfrom 2026-12-01',
    );
    const shown = await nsmIn(['nco', 'show', 'N1'], { store, terminal: 80 });
    const row = shown.stdout.split('\n').find((line) => line.includes('75B'));
    expect(row).toMatch(/2026-12-01 \(in 5 days\).*from 2026-12-01/);
    expect(row).not.toMatch(/current/);
    expect(shown.stdout).not.toContain('(current)');
  });

  it('an assignment that ended reads "ended"', async () => {
    const store = await demoCopy();
    expect((await nsmIn(['nco', 'unassign', 'N2', '--on', '2026-11-20'], { store })).status).toBe(0);
    expect((await nsmIn(['nco', 'show', 'N2'], { store })).stdout).toMatch(
      /^75A\t2026-05-30\t2026-11-19\tended$/m,
    );
  });
});

describe('output formats of the lists', () => {
  it('--format csv parses back: one header and one row per NCO, seven columns each, dates absolute', async () => {
    const run = await nsmIn(['nco', 'list', '--precinct', 'all', '--format', 'csv'], { store: demo });
    expect(run.status, run.stderr).toBe(0);
    const rows = parse(run.stdout, { relax_column_count: false }) as string[][];
    expect(rows[0]).toEqual(['ID', 'Name', 'Rank', 'Shield', 'Pct', 'Sector', 'Since']);
    expect(rows).toHaveLength(19);
    expect(rows[1]).toEqual([
      'N1',
      'Jordan Sample (sample)',
      'Police Officer',
      '90001',
      '75',
      '75A',
      '2026-05-30',
    ]);
    expect(rows.every((r) => r.length === 7)).toBe(true);
    // The last record ends like the others (CRLF), so nothing trails into its last cell.
    expect(rows[18]!.at(-1)).toBe('2026-05-30');
    expect(run.stdout.endsWith('\r\n')).toBe(true);
  });

  it('--format csv keeps commas, quotes and newlines in a cell, and neutralises a formula', async () => {
    const store = await demoCopy();
    const tricky = 'Rosedale, "west" of\nBrookville';
    for (const [sector, description] of [
      ['116A', tricky],
      ['116B', '=HYPERLINK("http://example.org")'],
    ] as const)
      expect((await nsmIn(['sector', 'add', sector, '--description', description], { store })).status).toBe(
        0,
      );
    const run = await nsmIn(['sector', 'list', '--precinct', '116', '--format', 'csv'], { store });
    const rows = parse(run.stdout) as string[][];
    expect(rows).toEqual([
      ['Sector', 'Pct', 'NCOs today', 'Description'],
      ['116A', '116', '', tricky],
      ['116B', '116', '', `'=HYPERLINK("http://example.org")`],
    ]);
  });

  it('--format md is a Markdown table with a row per sector', async () => {
    const run = await nsmIn(['sector', 'list', '--precinct', '75', '--format', 'md'], { store: demo });
    expect(run.status, run.stderr).toBe(0);
    const tables = marked.lexer(run.stdout).filter((t): t is Tokens.Table => t.type === 'table');
    expect(tables).toHaveLength(1);
    expect(tables[0]!.header.map((h) => h.text)).toEqual(['Sector', 'Pct', 'NCOs today', 'Description']);
    expect(tables[0]!.rows.map((r) => r[0]!.text)).toEqual(['75A', '75B', '75C', '75D', '75E']);
    expect(tables[0]!.rows[4]![2]!.text).toBe('N9 Harper Sample (sample)');
  });

  it.each([
    [['precinct', 'list', '--precinct', 'all']],
    [['nco', 'list', '--precinct', 'all']],
    [['sector', 'list', '--precinct', '75']],
    [['precinct', 'show', '75']],
    [['nco', 'show', 'N1']],
  ])('--format table in 80 columns: %j never prints a wider line', async (args) => {
    const run = await nsmIn([...args, '--format', 'table'], { store: demo, terminal: 80 });
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines) expect([...line].length, line).toBeLessThanOrEqual(80);
  });

  it('the precinct table shows rollout dates as dates people say', async () => {
    const run = await nsmIn(['precinct', 'list', '--precinct', '75'], { store: demo, terminal: 200 });
    expect(run.stdout).toMatch(/│ active +│ 2016-01-11 \(10 years ago\) +│ 4 +│/);
  });
});
