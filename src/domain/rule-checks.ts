import rrule from 'rrule';
import { UsageError } from '../errors.js';

/**
 * The checks a meeting rule passes before it is expanded. Each is exact (it refuses only what can
 * never mean a meeting) and cheap; the expansion's time limit catches the never-matching rules no
 * check here foresees.
 */

const { RRule } = rrule;

/** The BY parts a meeting rule may use, with the values RFC 5545 allows (0 is never one of them but for times). */
const RANGES: Array<[string, string, number, number, boolean]> = [
  ['bymonth', 'BYMONTH', 1, 12, false],
  ['bymonthday', 'BYMONTHDAY', -31, 31, true],
  ['byyearday', 'BYYEARDAY', -366, 366, true],
  ['byweekno', 'BYWEEKNO', -53, 53, true],
  ['bysetpos', 'BYSETPOS', -366, 366, true],
  ['byhour', 'BYHOUR', 0, 23, false],
  ['byminute', 'BYMINUTE', 0, 59, false],
  ['bysecond', 'BYSECOND', 0, 59, false],
];
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Refuses what a meeting rule cannot mean before anything is expanded: a rule that never matches
 * makes the expansion look for an occurrence until the year 9999, at full CPU. Meetings repeat
 * daily at most, every 1 to 100 periods, and every BY value lies in its RFC 5545 range.
 */
export function checkRule(
  rule: string,
  options: Partial<Record<string, unknown>>,
  filled: InstanceType<typeof RRule>['options'],
): void {
  const refuse = (what: string, fix: string) => {
    throw new UsageError(`--repeat "${rule}" ${what}`, fix);
  };
  if (typeof options.freq === 'number' && options.freq > RRule.DAILY)
    refuse(
      'repeats more often than daily',
      'meetings repeat daily at most: FREQ=DAILY, WEEKLY, MONTHLY or YEARLY',
    );
  const interval = options.interval ?? 1;
  if (typeof interval !== 'number' || !Number.isInteger(interval) || interval < 1 || interval > 100)
    refuse(`has INTERVAL=${String(interval)}`, 'INTERVAL is a whole number from 1 to 100');
  const values = (key: string) => {
    const v = options[key];
    return v === undefined || v === null ? [] : (Array.isArray(v) ? v : [v]).map(Number);
  };
  for (const [key, name, low, high, signed] of RANGES) {
    const bad = values(key).find((n) => !Number.isInteger(n) || n < low || n > high || (signed && n === 0));
    if (bad !== undefined)
      refuse(
        `has ${name}=${bad}`,
        `${name} takes ${signed ? `${low} to -1 or 1 to ${high}` : `${low} to ${high}`}`,
      );
  }
  // A month day that none of the months has (BYMONTH=2;BYMONTHDAY=30) never comes.
  const months = values('bymonth');
  const longest = Math.max(...(months.length > 0 ? months : [1]).map((m) => DAYS_IN_MONTH[m - 1]!));
  const days = values('bymonthday');
  if (days.length > 0 && days.every((d) => Math.abs(d) > longest))
    refuse('never happens: no month it names has that day', 'check BYMONTH and BYMONTHDAY');
  // A year day outside the months and month days named (BYYEARDAY=366;BYMONTH=1) never comes.
  const yearDays = values('byyearday');
  if (yearDays.length > 0 && (months.length > 0 || days.length > 0)) {
    const fits = (date: Date) => {
      const monthLength = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
      const day = date.getUTCDate();
      return (
        (months.length === 0 || months.includes(date.getUTCMonth() + 1)) &&
        (days.length === 0 || days.includes(day) || days.includes(day - monthLength - 1))
      );
    };
    // A common year and a leap year hold every place a year day can fall.
    const dates = [2027, 2028].flatMap((year) => yearDays.map((n) => dayOfYear(year, n)));
    if (!dates.some((date) => date !== null && fits(date)))
      refuse(
        'never happens: none of its year days falls in the months or month days it names',
        'check BYYEARDAY against BYMONTH and BYMONTHDAY',
      );
  }
  // BYSETPOS picks among the dates one period holds; a position past the most it can hold never comes.
  const positions = values('bysetpos');
  const most = mostPerPeriod(filled);
  if (positions.length > 0 && positions.every((n) => Math.abs(n) > most))
    refuse(
      `never happens: BYSETPOS=${positions.join(',')} asks for more than the ${most} ${most === 1 ? 'date' : 'dates'} each ${PERIODS[filled.freq]} can hold`,
      `BYSETPOS counts from 1 to ${most} (-1 is the last); for more to choose from, list more BYDAY or BYHOUR values`,
    );
}

const PERIODS: Record<number, string> = {
  [RRule.YEARLY]: 'year',
  [RRule.MONTHLY]: 'month',
  [RRule.WEEKLY]: 'week',
  [RRule.DAILY]: 'day',
};

/** The `n`th day of `year` (from the end when negative), or null when the year is too short. */
function dayOfYear(year: number, n: number): Date | null {
  const length = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 366 : 365;
  const index = n > 0 ? n - 1 : length + n;
  return index >= 0 && index < length ? new Date(Date.UTC(year, 0, 1 + index)) : null;
}

/**
 * The most dates one period of a rule can hold: its days (one a day, the weekdays named a week,
 * 31 a month, 366 a year) times its times of day (every BYHOUR, BYMINUTE and BYSECOND mix).
 * rrule fills these lists from the first start when the rule leaves them out.
 */
function mostPerPeriod(options: InstanceType<typeof RRule>['options']): number {
  const distinct = (list: readonly number[] | null) => new Set(list ?? [0]).size;
  const times = distinct(options.byhour) * distinct(options.byminute) * distinct(options.bysecond);
  const weekdays = new Set([...(options.byweekday ?? []), ...(options.bynweekday ?? []).map(([d]) => d)]);
  const days: Record<number, number> = {
    [RRule.DAILY]: 1,
    [RRule.WEEKLY]: weekdays.size > 0 ? weekdays.size : 7,
    [RRule.MONTHLY]: 31,
  };
  return (days[options.freq] ?? 366) * times;
}
