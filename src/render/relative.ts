import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { formatDistanceStrict } from 'date-fns/formatDistanceStrict';

// The build bundles the program, date-fns included (scripts/bundle.mjs): loaded file by file,
// date-fns cost about 90 ms a command, bundled 3 ms.

/**
 * Dates as people say them, counted in New York calendar days: "today", "in 3 days",
 * "12 days ago", "in 2 months". Both sides are YYYY-MM-DD dates read as UTC midnights, so no
 * zone or daylight-saving change can move a day.
 */
export function relativeDay(date: string, today: string): string {
  const target = utcMidnight(date);
  const base = utcMidnight(today);
  const days = differenceInCalendarDays(target, base);
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  return formatDistanceStrict(target, base, {
    addSuffix: true,
    ...(Math.abs(days) < 45 ? { unit: 'day' as const } : { roundingMethod: 'floor' as const }),
  });
}

/** "due in 3 days", "due today", "overdue by 12 days". */
export function dueDay(date: string, today: string): string {
  const days = differenceInCalendarDays(utcMidnight(date), utcMidnight(today));
  if (days >= 0) return `due ${relativeDay(date, today)}`;
  return `overdue by ${formatDistanceStrict(utcMidnight(date), utcMidnight(today), Math.abs(days) < 45 ? { unit: 'day' } : { roundingMethod: 'floor' })}`;
}

function utcMidnight(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}
