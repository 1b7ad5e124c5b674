// The build bundles this file with the date-fns functions it uses (scripts/bundle.mjs).
import { addDays } from 'date-fns/addDays';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { format } from 'date-fns/format';
import { getDay } from 'date-fns/getDay';
import { lastDayOfMonth } from 'date-fns/lastDayOfMonth';
import { nextDay } from 'date-fns/nextDay';
import { previousDay } from 'date-fns/previousDay';

/**
 * Calendar arithmetic on YYYY-MM-DD dates, through date-fns. Each date becomes a Date at local
 * noon and is read back in local time, so the machine's zone (and its clock changes, which
 * happen at night) can never move a day.
 */

/** 0 = Sunday … 6 = Saturday, as date-fns and `Date.getDay` count them. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

function noon(date: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, 12);
}

function ymd(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function weekdayOf(date: string): Weekday {
  return getDay(noon(date)) as Weekday;
}

export function shiftDays(date: string, days: number): string {
  return ymd(addDays(noon(date), days));
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

const EPOCH = noon('1970-01-01');
/**
 * Each date's days since 1970, counted once: a report counts days between the same few thousand
 * dates for tens of thousands of issues, and a Date per date each time showed in its profile.
 */
const dayNumbers = new Map<string, number>();

function dayNumber(date: string): number {
  let days = dayNumbers.get(date);
  if (days === undefined) dayNumbers.set(date, (days = differenceInCalendarDays(noon(date), EPOCH)));
  return days;
}

/** The `nth` (1-based) `weekday` of a month: the 4th Thursday of November 2026 is 2026-11-26. */
export function nthWeekdayOf(year: number, month: number, weekday: Weekday, nth: number): string {
  const first = new Date(year, month - 1, 1, 12);
  const firstMatch = getDay(first) === weekday ? first : nextDay(first, weekday);
  return ymd(addDays(firstMatch, 7 * (nth - 1)));
}

/** The last `weekday` of a month: the last Monday of May 2026 is 2026-05-25. */
export function lastWeekdayOf(year: number, month: number, weekday: Weekday): string {
  const last = lastDayOfMonth(new Date(year, month - 1, 1, 12));
  return ymd(getDay(last) === weekday ? last : previousDay(last, weekday));
}

/** A date as a printed document gives it: `Tuesday, December 8, 2026`. */
export function longDate(date: string): string {
  return format(noon(date), 'EEEE, MMMM d, yyyy');
}

/** A short date for dense lines: `Dec 8, 2026`. */
export function shortDate(date: string): string {
  return format(noon(date), 'MMM d, yyyy');
}
