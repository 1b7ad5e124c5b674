import { describe, expect, it } from 'vitest';
import { meetingsDiscussed, oldBusiness } from '../../src/domain/carry-forward.js';
import { agendaView } from '../../src/domain/agenda.js';
import type { IssueStatus } from '../../src/domain/schema.js';
import { entry, issue, ledgerStore, meeting, solution } from './fixtures.js';

/** Sector 75A meets quarterly on the 2nd Tuesday; April's extra meeting was cancelled. */
const march = meeting('M1', '75A', '2027-03-09T19:00', { status: 'held', attendance: 30 });
const april = meeting('M2', '75A', '2027-04-13T19:00', { status: 'cancelled' });
const june = meeting('M3', '75A', '2027-06-08T19:00', { status: 'held', attendance: 25 });
const september = meeting('M4', '75A', '2027-09-14T19:00');
const other = meeting('M5', '75B', '2027-03-02T19:00', { status: 'held' });
const meetings = [march, april, june, september, other];

type Later = Array<[string, IssueStatus, string?]>;
const raisedInMarch = (id: string, later: Later = []) =>
  issue(
    id,
    march,
    later.map(([on, status, at]) => entry(on, status, 'update', at ?? null)),
  );

const carriedIds = (store: ReturnType<typeof ledgerStore>, m: typeof june) =>
  oldBusiness(store, m).map((c) => c.issue.id);

describe('oldBusiness: what a meeting carries in', () => {
  it.each<[string, Later, boolean, boolean]>([
    ['still open', [], true, true],
    ['in progress since April', [['2027-04-01', 'in-progress']], true, true],
    ['resolved in May', [['2027-05-01', 'resolved']], false, false],
    ['closed the day before June', [['2027-06-07', 'closed']], false, false],
    ['resolved on the June meeting day itself', [['2027-06-08', 'resolved']], true, false],
    [
      'resolved in April, reopened in July',
      [
        ['2027-04-01', 'resolved'],
        ['2027-07-01', 'open'],
      ],
      false,
      true,
    ],
    [
      'in progress, then back to open',
      [
        ['2027-04-01', 'in-progress'],
        ['2027-05-01', 'open'],
      ],
      true,
      true,
    ],
  ])('an issue raised in March, %s: June %s, September %s', (_, later, inJune, inSeptember) => {
    const store = ledgerStore({ meetings, issues: [raisedInMarch('I1', later)] });
    expect(carriedIds(store, june)).toEqual(inJune ? ['I1'] : []);
    expect(carriedIds(store, september)).toEqual(inSeptember ? ['I1'] : []);
  });

  it('counts days and meetings open: 91 days through 1 meeting in June, 189 through 2 in September', () => {
    // March 9 → June 8 is 91 days (a DST change in between must not make it 90.96); the cancelled April meeting is not counted.
    const store = ledgerStore({ meetings, issues: [raisedInMarch('I1')] });
    const [atJune] = oldBusiness(store, june);
    expect(atJune).toMatchObject({ status: 'open', daysOpen: 91, meetingsOpen: 1 });
    expect(atJune!.raisedAt.id).toBe('M1');
    const [atSeptember] = oldBusiness(store, september);
    expect(atSeptember).toMatchObject({ daysOpen: 189, meetingsOpen: 2 });
  });

  it('shows the status as it stood when the day began, not today’s', () => {
    const store = ledgerStore({
      meetings,
      issues: [
        raisedInMarch('I1', [
          ['2027-04-01', 'in-progress'],
          ['2027-06-08', 'resolved'],
        ]),
      ],
    });
    expect(oldBusiness(store, june)[0]!.status).toBe('in-progress');
  });

  it('never carries issues of another sector, nor one raised at the meeting itself or later', () => {
    const store = ledgerStore({
      meetings,
      issues: [issue('I1', other), issue('I2', june), issue('I3', march, [], { private: true })],
    });
    expect(carriedIds(store, june)).toEqual(['I3']);
    expect(carriedIds(store, september)).toEqual(['I3', 'I2']);
    const i2 = oldBusiness(store, september).find((c) => c.issue.id === 'I2')!;
    expect(i2).toMatchObject({ daysOpen: 98, meetingsOpen: 1 });
    const b = meeting('M6', '75B', '2027-06-01T19:00');
    expect(carriedIds(ledgerStore({ meetings: [...meetings, b], issues: store.issues }), b)).toEqual(['I1']);
  });

  it('brings each issue’s solutions along, and lists issues oldest first', () => {
    const store = ledgerStore({
      meetings,
      issues: [issue('I2', june), raisedInMarch('I1')],
      solutions: [solution('S1', 'I1'), solution('S2', 'I2'), solution('S3', 'I1', 'done')],
    });
    const carried = oldBusiness(store, september);
    expect(carried.map((c) => c.issue.id)).toEqual(['I1', 'I2']);
    expect(carried[0]!.solutions.map((s) => s.id)).toEqual(['S1', 'S3']);
    expect(carried[1]!.solutions.map((s) => s.id)).toEqual(['S2']);
  });
});

