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
  ])('%s is a usage error, the store untouched', async (rule, why) => {
    const store = initializedStore();
    const run = await refused(
      ['meeting', 'schedule', '--sector', '75A', '--at', '2027-03-09 19:00', '--repeat', rule],
      store,
      2,
    );
    expect(run.stderr).toMatch(why);
  });
});
