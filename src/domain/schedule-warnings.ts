import { daysBetween } from './calendar.js';
import type { Candidate } from './conflicts.js';
import { describeHoliday, holidaysOn } from './holidays.js';
import { describeMeeting, endInstant, hostsOf, startInstant } from './meetings.js';
import type { Meeting, Store } from './schema.js';
import { clockTime, friendly, wallOf } from './time.js';

/**
 * Likely mistakes in a meeting's time, warned about and never refused: the coordinator may
 * well mean it (a make-up meeting, a holiday event). Conflicts, which are refused, are in
 * conflicts.ts; a meeting that overlaps another is reported there, not here.
 */

export type WarningKind = 'nearby' | 'no-nco' | 'hours' | 'holiday';

export interface ScheduleWarning {
  kind: WarningKind;
  /** Starts with the meeting's time, so the warnings of a series say which meeting they mean. */
  message: string;
}

/** Another meeting of the sector this close (in calendar days, either side) is probably a mistake. */
export const NEARBY_DAYS = 14;
/** A meeting should run within these New York wall-clock hours. */
export const EARLIEST = '08:00';
export const LATEST = '22:00';

/**
 * The warnings for one meeting about to be scheduled or moved, checked against the store as it
 * is (so the other meetings of a new series do not count against each other).
 */
export function scheduleWarnings(store: Store, candidate: Candidate): ScheduleWarning[] {
  const when = friendly(candidate.start);
  const found: Array<[WarningKind, string | null]> = [
    ['nearby', nearby(store, candidate)],
    ['no-nco', hostsOf(store, candidate).length === 0 ? noNco(candidate) : null],
    ['hours', outsideHours(candidate)],
    ...holidaysOn(candidate.start.slice(0, 10)).map((h): [WarningKind, string] => [
      'holiday',
      describeHoliday(h),
    ]),
  ];
  return found.flatMap(([kind, text]) => (text === null ? [] : [{ kind, message: `${when}: ${text}` }]));
}

function nearby(store: Store, candidate: Candidate): string | null {
  const day = candidate.start.slice(0, 10);
  const close = store.meetings
    .filter(
      (m) =>
        m.sector === candidate.sector &&
        m.id !== candidate.id &&
        m.status !== 'cancelled' &&
        !overlaps(m, candidate) &&
        Math.abs(daysBetween(day, m.start.slice(0, 10))) <= NEARBY_DAYS,
    )
    .map((m) => ({ meeting: m, days: daysBetween(day, m.start.slice(0, 10)) }))
    .sort((a, b) => Math.abs(a.days) - Math.abs(b.days));
  const nearest = close[0];
  if (!nearest) return null;
  const more = close.length > 1 ? ` (and ${close.length - 1} more)` : '';
  return `sector ${candidate.sector} already meets ${distance(nearest.days)}: ${describeMeeting(nearest.meeting)}${more}`;
}

function overlaps(m: Meeting, c: Candidate): boolean {
  return startInstant(m) < endInstant(c) && startInstant(c) < endInstant(m);
}

/** When the other meeting is, seen from this one: "6 days earlier", "the same day". */
function distance(days: number): string {
  if (days === 0) return 'the same day';
  const n = Math.abs(days);
  return `${n} day${n === 1 ? '' : 's'} ${days < 0 ? 'earlier' : 'later'}`;
}

function noNco(candidate: Candidate): string {
  return `no NCO is assigned to sector ${candidate.sector} on ${candidate.start.slice(0, 10)} (assign one with: nsm nco assign <nco> ${candidate.sector})`;
}

/** A start before 8:00 AM, or a meeting still running after 10:00 PM (a late start, or a long one). */
function outsideHours(candidate: Candidate): string | null {
  const day = candidate.start.slice(0, 10);
  const end = wallOf(endInstant(candidate));
  if (candidate.start >= `${day}T${EARLIEST}` && end <= `${day}T${LATEST}`) return null;
  const window = `${clockTime(`${day}T${EARLIEST}`)}–${clockTime(`${day}T${LATEST}`)}`;
  return `it runs ${clockTime(candidate.start)}–${clockTime(end)}, outside ${window}`;
}
