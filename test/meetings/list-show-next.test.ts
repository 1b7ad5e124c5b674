import { beforeAll, describe, expect, it } from 'vitest';
import { initializedStore, json } from '../helpers/cli.js';
import { nsmIn } from '../helpers/in-process.js';
import { ids, list, ok, refused, schedule, type MeetingJson } from './helpers.js';

/**
 * Scheduled out of time order, with NOW = Thu 2026-11-26 noon in New York:
 * M1 75B Jan 12 · M2 75A Dec 8 · M3 14A Dec 10 (online) · M4 75A Nov 30, later held ·
 * M5 75C Dec 15, cancelled · M6 75D Nov 20, in the past (forced), still "scheduled".
 */
let store: string;
beforeAll(async () => {
  store = initializedStore();
  await schedule(store, '--sector', '75B', '--at', '2027-01-12 19:00', '--location', 'Library');
  await schedule(
    store,
    '--sector',
    '75A',
    '--at',
    '2026-12-08 19:00',
    '--location',
    'Community Room',
    '--address',
    '1000 Sutter Avenue',
  );
  await schedule(
    store,
    '--sector',
    '14A',
    '--at',
    '2026-12-10 18:30',
    '--online',
    'https://meet.example.org/14a',
  );
  await schedule(store, '--sector', '75A', '--at', '2026-11-30 19:00', '--location', 'Community Room');
  await schedule(store, '--sector', '75C', '--at', '2026-12-15 19:00');
  await schedule(store, '--sector', '75D', '--at', '2026-11-20 19:00', '--force');
  await ok(store, ['meeting', 'held', 'M4', '--attendance', '22'], { NSM_NOW: '2026-12-01T12:00:00Z' });
  await ok(store, ['meeting', 'cancel', 'M5']);
});

