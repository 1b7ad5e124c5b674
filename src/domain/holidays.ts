import { lastWeekdayOf, nthWeekdayOf, shiftDays, weekdayOf, type Weekday } from './calendar.js';

/**
 * US federal holidays (5 U.S.C. 6103) and New York State public holidays (General Construction
 * Law §24), as they stand since Juneteenth became one (2021); earlier years are not history.
 *
 * New York observes every federal holiday and adds Lincoln's Birthday (February 12) and Election
 * Day (the Tuesday after the first Monday in November). Its Flag Day (the second Sunday in June)
 * is left out: it is always a Sunday and no one has the day off.
 *
 * Weekends: a federal holiday on a Saturday is observed by federal offices on the Friday before,
 * one on a Sunday on the Monday after. New York moves only Sunday holidays (to the Monday); a
 * Saturday holiday stays on the Saturday. The day itself always counts too: a meeting on
 * Saturday July 4 falls on the holiday whoever has the Friday off.
 */

interface Rule {
  name: string;
  federal: boolean;
  /** The date it falls on in `year`, or null when it did not exist then. */
  on(year: number): string | null;
}

const MON: Weekday = 1;
const THU: Weekday = 4;

const fixed = (month: number, day: number) => (year: number) =>
  `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

const RULES: readonly Rule[] = [
  { name: "New Year's Day", federal: true, on: fixed(1, 1) },
  { name: 'Martin Luther King Jr. Day', federal: true, on: (y) => nthWeekdayOf(y, 1, MON, 3) },
  { name: "Lincoln's Birthday", federal: false, on: fixed(2, 12) },
  { name: "Washington's Birthday (Presidents' Day)", federal: true, on: (y) => nthWeekdayOf(y, 2, MON, 3) },
  { name: 'Memorial Day', federal: true, on: (y) => lastWeekdayOf(y, 5, MON) },
  { name: 'Juneteenth', federal: true, on: (y) => (y >= 2021 ? fixed(6, 19)(y) : null) },
  { name: 'Independence Day', federal: true, on: fixed(7, 4) },
  { name: 'Labor Day', federal: true, on: (y) => nthWeekdayOf(y, 9, MON, 1) },
  { name: 'Columbus Day', federal: true, on: (y) => nthWeekdayOf(y, 10, MON, 2) },
  // The Tuesday after the first Monday: November 2 to 8.
  { name: 'Election Day', federal: false, on: (y) => shiftDays(nthWeekdayOf(y, 11, MON, 1), 1) },
  { name: 'Veterans Day', federal: true, on: fixed(11, 11) },
  { name: 'Thanksgiving Day', federal: true, on: (y) => nthWeekdayOf(y, 11, THU, 4) },
  { name: 'Christmas Day', federal: true, on: fixed(12, 25) },
];

/** A day a holiday is kept: the holiday itself, or the weekday off for one on a weekend. */
export interface HolidayOn {
  name: string;
  /** The date the holiday falls on. */
  date: string;
  /** The date it is kept on: `date`, or the Friday or Monday when `observed`. */
  on: string;
  /** The weekday off for a holiday that falls on a weekend. */
  observed: boolean;
  /** Federal offices are closed that date. */
  federal: boolean;
  /** New York State offices are closed that date. */
  state: boolean;
}

/** The holidays of `year` and the days they are kept, in date order (the last may be kept in December before). */
export function holidaysOf(year: number): HolidayOn[] {
  const days: HolidayOn[] = [];
  for (const rule of RULES) {
    const date = rule.on(year);
    if (date === null) continue;
    const name = rule.name;
    days.push({ name, date, on: date, observed: false, federal: rule.federal, state: true });
    const weekday = weekdayOf(date);
    if (weekday === 6 && rule.federal)
      days.push({ name, date, on: shiftDays(date, -1), observed: true, federal: true, state: false });
    if (weekday === 0)
      days.push({ name, date, on: shiftDays(date, 1), observed: true, federal: rule.federal, state: true });
  }
  return days.sort((a, b) => a.on.localeCompare(b.on));
}

/** The holidays kept on `date` (YYYY-MM-DD): usually none, sometimes a day and an observance. */
export function holidaysOn(date: string): HolidayOn[] {
  const year = Number(date.slice(0, 4));
  // A Saturday January 1 is observed on Friday December 31 of the year before.
  return [...holidaysOf(year), ...holidaysOf(year + 1)].filter((h) => h.on === date);
}

/** "Thanksgiving Day, a US federal and New York State holiday"; "Independence Day (Sat Jul 4), observed by federal offices". */
export function describeHoliday(h: HolidayOn): string {
  const who =
    h.federal && h.state
      ? 'a US federal and New York State holiday'
      : h.federal
        ? 'a US federal holiday'
        : 'a New York State holiday';
  if (!h.observed) return `${h.name}, ${who}`;
  const offices =
    h.federal && h.state ? 'federal and New York State' : h.federal ? 'federal' : 'New York State';
  return `${h.name} (${WEEKDAY_SHORT[weekdayOf(h.date)]} ${shortDate(h.date)}), observed that day by ${offices} offices`;
}

const WEEKDAY_SHORT = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTH_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function shortDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${MONTH_SHORT[m - 1]} ${d} ${y}`;
}
