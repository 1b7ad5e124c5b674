import { UsageError } from '../errors.js';

export const DEFAULT_DURATION = 60;
const LONGEST = 12 * 60;

/** Parses `90`, `90m`, `1h`, `1h30m`, `1.5h` into whole minutes, from 1 minute to 12 hours. */
export function parseDuration(input: string, flag = '--duration'): number {
  const text = input.trim().toLowerCase();
  const m = /^(?:(\d+(?:\.\d+)?)h)?\s*(?:(\d+)m?)?$/.exec(text);
  const hint = 'write minutes or hours, for example 90, 90m, 1h, 1h30m or 1.5h';
  if (text.startsWith('-')) throw new UsageError(`${flag} "${input}" is negative`, hint);
  if (!m || text === '' || (m[1] === undefined && m[2] === undefined)) {
    throw new UsageError(`${flag} "${input}" is not a duration`, hint);
  }
  const minutes = Math.round(Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0));
  if (minutes <= 0) throw new UsageError(`${flag} "${input}" is not a positive duration`, hint);
  if (minutes > LONGEST)
    throw new UsageError(`${flag} "${input}" is longer than 12 hours`, 'a meeting lasts at most 12 hours');
  return minutes;
}

/** `1h 30m`. */
export function formatDuration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return [h ? `${h}h` : '', m ? `${m}m` : ''].filter(Boolean).join(' ') || '0m';
}
