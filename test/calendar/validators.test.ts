import { basename } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoStore } from '../helpers/demo.js';
import { HOSTILE, changedDemoStore, hostileDemoStore, meetingsOf, writeDemoCalendars } from './fixtures.js';
import { KHAL, LIBICAL, NO_KHAL, NO_LIBICAL, libical, tempFile, throughKhal } from './validators.js';

/**
 * The calendars nsm writes, read back by programs nobody here wrote: libical and khal (see ./validators.ts).
 * Each validator is first shown to refuse broken calendars, so its passing the real ones means something.
 */

// A small calendar written by hand to show what each validator refuses; the real ones come from nsm.
const ZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:America/New_York',
  'BEGIN:DAYLIGHT',
  'DTSTART:19700308T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU',
  'TZOFFSETFROM:-0500',
  'TZOFFSETTO:-0400',
  'TZNAME:EDT',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'DTSTART:19701101T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU',
  'TZOFFSETFROM:-0400',
  'TZOFFSETTO:-0500',
  'TZNAME:EST',
  'END:STANDARD',
  'END:VTIMEZONE',
];
const event = (uid: string, day: string, summary: string) => [
  'BEGIN:VEVENT',
  `UID:${uid}`,
  'DTSTAMP:20261101T120000Z',
  `DTSTART;TZID=America/New_York:${day}T190000`,
  `DTEND;TZID=America/New_York:${day}T203000`,
  `SUMMARY:${summary}`,
  'END:VEVENT',
];
const SMALL = [
  ...['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//nsm tests//EN', ...ZONE],
  ...event('winter@nsm.test', '20261208', 'Winter meeting\\, 75A'),
  ...event('summer@nsm.test', '20270608', 'Summer meeting'),
  'END:VCALENDAR',
  '',
].join('\r\n');
const WITHOUT_ZONE = SMALL.replace(`${ZONE.join('\r\n')}\r\n`, '');
const WITHOUT_LAST_END = SMALL.replace(/END:VEVENT\r\nEND:VCALENDAR/, 'END:VCALENDAR');
const BAD_DTSTART = SMALL.replace('York:20261208T190000', 'York:2026-12-08 7pm');

// Each broken calendar, and what libical-check.py must say about it (all run with --events 2).
const BROKEN: Array<[string, string, RegExp]> = [
  [
    'a DTSTART that is no date-time',
    BAD_DTSTART,
    /winter@nsm\.test: libical: Can't parse as DATE-TIME value in DTSTART/,
  ],
  [
    'a VEVENT without END:VEVENT',
    WITHOUT_LAST_END,
    /no complete component: line 34: END:VCALENDAR closes BEGIN:VEVENT \(line 28\)/,
  ],
  [
    'a TZID without its VTIMEZONE',
    WITHOUT_ZONE,
    /DTSTART uses TZID=America\/New_York but the file has no VTIMEZONE/,
  ],
  [
    'an unescaped newline that opens a VEVENT',
    SMALL.replace('SUMMARY:Summer meeting', 'SUMMARY:Town hall\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:x'),
    /expected 2 VEVENTs, libical found 3/,
  ],
  [
    'a line that is no property',
    SMALL.replace('SUMMARY:Summer', 'Room 1\r\nSUMMARY:Summer'),
    /summer@nsm\.test: libical: Got a data line, but could not find a property name/,
  ],
  [
    'a DTSTAMP in floating time',
    SMALL.replace('DTSTAMP:20261101T120000Z', 'DTSTAMP:20261101T120000'),
    /DTSTAMP must be in UTC/,
  ],
  [
    'a date that does not exist',
    SMALL.replace('York:20261208T203000', 'York:20261232T203000'),
    /DTEND is not a real date/,
  ],
  [
    'a UID used twice',
    SMALL.replace('UID:summer', 'UID:winter'),
    /UID winter@nsm\.test is used by 2 VEVENTs/,
  ],
  [
    'a STATUS no VEVENT has',
    SMALL.replace('SUMMARY:Summer', 'STATUS:DONE\r\nSUMMARY:Summer'),
    /STATUS DONE is not one/,
  ],
];

