import { beforeAll, describe, expect, it } from 'vitest';
import { findConflicts } from '../../src/domain/conflicts.js';
import { addDays } from '../../src/domain/dates.js';
import { initialStore } from '../../src/domain/initial-store.js';
import { hostsOf } from '../../src/domain/meetings.js';
import { addSampleMeetings } from '../../src/domain/sample-meetings.js';
import { addSampleRoster } from '../../src/domain/sample-roster.js';
import type { Store } from '../../src/domain/schema.js';
import { instantOf } from '../../src/domain/time.js';
import { loadReference, type Reference } from '../../src/reference/reference.js';

let reference: Reference;
beforeAll(async () => {
  reference = await loadReference();
});

/** The demo's store as `nsm demo` builds it on `today` (noon in New York). */
function demoStore(today: string): { store: Store; now: Date } {
  const now = instantOf(`${today}T12:00`);
  const store = initialStore(reference, now.toISOString());
  addSampleRoster(store, [75, 14], addDays(today, -180));
  for (const precinct of [75, 14])
    addSampleMeetings(store, precinct, today, {
      stamp: now.toISOString(),
      newUuid: () => crypto.randomUUID(),
    });
  return { store, now };
}

describe("the demo's sample meetings for precincts 75 and 14", () => {
  it.each(['2026-11-26', '2026-12-31', '2027-01-01', '2027-02-28', '2027-05-15', '2027-08-31'])(
    'built on %s, conflict only with the clock: held ones are past, the rest free',
    (today) => {
      const { store, now } = demoStore(today);
      // 5 sectors in each precinct: one held meeting and a quarterly series of 4 each
      expect(store.meetings).toHaveLength(50);
      expect(new Set(store.meetings.map((m) => m.precinct))).toEqual(new Set([75, 14]));
      for (const m of store.meetings) {
        const kinds = findConflicts(store, m, now).map((c) => `${c.kind} ${c.meetingId ?? ''}`.trim());
        expect(kinds, `${m.id} ${m.sector} ${m.start}`).toEqual(m.status === 'held' ? ['past'] : []);
      }
    },
  );

  it.each(['2026-11-26', '2027-02-28'])(
    'built on %s: held meetings lie in the past with attendance, the scheduled ones ahead',
    (today) => {
      const { store, now } = demoStore(today);
      const held = store.meetings.filter((m) => m.status === 'held');
      expect(held).toHaveLength(10);
      for (const m of held) {
        expect(instantOf(m.start) < now).toBe(true);
        expect(m.attendance).toBeGreaterThan(0);
      }
      for (const m of store.meetings.filter((x) => x.status === 'scheduled')) {
        expect(instantOf(m.start) > now, `${m.id} ${m.start}`).toBe(true);
        expect(m.seriesId).not.toBeNull();
        expect(m.start.slice(11)).toBe('19:00');
      }
    },
  );

  it('every sector but the last of each precinct has two hosts at its next meeting', () => {
    const { store } = demoStore('2026-11-26');
    const next = store.meetings.filter((m) => m.status === 'scheduled' && m.start.startsWith('2026-12'));
    expect(next.map((m) => `${m.sector} ${hostsOf(store, m).length}`).sort()).toEqual([
      '14A 2',
      '14B 2',
      '14C 2',
      '14D 2',
      '14E 1',
      '75A 2',
      '75B 2',
      '75C 2',
      '75D 2',
      '75E 1',
    ]);
  });
});
