import { UsageError } from '../../errors.js';
import { optionalText } from '../text-input.js';

/** Venue flags shared by schedule and reschedule; an empty value is none (reschedule clears with it). */
export function parseVenue(options: { location?: string; address?: string; online?: string }) {
  return {
    location: optionalText(options.location, '--location', 120),
    address: optionalText(options.address, '--address', 200),
    onlineUrl: options.online === undefined ? null : parseOnline(options.online),
  };
}

function parseOnline(input: string): string | null {
  const text = input.trim();
  if (text === '') return null;
  const url = URL.canParse(text) ? new URL(text) : null;
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw new UsageError(
      `--online "${input}" is not a web address`,
      'give the full link, for example https://meet.example.org/75a',
    );
  }
  return text;
}

export function parseCount(input: string): number {
  if (!/^\s*\d+\s*$/.test(input) || Number(input) < 1) {
    throw new UsageError(
      `--count "${input}" is not a positive whole number`,
      'give how many meetings the series has, for example --count 4',
    );
  }
  return Number(input);
}

export function parseAttendance(input: string | undefined): number {
  if (input === undefined)
    throw new UsageError('missing --attendance', 'give how many people came, for example --attendance 35');
  if (!/^\s*\d+\s*$/.test(input)) {
    throw new UsageError(
      `--attendance "${input}" is not a number of people`,
      'give a whole number, 0 or more, for example --attendance 35',
    );
  }
  const people = Number(input);
  // A community meeting fills a room, not a stadium; a bigger number is a typing slip.
  if (people > MOST_ATTENDANCE)
    throw new UsageError(
      `--attendance ${input.trim()} is more than ${MOST_ATTENDANCE.toLocaleString('en-US')} people`,
      `give how many came, at most ${MOST_ATTENDANCE.toLocaleString('en-US')}`,
    );
  return people;
}

/** The most people a meeting's attendance may record. */
export const MOST_ATTENDANCE = 10_000;
