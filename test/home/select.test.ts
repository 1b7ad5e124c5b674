import { describe, expect, it } from 'vitest';
import { HOME_LIMITS, selectHome } from '../../src/domain/home.js';
import type { Issue, Meeting, Solution } from '../../src/domain/schema.js';
import { meeting, smallCity } from '../helpers/store-factory.js';
import { entry, issue, solution } from '../ledger/fixtures.js';

/** Thursday 2026-11-26, noon in New York. */
const NOW = new Date('2026-11-26T17:00:00Z');
const P75 = { precinct: 75 };
const ALL = { precinct: null };

function city(parts: { meetings?: Meeting[]; issues?: Issue[]; solutions?: Solution[] }) {
  return { ...smallCity(), meetings: [], issues: [], solutions: [], ...parts };
}

const ids = (records: Array<{ id: string }>) => records.map((r) => r.id);

describe('minutes to approve', () => {
  it('are held meetings with draft minutes whose sector has held a later meeting, oldest first', () => {
    const held = (id: string, sector: string, start: string) =>
      meeting({ id, sector, start, status: 'held' });
    const store = city({
      meetings: [
        held('M1', '75A', '2026-03-10T19:00'),
        held('M2', '75A', '2026-06-09T19:00'),
        held('M3', '75A', '2026-09-08T19:00'),
        held('M4', '75B', '2026-06-10T19:00'), // nothing held since in 75B
        meeting({ id: 'M5', sector: '75B', start: '2026-09-09T19:00', status: 'cancelled' }),
        held('M6', '14A', '2026-06-11T19:00'),
        held('M7', '14A', '2026-09-10T19:00'),
      ],
    });
    store.minutes = [
      {
        meetingId: 'M1',
        approvedAt: 'M2',
        approvedOn: '2026-06-09',
        recordedAt: '',
        snapshot: {} as never,
        amendments: [],
      },
    ];
    const home = selectHome(store, NOW, P75);
    expect(home.minutesToApprove.map(({ meeting, at }) => [meeting.id, at.id])).toEqual([['M2', 'M3']]);
    expect(ids(selectHome(store, NOW, ALL).minutesToApprove.map((m) => m.meeting))).toEqual(['M2', 'M6']);
    expect(home.totals.minutesToApprove).toBe(1);
  });
});

describe('next meetings', () => {
  it('are the scheduled meetings of the scope that have not ended, soonest first', () => {
    const store = city({
      meetings: [
        meeting({ id: 'M1', sector: '75B', start: '2026-12-09T19:00' }),
        meeting({ id: 'M2', sector: '75A', start: '2026-12-08T19:00' }),
        meeting({ id: 'M3', sector: '14A', start: '2026-12-01T19:00' }),
        meeting({ id: 'M4', sector: '75C', start: '2026-12-02T19:00', status: 'cancelled' }),
        // Started an hour ago and still going: not over yet, so not a loose end either.
        meeting({ id: 'M5', sector: '75C', start: '2026-11-26T11:00', durationMinutes: 90 }),
      ],
    });
    const home = selectHome(store, NOW, P75);
    expect(ids(home.nextMeetings)).toEqual(['M5', 'M2', 'M1']);
    expect(home.pastUnmarked).toEqual([]);
    expect(ids(selectHome(store, NOW, ALL).nextMeetings)).toEqual(['M5', 'M3', 'M2', 'M1']);
  });

  it(`are cut to ${HOME_LIMITS.nextMeetings}, with the total kept`, () => {
    const meetings = Array.from({ length: 8 }, (_, i) =>
      meeting({ id: `M${i + 1}`, sector: '75A', start: `2026-12-${String(10 + i)}T19:00` }),
    );
    const home = selectHome(city({ meetings }), NOW, P75);
    expect(ids(home.nextMeetings)).toEqual(['M1', 'M2', 'M3', 'M4', 'M5']);
    expect(home.totals.nextMeetings).toBe(8);
  });
});

describe('past meetings not marked held or cancelled', () => {
  it('are scheduled meetings that have ended, oldest first; held and cancelled ones are done with', () => {
    const store = city({
      meetings: [
        meeting({ id: 'M1', sector: '75A', start: '2026-11-24T19:00' }),
        meeting({ id: 'M2', sector: '75B', start: '2026-11-10T19:00' }),
        meeting({ id: 'M3', sector: '75C', start: '2026-11-12T19:00', status: 'held', attendance: 20 }),
        meeting({ id: 'M4', sector: '75C', start: '2026-11-13T19:00', status: 'cancelled' }),
        meeting({ id: 'M5', sector: '14A', start: '2026-11-11T19:00' }),
        // Ends exactly now (11:00 to 12:00 New York): over.
        meeting({ id: 'M6', sector: '75A', start: '2026-11-26T11:00' }),
      ],
    });
    const home = selectHome(store, NOW, P75);
    expect(ids(home.pastUnmarked)).toEqual(['M2', 'M1', 'M6']);
    expect(home.nextMeetings).toEqual([]);
    expect(ids(selectHome(store, NOW, ALL).pastUnmarked)).toEqual(['M2', 'M5', 'M1', 'M6']);
  });
});

