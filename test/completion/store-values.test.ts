import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempStore } from '../helpers/cli.js';
import { nsmIn } from '../helpers/in-process.js';

/** `nsm __complete <kind> [<prefix>] [--store <file>]`: the values the scripts ask for on Tab. */

let demo: string;

beforeAll(async () => {
  demo = tempStore();
  expect((await nsmIn(['demo', '--store', demo])).status).toBe(0);
});

/** A settings file holding these settings. */
function config(settings: Record<string, string>): string {
  const file = join(mkdtempSync(join(tmpdir(), 'nsm-complete-config-')), 'config.json');
  writeFileSync(file, JSON.stringify(settings));
  return file;
}

async function complete(args: string[], env: Record<string, string> = {}, store = demo) {
  const run = await nsmIn(['__complete', ...args], { store, env });
  expect(run.status).toBe(0);
  expect(run.stderr).toBe('');
  return run.stdout
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => {
      const [value, description] = l.split('\t');
      return { value: value!, description: description ?? '' };
    });
}

const ids = (rows: Array<{ value: string }>) => rows.map((r) => r.value);
const byNumber = (a: string, b: string) => Number(a.slice(1)) - Number(b.slice(1));

async function listed(args: string[]): Promise<Array<{ id: string; status: string; precinct: number }>> {
  const run = await nsmIn([...args, '--precinct', 'all', '--json'], { store: demo });
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as Array<{ id: string; status: string; precinct: number }>;
}

describe('store values', () => {
  it('lists every sector, with its precinct as the description', async () => {
    const sectors = await complete(['sector']);
    expect(sectors.length).toBe(302);
    expect(sectors.find((s) => s.value === '75A')?.description).toMatch(/^75th Precinct, Brooklyn/);
  });

  it("puts the default precinct's sectors first", async () => {
    const sectors = ids(await complete(['sector'], { NSM_CONFIG: config({ precinct: '75' }) }));
    const first = sectors.findIndex((s) => !s.startsWith('75'));
    expect(sectors.slice(0, first)).toEqual(['75A', '75B', '75C', '75D', '75E']);
    expect(sectors.slice(first)).not.toContain('75A');
    expect(sectors.length).toBe(302);
  });

  it('keeps the values that begin with the prefix, in any case', async () => {
    expect(ids(await complete(['sector', '75']))).toEqual(['75A', '75B', '75C', '75D', '75E']);
    expect(ids(await complete(['sector', '75c']))).toEqual(['75C']);
    expect(await complete(['nco', 'X'])).toEqual([]);
  });

  it('gives upcoming meetings soonest first, as meeting list --upcoming does', async () => {
    const upcoming = await listed(['meeting', 'list', '--upcoming']);
    expect(ids(await complete(['upcoming-meeting']))).toEqual(upcoming.map((m) => m.id));
  });

  it('gives every meeting, upcoming first; held meetings alone for held-meeting', async () => {
    const meetings = await listed(['meeting', 'list']);
    const all = ids(await complete(['meeting']));
    expect([...all].sort()).toEqual(meetings.map((m) => m.id).sort());
    const held = meetings.filter((m) => m.status === 'held').map((m) => m.id);
    expect(held.length).toBeGreaterThan(0);
    expect(ids(await complete(['held-meeting'])).sort()).toEqual([...held].sort());
    const description = (await complete(['meeting', 'M2']))[0]!.description;
    expect(description).toMatch(/^75A Tue Dec 8 2026, 7:00 PM, scheduled$/);
  });

  it('gives open and in-progress issues for open-issue, every issue for issue', async () => {
    const store = tempStore();
    copyFileSync(demo, store);
    const resolved = await nsmIn(
      ['issue', 'update', 'I2', '--status', 'resolved', '--note', 'fence repaired'],
      { store },
    );
    expect(resolved.status, resolved.stderr).toBe(0);
    const open = ids(await complete(['open-issue'], {}, store));
    expect(open).not.toContain('I2');
    expect(open).toContain('I1');
    expect(ids(await complete(['issue'], {}, store))).toEqual([...open, 'I2'].sort(byNumber));
    expect((await complete(['issue', 'I2'], {}, store))[0]!.description).toMatch(/^\d+[A-Z] resolved: /);
  });

  it('gives solutions, precincts and NCOs with what they are', async () => {
    expect((await complete(['solution']))[0]).toEqual({
      value: 'S1',
      description: expect.stringMatching(/^I\d+ /),
    });
    const precincts = await complete(['precinct']);
    expect(precincts.length).toBe(78);
    expect(precincts.find((p) => p.value === '75')?.description).toBe('75th Precinct, Brooklyn');
    const ncos = await complete(['nco']);
    const roster = await listed(['nco', 'list']);
    expect(ids(ncos).sort()).toEqual(roster.map((n) => n.id).sort());
    expect(ncos[0]!.description).toMatch(/Sample|Example/);
  });

  it('gives setting keys, spelling out per-sector keys only where they are asked for', async () => {
    expect(ids(await complete(['setting']))).toEqual([
      'precinct',
      'duration',
      'calendar.domain',
      'store',
      'agent',
    ]);
    const mine = ids(await complete(['setting'], { NSM_CONFIG: config({ precinct: '75' }) }));
    expect(mine).toContain('venue.75A');
    expect(mine).toContain('address.75E');
    expect(mine).not.toContain('venue.14A');
    expect(ids(await complete(['setting', 'venue.1']))).toContain('venue.14A');
    expect(ids(await complete(['setting', 'ven'])).length).toBe(302);
    // Setting keys need no store.
    expect(ids(await complete(['setting', 'dur'], {}, tempStore()))).toEqual(['duration']);
  });
});

