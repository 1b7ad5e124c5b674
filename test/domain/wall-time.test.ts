import { describe, expect, it } from 'vitest';
import { daysBetween, lastWeekdayOf, nthWeekdayOf, shiftDays } from '../../src/domain/calendar.js';
import { TIME_FORMATS, parseWallTime } from '../../src/domain/time.js';
import { UsageError } from '../../src/errors.js';
import { MACHINE_ZONES, machineZone } from '../meetings/helpers.js';

/** Thursday, the day of the tests' fixed clock. */
const TODAY = '2026-11-26';

function forms() {
  // prettier-ignore
  it.each([
    ['Dec 15 2026 7pm', '2026-12-15T19:00'],
    ['December 15 2026 19:00', '2026-12-15T19:00'],
    ['12/15/2026 7pm', '2026-12-15T19:00'],
    ['1/5/2027 6:30pm', '2027-01-05T18:30'],
    ['dec 15, 2026 7:30 PM', '2026-12-15T19:30'],
    ['Dec. 15 2026 at 7 p.m.', '2026-12-15T19:00'],
    ['Sept 14 2027 19:00', '2027-09-14T19:00'],
    ['next tuesday 7pm', '2026-12-01T19:00'], // the first Tuesday after Thursday Nov 26
    ['next Thursday 19:00', '2026-12-03T19:00'], // on a Thursday, "next Thursday" is a week on
    ['next tue 7pm', '2026-12-01T19:00'],
    ['next wed 7pm', '2026-12-02T19:00'],
    ['next sunday 10am', '2026-11-29T10:00'],
    // the forms that were there before
    ['2026-12-08 19:00', '2026-12-08T19:00'],
    ['2026-12-08T19:00', '2026-12-08T19:00'],
    ['2026-12-08 7pm', '2026-12-08T19:00'],
    ['2026-12-08 7:30pm', '2026-12-08T19:30'],
    ['today 7pm', '2026-11-26T19:00'],
    ['tomorrow 19:00', '2026-11-27T19:00'],
  ])('%j is %s', (input, wall) => {
    expect(parseWallTime(input, TODAY)).toBe(wall);
  });

  it('reads "next tuesday" from the day it is given: a Tuesday gives the one a week later', () => {
    expect(parseWallTime('next tuesday 7pm', '2026-12-01')).toBe('2026-12-08T19:00');
    expect(parseWallTime('next monday 7pm', '2026-12-31')).toBe('2027-01-04T19:00');
  });

  // prettier-ignore
  it.each([
    ['next tuesday', /not a date and time/],
    ['next tomorrow 7pm', /not a date and time/],
    ['next tu 7pm', /not a date and time/], // too short to be sure
    ['Decmber 15 2026 7pm', /not a date and time/],
    ['Dec 15 7pm', /not a date and time/], // no year
    ['12/15/26 7pm', /not a date and time/], // a two-digit year
    ['Feb 30 2027 7pm', /date that does not exist \(2027-02-30\)/],
    ['15/12/2026 7pm', /2026-15-12, read as month\/day\/year/],
    ['Dec 15 2026 13pm', /outside 1–12/],
    ['Dec 15 2026 19', /no minutes/],
    ['Mar 14 2027 2:30am', /daylight saving/], // the clocks skip from 2:00 to 3:00
    ['3/14/2027 02:30', /daylight saving/],
    ['9999-12-01 19:00', /more than 10 years ahead/], // a series from there ran out of calendar
    ['2036-11-27 19:00', /more than 10 years ahead/],
  ])('%j is a usage error: %s', (input, why) => {
    const call = () => parseWallTime(input, TODAY);
    expect(call).toThrow(UsageError);
    expect(call).toThrow(why);
  });

  it('accepts a day exactly ten years ahead', () => {
    expect(parseWallTime('2036-11-26 19:00', TODAY)).toBe('2036-11-26T19:00');
  });

  it('names every accepted form in the hint of a bad --at', () => {
    let hint = '';
    try {
      parseWallTime('sometime soon', TODAY);
    } catch (error) {
      hint = (error as UsageError).hint ?? '';
    }
    for (const form of TIME_FORMATS) {
      expect(hint).toContain(form);
      expect(parseWallTime(form, TODAY), form).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/); // and each one parses
    }
  });

  it.each([
    [nthWeekdayOf(2026, 11, 4, 4), '2026-11-26'],
    [nthWeekdayOf(2027, 1, 1, 3), '2027-01-18'],
    [nthWeekdayOf(2026, 9, 1, 1), '2026-09-07'],
    [lastWeekdayOf(2026, 5, 1), '2026-05-25'],
    [lastWeekdayOf(2027, 5, 1), '2027-05-31'], // May 31 itself
    [shiftDays('2026-03-08', 1), '2026-03-09'], // across a clock change (US and elsewhere)
    [shiftDays('2027-12-31', 1), '2028-01-01'],
  ])('calendar arithmetic gives %s (expected %s)', (actual, expected) => {
    expect(actual).toBe(expected);
  });

  it.each([
    ['2026-11-26', '2026-12-10', 14],
    ['2026-12-10', '2026-11-26', -14],
    ['2027-03-01', '2027-03-20', 19], // across the March clock change
    ['2026-10-25', '2026-11-08', 14], // across the November one
  ])('daysBetween(%s, %s) is %i', (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
  });
}

describe('--at forms (machine TZ as it is)', forms);
for (const { tz, january } of MACHINE_ZONES) {
  describe(`--at forms with the machine in ${tz}`, () => {
    machineZone(tz, january);
    forms();
  });
}
