import { dateInNewYork } from './dates.js';
import { isOutstanding } from './issues.js';
import { groupBy } from './lookup.js';
import { compareMeetings, endInstant, sortMeetings } from './meetings.js';
import type { Issue, Meeting, Solution, Store } from './schema.js';
import { isOverdue } from './solutions.js';

/**
 * What the home screen shows: the next meetings, and the four kinds of loose end a coordinator
 * has to act on. Each list is cut to a screenful; the totals say how many there are in all.
 */
export const HOME_LIMITS = {
  nextMeetings: 5,
  pastUnmarked: 10,
  minutesToApprove: 10,
  overdueSolutions: 10,
  oldestOpenIssues: 5,
} as const;

export type HomeList = keyof typeof HOME_LIMITS;

export interface OverdueSolution {
  solution: Solution;
  issue: Issue;
}

export interface HomeLists {
  /** Scheduled meetings that have not ended, soonest first. */
  nextMeetings: Meeting[];
  /** Meetings that have ended but are still `scheduled`: neither marked held nor cancelled. Oldest first. */
  pastUnmarked: Meeting[];
  /** Held meetings whose minutes are still drafts though a later meeting of the sector was held. Oldest first. */
  minutesToApprove: Array<{ meeting: Meeting; at: Meeting }>;
  /** Agreed or in-progress solutions past their due date, most overdue first. */
  overdueSolutions: OverdueSolution[];
  /** Open and in-progress issues, longest open first. */
  oldestOpenIssues: Issue[];
  totals: Record<HomeList, number>;
}

/** The precinct the screen is about; null for every precinct. */
export interface HomeScope {
  precinct: number | null;
}

export function selectHome(store: Store, now: Date, scope: HomeScope): HomeLists {
  const inScope = (record: { precinct: number }) =>
    scope.precinct === null || record.precinct === scope.precinct;
  const today = dateInNewYork(now);
  const meetings = sortMeetings(store.meetings.filter((m) => m.status === 'scheduled' && inScope(m)));
  const ended = (m: Meeting) => endInstant(m).getTime() <= now.getTime();
  const issues = new Map(store.issues.map((i) => [i.id, i]));
  const overdue = store.solutions
    .filter((s) => isOverdue(s, today))
    .flatMap((solution) => {
      const issue = issues.get(solution.issueId);
      return issue && inScope(issue) ? [{ solution, issue }] : [];
    })
    .sort((a, b) => a.solution.due!.localeCompare(b.solution.due!) || byNumber(a.solution, b.solution));
  const open = store.issues
    .filter((i) => isOutstanding(i.status) && inScope(i))
    .sort((a, b) => a.raisedOn.localeCompare(b.raisedOn) || byNumber(a, b));
  const approved = new Set(store.minutes.map((m) => m.meetingId));
  const held = sortMeetings(store.meetings.filter((m) => m.status === 'held' && inScope(m)));
  const toApprove = minutesToApprove(held, approved);
  const all = {
    nextMeetings: meetings.filter((m) => !ended(m)),
    pastUnmarked: meetings.filter(ended),
    minutesToApprove: toApprove,
    overdueSolutions: overdue,
    oldestOpenIssues: open,
  };
  return {
    nextMeetings: all.nextMeetings.slice(0, HOME_LIMITS.nextMeetings),
    pastUnmarked: all.pastUnmarked.slice(0, HOME_LIMITS.pastUnmarked),
    minutesToApprove: all.minutesToApprove.slice(0, HOME_LIMITS.minutesToApprove),
    overdueSolutions: all.overdueSolutions.slice(0, HOME_LIMITS.overdueSolutions),
    oldestOpenIssues: all.oldestOpenIssues.slice(0, HOME_LIMITS.oldestOpenIssues),
    totals: {
      nextMeetings: all.nextMeetings.length,
      pastUnmarked: all.pastUnmarked.length,
      minutesToApprove: all.minutesToApprove.length,
      overdueSolutions: all.overdueSolutions.length,
      oldestOpenIssues: all.oldestOpenIssues.length,
    },
  };
}

/**
 * Held meetings without approved minutes, each with the next held meeting of its sector, where
 * they can be approved. `held` is in compareMeetings order, so each sector's list is too, and the
 * next meeting follows in it: looked up there rather than searched for in the whole city's list.
 */
function minutesToApprove(held: Meeting[], approved: Set<string>): HomeLists['minutesToApprove'] {
  const next = new Map<Meeting, Meeting>();
  for (const list of groupBy(held, (m) => m.sector).values())
    for (let i = 0; i < list.length; i++) {
      let j = i + 1;
      while (j < list.length && compareMeetings(list[j]!, list[i]!) <= 0) j++;
      if (j < list.length) next.set(list[i]!, list[j]!);
    }
  return held.flatMap((meeting) => {
    const at = next.get(meeting);
    return at && !approved.has(meeting.id) ? [{ meeting, at }] : [];
  });
}

/** Ids in the order they were given out: I2 before I10. */
function byNumber(a: { id: string }, b: { id: string }): number {
  return Number(a.id.slice(1)) - Number(b.id.slice(1));
}
