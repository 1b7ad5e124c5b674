import { describe, expect, it } from 'vitest';
import { findConflicts, type Candidate } from '../../src/domain/conflicts.js';
import type { Meeting, Nco } from '../../src/domain/schema.js';
import { meeting, nco, smallStore } from './helpers.js';

/** Noon in New York on Thursday 2026-11-26, as in the end-to-end tests. */
const NOW = new Date('2026-11-26T17:00:00Z');

const at = (sector: string, start: string, more: Partial<Candidate> = {}): Candidate => ({
  sector,
  start,
  durationMinutes: 60,
  location: null,
  address: null,
  onlineUrl: null,
  ...more,
});

/** M1: sector 75A, Tue Dec 8 2026 7–8 pm at the community room. */
const m1 = (more: Partial<Meeting> = {}) =>
  meeting({
    id: 'M1',
    sector: '75A',
    start: '2026-12-08T19:00',
    location: 'Community Room',
    address: '1000 Sutter Avenue',
    ...more,
  });

/** An NCO who works 75B until Dec 7 and 75A from Dec 8: a meeting at 11 pm on the 7th and one after midnight share them. */
const movingNco = nco('N1', [
  { sector: '75B', from: '2026-11-01', to: '2026-12-07' },
  { sector: '75A', from: '2026-12-08', to: null },
]);
const lateIn75B = meeting({ id: 'M2', sector: '75B', start: '2026-12-07T23:00', durationMinutes: 120 });

// prettier-ignore
const CASES: Array<[string, Meeting[], Nco[], Candidate, string[]]> = [
  ['same sector, overlapping', [m1()], [], at('75A', '2026-12-08T19:30'), ['sector M1']],
  ['same sector, inside a longer meeting', [m1({ durationMinutes: 180 })], [], at('75A', '2026-12-08T21:00'), ['sector M1']],
  ['same sector, containing it', [m1()], [], at('75A', '2026-12-08T18:00', { durationMinutes: 180 }), ['sector M1']],
  ['same sector, starting when it ends', [m1()], [], at('75A', '2026-12-08T20:00'), []],
  ['same sector, ending when it starts', [m1()], [], at('75A', '2026-12-08T18:00'), []],
  ['same sector, another day', [m1()], [], at('75A', '2026-12-09T19:00'), []],
  ['a cancelled meeting never conflicts', [m1({ status: 'cancelled' })], [], at('75A', '2026-12-08T19:00', { location: 'Community Room' }), []],
  ['a cancelled meeting at the same venue', [m1({ status: 'cancelled' })], [], at('75B', '2026-12-08T19:00', { location: 'Community Room' }), []],
  ['same location in another sector, differently written', [m1()], [], at('75B', '2026-12-08T19:30', { location: '  community   ROOM ' }), ['venue M1']],
  ['same address in another sector', [m1()], [], at('75B', '2026-12-08T19:30', { location: 'Library', address: '1000 SUTTER  avenue' }), ['venue M1']],
  ['same online link in another sector', [m1({ onlineUrl: 'https://meet.example.org/75' })], [], at('75C', '2026-12-08T19:30', { onlineUrl: 'https://meet.example.org/75' }), ['venue M1']],
  ['other online link, other place, other sector', [m1({ onlineUrl: 'https://meet.example.org/75' })], [], at('75C', '2026-12-08T19:30', { location: 'Library', onlineUrl: 'https://meet.example.org/75c' }), []],
  ['no venue on either, other sector', [meeting({ id: 'M1', sector: '75A', start: '2026-12-08T19:00' })], [], at('75B', '2026-12-08T19:00'), []],
  ['same venue, not overlapping', [m1()], [], at('75B', '2026-12-08T20:00', { location: 'Community Room' }), []],
  ['an NCO of the sector hosts the other meeting', [lateIn75B], [movingNco], at('75A', '2026-12-08T00:30'), ['nco M2']],
  ['the same two meetings without that NCO', [lateIn75B], [], at('75A', '2026-12-08T00:30'), []],
  ['an NCO of the sector, but the meetings do not overlap', [lateIn75B], [movingNco], at('75A', '2026-12-08T01:00'), []],
  ['a start in the past', [], [], at('75A', '2026-11-26T11:30'), ['past null']],
  ['a start at this very moment', [], [], at('75A', '2026-11-26T12:00'), []],
  ['in the past and overlapping', [meeting({ id: 'M1', sector: '75A', start: '2026-11-20T19:00' })], [], at('75A', '2026-11-20T19:30'), ['past null', 'sector M1']],
  ['a rescheduled meeting does not clash with itself', [m1()], [], at('75A', '2026-12-08T19:30', { id: 'M1' }), []],
  ['a rescheduled meeting still clashes with others', [m1(), meeting({ id: 'M2', sector: '75A', start: '2026-12-09T19:00' })], [], at('75A', '2026-12-09T19:30', { id: 'M1' }), ['sector M2']],
];

describe('findConflicts', () => {
  it.each(CASES)('%s', (_name, meetings, ncos, candidate, expected) => {
    const store = smallStore();
    store.meetings.push(...meetings.map((m) => ({ ...m })));
    store.ncos.push(...ncos);
    const found = findConflicts(store, candidate, NOW);
    expect(found.map((c) => `${c.kind} ${c.meetingId}`)).toEqual(expected);
    for (const c of found) expect(c.message).not.toBe('');
  });

  it('names the other meeting and its time in the message', () => {
    const store = smallStore();
    store.meetings.push(m1());
    const [conflict] = findConflicts(store, at('75A', '2026-12-08T19:30'), NOW);
    expect(conflict?.message).toMatch(/M1.*Tue Dec 8 2026, 7:00 PM/);
  });

  it('names the NCO who would have to be in two places', () => {
    const store = smallStore();
    store.meetings.push(lateIn75B);
    store.ncos.push(movingNco);
    const [conflict] = findConflicts(store, at('75A', '2026-12-08T00:30'), NOW);
    expect(conflict?.message).toMatch(/N1 Officer N1.*M2/);
  });

  it.each([
    // 1:30 am EDT + 60 minutes ends at 1:30 am EST, so 2:00 am EST is free although 2:00 < 2:30 on the clock
    ['2026-11-01T01:30', '2026-11-01T02:00', []],
    ['2026-11-01T01:30', '2026-11-01T01:00', ['sector M1']],
    // 1:30 am EST + 60 minutes ends at 3:30 am EDT, so 3:00 am EDT clashes although 3:00 > 2:30 on the clock
    ['2027-03-14T01:30', '2027-03-14T03:00', ['sector M1']],
    ['2027-03-14T01:30', '2027-03-14T03:30', []],
  ])('across a clock change, an hour from %s and a meeting at %s: %j', (existing, start, expected) => {
    const store = smallStore();
    store.meetings.push(meeting({ id: 'M1', sector: '75A', start: existing }));
    const found = findConflicts(store, at('75A', start), new Date('2026-10-01T00:00:00Z'));
    expect(found.map((c) => `${c.kind} ${c.meetingId}`)).toEqual(expected);
  });
});
