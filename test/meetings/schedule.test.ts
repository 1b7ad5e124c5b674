import { beforeAll, describe, expect, it } from 'vitest';
import { initializedStore } from '../helpers/cli.js';
import { nsmIn } from '../helpers/in-process.js';
import { ids, list, ok, refused, schedule, type MeetingJson } from './helpers.js';

/** `meeting schedule --sector <s> --at <t> …` as arguments. */
const at = (sector: string, time: string, ...more: string[]) => [
  'meeting',
  'schedule',
  '--sector',
  sector,
  '--at',
  time,
  ...more,
];
const one = (store: string, sector: string, time: string, ...more: string[]) =>
  schedule(store, '--sector', sector, '--at', time, ...more);
const many = (store: string, sector: string, time: string, ...more: string[]) =>
  ok<MeetingJson[]>(store, at(sector, time, ...more));

describe('nsm meeting schedule', () => {
  it('schedules a one-off meeting with the default title and a 60-minute length, in New York time', async () => {
    const store = initializedStore();
    const m = await one(
      store,
      '75a',
      '2026-12-08 7pm',
      '--location',
      'Community Room',
      '--address',
      '1000 Sutter Avenue',
    );
    expect(m).toMatchObject({
      id: 'M1',
      precinct: 75,
      sector: '75A',
      title: 'Sector 75A Neighborhood Safety Meeting',
      start: '2026-12-08T19:00:00-05:00',
      end: '2026-12-08T20:00:00-05:00',
      status: 'scheduled',
      location: 'Community Room',
      address: '1000 Sutter Avenue',
      onlineUrl: null,
      seriesId: null,
      revision: 0,
      attendance: null,
    });
    // prettier-ignore
    const second = await one(store, '14B', '2027-07-13T18:30', '--duration', '1h30m', '--title', 'Summer meeting', '--online', 'https://meet.example.org/14b');
    expect(second).toMatchObject({
      id: 'M2',
      precinct: 14,
      title: 'Summer meeting',
      onlineUrl: 'https://meet.example.org/14b',
    });
    expect([second.start, second.end]).toEqual(['2027-07-13T18:30:00-04:00', '2027-07-13T20:00:00-04:00']);
    expect(await list(store)).toEqual([m, second]);
  });

  it('schedules a quarterly series: own ids, one shared series id, 2nd Tuesdays, offsets following DST', async () => {
    const store = initializedStore();
    await one(store, '75A', '2026-12-08 19:00');
    const run = await nsmIn(
      [...at('75B', '2027-03-09 19:00', '--repeat', 'quarterly', '--duration', '90'), '--json'],
      { store },
    );
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/2nd Tuesday/);
    const made = JSON.parse(run.stdout) as MeetingJson[];
    expect(ids(made)).toEqual(['M2', 'M3', 'M4', 'M5']);
    expect(made.map((m) => [m.start, m.end])).toEqual([
      ['2027-03-09T19:00:00-05:00', '2027-03-09T20:30:00-05:00'],
      ['2027-06-08T19:00:00-04:00', '2027-06-08T20:30:00-04:00'],
      ['2027-09-14T19:00:00-04:00', '2027-09-14T20:30:00-04:00'],
      ['2027-12-14T19:00:00-05:00', '2027-12-14T20:30:00-05:00'],
    ]);
    expect(new Set(made.map((m) => m.seriesId)).size).toBe(1);
    expect(made[0]!.seriesId).toMatch(/\S/);
    expect(made.every((m) => m.title === 'Sector 75B Neighborhood Safety Meeting' && m.revision === 0)).toBe(
      true,
    );
    // a second series gets a new series id
    const next = await many(store, '75C', '2027-03-10 19:00', '--repeat', 'monthly', '--count', '2');
    expect(next[0]!.seriesId).not.toBe(made[0]!.seriesId);
    expect(ids(next)).toEqual(['M6', 'M7']);
  });

  // prettier-ignore
  it.each([
    [['--repeat', 'FREQ=MONTHLY;INTERVAL=3;BYDAY=2TU', '--count', '3'], ['2027-03-09', '2027-06-08', '2027-09-14']],
    [['--repeat', 'weekly', '--until', '2027-03-23'], ['2027-03-09', '2027-03-16', '2027-03-23']],
    [['--repeat', 'monthly', '--count', '3'], ['2027-03-09', '2027-04-13', '2027-05-11']],
  ])('--at 2027-03-09 7pm %j gives %j', async (args, dates) => {
    const made = await many(initializedStore(), '75A', '2027-03-09 7pm', ...args);
    expect(made.map((m) => m.start.slice(0, 16))).toEqual(dates.map((d) => `${d}T19:00`));
  });

  it('says so when a 5th Tuesday becomes the last Tuesday', async () => {
    const store = initializedStore();
    const run = await nsmIn(
      [...at('75A', '2026-12-29 19:00', '--repeat', 'monthly', '--count', '3'), '--json'],
      {
        store,
      },
    );
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/5th Tuesday.*last Tuesday/);
    const dates = (JSON.parse(run.stdout) as MeetingJson[]).map((m) => m.start.slice(0, 10));
    expect(dates).toEqual(['2026-12-29', '2027-01-26', '2027-02-23']);
  });
});

