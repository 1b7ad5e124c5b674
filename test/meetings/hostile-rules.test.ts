import { describe, expect, it } from 'vitest';
import { initializedStore } from '../helpers/cli.js';
import { refused } from '../helpers/e2e.js';

/**
 * Rules that never produce a meeting, or would produce one every second, once made `meeting
 * schedule` spin at full CPU until killed. They are refused before anything is expanded.
 */
describe('meeting schedule --repeat with a rule that cannot mean a meeting', () => {
  it.each([
    ['FREQ=DAILY;INTERVAL=-1;COUNT=3', /INTERVAL=-1/],
    ['FREQ=SECONDLY;BYSECOND=70;COUNT=3', /more often than daily/],
    ['FREQ=MINUTELY;BYMINUTE=61;COUNT=3', /more often than daily/],
    ['FREQ=WEEKLY;BYHOUR=99;COUNT=2', /BYHOUR=99/],
    ['FREQ=DAILY;BYMONTH=2;BYMONTHDAY=31;COUNT=2', /never happens/],
    // These never match: rrule looked for a date until the year 9999 (14 s at full CPU, daily).
    ['FREQ=DAILY;BYSETPOS=5;COUNT=3', /never happens: BYSETPOS=5 .* — BYSETPOS counts from 1 to 1/],
    ['FREQ=YEARLY;BYYEARDAY=366;BYMONTH=1;COUNT=2', /never happens: none of its year days/],
    ['FREQ=YEARLY;BYWEEKNO=53;BYMONTH=3;COUNT=2', /finds no meetings: it may never match — check/],
    ['FREQ=DAILY;BYWEEKNO=53;BYMONTH=3;COUNT=2', /finds no meetings: it may never match — check/],
  ])('%s is a usage error within 2 s, the store untouched', async (rule, why) => {
    const store = initializedStore();
    const started = performance.now();
    const run = await refused(
      ['meeting', 'schedule', '--sector', '75A', '--at', '2027-03-09 19:00', '--repeat', rule],
      store,
      2,
    );
    expect(performance.now() - started).toBeLessThan(2000);
    expect(run.stderr).toMatch(why);
  });
});

/** NSM_NOW is 2026-11-26: meetings may be planned up to 2036-11-26. */
describe('meeting schedule refuses a series that runs past ten years ahead, naming the limit', () => {
  it.each([
    ['a year of weeks from a week before the limit', ['--at', '2036-11-20 19:00', '--repeat', 'weekly']],
    ['a rule with its own COUNT', ['--at', '2027-03-09 19:00', '--repeat', 'FREQ=YEARLY;COUNT=12']],
    ['--until far ahead', ['--at', '2027-03-09 19:00', '--repeat', 'quarterly', '--until', '9999-12-31']],
  ])('%s', async (_name, flags) => {
    const store = initializedStore();
    const run = await refused(['meeting', 'schedule', '--sector', '75A', ...flags], store, 2);
    expect(run.stderr).toMatch(
      /more than 10 years ahead — (meetings are scheduled|dates go) up to 2036-11-26/,
    );
  });
});
