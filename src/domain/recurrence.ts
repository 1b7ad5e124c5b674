import rrule from 'rrule';
import { UsageError } from '../errors.js';
import { instantOf, wallOf, type WallTime } from './time.js';

const { RRule, rrulestr } = rrule;

/** A series never creates more meetings than this at once. */
export const MOST_OCCURRENCES = 200;

export type Repeat = 'quarterly' | 'monthly' | 'weekly' | { rrule: string };

export interface SeriesPlan {
  /** The wall-clock start of every occurrence, in order. */
  starts: WallTime[];
  /** The rule used, in RFC 5545 form. */
  rule: string;
  /** Things the coordinator should know about how the rule was read. */
  notes: string[];
}

const ORDINALS = ['', '1st', '2nd', '3rd', '4th', '5th'];
const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
/** rrule numbers weekdays from Monday. */
const RRULE_DAYS = [RRule.SU, RRule.MO, RRule.TU, RRule.WE, RRule.TH, RRule.FR, RRule.SA];

/** Default series lengths when neither --count nor --until is given: a year of meetings. */
const YEAR_OF: Record<string, number> = { quarterly: 4, monthly: 12, weekly: 52 };

export function parseRepeat(input: string): Repeat {
  const text = input.trim();
  const lower = text.toLowerCase();
  if (lower === 'quarterly' || lower === 'monthly' || lower === 'weekly') return lower;
  const rule = text.replace(/^RRULE:/i, '');
  if (!/(^|;)FREQ=/i.test(rule)) {
    throw new UsageError(
      `--repeat "${input}" is not quarterly, monthly, weekly or an RRULE`,
      'for a custom rule give an RFC 5545 RRULE with FREQ, for example FREQ=MONTHLY;INTERVAL=3;BYDAY=2TU',
    );
  }
  return { rrule: rule.toUpperCase() };
}

/** Rule-time dates are "floating": UTC fields that stand for New York wall-clock fields. */
function floating(wall: WallTime): Date {
  const [date, time] = wall.split('T') as [string, string];
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  return new Date(Date.UTC(y, mo - 1, d, h, mi));
}

function wallFromFloating(date: Date): WallTime {
  return date.toISOString().slice(0, 16);
}

/**
 * Expands a series from its first start. Quarterly and monthly keep the weekday and its place in
 * the month (the 2nd Tuesday stays the 2nd Tuesday). A start on a 5th weekday, which most months
 * lack, becomes "the last such weekday" of each month, and a note says so.
 */
export function planSeries(
  first: WallTime,
  repeat: Repeat,
  limit: { count?: number; until?: string },
): SeriesPlan {
  const dtstart = floating(first);
  const notes: string[] = [];
  let rule: InstanceType<typeof RRule>;
  if (typeof repeat === 'object') {
    let parsed;
    try {
      parsed = rrulestr(repeat.rrule, { dtstart });
    } catch (error) {
      const detail = error instanceof TypeError ? 'a part of it could not be read' : (error as Error).message;
      throw new UsageError(
        `--repeat "${repeat.rrule}" is not a valid RRULE (${detail})`,
        'see RFC 5545, for example FREQ=MONTHLY;INTERVAL=3;BYDAY=2TU',
      );
    }
    if (!(parsed instanceof RRule))
      throw new UsageError(
        `--repeat "${repeat.rrule}" is not a single RRULE`,
        'give one rule, without DTSTART or EXDATE',
      );
    checkRule(repeat.rrule, parsed.origOptions);
    const ruleLimited = parsed.options.count !== null || parsed.options.until !== null;
    if (ruleLimited && (limit.count !== undefined || limit.until !== undefined)) {
      throw new UsageError(
        'the RRULE has its own COUNT or UNTIL, and --count or --until was given too',
        'give the limit in one place',
      );
    }
    if (!ruleLimited && limit.count === undefined && limit.until === undefined) {
      throw new UsageError(
        'a custom --repeat rule needs an end',
        'add --count <n> or --until <date>, or COUNT/UNTIL in the rule',
      );
    }
    rule = new RRule({ ...parsed.origOptions, dtstart, ...limits(limit) });
  } else {
    const weekday = dtstart.getUTCDay();
    const nth = Math.ceil(dtstart.getUTCDate() / 7);
    let byweekday;
    if (repeat === 'weekly') {
      byweekday = [RRULE_DAYS[weekday]!];
    } else if (nth === 5) {
      byweekday = [RRULE_DAYS[weekday]!.nth(-1)];
      notes.push(
        `${first.slice(0, 10)} is the 5th ${DAY_NAMES[weekday]} of its month, which most months lack: the series uses the last ${DAY_NAMES[weekday]} of the month`,
      );
    } else {
      byweekday = [RRULE_DAYS[weekday]!.nth(nth)];
      notes.push(
        `every ${repeat === 'quarterly' ? 'third month' : 'month'} on the ${ORDINALS[nth]} ${DAY_NAMES[weekday]}`,
      );
    }
    const count = limit.count === undefined && limit.until === undefined ? YEAR_OF[repeat] : undefined;
    rule = new RRule({
      freq: repeat === 'weekly' ? RRule.WEEKLY : RRule.MONTHLY,
      interval: repeat === 'quarterly' ? 3 : 1,
      byweekday,
      dtstart,
      ...limits(count === undefined ? limit : { count }),
    });
  }
  const starts: WallTime[] = [];
  rule.all((date) => {
    // An occurrence in the hour the clocks skip in March moves to the same time after the change.
    const wall = wallFromFloating(date);
    const real = wallOf(instantOf(wall));
    if (real !== wall)
      notes.push(
        `${wall.replace('T', ' ')} does not exist in New York (clocks spring forward); that meeting is at ${real.slice(11)}`,
      );
    starts.push(real);
    return starts.length <= MOST_OCCURRENCES;
  });
  if (starts.length > MOST_OCCURRENCES) {
    throw new UsageError(
      `that series would create more than ${MOST_OCCURRENCES} meetings`,
      'lower --count or set an earlier --until',
    );
  }
  if (starts.length === 0)
    throw new UsageError('that series has no meetings', 'check --repeat, --until and --at');
  if (starts[0] !== first)
    notes.push(`${first} does not match the rule itself; the first meeting is ${starts[0]}`);
  return {
    starts,
    rule: rule
      .toString()
      .split('\n')
      .find((l) => l.startsWith('RRULE:'))!
      .slice(6),
    notes,
  };
}

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
function checkRule(rule: string, options: Partial<Record<string, unknown>>): void {
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
}

function limits(limit: { count?: number; until?: string }) {
  if (limit.count !== undefined) return { count: limit.count };
  // --until is a New York date, inclusive: any start on that day counts.
  if (limit.until !== undefined) return { until: new Date(`${limit.until}T23:59:59Z`) };
  return {};
}
