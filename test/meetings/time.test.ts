import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { parseDuration } from '../../src/domain/duration.js';
import { endInstant } from '../../src/domain/meetings.js';
import { friendly, instantOf, isoWithOffset, parseWallTime, wallOf } from '../../src/domain/time.js';
import { MACHINE_ZONES, machineZone } from './helpers.js';

const TODAY = '2026-11-26';

function timeTable() {
  it.each([
    ['2026-12-08 19:00', '2026-12-08T19:00'],
    ['2026-12-08T19:00', '2026-12-08T19:00'],
    ['2026-12-08 7pm', '2026-12-08T19:00'],
    ['2026-12-08 7:30pm', '2026-12-08T19:30'],
    ['2026-12-08 7:30PM', '2026-12-08T19:30'],
    ['2026-12-08 12pm', '2026-12-08T12:00'],
    ['2026-12-08 12am', '2026-12-08T00:00'],
    ['today 7pm', '2026-11-26T19:00'],
    ['tomorrow 19:00', '2026-11-27T19:00'],
    ['2026-12-31 23:59', '2026-12-31T23:59'],
    ['2026-11-01 01:30', '2026-11-01T01:30'], // happens twice when the clocks fall back: still a real time
  ])('parseWallTime(%j) is %s', (input, wall) => {
    expect(parseWallTime(input, TODAY)).toBe(wall);
  });

  it.each([
    ['next tuesday', /not a date and time/],
    ['2026-12-08 25:00', /time of day that does not exist/],
    ['2026-12-08 19:60', /time of day that does not exist/],
    ['2027-02-30 19:00', /date that does not exist/],
    ['2026-12-08 13pm', /outside 1–12/],
    ['2026-12-08 0pm', /outside 1–12/],
    ['2026-12-08 19', /no minutes/],
    ['2026-12-08', /not a date and time/],
    ['19:00', /not a date and time/],
    ['', /not a date and time/],
    ['2027-03-14 02:30', /daylight saving/], // the clocks skip from 2:00 to 3:00
    ['2027-03-14 2:00am', /daylight saving/],
  ])('parseWallTime(%j) is a usage error', (input, why) => {
    const call = () => parseWallTime(input, TODAY);
    expect(call).toThrow(UsageError);
    expect(call).toThrow(why);
    expect(call).toThrow(/--at/);
  });

  it.each([
    ['2026-12-08T19:00', '2026-12-08T19:00:00-05:00', '2026-12-09T00:00:00.000Z'],
    ['2026-07-14T19:00', '2026-07-14T19:00:00-04:00', '2026-07-14T23:00:00.000Z'],
    // a 7 pm meeting stays 7 pm local on both sides of each clock change
    ['2026-10-27T19:00', '2026-10-27T19:00:00-04:00', '2026-10-27T23:00:00.000Z'],
    ['2026-11-03T19:00', '2026-11-03T19:00:00-05:00', '2026-11-04T00:00:00.000Z'],
    ['2027-03-09T19:00', '2027-03-09T19:00:00-05:00', '2027-03-10T00:00:00.000Z'],
    ['2027-03-16T19:00', '2027-03-16T19:00:00-04:00', '2027-03-16T23:00:00.000Z'],
    ['2027-03-14T03:00', '2027-03-14T03:00:00-04:00', '2027-03-14T07:00:00.000Z'],
    ['2026-11-01T01:30', '2026-11-01T01:30:00-04:00', '2026-11-01T05:30:00.000Z'], // the first 1:30
  ])('%s in New York is %s (%s)', (wall, iso, utc) => {
    const instant = instantOf(wall);
    expect(instant.toISOString()).toBe(utc);
    expect(isoWithOffset(instant)).toBe(iso);
    expect(wallOf(instant)).toBe(wall);
  });

  it.each([
    // an hour-long meeting that starts at the first 1:30 am ends at the second one
    ['2026-11-01T01:30', 60, '2026-11-01T01:30:00-05:00'],
    ['2027-03-14T01:30', 60, '2027-03-14T03:30:00-04:00'],
    ['2026-12-08T23:30', 90, '2026-12-09T01:00:00-05:00'],
  ])('a meeting at %s lasting %i minutes ends %s', (start, durationMinutes, end) => {
    expect(isoWithOffset(endInstant({ start, durationMinutes }))).toBe(end);
  });

  it.each([
    ['2026-12-08T19:00', 'Tue Dec 8 2026, 7:00 PM'],
    ['2026-12-08T19:30', 'Tue Dec 8 2026, 7:30 PM'],
    ['2027-01-01T00:05', 'Fri Jan 1 2027, 12:05 AM'],
    ['2027-03-14T12:00', 'Sun Mar 14 2027, 12:00 PM'],
    ['2026-10-27T09:00', 'Tue Oct 27 2026, 9:00 AM'],
  ])('friendly(%s) is %j', (wall, text) => {
    expect(friendly(wall)).toBe(text);
  });
}

describe('New York wall-clock time (machine TZ as it is)', timeTable);
for (const { tz, january } of MACHINE_ZONES) {
  describe(`New York wall-clock time with the machine in ${tz}`, () => {
    machineZone(tz, january);
    timeTable();
  });
}

describe('parseDuration', () => {
  it.each([
    ['90', 90],
    ['90m', 90],
    ['1h', 60],
    ['1h30m', 90],
    ['1.5h', 90],
    ['0.5h', 30],
    ['2h0m', 120],
    [' 45 ', 45],
    ['12h', 720],
    ['720', 720],
  ])('%j is %i minutes', (input, minutes) => {
    expect(parseDuration(input)).toBe(minutes);
  });

  it.each([
    ['0', /not a positive/],
    ['0m', /not a positive/],
    ['-5', /negative/],
    ['13h', /longer than 12 hours/],
    ['721', /longer than 12 hours/],
    ['abc', /not a duration/],
    ['', /not a duration/],
    ['h', /not a duration/],
    ['90s', /not a duration/],
  ])('%j is a usage error', (input, why) => {
    expect(() => parseDuration(input)).toThrow(UsageError);
    expect(() => parseDuration(input)).toThrow(why);
  });
});
