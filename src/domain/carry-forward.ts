import type { Issue, IssueStatus, Meeting, Solution, Store } from './schema.js';
import { isOutstanding, statusBefore } from './issues.js';
import { compareMeetings, startInstant } from './meetings.js';

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

function meetingById(store: Store): Map<string, Meeting> {
  return new Map(store.meetings.map((m) => [m.id, m]));
}

/**
 * The old business of a meeting: every issue of its sector raised at an earlier meeting that was
 * still open or in progress when the meeting's day began. An issue resolved before then drops off.
 */
export function oldBusiness(store: Store, meeting: Meeting): CarriedIssue[] {
  const meetings = meetingById(store);
  const day = meeting.start.slice(0, 10);
  const sectorMeetings = store.meetings.filter(
    (m) => m.sector === meeting.sector && m.status !== 'cancelled',
  );
  const carried: CarriedIssue[] = [];
  for (const issue of store.issues) {
    const raisedAt = meetings.get(issue.meetingId);
    if (issue.sector !== meeting.sector || !raisedAt || issue.meetingId === meeting.id) continue;
    if (startInstant(raisedAt) >= startInstant(meeting)) continue;
    const status = statusBefore(issue, day);
    if (status === null || !isOutstanding(status)) continue;
    carried.push({
      issue,
      status,
      raisedAt,
      daysOpen: daysBetween(issue.raisedOn, day),
      meetingsOpen: sectorMeetings.filter(
        (m) => startInstant(m) >= startInstant(raisedAt) && startInstant(m) < startInstant(meeting),
      ).length,
      solutions: store.solutions.filter((s) => s.issueId === issue.id),
    });
  }
  return carried.sort(
    (a, b) =>
      a.issue.raisedOn.localeCompare(b.issue.raisedOn) ||
      Number(a.issue.id.slice(1)) - Number(b.issue.id.slice(1)),
  );
}

/**
 * The meetings where an issue was discussed: where it was raised, every held meeting of its
 * sector it was carried to as old business, and any meeting named in its history (edits aside).
 */
export function meetingsDiscussed(store: Store, issue: Issue): Meeting[] {
  const meetings = meetingById(store);
  const raisedAt = meetings.get(issue.meetingId);
  const found = new Set<Meeting>(raisedAt ? [raisedAt] : []);
  for (const entry of issue.history) {
    // A correction is record-keeping, not a discussion, whatever meeting it might name.
    if (entry.edit) continue;
    const m = entry.meetingId ? meetings.get(entry.meetingId) : undefined;
    if (m) found.add(m);
  }
  if (raisedAt) {
    for (const m of store.meetings) {
      if (m.sector !== issue.sector || m.status !== 'held' || startInstant(m) <= startInstant(raisedAt))
        continue;
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
