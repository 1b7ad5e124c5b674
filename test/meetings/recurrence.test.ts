import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { parseRepeat, planSeries } from '../../src/domain/recurrence.js';
import { MACHINE_ZONES, machineZone } from './helpers.js';

type Limit = { count?: number; until?: string };

/** The 7 pm dates of a series, as planSeries returns them. */
const at7 = (...dates: string[]) => dates.map((d) => `${d}T19:00`);

// prettier-ignore
const SERIES: Array<[string, string, string, Limit, string[]]> = [
  ['quarterly from the 2nd Tuesday of March 2027 (default 4)', '2027-03-09T19:00', 'quarterly', {}, at7('2027-03-09', '2027-06-08', '2027-09-14', '2027-12-14')],
  ['quarterly from the 1st Monday', '2027-01-04T19:00', 'quarterly', { count: 3 }, at7('2027-01-04', '2027-04-05', '2027-07-05')],
  ['monthly keeps the 3rd Thursday', '2026-12-17T19:00', 'monthly', { count: 4 }, at7('2026-12-17', '2027-01-21', '2027-02-18', '2027-03-18')],
  ['monthly keeps the 4th Wednesday', '2027-02-24T18:30', 'monthly', { count: 3 }, ['2027-02-24T18:30', '2027-03-24T18:30', '2027-04-28T18:30']],
  ['weekly, across the March clock change', '2027-03-09T19:00', 'weekly', { count: 3 }, at7('2027-03-09', '2027-03-16', '2027-03-23')],
  ['weekly late in the evening, across the November change', '2026-10-27T23:30', 'weekly', { count: 2 }, ['2026-10-27T23:30', '2026-11-03T23:30']],
  ['a 5th Tuesday becomes the last Tuesday', '2026-12-29T19:00', 'monthly', { count: 4 }, at7('2026-12-29', '2027-01-26', '2027-02-23', '2027-03-30')],
  ['a 5th Tuesday, quarterly', '2026-12-29T19:00', 'quarterly', { count: 3 }, at7('2026-12-29', '2027-03-30', '2027-06-29')],
  ['--until is inclusive', '2027-03-09T19:00', 'weekly', { until: '2027-03-23' }, at7('2027-03-09', '2027-03-16', '2027-03-23')],
  ['--until is inclusive for a 11:30 pm start', '2027-03-09T23:30', 'weekly', { until: '2027-03-16' }, ['2027-03-09T23:30', '2027-03-16T23:30']],
  ['--until the day before the 3rd leaves 2', '2027-03-09T19:00', 'quarterly', { until: '2027-09-13' }, at7('2027-03-09', '2027-06-08')],
  ['--until on the 3rd keeps it', '2027-03-09T19:00', 'quarterly', { until: '2027-09-14' }, at7('2027-03-09', '2027-06-08', '2027-09-14')],
  ['RRULE quarterly 2nd Tuesday', '2027-03-09T19:00', 'FREQ=MONTHLY;INTERVAL=3;BYDAY=2TU', { count: 3 }, at7('2027-03-09', '2027-06-08', '2027-09-14')],
  ['RRULE with an RRULE: prefix, lower case', '2027-03-09T19:00', 'rrule:freq=monthly;interval=3;byday=2tu', { count: 2 }, at7('2027-03-09', '2027-06-08')],
  ['RRULE with its own COUNT', '2027-03-09T19:00', 'FREQ=MONTHLY;BYDAY=-1TU;COUNT=3', {}, at7('2027-03-30', '2027-04-27', '2027-05-25')],
  ['RRULE with its own UNTIL', '2027-03-09T19:00', 'FREQ=WEEKLY;UNTIL=20270323T235959Z', {}, at7('2027-03-09', '2027-03-16', '2027-03-23')],
  ['an occurrence in the skipped hour moves to 3:30', '2027-03-07T02:30', 'weekly', { count: 3 }, ['2027-03-07T02:30', '2027-03-14T03:30', '2027-03-21T02:30']],
  ['RRULE every other Wednesday', '2026-12-02T19:00', 'FREQ=WEEKLY;INTERVAL=2;BYDAY=WE', { until: '2027-01-13' }, at7('2026-12-02', '2026-12-16', '2026-12-30', '2027-01-13')],
  // Rules the never-matching checks must let through: each position and year day can come.
  ['BYSETPOS=2 of two times a day', '2027-03-09T19:00', 'FREQ=DAILY;BYHOUR=19,20;BYSETPOS=2', { count: 2 }, ['2027-03-09T20:00', '2027-03-10T20:00']],
  ['the last Tuesday by BYSETPOS=-1', '2027-03-09T19:00', 'FREQ=MONTHLY;BYDAY=TU;BYSETPOS=-1', { count: 2 }, at7('2027-03-30', '2027-04-27')],
  ['year day 60 in February is Feb 29 of leap years', '2027-03-09T19:00', 'FREQ=YEARLY;BYYEARDAY=60;BYMONTH=2', { count: 2 }, at7('2028-02-29', '2032-02-29')],
  ['year day -1 on the month day -1', '2027-03-09T19:00', 'FREQ=YEARLY;BYYEARDAY=-1;BYMONTHDAY=-1', { count: 2 }, at7('2027-12-31', '2028-12-31')],
];