describe('which store', () => {
  it('reads the store given by --store on the line over NSM_STORE', async () => {
    const missing = tempStore();
    expect(await complete(['sector', '75A'], {}, missing)).toEqual([]);
    expect(ids(await complete(['sector', '75A', '--store', demo], {}, missing))).toEqual(['75A']);
    expect(ids(await complete(['sector', '--store=' + demo, '75A'], {}, missing))).toEqual(['75A']);
  });

  it('reads a --store ~/… from the home folder, since the shell passes it unexpanded', async () => {
    const home = dirname(demo);
    expect(
      ids(await complete(['sector', '75A', '--store', `~/${basename(demo)}`], { HOME: home }, tempStore())),
    ).toEqual(['75A']);
  });

  it('falls back to the store setting', async () => {
    const env = { NSM_CONFIG: config({ store: demo }) };
    const run = await nsmIn(['__complete', 'nco', 'N1'], { env: { ...env, NSM_STORE: undefined } });
    expect(run.stdout.split('\n')[0]).toMatch(/^N1\t/);
  });
});

describe('silent on every problem: nothing printed, exit 0', () => {
  function damaged(text: string): string {
    const store = tempStore();
    writeFileSync(store, text);
    return store;
  }

  it.each([
    ['no store', () => tempStore()],
    ['a store that is not JSON', () => damaged('{"schemaVersion": 3, "precincts": [')],
    ['a store that does not validate', () => damaged('{"schemaVersion": 3}')],
    ['a store from a newer nsm', () => damaged('{"schemaVersion": 999}')],
  ])('%s', async (_what, make) => {
    const store = make();
    expect(await nsmIn(['__complete', 'sector'], { store })).toEqual({ status: 0, stdout: '', stderr: '' });
  });

  it('a damaged settings file, for store values and setting keys alike', async () => {
    const file = config({});
    writeFileSync(file, 'not json');
    for (const kind of ['sector', 'setting'])
      expect(await nsmIn(['__complete', kind], { store: demo, env: { NSM_CONFIG: file } })).toEqual({
        status: 0,
        stdout: '',
        stderr: '',
      });
  });

  it('an unknown kind, no kind, or a clock that is not an instant', async () => {
    for (const args of [['nosuchkind'], [], ['upcoming-meeting']]) {
      const env = args[0] === 'upcoming-meeting' ? { NSM_NOW: 'yesterday' } : {};
      expect(await nsmIn(['__complete', ...args], { store: demo, env })).toEqual({
        status: 0,
        stdout: '',
        stderr: '',
      });
    }
  });

  it('does not wait for a lock another nsm holds: readers take none', async () => {
    const store = tempStore();
    expect((await nsmIn(['demo', '--store', store])).status).toBe(0);
    mkdirSync(`${store}.lock`);
    const started = Date.now();
    expect(ids(await complete(['sector', '75A'], {}, store))).toEqual(['75A']);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('never writes: the store, its folder and its journal stay as they were', async () => {
    const folder = dirname(demo);
    const before = readdirSync(folder, { recursive: true }).sort();
    const bytes = readFileSync(demo);
    const mtime = statSync(demo).mtimeMs;
    await complete(['meeting']);
    await complete(['setting', 'venue.']);
    expect(readdirSync(folder, { recursive: true }).sort()).toEqual(before);
    expect(readFileSync(demo).equals(bytes)).toBe(true);
    expect(statSync(demo).mtimeMs).toBe(mtime);
    // A missing store is not created, nor its folder.
    const missing = join(tempStore(), 'deeper', 'store.json');
    await nsmIn(['__complete', 'sector'], { store: missing });
    expect(() => statSync(dirname(missing))).toThrow();
  });

  it('is not listed in help', async () => {
    const help = await nsmIn(['--help']);
    expect(help.stdout).toContain('completion');
    expect(help.stdout).not.toContain('__complete');
  });
});
