import type { Issue, IssueStatus, Meeting, Solution, Store } from './schema.js';
import { isOutstanding, statusBefore } from './issues.js';
import { groupBy, prefixLength, pushTo } from './lookup.js';
import { byStart, compareMeetings, startInstant, type TimedMeeting } from './meetings.js';

/** An issue brought from earlier meetings to this one, with how long it has been open. */
export interface CarriedIssue {
  issue: Issue;
  /** Its status when the meeting's day began. */
  status: IssueStatus;
  raisedAt: Meeting;
  daysOpen: number;
  /** Meetings of the sector it has been open through, the one where it was raised included. */
  meetingsOpen: number;
  solutions: Solution[];
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * The store's meetings by id and by sector, and its solutions by issue, built once per run:
 * looking them up by filtering whole lists for each issue was quadratic on a city's store.
 */
export class LedgerIndex {
  readonly meetingsById: Map<string, Meeting>;
  private readonly meetingsOfSector: Map<string, Meeting[]>;
  private readonly timed = new Map<string, TimedMeeting[]>();
  private solutionsByIssue: Map<string, Solution[]> | undefined;

  constructor(private readonly store: Store) {
    this.meetingsById = new Map(store.meetings.map((m) => [m.id, m]));
    this.meetingsOfSector = groupBy(store.meetings, (m) => m.sector);
  }

  /** The sector's meetings, in the store's order. */
  meetingsOf(sector: string): Meeting[] {
    return this.meetingsOfSector.get(sector) ?? [];
  }

  /** The sector's meetings soonest first, as compareMeetings orders them, with their starts. */
  meetingsInOrder(sector: string): TimedMeeting[] {
    let timed = this.timed.get(sector);
    if (timed === undefined) this.timed.set(sector, (timed = byStart(this.meetingsOf(sector))));
    return timed;
  }

  /** The issue's solutions, in the store's order (grouped for every issue when first asked). */
  solutionsOf(issueId: string): Solution[] {
    this.solutionsByIssue ??= groupBy(this.store.solutions, (s) => s.issueId);
    return this.solutionsByIssue.get(issueId) ?? [];
  }
}

/**
 * The old business of a meeting: every issue of its sector raised at an earlier meeting that was
 * still open or in progress when the meeting's day began. An issue resolved before then drops off.
 */
export function oldBusiness(store: Store, meeting: Meeting, ledger = new LedgerIndex(store)): CarriedIssue[] {
  const day = meeting.start.slice(0, 10);
  const at = startInstant(meeting).getTime();
  const sectorMeetings = ledger
    .meetingsInOrder(meeting.sector)
    .filter((t) => t.meeting.status !== 'cancelled');
  const issues = store.issues.filter((i) => i.sector === meeting.sector);
  const carried = oldBusinessOfSector(ledger, meeting.sector, issues).get(meeting.id) ?? [];
  return carried.map((issue) => {
    const raisedAt = ledger.meetingsById.get(issue.meetingId)!;
    const raised = startInstant(raisedAt).getTime();
    return {
      issue,
      status: statusBefore(issue, day)!,
      raisedAt,
      daysOpen: daysBetween(issue.raisedOn, day),
      meetingsOpen: sectorMeetings.filter((t) => t.start >= raised && t.start < at).length,
      solutions: [...ledger.solutionsOf(issue.id)],
    };
  });
}

/**
 * The old business of every meeting of a sector at once, by the rule of `oldBusiness`: for each
 * meeting id, the issues carried to it, oldest first. Each issue is walked forward from the
 * meeting where it was raised until its status settles for good, rather than every issue of the
 * sector tested at every meeting (quadratic on a city's store). `issues` are the sector's.
 */
export function oldBusinessOfSector(
  ledger: LedgerIndex,
  sector: string,
  issues: Issue[],
): Map<string, Issue[]> {
  const meetings = ledger.meetingsInOrder(sector);
  const carried = new Map<string, Issue[]>();
  for (const issue of [...issues].sort(oldestFirst)) {
    const raisedAt = ledger.meetingsById.get(issue.meetingId);
    if (!raisedAt) continue;
    const raised = startInstant(raisedAt).getTime();
    // After its last entry's day an issue keeps the last entry's status. Days in start order
    // never go back (a New York day's instants all come before the next day's).
    const lastDay = issue.history.reduce((last, e) => (e.on > last ? e.on : last), '');
    const last = issue.history.at(-1);
    const staysOpen = last !== undefined && isOutstanding(last.status);
    const first = prefixLength(meetings.length, (i) => meetings[i]!.start <= raised);
    for (let i = first; i < meetings.length; i++) {
      const { meeting } = meetings[i]!;
      const day = meeting.start.slice(0, 10);
      if (day > lastDay && !staysOpen) break;
      const status = statusBefore(issue, day);
      if (status !== null && isOutstanding(status)) pushTo(carried, meeting.id, issue);
    }
  }
  return carried;
}

/** Raised earliest first, then in the order the issues were raised. */
function oldestFirst(a: Issue, b: Issue): number {
  return a.raisedOn.localeCompare(b.raisedOn) || Number(a.id.slice(1)) - Number(b.id.slice(1));
}

/**
 * The meetings where an issue was discussed: where it was raised, every held meeting of its
 * sector it was carried to as old business, and any meeting named in its history (edits aside).
 */
export function meetingsDiscussed(store: Store, issue: Issue, ledger = new LedgerIndex(store)): Meeting[] {
  const meetings = ledger.meetingsById;
  const raisedAt = meetings.get(issue.meetingId);
  const found = new Set<Meeting>(raisedAt ? [raisedAt] : []);
  for (const entry of issue.history) {
    // A correction is record-keeping, not a discussion, whatever meeting it might name.
    if (entry.edit) continue;
    const m = entry.meetingId ? meetings.get(entry.meetingId) : undefined;
    if (m) found.add(m);
  }
  if (raisedAt) {
    const raised = startInstant(raisedAt).getTime();
    for (const m of ledger.meetingsOf(issue.sector)) {
      if (m.status !== 'held' || startInstant(m).getTime() <= raised) continue;
      const status = statusBefore(issue, m.start.slice(0, 10));
      if (status !== null && isOutstanding(status)) found.add(m);
    }
  }
  return [...found].sort(compareMeetings);
}

/** The sector's next scheduled meeting after this one, if any. */
export function followingMeeting(store: Store, meeting: Meeting): Meeting | undefined {
  return store.meetings
    .filter(
      (m) =>
        m.sector === meeting.sector && m.status === 'scheduled' && startInstant(m) > startInstant(meeting),
    )
    .sort(compareMeetings)[0];
}