describe(`libical-check.py${NO_LIBICAL}`, () => {
  it.skipIf(!LIBICAL)('accepts a valid calendar and reads its times through the file’s VTIMEZONE', () => {
    const check = libical(tempFile('small.ics', SMALL), 2);
    expect(check.stderr).toBe('');
    expect(check.events.map((e) => [e.uid, e.start, e.summary])).toEqual([
      ['winter@nsm.test', '2026-12-09T00:00:00Z', 'Winter meeting, 75A'],
      ['summer@nsm.test', '2027-06-08T23:00:00Z', 'Summer meeting'],
    ]);
  });

  it.skipIf(!LIBICAL).each(BROKEN)('refuses %s, naming the file', (_, text, message) => {
    const file = tempFile('broken.ics', text);
    const check = libical(file, 2);
    expect(check.status).toBe(1);
    expect(check.stderr).toMatch(message);
    expect(check.stderr.startsWith(`${file}: `)).toBe(true);
  });

  it.skipIf(!LIBICAL)('refuses a calendar with more or fewer events than expected', () => {
    const check = libical(tempFile('small.ics', SMALL), 3);
    expect([check.status, check.stderr]).toEqual([
      1,
      expect.stringMatching(/expected 3 VEVENTs, libical found 2\n$/),
    ]);
  });
});

describe(`the khal harness${NO_KHAL}`, () => {
  it.skipIf(!KHAL)('lists a valid calendar at its New York times and its UTC instants', () => {
    const listed = throughKhal(tempFile('small.ics', SMALL), '2026-12-01', '2027-07-01');
    expect(listed.newYork).toEqual({
      'winter@nsm.test': '2026-12-08 19:00 2026-12-08 20:30',
      'summer@nsm.test': '2027-06-08 19:00 2027-06-08 20:30',
    });
    expect(listed.utc['winter@nsm.test']).toBe('2026-12-09 00:00 2026-12-09 01:30');
  });

  it.skipIf(!KHAL).each([
    ['a TZID without its VTIMEZONE', WITHOUT_ZONE, /Cannot find timezone `America\/New_York` in \.ics file/],
    ['a VEVENT without END:VEVENT', WITHOUT_LAST_END, /khal import exited 1/],
    ['a DTSTART that is no date-time', BAD_DTSTART, /khal import exited 1/],
  ])('fails on %s', (_, text, message) => {
    expect(() => throughKhal(tempFile('broken.ics', text), '2026-12-01', '2027-07-01')).toThrow(message);
  });

  it.skipIf(!KHAL)('shows a floating time at the wrong instant, which the UTC listing catches', () => {
    const floating = SMALL.replaceAll(';TZID=America/New_York:', ':');
    expect(
      throughKhal(tempFile('floating.ics', floating), '2026-12-01', '2027-07-01').utc['winter@nsm.test'],
    ).toBe('2026-12-08 19:00 2026-12-08 20:30');
  });
});

type Meeting = Awaited<ReturnType<typeof meetingsOf>>[number];

// Which meetings each calendar of writeDemoCalendars() must hold, from the same stores and scopes.
const EXPECTED: Record<string, () => Promise<Meeting[]>> = {
  'demo-all.ics': async () => meetingsOf(await demoStore()),
  'demo-75A.ics': async () => (await meetingsOf(await demoStore())).filter((m) => m.sector === '75A'),
  'changed-75.ics': async () =>
    (await meetingsOf(await changedDemoStore())).filter((m) => /^75\D/.test(m.sector)),
  'hostile-75B.ics': async () =>
    (await meetingsOf(await hostileDemoStore())).filter((m) => m.sector === '75B'),
};

const utcOf = (iso: string) => new Date(iso).toISOString().replace('.000Z', 'Z');
const cancelled = (status: string | null) =>
  status === 'cancelled' || status === 'CANCELLED' ? ' CANCELLED' : '';
