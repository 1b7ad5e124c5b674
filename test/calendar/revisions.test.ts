import { describe, expect, it } from 'vitest';
import { demoStore } from '../helpers/demo.js';
import { CHANGED_AT, changedDemoStore, meetingsOf, meetingsOfSector, must } from './fixtures.js';
import { expectWellFramed, parseCalendar } from './ics.js';

/**
 * What calendar clients rely on to update their copy instead of duplicating it: the UID never
 * changes, SEQUENCE follows the meeting's revision, DTSTAMP its last change; cancelled meetings
 * stay, marked cancelled; an unchanged store exports to the same bytes.
 */

const exportOf = async (store: string, scope = ['--precinct', '75']) =>
  (await must(['calendar', ...scope], store)).stdout;

describe('re-exporting', () => {
  it('gives byte-identical files for an unchanged store', async () => {
    const store = await demoStore();
    const first = await exportOf(store, ['--precinct', 'all']);
    const second = await exportOf(store, ['--precinct', 'all']);
    expect(second).toBe(first);
    expect(first.length).toBeGreaterThan(10_000);
  });

  it('keeps every UID after unrelated changes, and the sector calendar stays byte-identical', async () => {
    const store = await demoStore();
    const before = await exportOf(store, ['--sector', '75A']);
    const uidsBefore = parseCalendar(await exportOf(store)).events.map((e) => e.uid);
    await must(['meeting', 'schedule', '--sector', '14A', '--at', '2027-02-02 18:00', '--force'], store);
    await must(['nco', 'add', '--name', 'Dana Unrelated', '--shield', '45678', '--precinct', '14'], store);
    expect(await exportOf(store, ['--sector', '75A'])).toBe(before);
    expect(parseCalendar(await exportOf(store)).events.map((e) => e.uid)).toEqual(uidsBefore);
  });
});

describe('a moved and a cancelled meeting', () => {
  it('raise SEQUENCE with the revision, move DTSTAMP to the change, keep the UID; the cancelled one stays', async () => {
    const original = await demoStore();
    const { scheduled } = await meetingsOfSector(original, '75A');
    const before = parseCalendar(await exportOf(original));
    const store = await changedDemoStore();
    const text = await exportOf(store);
    expectWellFramed(Buffer.from(text));
    const after = parseCalendar(text);
    const stored = await meetingsOf(store);
    const moved = stored.find((m) => m.id === scheduled[0]!.id)!;
    const cancelled = stored.find((m) => m.id === scheduled[1]!.id)!;
    expect(moved.revision).toBe(2);
    expect(cancelled.revision).toBe(1);
    expect(cancelled.status).toBe('cancelled');

    // Same UIDs, same number of events: nothing disappears, nothing is duplicated.
    expect(after.events.map((e) => e.uid).sort()).toEqual(before.events.map((e) => e.uid).sort());
    const event = (m: { uuid: string }) => after.events.find((e) => e.uid === `${m.uuid}@nsm.invalid`)!;
    expect(event(moved)).toMatchObject({
      sequence: 2,
      status: 'CONFIRMED',
      start: new Date(moved.start).toISOString(),
      end: new Date(moved.end).toISOString(),
      location: 'P.S. 190 Auditorium, 590 Sheffield Ave',
    });
    expect(moved.start.slice(11, 16)).toBe('18:30');
    expect(event(cancelled)).toMatchObject({ sequence: 1, status: 'CANCELLED' });
    expect(event(cancelled).summary).toMatch(/^Cancelled: /);
    expect(event(cancelled).description).toContain('This meeting is cancelled: venue unavailable');
    // DTSTAMP and LAST-MODIFIED are the meeting's last change, in UTC.
    expect(event(moved).stamp).toBe(new Date(CHANGED_AT.moved).toISOString());
    expect(event(cancelled).stamp).toBe(new Date(CHANGED_AT.cancelled).toISOString());
    expect(text).toContain('LAST-MODIFIED:20261201T153000Z\r\n');
    // The rest are as they were.
    for (const e of after.events.filter((x) => x !== event(moved) && x !== event(cancelled)))
      expect(e.sequence).toBe(0);
  });

  it('keeps held meetings', async () => {
    const store = await demoStore();
    const { held } = await meetingsOfSector(store, '75A');
    const calendar = parseCalendar(await exportOf(store, ['--sector', '75A']));
    const event = calendar.events.find((e) => e.uid === `${held.uuid}@nsm.invalid`);
    expect(event).toMatchObject({ status: 'CONFIRMED', start: new Date(held.start).toISOString() });
    expect(event!.description).toContain('This meeting was held.');
  });
});