describe('meetingsDiscussed', () => {
  it.each<[string, Later, string[]]>([
    ['open all year: raised in March, carried to the held June meeting', [], ['M1', 'M3']],
    ['resolved in May', [['2027-05-01', 'resolved']], ['M1']],
    [
      'resolved in May, closed at the June meeting',
      [
        ['2027-05-01', 'resolved'],
        ['2027-06-08', 'closed', 'M3'],
      ],
      ['M1', 'M3'],
    ],
    ['resolved on the June meeting day', [['2027-06-08', 'resolved']], ['M1', 'M3']],
  ])('%s → %j', (_, later, expected) => {
    const store = ledgerStore({ meetings, issues: [raisedInMarch('I1', later)] });
    expect(meetingsDiscussed(store, store.issues[0]!).map((m) => m.id)).toEqual(expected);
  });

  it('includes held meetings only: a scheduled or cancelled one is not a discussion', () => {
    const store = ledgerStore({
      meetings: [march, april, { ...june, status: 'scheduled' }, september],
      issues: [raisedInMarch('I1')],
    });
    expect(meetingsDiscussed(store, store.issues[0]!).map((m) => m.id)).toEqual(['M1']);
  });
});

describe('agendaView: public text only', () => {
  const secret = {
    summary: 'Noise from Jane Doe’s neighbour at 123 Elm St apt 2',
    location: '123 Elm St',
    solution: 'Call Jane Doe back at 718-555-0199',
    resident: 'Jane Doe',
  };
  const store = ledgerStore({
    meetings,
    issues: [
      raisedInMarch('I1'),
      issue('I2', march, [], {
        private: true,
        category: 'noise',
        summary: secret.summary,
        location: secret.location,
        raisedBy: secret.resident,
      }),
    ],
    solutions: [
      solution('S1', 'I1', 'agreed', { owner: 'N1', ownerKind: 'nco', due: '2027-05-01' }),
      solution('S2', 'I2', 'in-progress', {
        summary: secret.solution,
        owner: secret.resident,
        ownerKind: 'community',
      }),
      solution('S3', 'I2', 'agreed', { owner: 'DEP', ownerKind: 'agency', due: '2027-07-01' }),
    ],
  });
  const view = agendaView(store, june);

  it('withholds the summary, location and solution text of a private issue', () => {
    const i2 = view.oldBusiness.find((i) => i.id === 'I2')!;
    expect(i2).toMatchObject({ category: 'noise', summary: null, location: null, status: 'open' });
    expect(i2.solutions).toEqual([
      { id: 'S2', summary: null, owner: null, due: null, status: 'in-progress', overdue: false },
      { id: 'S3', summary: null, owner: 'DEP', due: '2027-07-01', status: 'agreed', overdue: false },
    ]);
    const everything = JSON.stringify(view);
    for (const text of Object.values(secret)) expect(everything).not.toContain(text);
  });

  it('keeps a public issue’s text, names NCO owners and marks overdue against the meeting day', () => {
    const i1 = view.oldBusiness.find((i) => i.id === 'I1')!;
    expect(i1.summary).toBe('Summary of I1');
    expect(i1.solutions[0]).toMatchObject({ owner: 'Maria Lopez', overdue: true });
    expect(view.hosts).toEqual(['Police Officer Maria Lopez', 'Sergeant Sam Ortiz']);
    expect(view.next).toMatchObject({ id: 'M4', start: '2027-09-14T19:00:00-04:00' });
  });
});
