import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { parseOptions, type Options } from '../../src/cli/define.js';
import { list as meetingList } from '../../src/cli/meeting.js';
import { update as issueUpdate } from '../../src/cli/ledger.js';
import { tempStore } from '../helpers/cli.js';
import { expectRefusal } from '../helpers/e2e.js';
import { nsmIn } from '../helpers/in-process.js';

describe('typed options from a spec', () => {
  it('normalises choices, fills settings, and lets a narrower flag skip the setting', () => {
    const options = parseOptions(meetingList, [], { status: 'HELD' }, { precinct: '75' });
    expect(options).toEqual({ status: 'held', precinct: '75' });
    expectTypeOf(options.status).toEqualTypeOf<'scheduled' | 'held' | 'cancelled' | undefined>();
    expectTypeOf(options.upcoming).toEqualTypeOf<boolean | undefined>();
    expect(parseOptions(meetingList, [], { sector: '75A' }, { precinct: '14' })).toEqual({ sector: '75A' });
  });

  it('names arguments and refuses a choice outside the schema with the full list', () => {
    const options: Options<typeof issueUpdate> = parseOptions(
      issueUpdate,
      ['I3'],
      { status: 'In Progress' },
      {},
    );
    expect(options).toEqual({ issue: 'I3', status: 'in-progress' });
    expectTypeOf(options.issue).toEqualTypeOf<string>();
    expect(() => parseOptions(issueUpdate, ['I3'], { status: 'done' }, {})).toThrow(
      expect.objectContaining({
        message: '--status "done" is not an issue status',
        hint: 'use one of: open, in-progress, resolved, closed',
      }),
    );
  });
});

describe('output formats and the bad input around them', () => {
  let store: string;
  let config: string;
  beforeAll(async () => {
    store = tempStore();
    expect((await nsmIn(['demo', '--store', store])).status).toBe(0);
    config = join(mkdtempSync(join(tmpdir(), 'nsm-formats-')), 'config.json');
    writeFileSync(config, '{"precinct":"75"}\n');
  });
  const env = () => ({ NSM_CONFIG: config });

  async function refusedHere(args: string[], code: number, message: RegExp): Promise<void> {
    const before = [readFileSync(store), readFileSync(config)];
    const run = await nsmIn(args, { store, env: env() });
    expectRefusal(run, code);
    expect(run.stderr).toMatch(message);
    expect(readFileSync(store).equals(before[0]!), 'store changed').toBe(true);
    expect(readFileSync(config).equals(before[1]!), 'config changed').toBe(true);
  }

  it('an unknown --format lists the formats', () =>
    refusedHere(
      ['meeting', 'list', '--format', 'xml'],
      2,
      /--format "xml" .* use one of: table, tsv, csv, json, md/,
    ));

  it('--json and a different --format disagree', () =>
    refusedHere(['meeting', 'list', '--json', '--format', 'csv'], 2, /--json and --format csv/));

  it('--format csv on a command that prints no records is refused; --json still works there', async () => {
    await refusedHere(['init', '--format', 'csv'], 2, /nsm init prints no records/);
    const json = await nsmIn(['init', '--json'], { store, env: env() });
    expect(json.status).toBe(3); // the store exists: refused by its rule, not by the format
  });

  it('--format csv on a show prints its record as one row', async () => {
    const run = await nsmIn(['meeting', 'show', 'M1', '--format', 'csv'], { store, env: env() });
    expect(run.status, run.stderr).toBe(0);
    const rows = parse(run.stdout) as string[][];
    expect(rows).toHaveLength(2);
    const record = Object.fromEntries(rows[0]!.map((h, i) => [h, rows[1]![i]]));
    expect(record.Meeting).toMatch(/^M1 — /);
    expect(record.When).toMatch(/^2026-09-08T19:00:00-04:00/);
  });

  it('every list prints the same records in every format', async () => {
    const ids = JSON.parse(
      (await nsmIn(['meeting', 'list', '--json'], { store, env: env() })).stdout,
    ) as Array<{ id: string; precinct: number }>;
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.every((m) => m.precinct === 75)).toBe(true); // the default precinct scopes it
    const csv = parse(
      (await nsmIn(['meeting', 'list', '--format', 'csv'], { store, env: env() })).stdout,
    ) as string[][];
    const tsv = (await nsmIn(['meeting', 'list', '--format', 'tsv'], { store, env: env() })).stdout
      .trimEnd()
      .split('\n');
    const md = (await nsmIn(['meeting', 'list', '--format', 'md'], { store, env: env() })).stdout
      .trimEnd()
      .split('\n');
    const table = (await nsmIn(['meeting', 'list'], { store, env: env(), terminal: 80 })).stdout;
    expect(csv.slice(1).map((r) => r[0])).toEqual(ids.map((m) => m.id));
    expect(tsv.slice(1).map((l) => l.split('\t')[0])).toEqual(ids.map((m) => m.id));
    expect(md.slice(2).map((l) => l.split('|')[1]!.trim())).toEqual(ids.map((m) => m.id));
    for (const id of ids.map((m) => m.id)) expect(table).toMatch(new RegExp(`│ ${id} +│`));
    for (const line of table.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
  });
});
