import { describe, expect, it } from 'vitest';
import { describeHoliday, holidaysOf, holidaysOn } from '../../src/domain/holidays.js';
import { MACHINE_ZONES, machineZone } from '../meetings/helpers.js';

/** What a date is kept as: "Independence Day observed federal" and the like, sorted. */
function kept(date: string): string[] {
  return holidaysOn(date)
    .map((h) =>
      [h.name, h.observed ? 'observed' : '', h.federal ? 'federal' : '', h.state ? 'state' : '']
        .filter(Boolean)
        .join(' '),
    )
    .sort();
}

function holidayTable() {
  // prettier-ignore
  it.each([
    ['2026-01-01', ["New Year's Day federal state"]],
    ['2026-01-19', ['Martin Luther King Jr. Day federal state']],
    ['2026-02-12', ["Lincoln's Birthday state"]],
    ['2027-02-12', ["Lincoln's Birthday state"]],
    ['2026-02-16', ["Washington's Birthday (Presidents' Day) federal state"]],
    ['2026-05-25', ['Memorial Day federal state']],
    ['2027-05-31', ['Memorial Day federal state']],
    ['2026-06-19', ['Juneteenth federal state']],
    ['2026-07-04', ['Independence Day federal state']], // a Saturday: still the holiday itself
    ['2026-07-03', ['Independence Day observed federal']], // the Friday off, for federal offices only
    ['2027-07-05', ['Independence Day observed federal state']], // July 4 2027 is a Sunday: Monday for both
    ['2027-06-18', ['Juneteenth observed federal']],
    ['2026-09-07', ['Labor Day federal state']],
    ['2026-10-12', ['Columbus Day federal state']],
    ['2026-11-03', ['Election Day state']], // Nov 2 is the first Monday
    ['2027-11-02', ['Election Day state']], // Nov 1 is the first Monday
    ['2028-11-07', ['Election Day state']], // Nov 1 2028 is a Wednesday: not "the first Tuesday"
    ['2026-11-11', ['Veterans Day federal state']],
    ['2026-11-26', ['Thanksgiving Day federal state']],
    ['2027-11-25', ['Thanksgiving Day federal state']],
    ['2026-12-25', ['Christmas Day federal state']],
    ['2027-12-24', ['Christmas Day observed federal']],
    ['2027-12-31', ["New Year's Day observed federal"]], // January 1 2028 is a Saturday
    ['2023-02-13', ["Lincoln's Birthday observed state"]], // a Sunday Lincoln's Birthday moves to Monday
    ['2029-11-12', ['Veterans Day observed federal state']],
  ])('%s is %j', (date, expected) => {
    expect(kept(date)).toEqual(expected);
  });

  it.each([
    ['2026-11-27', 'the day after Thanksgiving'],
    ['2026-12-24', 'Christmas Eve'],
    ['2026-12-31', "New Year's Eve, when January 1 is a Friday"],
    ['2026-07-05', 'the Sunday after a Saturday holiday'],
    ['2028-02-11', "the Friday before a Saturday Lincoln's Birthday (New York does not move it)"],
    ['2026-11-02', 'the Monday before Election Day'],
    ['2026-06-14', 'Flag Day (a Sunday nobody has off)'],
    ['2020-06-19', 'Juneteenth before it was a holiday'],
  ])('%s (%s) is no holiday', (date) => {
    expect(holidaysOn(date)).toEqual([]);
  });

  it('has 14 days in 2026 in date order: 13 holidays and one Friday observance', () => {
    const days = holidaysOf(2026);
    expect(days.map((h) => h.on)).toEqual([...days.map((h) => h.on)].sort());
    expect(days).toHaveLength(14);
    expect(days.filter((h) => h.observed).map((h) => h.on)).toEqual(['2026-07-03']);
  });
}

describe('holidays (machine TZ as it is)', holidayTable);
for (const { tz, january } of MACHINE_ZONES) {
  describe(`holidays with the machine in ${tz}`, () => {
    machineZone(tz, january);
    holidayTable();
  });
}

describe('describeHoliday', () => {
  it.each([
    ['2026-11-26', 'Thanksgiving Day, a US federal and New York State holiday'],
    ['2027-02-12', "Lincoln's Birthday, a New York State holiday"],
    ['2026-11-03', 'Election Day, a New York State holiday'],
    ['2026-07-03', 'Independence Day (Sat Jul 4 2026), observed that day by federal offices'],
    [
      '2027-07-05',
      'Independence Day (Sun Jul 4 2027), observed that day by federal and New York State offices',
    ],
  ])('%s reads %j', (date, text) => {
    expect(holidaysOn(date).map(describeHoliday)).toEqual([text]);
  });
});
