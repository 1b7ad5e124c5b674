// Calendar arithmetic for the benchmark store generator, on whole days counted from 1970-01-01
// (UTC, so no time zone or clock change ever shifts a day). Dates in the store are YYYY-MM-DD.

const DAY_MS = 86_400_000;

/** The day number of an ISO date (YYYY-MM-DD). */
export function dayOf(iso) {
  return Math.round(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY_MS);
}

const isoCache = new Map();

/** The ISO date (YYYY-MM-DD) of a day number; cached, as the same days come up again and again. */
export function isoOf(day) {
  let iso = isoCache.get(day);
  if (iso === undefined) {
    iso = new Date(day * DAY_MS).toISOString().slice(0, 10);
    isoCache.set(day, iso);
  }
  return iso;
}

/** A month counted from year 0 (year * 12 + month - 1), so months can be stepped through as integers. */
export function monthIndexOf(iso) {
  return Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
}

/**
 * The day number of the `nth` (1-4) `weekday` (0 Sunday ... 6 Saturday) of a month given as
 * a month index (see monthIndexOf).
 */
export function nthWeekday(monthIndex, weekday, nth) {
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12;
  const first = Math.round(Date.UTC(year, month, 1) / DAY_MS);
  // 1970-01-01 (day 0) was a Thursday (weekday 4).
  const firstWeekday = (((first + 4) % 7) + 7) % 7;
  return first + ((weekday - firstWeekday + 7) % 7) + (nth - 1) * 7;
}

/** The weekday of a day number (0 Sunday ... 6 Saturday). */
export function weekdayOf(day) {
  return (((day + 4) % 7) + 7) % 7;
}

const pad = (n) => String(n).padStart(2, '0');

/**
 * A record stamp (createdAt, updatedAt) on a day: an ISO 8601 UTC instant such as nsm writes
 * (`new Date().toISOString()`). `minuteOfDay` counts UTC minutes; 14:00-23:59 UTC is daytime to
 * evening in New York whatever the season.
 */
export function stampOf(day, minuteOfDay, second = 0) {
  const m = Math.min(Math.max(minuteOfDay, 0), 24 * 60 - 1);
  return `${isoOf(day)}T${pad(Math.floor(m / 60))}:${pad(m % 60)}:${pad(second % 60)}.000Z`;
}

/** The earlier of two stamps (ISO text compares in time order). */
export function earlierStamp(a, b) {
  return a < b ? a : b;
}

/** A wall-clock start as the store keeps it: `YYYY-MM-DDTHH:mm`, New York time. */
export function wallTime(day, minuteOfDay) {
  return `${isoOf(day)}T${pad(Math.floor(minuteOfDay / 60))}:${pad(minuteOfDay % 60)}`;
}
