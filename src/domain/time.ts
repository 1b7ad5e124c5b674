import { TZDate } from '@date-fns/tz';
import { UsageError } from '../errors.js';
import { ZONE, addDays, isIsoDate } from './dates.js';

/**
 * A meeting time is New York wall-clock time, stored as `YYYY-MM-DDTHH:mm`. It becomes an
 * instant only through the zone rules, so 7 pm stays 7 pm across daylight-saving changes and
 * the machine's TZ never matters.
 */
export type WallTime = string;

const FORMATS = '2026-12-08 19:00, 2026-12-08T19:00, 2026-12-08 7pm or 2026-12-08 7:30pm';

/** Parses `--at`: a date (or today/tomorrow) and a 24-hour or am/pm time. */
export function parseWallTime(input: string, today: string, flag = '--at'): WallTime {
  const m = /^\s*(\d{4}-\d{2}-\d{2}|today|tomorrow)(?:\s+|T)(\d{1,2})(?::(\d{2}))?\s*(am|pm)?\s*$/i.exec(
    input,
  );
  const bad = (why: string) =>
    new UsageError(`${flag} "${input}" ${why}`, `write a New York time such as ${FORMATS}`);
  if (!m) throw bad('is not a date and time');
  const [, day, h, min, half] = m as unknown as [
    string,
    string,
    string,
    string | undefined,
    string | undefined,
  ];
  const date =
    day.toLowerCase() === 'today' ? today : day.toLowerCase() === 'tomorrow' ? addDays(today, 1) : day;
  if (!isIsoDate(date)) throw bad(`has a date that does not exist (${date})`);
  let hour = Number(h);
  const minute = min === undefined ? 0 : Number(min);
  if (half) {
    if (hour < 1 || hour > 12) throw bad('has an hour outside 1–12 for am/pm');
    hour = (hour % 12) + (half.toLowerCase() === 'pm' ? 12 : 0);
  } else if (min === undefined) {
    throw bad('has no minutes (write 19:00 or 7pm)');
  }
  if (hour > 23 || minute > 59) throw bad('has a time of day that does not exist');
  const wall = `${date}T${pad(hour)}:${pad(minute)}`;
  if (wallOf(instantOf(wall)) !== wall) {
    throw new UsageError(
      `${flag} "${input}" does not exist in New York: the clocks skip that hour for daylight saving time`,
      'pick a time after 3:00 am',
    );
  }
  return wall;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function parts(wall: WallTime): [number, number, number, number, number] {
  const [date, time] = wall.split('T') as [string, string];
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  return [y, mo, d, h, mi];
}

/** Zone arithmetic is the costly part of comparing meetings; a wall time always maps to one instant. */
const instants = new Map<WallTime, number>();

/** The instant of a New York wall-clock time (the first one, when the clocks fall back). */
export function instantOf(wall: WallTime): Date {
  let ms = instants.get(wall);
  if (ms === undefined) {
    const [y, mo, d, h, mi] = parts(wall);
    ms = new TZDate(y, mo - 1, d, h, mi, ZONE).getTime();
    instants.set(wall, ms);
  }
  return new Date(ms);
}

/** The New York wall-clock time of an instant. */
export function wallOf(instant: Date): WallTime {
  const t = new TZDate(instant.getTime(), ZONE);
  return `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())}T${pad(t.getHours())}:${pad(t.getMinutes())}`;
}

/** ISO 8601 with the New York offset of that moment: `2026-12-08T19:00:00-05:00`. */
export function isoWithOffset(instant: Date): string {
  const t = new TZDate(instant.getTime(), ZONE);
  const offset = -t.getTimezoneOffset();
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${wallOf(instant)}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `Tue Dec 8 2026, 7:00 PM`. */
export function friendly(wall: WallTime): string {
  const [y, mo, d, h, mi] = parts(wall);
  const weekday = WEEKDAYS[new Date(Date.UTC(y, mo - 1, d)).getUTCDay()];
  const hour12 = h % 12 === 0 ? 12 : h % 12;
  return `${weekday} ${MONTHS[mo - 1]} ${d} ${y}, ${hour12}:${pad(mi)} ${h < 12 ? 'AM' : 'PM'}`;
}

/** `7:00 PM`. */
export function clockTime(wall: WallTime): string {
  return friendly(wall).split(', ')[1]!;
}