describe('nsm meeting schedule refuses conflicts (exit 3) unless --force', () => {
  it('the same sector at an overlapping time, naming the meeting it clashes with', async () => {
    const store = initializedStore();
    await one(store, '75A', '2026-12-08 19:00');
    await one(store, '75A', '2026-12-10 19:00');
    const run = await refused(store, at('75A', '2026-12-10 19:30'), 3);
    expect(run.stderr).toMatch(/M2/);
    expect(run.stderr).not.toMatch(/M1/);
    expect((await one(store, '75A', '2026-12-10 20:00')).id).toBe('M3'); // touching is fine
  });

  it('--force schedules it anyway, with a warning naming the clash', async () => {
    const store = initializedStore();
    await one(store, '75A', '2026-12-08 19:00');
    const run = await nsmIn([...at('75A', '2026-12-08 19:30', '--force'), '--json'], { store });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/warning.*M1/);
    expect(ids(await list(store))).toEqual(['M1', 'M2']);
  });

  it('the same venue in another sector, however its name is written', async () => {
    const store = initializedStore();
    await one(store, '75A', '2026-12-08 19:00', '--location', 'Community Room');
    const run = await refused(store, at('75C', '2026-12-08 19:30', '--location', '  community  ROOM'), 3);
    expect(run.stderr).toMatch(/M1/);
    expect((await one(store, '75C', '2026-12-08 19:30', '--location', 'Library')).id).toBe('M2');
  });

  it('a series with one clashing occurrence creates none of it', async () => {
    const store = initializedStore();
    await one(store, '75A', '2027-09-14 19:30');
    expect((await refused(store, at('75A', '2027-03-09 19:00', '--repeat', 'quarterly'), 3)).stderr).toMatch(
      /M1/,
    );
    expect(ids(await list(store))).toEqual(['M1']);
  });

  it('a series whose own meetings overlap each other (7 and 8 pm daily, 2 hours long)', async () => {
    const store = initializedStore();
    const hourly = ['--repeat', 'FREQ=DAILY;BYHOUR=19,20', '--count', '3'];
    expect(
      (await refused(store, at('75A', '2026-12-08 19:00', ...hourly, '--duration', '2h'), 3)).stderr,
    ).toMatch(/overlaps/);
    expect(await many(store, '75A', '2026-12-08 19:00', ...hourly, '--duration', '1h')).toHaveLength(3);
  });

  it('a start in the past', async () => {
    const store = initializedStore();
    expect((await refused(store, at('75A', '2026-11-26 11:00'), 3)).stderr).toMatch(/past/);
    expect((await refused(store, at('75A', '2025-12-08 19:00'), 3)).stderr).toMatch(/past/);
    expect((await one(store, '75A', 'today 7pm')).start).toBe('2026-11-26T19:00:00-05:00');
  });
});

describe('nsm meeting schedule rejects bad input', () => {
  let store: string;
  beforeAll(async () => {
    store = initializedStore();
    await one(store, '75B', '2026-12-01 19:00');
  });

  // prettier-ignore
  it.each([
    [['--at', '2026-12-08 19:00', '--repeat', 'quarterly', '--count', '0'], /--count/],
    [['--at', '2026-12-08 19:00', '--repeat', 'quarterly', '--count', 'two'], /--count/],
    [['--at', '2026-12-08 19:00', '--repeat', 'monthly', '--count', '3', '--until', '2027-05-01'], /--count and --until/],
    [['--at', '2026-12-08 19:00', '--count', '3'], /--repeat/],
    [['--at', '2026-12-08 19:00', '--repeat', 'FREQ=BOGUS', '--count', '3'], /RRULE/],
    [['--at', '2026-12-08 19:00', '--repeat', 'fortnightly'], /--repeat/],
    [['--at', '2026-12-08 19:00', '--repeat', 'weekly', '--count', '201'], /200/],
    [['--at', '2026-12-08 19:00', '--repeat', 'FREQ=DAILY', '--until', '2028-12-31'], /200/],
    [['--at', '2026-12-08 19:00', '--repeat', 'weekly', '--until', '2026-13-01'], /--until/],
    [['--at', 'next tuesday'], /--at/],
    [['--at', '2026-12-08 25:00'], /--at/],
    [['--at', '25:00'], /--at/],
    [['--at', '2027-02-30 19:00'], /2027-02-30/],
    [['--at', '2027-03-14 02:30'], /daylight saving/],
    [['--at', '2026-12-08 19:00', '--duration', '-5'], /--duration/],
    [['--at', '2026-12-08 19:00', '--duration', '0'], /--duration/],
    [['--at', '2026-12-08 19:00', '--duration', '13h'], /12 hours/],
    [['--at', '2026-12-08 19:00', '--online', 'meet.example.org'], /--online/],
    [['--at', '2026-12-08 19:00', '--sector', '75'], /sector/],
  ])('%j → exit 2', async (args, why) => {
    const sector = args.includes('--sector') ? [] : ['--sector', '75A'];
    expect((await refused(store, ['meeting', 'schedule', ...sector, ...args], 2)).stderr).toMatch(why);
  });

  it.each([['75Z'], ['999A']])('an unknown sector %s → exit 4', async (sector) => {
    expect((await refused(store, at(sector, '2026-12-08 19:00'), 4)).stderr).toMatch(sector);
  });
});
