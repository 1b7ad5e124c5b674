import { TZDate } from '@date-fns/tz';
import ical, { ICalEvent, ICalEventStatus, ICalEventTransparency, escape } from 'ical-generator';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import { ZONE } from '../domain/dates.js';
import type { CalendarEvent, CalendarView } from '../domain/calendar-view.js';

/**
 * RFC 5545 text of a calendar view, through ical-generator (which escapes every TEXT value) and
 * timezones-ical-library (the VTIMEZONE). Nothing here reads the clock or the machine's zone:
 * every time is a New York TZDate or a UTC instant, so the same view always gives the same bytes.
 * Only the calendar command and the demo load this module (ical-generator and the zone table cost
 * the other commands nothing).
 */

/** Fixed, with no version in it: an upgrade alone does not change every published file. */
const PRODUCT = '//nsm//Neighborhood Safety Meetings//EN';
/** How often subscribed clients should fetch the feed again: a cancellation should reach them the same day. */
const REFRESH_SECONDS = 6 * 60 * 60;

export function renderICalendar(view: CalendarView): string {
  const calendar = ical({
    prodId: PRODUCT,
    // ical-generator writes these two calendar properties as given: escape them here.
    name: escape(clean(view.name), false),
    description: escape(clean(view.description), false),
    ttl: REFRESH_SECONDS,
  });
  // ical-generator writes a calendar as one string and folds it character by character: for a
  // city of 20,000 meetings that took seconds, mostly collecting garbage. So it writes the calendar's
  // properties and each event on its own, and the parts are folded and put together here, in the
  // order of RFC 5545: the calendar's properties, then its components (the VTIMEZONE first, always
  // there, so even a calendar with no meeting yet holds a component and every TZID has its zone).
  const parts = [calendar.toString().replace(/END:VCALENDAR$/, ''), vtimezone(ZONE), '\r\n'];
  for (const event of view.events) parts.push(fold(new ICalEvent(eventData(event), calendar).toString()));
  // Every content line ends in CRLF, the last one too.
  parts.push('END:VCALENDAR\r\n');
  return parts.join('');
}

function eventData(event: CalendarEvent) {
  const changed = new Date(event.changed);
  return {
    id: event.uid,
    sequence: event.sequence,
    stamp: changed,
    lastModified: changed,
    created: new Date(event.created),
    ...(event.zoned
      ? { start: newYork(event.start), end: newYork(event.end), timezone: ZONE }
      : { start: new Date(event.start), end: new Date(event.end), timezone: null }),
    summary: clean(event.summary),
    location: event.location === null ? null : clean(event.location),
    description: clean(event.description),
    url: event.url === null ? null : uri(event.url),
    status: event.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    // A cancelled meeting no longer blocks the evening in anyone's calendar.
    transparency: event.cancelled ? ICalEventTransparency.TRANSPARENT : null,
  };
}

/**
 * A New York TZDate. ical-generator asks each date for its New York self again (a new TZDate, with
 * its zone lookups, per value): one already in New York answers with itself.
 */
class NewYorkDate extends TZDate {
  override withTimeZone(timeZone: string): TZDate {
    return timeZone === ZONE ? this : super.withTimeZone(timeZone);
  }
}

/**
 * New York dates made so far, one per instant, shared by every calendar of the run: `--split`
 * writes hundreds of feeds that hold the same evenings.
 */
const dates = new Map<number, NewYorkDate>();

/** An instant as a New York date (a plain Date would be formatted in the machine's zone); one per instant. */
function newYork(iso: string): NewYorkDate {
  const ms = Date.parse(iso);
  let date = dates.get(ms);
  if (date === undefined) {
    date = new NewYorkDate(ms, ZONE);
    dates.set(ms, date);
  }
  return date;
}

/**
 * Folds content lines at 75 octets (RFC 5545 3.1) between characters, never inside one: a
 * continuation starts with a space, so it carries 74 octets of the line.
 */
export function fold(text: string): string {
  return text.split('\r\n').map(foldLine).join('\r\n');
}

function foldLine(line: string): string {
  const length = Buffer.byteLength(line);
  if (length <= 75) return line;
  // ASCII only: one octet per character, so the cuts fall every 74 characters after the first 75.
  if (length === line.length) {
    const pieces = [line.slice(0, 75)];
    for (let i = 75; i < line.length; i += 74) pieces.push(line.slice(i, i + 74));
    return pieces.join('\r\n ');
  }
  const pieces: string[] = [];
  let start = 0;
  let octets = 0;
  let room = 75;
  for (let i = 0; i < line.length;) {
    const code = line.codePointAt(i)!;
    const size = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    if (octets + size > room) {
      pieces.push(line.slice(start, i));
      start = i;
      octets = 0;
      room = 74;
    }
    octets += size;
    i += code >= 0x10000 ? 2 : 1;
  }
  pieces.push(line.slice(start));
  return pieces.join('\r\n ');
}

const zones = new Map<string, string>();

/** The VTIMEZONE block of a zone (CRLF lines, no final CRLF), from timezones-ical-library's tables. */
function vtimezone(zone: string): string {
  let block = zones.get(zone);
  if (block === undefined) {
    const found = tzlib_get_ical_block(zone);
    block = (Array.isArray(found) ? (found[0] ?? '') : '').replace(/\r?\n/g, '\r\n').trim();
    if (!block.startsWith('BEGIN:VTIMEZONE')) throw new Error(`no VTIMEZONE for ${zone}`);
    zones.set(zone, block);
  }
  return block;
}

// Control characters, and the bidirectional marks and overrides (U+202E turns "gpj.exe" around).
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Stored text as an iCalendar TEXT value may hold it: line breaks become plain newlines (which
 * ical-generator escapes as `\n`), other control characters are dropped (RFC 5545 allows none), so
 * are bidi overrides (a client would show the text reversed), and a lone surrogate becomes U+FFFD so
 * line folding never counts a half character.
 */
export function clean(text: string): string {
  return text.replace(LONE_SURROGATE, '\ufffd').replace(/\r\n?/g, '\n').replace(CONTROLS, '');
}

/**
 * A link as a URI value. ical-generator escapes it like text, so a comma or semicolon would gain a
 * backslash that is not part of the link: percent-encode them first. A link that does not parse
 * is left out (it is still in the description, as text).
 */
function uri(link: string): string | null {
  if (!URL.canParse(link.trim())) return null;
  return new URL(link.trim()).href.replace(/,/g, '%2C').replace(/;/g, '%3B');
}
