import { describe, expect, it } from 'vitest';
import { TIME_FORMATS } from '../../src/domain/time.js';
import { initializedStore } from '../helpers/cli.js';
import { refused, schedule } from '../meetings/helpers.js';

// The tests' clock: Thursday 2026-11-26, noon in New York.

describe('meeting schedule --at reads dates as people write them', () => {
  it.each([
    ['Dec 15 2026 7pm', '2026-12-15T19:00:00-05:00'],
    ['December 15 2026 19:00', '2026-12-15T19:00:00-05:00'],
    ['12/15/2026 7pm', '2026-12-15T19:00:00-05:00'],
    ['next tuesday 7pm', '2026-12-01T19:00:00-05:00'], // the first Tuesday after Thursday Nov 26
    ['next thursday 7pm', '2026-12-03T19:00:00-05:00'], // not today: a week on
    ['Jul 13 2027 6:30pm', '2027-07-13T18:30:00-04:00'], // summer time
    ['2026-12-15 19:00', '2026-12-15T19:00:00-05:00'],
    ['today 7pm', '2026-11-26T19:00:00-05:00'],
  ])('%j starts at %s', async (at, start) => {
    expect((await schedule(initializedStore(), '--sector', '75A', '--at', at)).start).toBe(start);
  });
});

describe('meeting schedule refuses a bad --at in one line', () => {
  it('a time in the past: exit 3, a message about the time alone', async () => {
    const run = await refused(
      initializedStore(),
      ['meeting', 'schedule', '--sector', '75A', '--at', 'today 10am'],
      3,
    );
    expect(run.stderr).toBe(
      'nsm: Thu Nov 26 2026, 10:00 AM is in the past (it is now Thu Nov 26 2026, 12:00 PM in New York) — give a later date and time, or add --force to record a meeting that already took place\n',
    );
    expect(run.stderr).not.toMatch(/venue|conflict/);
  });

  it('a time in the past is named even when it also clashes with another meeting', async () => {
    const store = initializedStore();
    await schedule(store, '--sector', '75A', '--at', 'today 10am', '--force');
    const run = await refused(store, ['meeting', 'schedule', '--sector', '75A', '--at', 'today 10:30am'], 3);
    expect(run.stderr).toMatch(/^nsm: Thu Nov 26 2026, 10:30 AM is in the past \(/);
    expect(run.stderr).not.toMatch(/M1|venue/);
  });

  it('something that is no date: exit 2, the hint lists every accepted form', async () => {
    const run = await refused(
      initializedStore(),
      ['meeting', 'schedule', '--sector', '75A', '--at', 'soon'],
      2,
    );
    expect(run.stderr).toMatch(/^nsm: --at "soon" is not a date and time — write a New York date and time: /);
    for (const form of TIME_FORMATS) expect(run.stderr).toContain(form);
    expect(run.stderr).toContain('next tuesday 7pm');
    expect(run.stderr).toContain('12/15/2026 7pm');
  });

  it.each([
    ['Mar 14 2027 2:30am', /daylight saving/],
    ['Feb 30 2027 7pm', /2027-02-30/],
    ['next tuesday', /not a date and time/],
  ])('%j → exit 2 (%s)', async (at, why) => {
    const run = await refused(initializedStore(), ['meeting', 'schedule', '--sector', '75A', '--at', at], 2);
    expect(run.stderr).toMatch(why);
  });
});