const sorted = (rows: string[]) => [...rows].sort();
/** "YYYY-MM-DD HH:MM" of an ISO 8601 string, as khal's formats print it. */
const minutes = (iso: string) => iso.slice(0, 16).replace('T', ' ');
const dayAround = (iso: string, days: number) =>
  new Date(new Date(iso).getTime() + days * 86_400_000).toISOString().slice(0, 10);

describe('the calendars nsm writes', () => {
  const files = new Map<string, string>();
  const meetings = new Map<string, Promise<Meeting[]>>();
  const expected = (name: string) => meetings.get(name) ?? meetings.set(name, EXPECTED[name]!()).get(name)!;

  beforeAll(async () => {
    for (const file of await writeDemoCalendars()) files.set(basename(file), file);
  }, 120_000);

  it('are the ones this file knows what to expect of', () => {
    expect(sorted([...files.keys()])).toEqual(sorted(Object.keys(EXPECTED)));
  });

  it.skipIf(!LIBICAL).each(Object.keys(EXPECTED))(
    `libical parses %s strictly, with the store’s meetings at their UTC instants${NO_LIBICAL}`,
    async (name) => {
      const want = await expected(name);
      const check = libical(files.get(name)!, want.length);
      expect(check.stderr).toBe('');
      const read = check.events.map((e) => `${e.start} ${e.end}${cancelled(e.status)}`);
      expect(sorted(read)).toEqual(
        sorted(want.map((m) => `${utcOf(m.start)} ${utcOf(m.end)}${cancelled(m.status)}`)),
      );
    },
  );

  it.skipIf(!LIBICAL)(
    'libical reads each UID as the meeting’s uuid and SEQUENCE as its revision',
    async () => {
      const check = libical(files.get('demo-all.ics')!);
      const read = check.events.map((e) => `${e.uid.split('@')[0]} ${e.sequence}`);
      expect(sorted(read)).toEqual(
        sorted((await expected('demo-all.ics')).map((m) => `${m.uuid} ${m.revision}`)),
      );
    },
  );

  it.skipIf(!LIBICAL)(
    'libical reads hostile text back as text, never as a property or component',
    async () => {
      const want = (await expected('hostile-75B.ics')).find((m) => m.start.startsWith('2027-05-18'))!;
      const check = libical(files.get('hostile-75B.ics')!);
      const hostile = check.events.find((e) => e.start === utcOf(want.start));
      expect(hostile, 'the meeting with hostile text is in the calendar').toBeDefined();
      // Separators and backslashes survive; the line breaks that tried to open a VEVENT did not (count above).
      expect(hostile!.summary).toContain(HOSTILE.title.split('\n')[0]);
      expect(hostile!.location).toContain(HOSTILE.location.split('\r')[0]);
    },
  );

  it.skipIf(!KHAL).each(Object.keys(EXPECTED))(
    `khal imports %s without a complaint and lists every meeting at its time${NO_KHAL}`,
    async (name) => {
      const want = await expected(name);
      const starts = want.map((m) => m.start).sort();
      const listed = throughKhal(files.get(name)!, dayAround(starts[0]!, -1), dayAround(starts.at(-1)!, 2));
      const local = (m: Meeting) => `${minutes(m.start)} ${minutes(m.end)}${cancelled(m.status)}`;
      const utc = (m: Meeting) => `${minutes(utcOf(m.start))} ${minutes(utcOf(m.end))}${cancelled(m.status)}`;
      expect(sorted(Object.values(listed.newYork))).toEqual(sorted(want.map(local)));
      expect(sorted(Object.values(listed.utc))).toEqual(sorted(want.map(utc)));
      if (name === 'demo-all.ics') {
        const m2 = want.find((m) => m.id === 'M2')!;
        expect(
          listed.newYork[Object.keys(listed.newYork).find((uid) => uid.startsWith(`${m2.uuid}@`))!],
        ).toMatch(/^2026-12-08 19:00 /);
      }
    },
  );
});
