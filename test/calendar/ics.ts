import ICAL from 'ical.js';
import { expect } from 'vitest';

/**
 * Reading calendars back with ical.js (Mozilla's parser, which nobody here wrote), and the framing
 * rules of RFC 5545 checked on the raw bytes: CRLF line endings, lines of at most 75 octets folded
 * between characters, DTSTAMP in UTC, a VTIMEZONE for every TZID.
 */

export interface ParsedEvent {
  uid: string;
  sequence: number;
  status: string | null;
  summary: string;
  location: string | null;
  description: string;
  url: string | null;
  tzid: string;
  /** UTC instants, as Date.toISOString gives them. */
  start: string;
  end: string;
  stamp: string;
}

export interface ParsedCalendar {
  name: string | null;
  calname: string | null;
  events: ParsedEvent[];
  /** Every component's name under VCALENDAR, in order. */
  components: string[];
}

export function parseCalendar(text: string): ParsedCalendar {
  const root = new ICAL.Component(ICAL.parse(text));
  expect(root.name).toBe('vcalendar');
  const events = root
    .getAllSubcomponents('vevent')
    .map((vevent) => readEvent(new ICAL.Event(vevent), vevent));
  return {
    name: text1(root, 'name'),
    calname: text1(root, 'x-wr-calname'),
    events,
    components: root.getAllSubcomponents().map((c) => c.name),
  };
}

function readEvent(event: ICAL.Event, vevent: ICAL.Component): ParsedEvent {
  // Expanded as a client would: a meeting is one occurrence, at its start.
  const occurrences = event.iterator();
  const first = occurrences.next();
  expect(first, 'every event has an occurrence').toBeTruthy();
  expect(occurrences.next(), 'a meeting occurs once').toBeFalsy();
  const details = event.getOccurrenceDetails(first!);
  const tzid = event.startDate.zone?.tzid ?? '';
  return {
    uid: event.uid,
    sequence: event.sequence,
    status: text1(vevent, 'status'),
    summary: event.summary,
    location: event.location ?? null,
    description: event.description,
    url: text1(vevent, 'url'),
    tzid,
    start: details.startDate.toJSDate().toISOString(),
    end: details.endDate.toJSDate().toISOString(),
    stamp: (vevent.getFirstPropertyValue('dtstamp') as ICAL.Time).toJSDate().toISOString(),
  };
}

function text1(component: ICAL.Component, name: string): string | null {
  const value = component.getFirstPropertyValue(name);
  return value === null || value === undefined ? null : String(value);
}

/** Content lines as the file holds them (folded), split on CRLF; the file ends in CRLF. */
export function physicalLines(bytes: Buffer): Buffer[] {
  const lines: Buffer[] = [];
  let start = 0;
  for (let i = bytes.indexOf('\r\n'); i !== -1; i = bytes.indexOf('\r\n', start)) {
    lines.push(bytes.subarray(start, i));
    start = i + 2;
  }
  expect(start, 'the file ends with CRLF').toBe(bytes.length);
  return lines;
}

/** The logical lines: each folded continuation (CRLF + one space) joined back. */
export function unfoldedLines(bytes: Buffer): string[] {
  return bytes.toString('utf8').replace(/\r\n /g, '').split('\r\n').slice(0, -1);
}

/** Checks the framing of a calendar file, byte by byte. */
export function expectWellFramed(bytes: Buffer): void {
  expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes), 'valid UTF-8').not.toThrow();
  // No LF without its CR, no CR without its LF.
  expect(/(?<!\r)\n|\r(?!\n)/.test(bytes.toString('latin1')), 'CRLF line endings only').toBe(false);
  for (const line of physicalLines(bytes)) {
    expect(line.length, `at most 75 octets: ${line.toString()}`).toBeLessThanOrEqual(75);
    // A fold never cuts a multi-byte character: no line ends inside a UTF-8 sequence and no
    // continuation starts with a UTF-8 continuation byte.
    expect(endsInsideCharacter(line), `cut character at the end of: ${line.toString()}`).toBe(false);
    if (line[0] === 0x20) expect(line[1] === undefined || (line[1] & 0xc0) !== 0x80).toBe(true);
  }
  const lines = unfoldedLines(bytes);
  const stamps = lines.filter((l) => /^(DTSTAMP|LAST-MODIFIED|CREATED)[:;]/.test(l));
  expect(stamps.length).toBeGreaterThan(0);
  for (const stamp of stamps) expect(stamp, 'UTC stamps').toMatch(/:\d{8}T\d{6}Z$/);
  const tzids = new Set(lines.flatMap((l) => [...l.matchAll(/;TZID=([^;:]+)/g)].map((m) => m[1]!)));
  const defined = new Set(lines.filter((l) => l.startsWith('TZID:')).map((l) => l.slice(5)));
  for (const tzid of tzids) expect(defined.has(tzid), `a VTIMEZONE for ${tzid}`).toBe(true);
  expect(lines[0]).toBe('BEGIN:VCALENDAR');
  expect(lines.at(-1)).toBe('END:VCALENDAR');
  // A component starts only where the writer put one: BEGINs and ENDs pair up.
  const stack: string[] = [];
  for (const line of lines) {
    if (line.startsWith('BEGIN:')) stack.push(line.slice(6));
    if (line.startsWith('END:')) expect(stack.pop()).toBe(line.slice(4));
  }
  expect(stack).toEqual([]);
}

function endsInsideCharacter(line: Buffer): boolean {
  // Walk back over continuation bytes to the lead byte, then see whether the sequence is whole.
  let i = line.length - 1;
  let continuation = 0;
  while (i >= 0 && (line[i]! & 0xc0) === 0x80) {
    continuation++;
    i--;
  }
  if (i < 0) return continuation > 0;
  const lead = line[i]!;
  const size = lead < 0x80 ? 1 : lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
  return continuation !== size - 1;
}
