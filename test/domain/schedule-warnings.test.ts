import { describe, expect, it } from 'vitest';
import type { Candidate } from '../../src/domain/conflicts.js';
import { scheduleWarnings } from '../../src/domain/schedule-warnings.js';
import { meeting, nco, smallCity } from '../helpers/store-factory.js';

/** 75A has an NCO all along and meets on Tue Dec 8 2026 (M1); 75B has no NCO. */
function city() {
  const store = smallCity([nco('N1', 75, [['75A', '2026-01-01', null]])]);
  store.meetings.push(meeting({ id: 'M1', sector: '75A', start: '2026-12-08T19:00' }));
  return store;
}

const candidate = (start: string, more: Partial<Candidate> = {}): Candidate => ({
  sector: '75A',
  start,
  durationMinutes: 60,
  location: null,
  address: null,
  onlineUrl: null,
  ...more,
});

const kinds = (c: Candidate, store = city()) => scheduleWarnings(store, c).map((w) => w.kind);

describe('scheduleWarnings', () => {
  it('has nothing to say about a plain evening meeting a month from the last', () => {
    expect(scheduleWarnings(city(), candidate('2027-01-12T19:00'))).toEqual([]);
  });

  it.each([
    ['2026-12-22T19:00', 'sector 75A already meets 14 days earlier: M1 (75A) Tue Dec 8 2026, 7:00 PM'],
    ['2026-11-24T19:00', 'sector 75A already meets 14 days later: M1 (75A) Tue Dec 8 2026, 7:00 PM'],
    ['2026-12-08T10:00', 'sector 75A already meets the same day: M1 (75A) Tue Dec 8 2026, 7:00 PM'],
  ])('another meeting of the sector within 14 days: %s', (start, text) => {
    const [warning] = scheduleWarnings(city(), candidate(start));
    expect(warning).toEqual({ kind: 'nearby', message: expect.stringContaining(text) });
  });

  it('counts neither 15 days, another sector, a cancelled meeting, itself, nor an overlap (a conflict)', () => {
    expect(kinds(candidate('2026-12-23T19:00'))).toEqual([]);
    expect(kinds(candidate('2026-12-15T19:00', { sector: '75B' }))).not.toContain('nearby');
    const store = city();
    store.meetings[0]!.status = 'cancelled';
    expect(kinds(candidate('2026-12-15T19:00'), store)).toEqual([]);
    expect(kinds(candidate('2026-12-15T19:00', { id: 'M1' }))).toEqual([]);
    expect(kinds(candidate('2026-12-08T19:30'))).toEqual([]);
  });

  it('counts a held meeting, and names the nearest of several', () => {
    const store = city();
    store.meetings.push(meeting({ id: 'M2', sector: '75A', start: '2026-12-20T19:00', status: 'held' }));
    const [warning] = scheduleWarnings(store, candidate('2026-12-18T19:00'));
    expect(warning!.message).toBe(
      'Fri Dec 18 2026, 7:00 PM: sector 75A already meets 2 days later: M2 (75A) Sun Dec 20 2026, 7:00 PM (and 1 more)',
    );
  });

  it('no NCO assigned to the sector on that date', () => {
    expect(scheduleWarnings(city(), candidate('2027-01-12T19:00', { sector: '75B' }))).toEqual([
      {
        kind: 'no-nco',
        message:
          'Tue Jan 12 2027, 7:00 PM: no NCO is assigned to sector 75B on 2027-01-12 (assign one with: nsm nco assign <nco> 75B)',
      },
    ]);
    // an assignment that ends before the meeting does not count
    const store = smallCity([nco('N1', 75, [['75B', '2026-01-01', '2026-12-31']])]);
    expect(kinds(candidate('2027-01-12T19:00', { sector: '75B' }), store)).toEqual(['no-nco']);
  });

  it.each([
    ['2027-01-12T07:30', 60, 'it runs 7:30 AM–8:30 AM, outside 8:00 AM–10:00 PM'],
    ['2027-01-12T21:30', 60, 'it runs 9:30 PM–10:30 PM, outside 8:00 AM–10:00 PM'], // ends late
    ['2027-01-12T22:00', 30, 'it runs 10:00 PM–10:30 PM, outside 8:00 AM–10:00 PM'],
    ['2027-01-12T23:30', 60, 'it runs 11:30 PM–12:30 AM, outside 8:00 AM–10:00 PM'], // past midnight
  ])('outside 08:00–22:00: %s for %i minutes', (start, durationMinutes, text) => {
    expect(scheduleWarnings(city(), candidate(start, { durationMinutes }))).toEqual([
      { kind: 'hours', message: expect.stringContaining(text) },
    ]);
  });

  it.each([
    ['2027-01-12T08:00', 60],
    ['2027-01-12T21:00', 60], // ends at 10:00 PM exactly
  ])('inside the hours: %s for %i minutes', (start, durationMinutes) => {
    expect(kinds(candidate(start, { durationMinutes }))).toEqual([]);
  });

  it.each([
    [
      '2027-11-25T19:00',
      'Thu Nov 25 2027, 7:00 PM: Thanksgiving Day, a US federal and New York State holiday',
    ],
    ['2027-02-12T19:00', "Fri Feb 12 2027, 7:00 PM: Lincoln's Birthday, a New York State holiday"],
    ['2026-11-03T19:00', 'Tue Nov 3 2026, 7:00 PM: Election Day, a New York State holiday'],
    [
      '2026-07-03T19:00',
      'Fri Jul 3 2026, 7:00 PM: Independence Day (Sat Jul 4 2026), observed that day by federal offices',
    ],
  ])('a holiday: %s', (start, message) => {
    expect(scheduleWarnings(city(), candidate(start))).toEqual([{ kind: 'holiday', message }]);
  });

  it('gives every warning that applies, each naming the meeting', () => {
    const warnings = scheduleWarnings(city(), candidate('2026-11-26T06:00', { sector: '75A' }));
    expect(warnings.map((w) => w.kind)).toEqual(['nearby', 'hours', 'holiday']);
    expect(warnings.every((w) => w.message.startsWith('Thu Nov 26 2026, 6:00 AM: '))).toBe(true);
  });
});
