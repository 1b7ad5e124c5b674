import { Script, createContext, type Context as VmContext } from 'node:vm';
import rrule from 'rrule';
import { UsageError } from '../errors.js';
import { MOST_YEARS_AHEAD } from './dates.js';
import { checkRule } from './rule-checks.js';
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
 * lack, becomes "the last such weekday" of each month, and a note says so. `latest` is the last
 * day (YYYY-MM-DD) a meeting may fall on: a series running past it is refused.
 */
export function planSeries(
  first: WallTime,
  repeat: Repeat,
  limit: { count?: number; until?: string },
  latest?: string,
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
    checkRule(repeat.rrule, parsed.origOptions, parsed.options);
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
  const label = typeof repeat === 'object' ? `"${repeat.rrule}"` : repeat;
  const starts = expand(rule, { label, latest }, notes);
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

/**
 * How long expanding one rule may take. A rule meetings use expands in milliseconds (at most 200
 * meetings within ten years); one that never matches would otherwise run on to the year 9999.
 */
const EXPANSION_MS = 500;

/**
 * Lists a rule's meetings. rrule checks UNTIL and COUNT only on dates that match, so a rule that
 * never matches (BYWEEKNO=53 with BYMONTH=3, say) steps through every period up to the year 9999:
 * seconds at full CPU in a loop that no signal interrupts. UNTIL and the ten-years limit are
 * checked here on every match, and the whole expansion runs under a time limit.
 */
function expand(
  rule: InstanceType<typeof RRule>,
  { label, latest }: { label: string; latest: string | undefined },
  notes: string[],
): WallTime[] {
  const { until, count } = rule.options;
  // Without UNTIL, rrule hands over the first date past it, so "stopped at UNTIL" and "ran out of
  // dates" tell apart.
  const open = new RRule({ ...rule.origOptions, until: null });
  const starts: WallTime[] = [];
  // Set inside the callback, which the compiler's narrowing does not follow.
  let stop = null as 'until' | 'latest' | null;
  const finished = withinTimeLimit(() =>
    open.all((date) => {
      if (until !== null && date > until) {
        stop = 'until';
        return false;
      }
      const wall = wallFromFloating(date);
      if (latest !== undefined && wall.slice(0, 10) > latest) {
        stop = 'latest';
        starts.push(wall);
        return false;
      }
      // An occurrence in the hour the clocks skip in March moves to the same time after the change.
      const real = wallOf(instantOf(wall));
      if (real !== wall)
        notes.push(
          `${wall.replace('T', ' ')} does not exist in New York (clocks spring forward); that meeting is at ${real.slice(11)}`,
        );
      starts.push(real);
      return starts.length <= MOST_OCCURRENCES;
    }),
  );
  if (starts.length > MOST_OCCURRENCES) {
    throw new UsageError(
      `that series would create more than ${MOST_OCCURRENCES} meetings`,
      'lower --count or set an earlier --until',
    );
  }
  if (stop === 'latest') {
    const late = starts.pop()!;
    throw new UsageError(
      `--repeat ${label} puts meeting ${starts.length + 1} of the series on ${late.slice(0, 10)}, more than ${MOST_YEARS_AHEAD} years ahead`,
      `meetings are scheduled up to ${latest}; end the series sooner (a lower --count or an earlier --until)`,
    );
  }
  // Out of time, out of calendar before COUNT, or no date at all: the rule's parts never meet.
  const short = count !== null && starts.length < count;
  if (!finished || short || (starts.length === 0 && stop !== 'until')) {
    throw new UsageError(
      `--repeat ${label} finds ${starts.length === 0 ? 'no meetings' : `only ${starts.length}`}: it may never match${starts.length === 0 ? '' : ' again'}`,
      'check that its parts can meet (BYSETPOS within one period, BYYEARDAY or BYWEEKNO within BYMONTH), or use a simpler rule such as FREQ=MONTHLY;BYDAY=2TU',
    );
  }
  if (starts.length === 0)
    throw new UsageError('that series has no meetings', 'check --repeat, --until and --at');
  return starts;
}

// One sandbox for every expansion: making one costs milliseconds, running in it almost nothing.
let sandbox: VmContext | null = null;
let call: Script | null = null;

/**
 * Runs `work`, giving up after EXPANSION_MS; false when it gave up. node:vm's timeout stops
 * whatever JavaScript runs at that moment, the functions `work` calls from outside the sandbox
 * included (V8 terminates the isolate's execution, then lets it go on).
 */
function withinTimeLimit(work: () => void): boolean {
  sandbox ??= createContext({});
  call ??= new Script('work()');
  sandbox.work = work;
  try {
    call.runInContext(sandbox, { timeout: EXPANSION_MS });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') return false;
    throw error;
  } finally {
    sandbox.work = undefined;
  }
}

function limits(limit: { count?: number; until?: string }) {
  if (limit.count !== undefined) return { count: limit.count };
  // --until is a New York date, inclusive: any start on that day counts.
  if (limit.until !== undefined) return { until: new Date(`${limit.until}T23:59:59Z`) };
  return {};
}
