import type {
  ApprovedMinutes,
  Issue,
  IssueStatus,
  Meeting,
  MinutesView,
  Solution,
  SolutionStatus,
  Store,
} from './schema.js';
import { NotFoundError, RuleError } from '../errors.js';
import { oldBusiness } from './carry-forward.js';
import { compareMeetings, describeMeeting, endInstant, hostsOf, startInstant, venueOf } from './meetings.js';
import { byId } from './ncos.js';
import { isoWithOffset } from './time.js';

/**
 * The minutes of a held meeting, as its record: who hosted, who came, the old business carried
 * in and what changed since the sector's previous meeting, issues raised, solutions agreed and
 * the next meeting. Statuses are those at the end of the meeting's day, so a draft printed weeks
 * later still records the meeting, not today.
 */
export function minutesView(store: Store, meeting: Meeting): MinutesView {
  const day = meeting.start.slice(0, 10);
  const precinct = store.precincts.find((p) => p.precinct === meeting.precinct);
  const previous = previousHeldMeeting(store, meeting);
  const since = previous ? previous.start.slice(0, 10) : null;
  const issuesById = new Map(store.issues.map((i) => [i.id, i]));
  const ncoNames = new Map(store.ncos.map((n) => [n.id, n.name]));
  const carried = oldBusiness(store, meeting);
  const carriedIds = new Set(carried.map((c) => c.issue.id));
  const raised = store.issues.filter((i) => i.meetingId === meeting.id).sort(byId);
  const next = nextMeeting(store, meeting);
  return {
    meetingId: meeting.id,
    title: meeting.title,
    precinct: meeting.precinct,
    precinctName: precinct?.name ?? `Precinct ${meeting.precinct}`,
    sector: meeting.sector,
    start: isoWithOffset(startInstant(meeting)),
    end: isoWithOffset(endInstant(meeting)),
    location: meeting.location,
    address: meeting.address,
    onlineUrl: meeting.onlineUrl,
    hosts: hostsOf(store, meeting).map((n) => ({ id: n.id, rank: n.rank, name: n.name, shield: n.shield })),
    attendance: meeting.attendance,
    previous: previous ? { id: previous.id, start: isoWithOffset(startInstant(previous)) } : null,
    oldBusiness: carried.map((c) => ({
      id: c.issue.id,
      category: c.issue.category,
      summary: c.issue.summary,
      location: c.issue.location,
      private: c.issue.private,
      statusBefore: c.status,
      status: statusAtEndOf(c.issue.history, day) ?? c.status,
      raisedOn: c.issue.raisedOn,
      raisedAt: c.raisedAt.id,
      daysOpen: c.daysOpen,
      meetingsOpen: c.meetingsOpen,
      changes: changesSince(c.issue, c.solutions, since ?? c.issue.raisedOn, day),
      solutions: c.solutions.map((s) => solutionAsOf(ncoNames, s, day)),
    })),
    discussed: store.issues
      .filter((i) => !carriedIds.has(i.id) && i.meetingId !== meeting.id)
      .map((i) => ({ issue: i, notes: notesAt(i, meeting.id) }))
      .filter(({ notes }) => notes.length > 0)
      .map(({ issue, notes }) => ({
        id: issue.id,
        category: issue.category,
        summary: issue.summary,
        private: issue.private,
        status: statusAtEndOf(issue.history, day) ?? issue.status,
        notes,
      })),
    raised: raised.map((i) => ({
      id: i.id,
      category: i.category,
      summary: i.summary,
      location: i.location,
      private: i.private,
      status: statusAtEndOf(i.history, day) ?? i.status,
    })),
    agreed: store.solutions
      .filter((s) => s.agreedAt === meeting.id)
      .sort(byId)
      .map((s) => ({
        ...solutionAsOf(ncoNames, s, day),
        private: issuesById.get(s.issueId)?.private ?? false,
      })),
    next: next ? { id: next.id, start: isoWithOffset(startInstant(next)), venue: venueOf(next) } : null,
  };
}

/** The same minutes with every private text set to null, for a copy that may leave the precinct. */
export function publicCopy(view: MinutesView): MinutesView {
  const owner = (
    s: MinutesView['agreed'][number] | MinutesView['oldBusiness'][number]['solutions'][number],
    hidden: boolean,
  ) => (hidden ? { ...s, summary: null, owner: null } : s);
  return {
    ...view,
    oldBusiness: view.oldBusiness.map((i) =>
      i.private
        ? {
            ...i,
            summary: null,
            location: null,
            changes: i.changes.map((c) => ({ ...c, note: null })),
            solutions: i.solutions.map((s) => owner(s, true)),
          }
        : i,
    ),
    discussed: view.discussed.map((i) =>
      i.private ? { ...i, summary: null, notes: i.notes.map(() => null) } : i,
    ),
    raised: view.raised.map((i) => (i.private ? { ...i, summary: null, location: null } : i)),
    agreed: view.agreed.map((s) => (s.private ? { ...owner(s, true), private: true } : s)),
  };
}