describe('nsm meeting list', () => {
  // prettier-ignore
  it.each([
    [[], ['M6', 'M4', 'M2', 'M3', 'M5', 'M1']],
    [['--sector', '75a'], ['M4', 'M2']],
    [['--precinct', '14'], ['M3']],
    [['--precinct', '75', '--sector', '75B'], ['M1']],
    [['--from', '2026-12-08', '--to', '2026-12-10'], ['M2', 'M3']],
    [['--from', '2026-12-09'], ['M3', 'M5', 'M1']],
    [['--to', '2026-11-30'], ['M6', 'M4']],
    [['--from', 'today'], ['M4', 'M2', 'M3', 'M5', 'M1']],
    [['--status', 'held'], ['M4']],
    [['--status', 'cancelled'], ['M5']],
    [['--status', 'scheduled'], ['M6', 'M2', 'M3', 'M1']],
    [['--upcoming'], ['M2', 'M3', 'M1']],
    [['--upcoming', '--precinct', '75'], ['M2', 'M1']],
    [['--sector', '75E'], []],
  ])('%j lists %j, soonest first', async (args, expected) => {
    expect(ids(await list(store, ...args))).toEqual(expected);
  });

  it('prints tab-separated rows with a header when piped, without colour codes', async () => {
    const run = await nsmIn(['meeting', 'list', '--precinct', '75', '--status', 'scheduled'], {
      store,
      env: { NO_COLOR: undefined, FORCE_COLOR: undefined },
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).not.toMatch(/\x1b\[/);
    const rows = run.stdout
      .trimEnd()
      .split('\n')
      .map((l) => l.split('\t'));
    expect(rows[0]).toEqual(['ID', 'When (New York)', 'Length', 'Sector', 'Where', 'Status']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(['M6', 'M2', 'M1']);
    expect(rows[2]).toEqual([
      'M2',
      '2026-12-08T19:00:00-05:00', // piped rows stay absolute; a terminal says "Tue Dec 8 2026, 7:00 PM"
      '1h',
      '75A',
      'Community Room, 1000 Sutter Avenue',
      'scheduled',
    ]);
    expect(rows.every((r) => r.length === 6)).toBe(true);
  });

  it.each([
    [['--status', 'postponed'], 2],
    [['--from', '2026-13-01'], 2],
    [['--from', '2026-12-10', '--to', '2026-12-01'], 2],
    [['--precinct', 'abc'], 2],
    [['--precinct', '999'], 4],
    [['--sector', '75Z'], 4],
  ])('%j → exit %i', async (args, code) => {
    await refused(store, ['meeting', 'list', ...args], code);
  });
});

describe('nsm meeting show', () => {
  let shown: string;
  beforeAll(async () => {
    shown = initializedStore();
    for (const [name, shield] of [
      ['Maria Lopez', '1234'],
      ['Sam Ortiz', '5678'],
      ['Kim Park', '9012'],
    ]) {
      await nsmIn(['nco', 'add', '--name', name!, '--shield', shield!, '--precinct', '75'], { store: shown });
    }
    // N1 works 75A until the end of the year, then 75B; N2 takes over 75A in January; N3 is in 75C
    for (const args of [
      ['N1', '75A', '--from', '2026-11-01'],
      ['N1', '75B', '--from', '2027-01-01'],
      ['N2', '75A', '--from', '2027-01-01'],
      ['N3', '75C', '--from', '2026-11-01'],
    ]) {
      expect((await nsmIn(['nco', 'assign', ...args], { store: shown })).status).toBe(0);
    }
    await schedule(shown, '--sector', '75A', '--at', '2026-12-08 19:00', '--location', 'Community Room');
    await schedule(shown, '--sector', '75A', '--at', '2027-01-19 19:00');
    await schedule(shown, '--sector', '75B', '--at', '2027-01-12 19:00');
  });

  it.each([
    ['M1', ['N1']],
    ['M2', ['N2']],
    ['M3', ['N1']],
  ])('%s is hosted by the NCOs of its sector on its date: %j', async (id, hosts) => {
    expect((await ok<MeetingJson>(shown, ['meeting', 'show', id])).hosts).toEqual(hosts);
  });

  it('shows the meeting, its time in New York and its hosts on a page', async () => {
    const run = await nsmIn(['meeting', 'show', 'm1'], { store: shown });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/M1 — Sector 75A Neighborhood Safety Meeting/);
    expect(run.stdout).toMatch(/2026-12-08T19:00:00-05:00/);
    const page = await nsmIn(['meeting', 'show', 'm1'], { store: shown, terminal: 80 });
    expect(page.stdout).toMatch(/Tue Dec 8 2026, 7:00 PM \(in 12 days\)/);
    expect(run.stdout).toMatch(/Community Room/);
    expect(run.stdout).toMatch(/N1\tMaria Lopez/);
    expect(run.stdout).not.toMatch(/Sam Ortiz|Kim Park/);
  });

  it.each([
    ['M99', 4],
    ['X1', 2],
  ])('%s → exit %i', async (id, code) => {
    await refused(shown, ['meeting', 'show', id], code);
  });
});

describe('nsm meeting next', () => {
  it("prints one line with the time and place of the sector's next meeting", async () => {
    const run = await nsmIn(['meeting', 'next', '--sector', '75A'], { store });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe('75A: Tue Dec 8 2026, 7:00 PM — Community Room, 1000 Sutter Avenue (M2)\n');
    expect((await ok<MeetingJson>(store, ['meeting', 'next', '--sector', '14a'])).id).toBe('M3');
  });

  it.each([
    ['75C', 'only a cancelled meeting'],
    ['75D', 'only a past one'],
    ['75E', 'none at all'],
  ])('sector %s has %s → exit 4', async (sector) => {
    expect((await refused(store, ['meeting', 'next', '--sector', sector], 4)).stderr).toMatch(sector);
  });

  it('finds the sector from a point on the map', async () => {
    const located = json<{ sector: string; precinct: number }>(
      await nsmIn(['sector', 'locate', '--lat', '40.6752', '--lon', '-73.8803', '--json'], { store }),
    );
    expect(located.precinct).toBe(75);
    const byPoint = initializedStore();
    await refused(byPoint, ['meeting', 'next', '--lat', '40.6752', '--lon', '-73.8803'], 4);
    await schedule(byPoint, '--sector', located.sector === '75A' ? '75B' : '75A', '--at', '2026-12-01 19:00');
    await schedule(byPoint, '--sector', located.sector, '--at', '2026-12-09 18:00', '--location', 'P.S. 190');
    await schedule(byPoint, '--sector', located.sector, '--at', '2026-12-02 19:00', '--location', 'Library');
    const run = await nsmIn(['meeting', 'next', '--lat', '40.6752', '--lon', '-73.8803'], { store: byPoint });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe(`${located.sector}: Wed Dec 2 2026, 7:00 PM — Library (M3)\n`);
  });

  it.each([
    [[], 2],
    [['--sector', '75A', '--lat', '40.6752', '--lon', '-73.8803'], 2],
    [['--lat', '40.6752'], 2],
    [['--lat', '10', '--lon', '10'], 4],
    [['--sector', '75Z'], 4],
  ])('%j → exit %i', async (args, code) => {
    await refused(store, ['meeting', 'next', ...args], code);
  });
});