// prettier-ignore
const FAILURES: Array<[string, Limit, RegExp]> = [
  ['weekly', { count: 201 }, /200/],
  ['FREQ=DAILY', { until: '2030-01-01' }, /200/],
  ['weekly', { until: '2031-12-31' }, /200/],
  ['FREQ=WEEKLY;COUNT=500', {}, /200/],
  ['FREQ=BOGUS', { count: 3 }, /not a valid RRULE/],
  ['hello', { count: 3 }, /not quarterly, monthly, weekly or an RRULE/],
  ['FREQ=WEEKLY;BYDAY=XX', { count: 3 }, /not a valid RRULE/],
  ['FREQ=MONTHLY;COUNT=3', { count: 2 }, /its own COUNT or UNTIL/],
  ['FREQ=MONTHLY;UNTIL=20271231T000000Z', { until: '2027-06-30' }, /its own COUNT or UNTIL/],
  ['FREQ=MONTHLY', {}, /needs an end/],
  ['weekly', { until: '2027-03-01' }, /no meetings/],
  // Rules that never match, or repeat absurdly often: refused before expansion, which would spin.
  ['FREQ=DAILY;INTERVAL=-1;COUNT=3', {}, /INTERVAL=-1/],
  ['FREQ=WEEKLY;INTERVAL=0', { count: 3 }, /INTERVAL=0/],
  ['FREQ=SECONDLY;BYSECOND=70', { count: 3 }, /more often than daily/],
  ['FREQ=MINUTELY;BYMINUTE=61', { count: 3 }, /more often than daily/],
  ['FREQ=HOURLY', { count: 3 }, /more often than daily/],
  ['FREQ=WEEKLY;BYHOUR=99', { count: 2 }, /BYHOUR=99/],
  ['FREQ=MONTHLY;BYMONTHDAY=40', { count: 2 }, /BYMONTHDAY=40/],
  ['FREQ=MONTHLY;BYMONTHDAY=0', { count: 2 }, /BYMONTHDAY=0/],
  ['FREQ=YEARLY;BYMONTH=13', { count: 2 }, /BYMONTH=13/],
  ['FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30', { count: 3 }, /never happens/],
  ['FREQ=YEARLY;BYMONTH=4,6;BYMONTHDAY=31', { count: 3 }, /never happens/],
  // Positions and year days no period holds: refused by a check, before anything is expanded.
  ['FREQ=DAILY;BYSETPOS=5;COUNT=3', {}, /BYSETPOS=5 asks for more than the 1 date each day can hold/],
  ['FREQ=DAILY;BYHOUR=19,20;BYSETPOS=3,-3;COUNT=3', {}, /more than the 2 dates each day/],
  ['FREQ=WEEKLY;BYDAY=MO,TU;BYSETPOS=3', { count: 2 }, /more than the 2 dates each week/],
  ['FREQ=MONTHLY;BYSETPOS=-32', { count: 2 }, /more than the 31 dates each month/],
  ['FREQ=YEARLY;BYYEARDAY=366;BYMONTH=1;COUNT=2', {}, /none of its year days falls in the months or month days it names/],
  ['FREQ=MONTHLY;BYYEARDAY=1,-1;BYMONTHDAY=15', { count: 2 }, /none of its year days/],
  // No check foresees these: the expansion finds nothing (to the year 9999, or until its time is up).
  ['FREQ=YEARLY;BYWEEKNO=53;BYMONTH=3;COUNT=2', {}, /"FREQ=YEARLY;BYWEEKNO=53;BYMONTH=3;COUNT=2" finds no meetings: it may never match/],
];

