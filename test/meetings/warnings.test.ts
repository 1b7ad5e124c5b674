import { beforeAll, describe, expect, it } from 'vitest';
import { cpSync } from 'node:fs';
import { dirname } from 'node:path';
import { initializedStore, tempStore } from '../helpers/cli.js';
import { nsmIn } from '../helpers/in-process.js';
import { list, ok, schedule } from '../meetings/helpers.js';

/**
 * Precinct 75 with an NCO in 75A since November 1 and none in 75B; 75A meets on Tue Jan 12 2027
 * (M1). The clock is Thu Nov 26 2026, noon in New York.
 */
let template: string;
beforeAll(async () => {
  template = initializedStore();
  const added = await nsmIn(['nco', 'add', '--name', 'Maria Lopez', '--shield', '1234', '--precinct', '75'], {
    store: template,
  });
  expect(added.status, added.stderr).toBe(0);
  const assigned = await nsmIn(['nco', 'assign', 'N1', '75A', '--from', '2026-11-01'], { store: template });
  expect(assigned.status, assigned.stderr).toBe(0);
  await schedule(template, '--sector', '75A', '--at', '2027-01-12 19:00');
});

/** A fresh copy of the template store (and its journal) for a test that changes it. */
async function fresh(): Promise<string> {
  const store = tempStore();
  cpSync(dirname(template), dirname(store), { recursive: true });
  return store;
}

/** The warning lines of a schedule that must succeed. */
async function warnings(...args: string[]): Promise<string[]> {
  const run = await nsmIn(['meeting', 'schedule', ...args, '--json'], { store: await fresh() });
  expect(run.status, run.stderr).toBe(0);
  return run.stderr.split('\n').filter((l) => l.startsWith('nsm: warning: '));
}

describe('meeting schedule warns about likely mistakes, and schedules anyway', () => {
  it('says nothing about a plain evening meeting with an NCO, weeks from the last', async () => {
    const run = await nsmIn(
      ['meeting', 'schedule', '--sector', '75A', '--at', '2027-02-09 19:00', '--json'],
      {
        store: await fresh(),
      },
    );
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toBe('Scheduled M2 for 75A.\n');
  });

  it('the sector already meets within 14 days', async () => {
    expect(await warnings('--sector', '75A', '--at', '2027-01-19 19:00')).toEqual([
      'nsm: warning: Tue Jan 19 2027, 7:00 PM: sector 75A already meets 7 days earlier: M1 (75A) Tue Jan 12 2027, 7:00 PM',
    ]);
  });

  it('no NCO is assigned to the sector on that date', async () => {
    expect(await warnings('--sector', '75B', '--at', '2027-02-09 19:00')).toEqual([
      'nsm: warning: Tue Feb 9 2027, 7:00 PM: no NCO is assigned to sector 75B on 2027-02-09 (assign one with: nsm nco assign <nco> 75B)',
    ]);
  });

  it.each([
    ['2027-02-09 7:30am', '60', 'it runs 7:30 AM–8:30 AM, outside 8:00 AM–10:00 PM'],
    ['2027-02-09 21:00', '90', 'it runs 9:00 PM–10:30 PM, outside 8:00 AM–10:00 PM'],
  ])('a meeting at %s for %s minutes outside 08:00–22:00', async (at, duration, text) => {
    expect(await warnings('--sector', '75A', '--at', at, '--duration', duration)).toEqual([
      expect.stringContaining(text),
    ]);
  });

  it.each([
    ['Nov 25 2027 7pm', 'Thanksgiving Day, a US federal and New York State holiday'],
    ['2027-02-12 19:00', "Lincoln's Birthday, a New York State holiday"],
    ['2027-11-02 19:00', 'Election Day, a New York State holiday'],
    ['2027-12-24 19:00', 'Christmas Day (Sat Dec 25 2027), observed that day by federal offices'],
  ])('a holiday: %s', async (at, text) => {
    expect(await warnings('--sector', '75A', '--at', at)).toEqual([expect.stringContaining(`: ${text}`)]);
  });

  it('checks each meeting of a series, naming the one it means', async () => {
    // Weekly from Tue Dec 22 2026: Dec 22 (21 days before M1), Dec 29 (14), Jan 5 (7); a 4th would overlap M1,
    // so stop at three; the series' own meetings do not count against each other.
    const lines = await warnings(
      '--sector',
      '75A',
      '--at',
      '2026-12-22 19:00',
      '--repeat',
      'weekly',
      '--count',
      '3',
    );
    expect(lines).toEqual([
      'nsm: warning: Tue Dec 29 2026, 7:00 PM: sector 75A already meets 14 days later: M1 (75A) Tue Jan 12 2027, 7:00 PM',
      'nsm: warning: Tue Jan 5 2027, 7:00 PM: sector 75A already meets 7 days later: M1 (75A) Tue Jan 12 2027, 7:00 PM',
    ]);
    const holidays = await warnings(
      '--sector',
      '75B',
      '--at',
      '2026-12-25 10:00',
      '--repeat',
      'FREQ=YEARLY',
      '--count',
      '2',
    );
    expect(holidays.filter((l) => l.includes('Christmas Day'))).toEqual([
      'nsm: warning: Fri Dec 25 2026, 10:00 AM: Christmas Day, a US federal and New York State holiday',
      'nsm: warning: Sat Dec 25 2027, 10:00 AM: Christmas Day, a US federal and New York State holiday',
    ]);
    expect(holidays.filter((l) => l.includes('no NCO'))).toHaveLength(2);
  });

  it('warnings never stop a meeting: every warned one is in the store', async () => {
    const store = await fresh();
    await ok(store, ['meeting', 'schedule', '--sector', '75B', '--at', '2027-11-25 23:00']); // holiday, late, no NCO
    expect((await list(store)).map((m) => m.start)).toContain('2027-11-25T23:00:00-05:00');
  });

  it('a longer meeting is checked for its hours alone, not again for what its time already had', async () => {
    const store = await fresh();
    await ok(store, ['meeting', 'schedule', '--sector', '75A', '--at', '2027-01-19 19:00']); // 7 days after M1
    const run = await nsmIn(['meeting', 'reschedule', 'M1', '--duration', '4h'], { store });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr.split('\n').filter((l) => l.startsWith('nsm: warning:'))).toEqual([
      'nsm: warning: Tue Jan 12 2027, 7:00 PM: it runs 7:00 PM–11:00 PM, outside 8:00 AM–10:00 PM',
    ]);
  });

  it('a reschedule to a new time is checked too; a venue change alone is not', async () => {
    const store = await fresh();
    const moved = await nsmIn(['meeting', 'reschedule', 'M1', '--at', 'Feb 12 2027 7pm'], { store });
    expect(moved.status, moved.stderr).toBe(0);
    expect(moved.stderr).toMatch(/warning: Fri Feb 12 2027, 7:00 PM: Lincoln's Birthday/);
    const venue = await nsmIn(['meeting', 'reschedule', 'M1', '--location', 'Library'], { store });
    expect(venue.status, venue.stderr).toBe(0);
    expect(venue.stderr).not.toMatch(/warning/);
  });
});