describe('overdue solutions', () => {
  const m1 = meeting({ id: 'M1', sector: '75A', start: '2026-09-08T19:00', status: 'held' });
  const m2 = meeting({ id: 'M2', sector: '14A', start: '2026-09-08T19:00', status: 'held' });
  const issues = [issue('I1', m1), issue('I2', m2)];

  it('are agreed or in-progress ones due before today in New York, most overdue first, in the scope of their issue', () => {
    const store = city({
      meetings: [m1, m2],
      issues,
      solutions: [
        solution('S10', 'I1', 'agreed', { due: '2026-11-01' }),
        solution('S2', 'I1', 'in-progress', { due: '2026-11-01' }),
        solution('S3', 'I1', 'agreed', { due: '2026-10-15' }),
        solution('S4', 'I1', 'done', { due: '2026-10-01' }),
        solution('S5', 'I1', 'dropped', { due: '2026-10-01' }),
        solution('S6', 'I1', 'agreed', { due: '2026-11-26' }),
        solution('S7', 'I1', 'agreed', { due: null }),
        solution('S8', 'I2', 'agreed', { due: '2026-10-20' }),
      ],
    });
    const home = selectHome(store, NOW, P75);
    expect(home.overdueSolutions.map((o) => o.solution.id)).toEqual(['S3', 'S2', 'S10']);
    expect(home.overdueSolutions.map((o) => o.issue.id)).toEqual(['I1', 'I1', 'I1']);
    expect(selectHome(store, NOW, ALL).overdueSolutions.map((o) => o.solution.id)).toEqual([
      'S3',
      'S8',
      'S2',
      'S10',
    ]);
  });

  it('count the day in New York, not in UTC: at 10 pm on the 26th, a solution due the 26th is not overdue yet', () => {
    const store = city({
      meetings: [m1],
      issues: [issues[0]!],
      solutions: [solution('S1', 'I1', 'agreed', { due: '2026-11-26' })],
    });
    expect(selectHome(store, new Date('2026-11-27T03:00:00Z'), P75).overdueSolutions).toEqual([]);
    expect(selectHome(store, new Date('2026-11-27T05:00:00Z'), P75).overdueSolutions).toHaveLength(1);
  });
});

describe('oldest open issues', () => {
  it('are open and in-progress issues of the scope, longest open first, cut to a few', () => {
    const meetings = ['2026-03-03', '2026-06-02', '2026-09-08'].map((day, i) =>
      meeting({ id: `M${i + 1}`, sector: '75A', start: `${day}T19:00`, status: 'held' }),
    );
    const [march, june, september] = meetings as [Meeting, Meeting, Meeting];
    const other = meeting({ id: 'M9', sector: '14A', start: '2026-01-06T19:00', status: 'held' });
    const store = city({
      meetings: [...meetings, other],
      issues: [
        issue('I10', june),
        issue('I2', june, [entry('2026-07-01', 'in-progress')]),
        issue('I3', march, [entry('2026-04-01', 'resolved')]),
        issue('I4', march, [entry('2026-04-01', 'resolved'), entry('2026-05-01', 'closed')]),
        issue('I5', september),
        issue('I6', march),
        issue('I7', september),
        issue('I8', september),
        issue('I9', september),
        issue('I11', other),
      ],
    });
    const home = selectHome(store, NOW, P75);
    expect(ids(home.oldestOpenIssues)).toEqual(['I6', 'I2', 'I10', 'I5', 'I7']);
    expect(home.totals.oldestOpenIssues).toBe(7);
    expect(ids(selectHome(store, NOW, ALL).oldestOpenIssues)[0]).toBe('I11');
  });

  it('an empty store has nothing in any list', () => {
    const home = selectHome(city({}), NOW, ALL);
    expect(home).toEqual({
      nextMeetings: [],
      pastUnmarked: [],
      minutesToApprove: [],
      overdueSolutions: [],
      oldestOpenIssues: [],
      totals: {
        nextMeetings: 0,
        pastUnmarked: 0,
        minutesToApprove: 0,
        overdueSolutions: 0,
        oldestOpenIssues: 0,
      },
    });
  });
});