function seriesTable() {
  it('says when an occurrence falls in the hour the clocks skip', () => {
    const { notes } = planSeries('2027-03-07T02:30', parseRepeat('weekly'), { count: 2 });
    expect(notes.join(' ')).toMatch(/2027-03-14 02:30 does not exist in New York.*03:30/);
  });

  it.each(SERIES)('%s', (_name, first, repeat, limit, starts) => {
    expect(planSeries(first, parseRepeat(repeat), limit).starts).toEqual(starts);
  });

  it.each([
    ['quarterly', 4, '2027-12-14T19:00'],
    ['monthly', 12, '2028-02-08T19:00'],
    ['weekly', 52, '2028-02-29T19:00'],
  ])('%s without --count or --until makes %i meetings, the last on %s', (repeat, count, last) => {
    const { starts } = planSeries('2027-03-09T19:00', parseRepeat(repeat), {});
    expect(starts).toHaveLength(count);
    expect(starts.at(-1)).toBe(last);
    expect(starts.every((s) => s.endsWith('T19:00'))).toBe(true);
  });

  it('a series of exactly 200 is allowed', () => {
    expect(planSeries('2027-03-09T19:00', 'weekly', { count: 200 }).starts).toHaveLength(200);
  });

  it('a 5th-Tuesday start returns a note saying the last Tuesday is used', () => {
    const { notes, rule } = planSeries('2026-12-29T19:00', 'quarterly', {});
    expect(notes.join('\n')).toMatch(/5th Tuesday.*last Tuesday/);
    expect(rule).toMatch(/BYDAY=-1TU/);
  });

  it('a 2nd-Tuesday start says so, and its rule is a standard RRULE', () => {
    const { notes, rule } = planSeries('2027-03-09T19:00', 'quarterly', { count: 4 });
    expect(notes.join('\n')).toMatch(/2nd Tuesday/);
    expect(rule).toMatch(/^FREQ=MONTHLY;INTERVAL=3;BYDAY=\+?2TU;COUNT=4$/);
  });

  it.each(FAILURES)('--repeat %j with %o from 2027-03-09 is a usage error (%s)', (repeat, limit, why) => {
    const call = () => planSeries('2027-03-09T19:00', parseRepeat(repeat), limit);
    expect(call).toThrow(UsageError);
    expect(call).toThrow(why);
  });
}

describe('planSeries (machine TZ as it is)', seriesTable);

/** The "how to fix it" half of the usage error `call` throws. */
function hintOf(call: () => unknown): string | undefined {
  try {
    call();
  } catch (error) {
    if (error instanceof UsageError) return error.hint;
  }
  throw new Error('no usage error');
}

describe('planSeries bounds what it expands', () => {
  it('gives up on a rule that never matches within half a second or so, and says how to fix it', () => {
    // Daily, rrule would step through every day to the year 9999 (about 15 s at full CPU).
    const started = performance.now();
    const call = () =>
      planSeries('2027-03-09T19:00', parseRepeat('FREQ=DAILY;BYWEEKNO=53;BYMONTH=3;COUNT=2'), {});
    expect(call).toThrow(UsageError);
    expect(call).toThrow(/finds no meetings: it may never match$/);
    expect(performance.now() - started).toBeLessThan(4000);
    expect(hintOf(call)).toMatch(/BYSETPOS within one period, BYYEARDAY or BYWEEKNO within BYMONTH/);
  });

  it('refuses a series that runs past the last day a meeting may be planned, naming it', () => {
    const call = () => planSeries('2036-11-20T19:00', 'weekly', {}, '2036-11-26');
    expect(call).toThrow(UsageError);
    expect(call).toThrow(
      /--repeat weekly puts meeting 2 of the series on 2036-11-27, more than 10 years ahead$/,
    );
    expect(hintOf(call)).toMatch(/^meetings are scheduled up to 2036-11-26; end the series sooner/);
    expect(() =>
      planSeries('2027-03-09T19:00', parseRepeat('FREQ=YEARLY;COUNT=12'), {}, '2036-11-26'),
    ).toThrow(/meeting 11 of the series on 2037-03-09/);
  });

  it('accepts a series whose last meeting is on that day', () => {
    expect(planSeries('2036-11-12T19:00', 'weekly', { count: 3 }, '2036-11-26').starts).toEqual(
      at7('2036-11-12', '2036-11-19', '2036-11-26'),
    );
  });
});
for (const { tz, january } of MACHINE_ZONES) {
  describe(`planSeries with the machine in ${tz}`, () => {
    machineZone(tz, january);
    seriesTable();
  });
}
