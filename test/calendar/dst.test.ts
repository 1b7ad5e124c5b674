import { beforeAll, describe, expect, it } from 'vitest';
import { initializedStore, nsm } from '../helpers/cli.js';
import { meetingsOf, must } from './fixtures.js';
import { expectWellFramed, parseCalendar } from './ics.js';

/**
 * Meetings on both sides of the 2026-11-01 and 2027-03-14 clock changes (and two that span them)
 * come out at the right UTC instants whatever the machine's zone. Node reads TZ once per process,
 * so each zone runs the built nsm in a process of its own (build first: npm run build).
 */

/**
 * New York wall time and length → the UTC instants, worked out by hand from the zone rules, and
 * the zone the file gives them in: New York wall time, except for a meeting that spans a clock
 * change or starts in the hour that repeats, which has no unambiguous wall time and is in UTC.
 */
const NY = 'America/New_York';
const MEETINGS: Array<[string, string, string, string, string]> = [
  ['2026-10-31 19:00', '60', '2026-10-31T23:00:00.000Z', '2026-11-01T00:00:00.000Z', NY], // EDT, UTC−4
  // 00:30 EDT for two real hours: the clocks fall back at 02:00, so it ends at 01:30 EST.
  ['2026-11-01 00:30', '120', '2026-11-01T04:30:00.000Z', '2026-11-01T06:30:00.000Z', 'UTC'],
  // 1:15 am happens twice that night; a typed time means the first (EDT), as RFC 5545 reads it.
  ['2026-11-01 01:15', '30', '2026-11-01T05:15:00.000Z', '2026-11-01T05:45:00.000Z', 'UTC'],
  ['2026-11-01 19:00', '60', '2026-11-02T00:00:00.000Z', '2026-11-02T01:00:00.000Z', NY], // EST, UTC−5
  ['2027-03-13 19:00', '60', '2027-03-14T00:00:00.000Z', '2027-03-14T01:00:00.000Z', NY], // EST
  // 01:30 EST for one real hour: the clocks spring forward at 02:00, so it ends at 03:30 EDT.
  ['2027-03-14 01:30', '60', '2027-03-14T06:30:00.000Z', '2027-03-14T07:30:00.000Z', 'UTC'],
  ['2027-03-14 19:00', '60', '2027-03-14T23:00:00.000Z', '2027-03-15T00:00:00.000Z', NY], // EDT
];
const ZONES = ['UTC', 'Asia/Tokyo', 'America/Los_Angeles'];

let store: string;

beforeAll(async () => {
  store = initializedStore();
  for (const [at, duration] of MEETINGS)
    await must(
      ['meeting', 'schedule', '--sector', '75A', '--at', at, '--duration', duration, '--force'],
      store,
    );
});

describe('clock changes', () => {
  it('the store itself has the instants worked out by hand', async () => {
    const stored = await meetingsOf(store);
    expect(stored.map((m) => [new Date(m.start).toISOString(), new Date(m.end).toISOString()])).toEqual(
      MEETINGS.map(([, , start, end]) => [start, end]),
    );
  });

  it.each(ZONES)('under TZ=%s every event starts and ends at those instants', (zone) => {
    const run = nsm(['calendar', '--sector', '75A'], { store, env: { TZ: zone } });
    expect(run.status, run.stderr).toBe(0);
    expectWellFramed(Buffer.from(run.stdout));
    const events = parseCalendar(run.stdout).events;
    expect(events.map((e) => [e.start, e.end, e.tzid])).toEqual(
      MEETINGS.map(([, , start, end, tzid]) => [start, end, tzid]),
    );
    // As written in the file: wall time with its zone, or UTC across a change.
    expect(run.stdout).toContain('DTSTART;TZID=America/New_York:20261031T190000\r\n');
    expect(run.stdout).toContain('DTSTART;TZID=America/New_York:20261101T190000\r\n');
    expect(run.stdout).toContain('DTSTART:20261101T043000Z\r\nDTEND:20261101T063000Z\r\n');
    expect(run.stdout).toContain('DTSTART:20270314T063000Z\r\nDTEND:20270314T073000Z\r\n');
    expect(run.stdout).toMatch(/^DTSTAMP:\d{8}T\d{6}Z\r$/m);
    // The store's own JSON agrees, in the same zone.
    const listed = nsm(['meeting', 'list', '--sector', '75A', '--json'], { store, env: { TZ: zone } });
    expect(
      (JSON.parse(listed.stdout) as Array<{ start: string; end: string }>).map((m) => [
        new Date(m.start).toISOString(),
        new Date(m.end).toISOString(),
      ]),
    ).toEqual(MEETINGS.map(([, , start, end]) => [start, end]));
  });

  it('every zone writes the same bytes', () => {
    const outputs = ZONES.map(
      (zone) => nsm(['calendar', '--sector', '75A'], { store, env: { TZ: zone } }).stdout,
    );
    expect(outputs[0]!.length).toBeGreaterThan(1000);
    for (const output of outputs) expect(output).toBe(outputs[0]);
  });
});