/** How many records of the minutes hold private text: what a public copy says it left out. */
export function privateCount(view: MinutesView): { issues: number; solutions: number } {
  const issues = new Set(
    [...view.oldBusiness, ...view.discussed, ...view.raised].filter((i) => i.private).map((i) => i.id),
  );
  const solutions = new Set([
    ...view.agreed.filter((s) => s.private).map((s) => s.id),
    ...view.oldBusiness.filter((i) => i.private).flatMap((i) => i.solutions.map((s) => s.id)),
  ]);
  return { issues: issues.size, solutions: solutions.size };
}

/** The held meeting whose minutes are asked for; the minutes of anything else do not exist. */
export function heldMeeting(meeting: Meeting): Meeting {
  if (meeting.status === 'held') return meeting;
  const hint =
    meeting.status === 'cancelled'
      ? `it was cancelled${meeting.cancelReason ? ` (${meeting.cancelReason})` : ''}`
      : `mark it held first: nsm meeting held ${meeting.id} --attendance <people>`;
  throw new RuleError(`${describeMeeting(meeting)} was not held, so it has no minutes`, hint);
}

export function approvedMinutesOf(store: Store, meetingId: string): ApprovedMinutes | undefined {
  return store.minutes.find((m) => m.meetingId === meetingId);
}

/**
 * The meeting at which minutes are approved: a later held meeting of the same sector, the one
 * named or else the first held after it.
 */
export function approvingMeeting(store: Store, meeting: Meeting, at: string | undefined): Meeting {
  const later = store.meetings
    .filter((m) => m.sector === meeting.sector && startInstant(m) > startInstant(meeting))
    .sort(compareMeetings);
  if (at === undefined) {
    const first = later.find((m) => m.status === 'held');
    if (first) return first;
    throw new RuleError(
      `sector ${meeting.sector} has held no meeting since ${meeting.id}; minutes are approved at a later meeting`,
      `once it is held: nsm minutes approve ${meeting.id} --at <meeting>`,
    );
  }
  const chosen = store.meetings.find((m) => m.id === at);
  if (!chosen) throw new NotFoundError(`there is no meeting ${at}`, 'list them with: nsm meeting list');
  if (chosen.sector !== meeting.sector)
    throw new RuleError(
      `${chosen.id} is a meeting of sector ${chosen.sector}, not ${meeting.sector}`,
      `approve at a later meeting of sector ${meeting.sector}`,
    );
  if (!later.includes(chosen))
    throw new RuleError(
      `${describeMeeting(chosen)} is not after ${describeMeeting(meeting)}`,
      'minutes are approved at a later meeting of the sector',
    );
  if (chosen.status !== 'held')
    throw new RuleError(
      `${describeMeeting(chosen)} was not held`,
      `minutes are approved at a meeting that took place; mark it held first: nsm meeting held ${chosen.id} --attendance <people>`,
    );
  return chosen;
}

/** The sector's next meeting after this one, held since or still ahead (not cancelled). */
function nextMeeting(store: Store, meeting: Meeting): Meeting | undefined {
  return store.meetings
    .filter(
      (m) =>
        m.sector === meeting.sector && m.status !== 'cancelled' && startInstant(m) > startInstant(meeting),
    )
    .sort(compareMeetings)[0];
}

function previousHeldMeeting(store: Store, meeting: Meeting): Meeting | undefined {
  return store.meetings
    .filter(
      (m) => m.sector === meeting.sector && m.status === 'held' && startInstant(m) < startInstant(meeting),
    )
    .sort(compareMeetings)
    .at(-1);
}

/** A record's status at the end of `day`: its last history entry on or before that day. */
function statusAtEndOf<S extends IssueStatus | SolutionStatus>(
  history: ReadonlyArray<{ on: string; status: S }>,
  day: string,
): S | null {
  let status: S | null = null;
  for (const entry of history) if (entry.on <= day) status = entry.status;
  return status;
}

/** `ncoNames`: the NCOs' names by id, looked up for each solution an NCO owns. */
function solutionAsOf(ncoNames: Map<string, string>, s: Solution, day: string) {
  const owner = s.ownerKind === 'nco' && s.owner !== null ? (ncoNames.get(s.owner) ?? s.owner) : s.owner;
  return {
    id: s.id,
    issueId: s.issueId,
    summary: s.summary,
    owner,
    due: s.due,
    // A solution recorded after the day it was agreed has no entry by then: it was agreed.
    status: statusAtEndOf(s.history, day) ?? s.history[0]?.status ?? s.status,
  };
}

/**
 * What happened to an issue and its solutions after the day `since` up to the end of `day`:
 * status changes and notes, oldest first. Corrections (edits) are record-keeping and left out.
 */
function changesSince(issue: Issue, solutions: Solution[], since: string, day: string) {
  const entries = [
    ...issue.history.map((e) => ({ ...e, record: issue.id })),
    ...solutions.flatMap((s) => s.history.map((e) => ({ ...e, record: s.id }))),
  ];
  return entries
    .filter((e) => !e.edit && e.on > since && e.on <= day)
    .sort((a, b) => a.on.localeCompare(b.on))
    .map((e) => ({ on: e.on, record: e.record, status: e.status, note: e.note }));
}

/** The notes an issue's history names this meeting in (the discussion, not corrections). */
function notesAt(issue: Issue, meetingId: string): Array<string | null> {
  return issue.history.filter((e) => !e.edit && e.meetingId === meetingId).map((e) => e.note);
}
