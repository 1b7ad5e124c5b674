import { describe, expect, it } from 'vitest';
import {
  approvingMeeting,
  heldMeeting,
  minutesView,
  privateCount,
  publicCopy,
} from '../../src/domain/minutes.js';
import { entry, issue, ledgerStore, meeting, solution } from '../ledger/fixtures.js';

/**
 * 75A met in March (M1) and June (M2), both held; September (M3) is ahead. Between the two
 * meetings I1 went in progress and its solution S1 too; S1 was done only after June. I4 was
 * resolved before June but noted as discussed there. I2 is private.
 */
const march = meeting('M1', '75A', '2027-03-09T19:00', { status: 'held', attendance: 31 });
const june = meeting('M2', '75A', '2027-06-08T19:00', { status: 'held', attendance: 18 });
const september = meeting('M3', '75A', '2027-09-14T19:00');
const other = meeting('M4', '75B', '2027-07-01T19:00', { status: 'held' });

const store = ledgerStore({
  meetings: [march, june, september, other],
  issues: [
    issue('I1', march, [
      entry('2027-04-10', 'in-progress', 'DOT survey requested'),
      entry('2027-06-08', 'in-progress', 'Residents report fewer cars', 'M2'),
    ]),
    issue('I2', march, [], {
      private: true,
      summary: 'Parties at 123 Elm St apt 2, reported by Jane Doe',
      location: '123 Elm St',
    }),
    issue('I3', june, [], { summary: 'Broken street light on Fountain Ave' }),
    issue('I4', march, [
      entry('2027-05-01', 'resolved', 'Abandoned car towed'),
      entry('2027-06-08', 'resolved', 'Thanked the tow crew', 'M2'),
    ]),
  ],
  solutions: [
    solution('S1', 'I1', 'done', {
      agreedAt: 'M1',
      history: [
        entry('2027-03-09', 'agreed'),
        entry('2027-04-20', 'in-progress', 'Survey booked'),
        entry('2027-07-01', 'done', 'Humps installed'),
      ],
    }),
    solution('S2', 'I3', 'agreed', { agreedAt: 'M2', history: [entry('2027-06-08', 'agreed')] }),
    solution('S3', 'I2', 'agreed', {
      agreedAt: 'M1',
      summary: 'Visit Jane Doe',
      owner: 'Jane Doe',
      ownerKind: 'community',
    }),
  ],
});

describe('minutes of a held meeting', () => {
  const view = minutesView(store, june);

  it('carries in the issues open when the day began, not those resolved before', () => {
    expect(view.oldBusiness.map((i) => i.id)).toEqual(['I1', 'I2']);
    expect(view.oldBusiness[0]).toMatchObject({
      statusBefore: 'in-progress',
      status: 'in-progress',
      daysOpen: 91,
      meetingsOpen: 1,
      raisedAt: 'M1',
    });
  });

  it('lists what changed since the previous meeting, up to the end of its day and no later', () => {
    expect(view.previous?.id).toBe('M1');
    expect(view.oldBusiness[0]!.changes).toEqual([
      { on: '2027-04-10', record: 'I1', status: 'in-progress', note: 'DOT survey requested' },
      { on: '2027-04-20', record: 'S1', status: 'in-progress', note: 'Survey booked' },
      { on: '2027-06-08', record: 'I1', status: 'in-progress', note: 'Residents report fewer cars' },
    ]);
  });

  it('gives each solution its status at the meeting, not today', () => {
    expect(view.oldBusiness[0]!.solutions).toEqual([
      { id: 'S1', issueId: 'I1', summary: 'Summary of S1', owner: 'DOT', due: null, status: 'in-progress' },
    ]);
  });

  it('names issues noted as discussed that were not carried in', () => {
    expect(view.discussed).toEqual([
      {
        id: 'I4',
        category: 'traffic',
        summary: 'Summary of I4',
        private: false,
        status: 'resolved',
        notes: ['Thanked the tow crew'],
      },
    ]);
  });

  it('records issues raised and solutions agreed at the meeting, hosts, attendance and the next meeting', () => {
    expect(view.raised.map((i) => i.id)).toEqual(['I3']);
    expect(view.agreed.map((s) => [s.id, s.issueId])).toEqual([['S2', 'I3']]);
    expect(view.hosts.map((h) => h.name)).toEqual(['Maria Lopez', 'Sam Ortiz']);
    expect(view.attendance).toBe(18);
    expect(view.next).toMatchObject({ id: 'M3', start: '2027-09-14T19:00:00-04:00' });
    expect(view.start).toBe('2027-06-08T19:00:00-04:00');
    // The next meeting is the sector's next one, held since or not: June for March's minutes.
    expect(minutesView(store, march).next?.id).toBe('M2');
  });

  it('a public copy keeps no private text, and counts what it left out', () => {
    const march = minutesView(store, store.meetings[0]!);
    expect(JSON.stringify(march)).toContain('Jane Doe');
    const copy = publicCopy(march);
    expect(JSON.stringify(copy)).not.toContain('Jane Doe');
    expect(JSON.stringify(copy)).not.toContain('123 Elm');
    expect(copy.raised.find((i) => i.id === 'I2')).toMatchObject({
      summary: null,
      location: null,
      private: true,
    });
    expect(copy.agreed.find((s) => s.id === 'S3')).toMatchObject({ summary: null, owner: null });
    expect(copy.raised.find((i) => i.id === 'I1')!.summary).toBe('Summary of I1');
    expect(privateCount(march)).toEqual({ issues: 1, solutions: 1 });
    const juneCopy = publicCopy(view);
    expect(juneCopy.oldBusiness[1]).toMatchObject({ id: 'I2', summary: null, location: null });
    expect(JSON.stringify(juneCopy)).not.toContain('Jane Doe');
  });
});

describe('which meeting approves minutes', () => {
  it('defaults to the first later held meeting of the sector', () => {
    expect(approvingMeeting(store, march, undefined).id).toBe('M2');
  });

  it.each([
    ['M1', 'M1', /is not after/],
    ['M2', 'M1', /is not after/],
    ['M1', 'M3', /was not held/],
    ['M1', 'M4', /sector 75B, not 75A/],
  ])('refuses minutes of %s approved at %s', (of, at, message) => {
    const meeting = store.meetings.find((m) => m.id === of)!;
    expect(() => approvingMeeting(store, meeting, at)).toThrow(message);
  });

  it('refuses when the sector has held nothing since, and for an unknown meeting', () => {
    expect(() => approvingMeeting(store, june, undefined)).toThrow(/held no meeting since M2/);
    expect(() => approvingMeeting(store, march, 'M99')).toThrow(/there is no meeting M99/);
  });

  it('only a held meeting has minutes', () => {
    expect(heldMeeting(june)).toBe(june);
    expect(() => heldMeeting(september)).toThrow(/was not held, so it has no minutes/);
  });
});
