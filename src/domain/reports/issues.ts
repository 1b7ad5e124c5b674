import type { Issue, IssueStatus, Meeting, Solution, Store } from '../schema.js';
import { CATEGORIES } from '../categories.js';
import { daysBetween } from '../calendar.js';
import { isOutstanding } from '../issues.js';
import { groupBy, prefixLength } from '../lookup.js';
import { sortMeetings } from '../meetings.js';
import { sectorsOf } from '../records.js';
import { isOverdue } from '../solutions.js';

/**
 * The issues report (`nsm report issues`): what residents raised in a period and where it stands
 * today. Every part counts private issues; none carries their text (summary, location, or the
 * name of a resident who owns a solution), as in a public agenda.
 */

/** A precinct, one sector (with its precinct), or the whole city (both null). */
export interface ReportScope {
  precinct: number | null;
  sector: string | null;
}

/** Issues raised from `from` to `to`, both days included; null leaves that end open. */
export interface Period {
  from: string | null;
  to: string | null;
}

/** Counts by today's status; `inProgress` is the camelCase of in-progress. */
export interface StatusCounts {
  open: number;
  inProgress: number;
  resolved: number;
  closed: number;
  total: number;
}

export interface OpenIssue {
  id: string;
  sector: string;
  category: string;
  status: IssueStatus;
  raisedOn: string;
  daysOpen: number;
  private: boolean;
  /** Null for a private issue. */
  summary: string | null;
  location: string | null;
}

export interface OverdueSolution {
  id: string;
  issueId: string;
  sector: string;
  private: boolean;
  /** Null when the issue is private. */
  summary: string | null;
  /** An NCO by name, an agency; null when unset, or a resident's name on a private issue. */
  owner: string | null;
  ownerKind: Solution['ownerKind'];
  due: string;
  daysOverdue: number;
}

export interface MeetingCounts {
  id: string;
  sector: string;
  date: string;
  raised: number;
  resolved: number;
}

export interface IssuesReport {
  asOf: string;
  scope: ReportScope;
  period: Period;
  byCategory: Array<{ category: string } & StatusCounts>;
  totals: StatusCounts;
  bySector: Array<{ sector: string; raised: number } & Omit<StatusCounts, 'total'>>;
  /** Median whole days from raised to resolved (or closed), over `count` issues; null when none. */
  resolution: { median: number | null; count: number };
  /** Open and in-progress issues, oldest first, at most OLDEST_SHOWN (`totals` has how many in all). */
  oldestOpen: OpenIssue[];
  overdueSolutions: OverdueSolution[];
  meetings: MeetingCounts[];
}

/** How many open issues the report lists. */
export const OLDEST_SHOWN = 10;

export function issuesReport(store: Store, scope: ReportScope, period: Period, today: string): IssuesReport {
  const issues = store.issues.filter((i) => inScope(scope, i) && inPeriod(period, i.raisedOn));
  const kept = new Set(issues.map((i) => i.id));
  return {
    asOf: today,
    scope,
    period,
    byCategory: byCategory(issues),
    totals: countStatuses(issues),
    bySector: bySector(store, scope, issues),
    resolution: resolution(issues),
    oldestOpen: oldestOpen(issues, today),
    overdueSolutions: overdueSolutions(
      store,
      issues,
      store.solutions.filter((s) => kept.has(s.issueId) && isOverdue(s, today)),
      today,
    ),
    meetings: meetingCounts(store, scope, period),
  };
}

function inScope(scope: ReportScope, record: { precinct: number; sector: string }): boolean {
  return (
    (scope.precinct === null || record.precinct === scope.precinct) &&
    (scope.sector === null || record.sector === scope.sector)
  );
}

function inPeriod(period: Period, day: string): boolean {
  return (period.from === null || day >= period.from) && (period.to === null || day <= period.to);
}

function countStatuses(issues: Issue[]): StatusCounts {
  const counts = { open: 0, inProgress: 0, resolved: 0, closed: 0, total: issues.length };
  for (const i of issues) counts[i.status === 'in-progress' ? 'inProgress' : i.status]++;
  return counts;
}

/** Categories that have issues: the documented list's order, then any others (older data) by name. */
function byCategory(issues: Issue[]): IssuesReport['byCategory'] {
  const rank = (c: string) => {
    const at = (CATEGORIES as readonly string[]).indexOf(c);
    return at === -1 ? CATEGORIES.length : at;
  };
  const ofCategory = groupBy(issues, (i) => i.category);
  const categories = [...ofCategory.keys()].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  return categories.map((category) => ({ category, ...countStatuses(ofCategory.get(category)!) }));
}

/** Each sector shown with its counts; the issues are grouped by sector once, not filtered per sector. */
function bySector(store: Store, scope: ReportScope, issues: Issue[]): IssuesReport['bySector'] {
  const ofSector = groupBy(issues, (i) => i.sector);
  return sectorsShown(store, scope, issues).map((sector) => {
    const { total, ...counts } = countStatuses(ofSector.get(sector) ?? []);
    return { sector, raised: total, ...counts };
  });
}

/**
 * The sectors the report lists: every sector of a precinct or sector asked for (a sector that
 * raised nothing says so too), and across the city only those that raised something.
 */
function sectorsShown(store: Store, scope: ReportScope, issues: Issue[]): string[] {
  const ids = new Set(issues.map((i) => i.sector));
  if (scope.sector !== null) ids.add(scope.sector);
  else if (scope.precinct !== null) for (const s of sectorsOf(store, scope.precinct)) ids.add(s.id);
  const key = (id: string) => [Number(id.slice(0, -1)), id.slice(-1)] as const;
  return [...ids].sort((a, b) => key(a)[0] - key(b)[0] || key(a)[1].localeCompare(key(b)[1]));
}

/**
 * When an issue was resolved: its first resolved or closed entry, for an issue that is resolved
 * or closed now (one reopened since is not resolved).
 */
function resolutionOf(issue: Issue): Issue['history'][number] | undefined {
  if (isOutstanding(issue.status)) return undefined;
  return issue.history.find((h) => h.status === 'resolved' || h.status === 'closed');
}

function resolution(issues: Issue[]): IssuesReport['resolution'] {
  const days = issues
    .flatMap((i) => {
      const resolved = resolutionOf(i);
      return resolved ? [daysBetween(i.raisedOn, resolved.on)] : [];
    })
    .sort((a, b) => a - b);
  return { median: median(days), count: days.length };
}

/** The middle value of sorted numbers; with an even count, the mean of the two middle ones. */
export function median(sorted: number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function oldestOpen(issues: Issue[], today: string): OpenIssue[] {
  return issues
    .filter((i) => isOutstanding(i.status))
    .sort((a, b) => a.raisedOn.localeCompare(b.raisedOn) || idNumber(a.id) - idNumber(b.id))
    .slice(0, OLDEST_SHOWN)
    .map((i) => ({
      id: i.id,
      sector: i.sector,
      category: i.category,
      status: i.status,
      raisedOn: i.raisedOn,
      daysOpen: daysBetween(i.raisedOn, today),
      private: i.private,
      summary: i.private ? null : i.summary,
      location: i.private ? null : i.location,
    }));
}

/** Most overdue first. An NCO owner reads as the officer's name; agencies and NCOs are never private. */
function overdueSolutions(
  store: Store,
  issues: Issue[],
  solutions: Solution[],
  today: string,
): OverdueSolution[] {
  const issueOf = new Map(issues.map((i) => [i.id, i]));
  const nameOf = new Map(store.ncos.map((n) => [n.id, n.name]));
  return solutions
    .map((s) => {
      const issue = issueOf.get(s.issueId)!;
      const due = s.due!;
      const named = s.ownerKind === 'nco' || s.ownerKind === 'agency';
      return {
        id: s.id,
        issueId: issue.id,
        sector: issue.sector,
        private: issue.private,
        summary: issue.private ? null : s.summary,
        owner:
          issue.private && !named
            ? null
            : s.ownerKind === 'nco'
              ? (nameOf.get(s.owner!) ?? s.owner)
              : s.owner,
        ownerKind: s.ownerKind,
        due,
        daysOverdue: daysBetween(due, today),
      };
    })
    .sort((a, b) => a.due.localeCompare(b.due) || idNumber(a.id) - idNumber(b.id));
}

/**
 * Held meetings in scope and period, with the issues each raised and resolved. A resolution is
 * credited to the held meeting its entry names (`issue update --meeting`); one that names none
 * goes to the sector's latest held meeting on or before its date, the meeting whose follow-up it
 * was. Resolved counts every issue in scope, whenever it was raised: the meeting's work, not the
 * period's issues.
 */
function meetingCounts(store: Store, scope: ReportScope, period: Period): MeetingCounts[] {
  const held = heldMeetings(store);
  const raised = new Map<string, number>();
  const resolved = new Map<string, number>();
  for (const issue of store.issues) {
    if (!inScope(scope, issue)) continue;
    raised.set(issue.meetingId, (raised.get(issue.meetingId) ?? 0) + 1);
    const credited = creditedMeeting(issue, held);
    if (credited) resolved.set(credited.id, (resolved.get(credited.id) ?? 0) + 1);
  }
  return held.all
    .filter((m) => inScope(scope, m) && inPeriod(period, m.start.slice(0, 10)))
    .map((m) => ({
      id: m.id,
      sector: m.sector,
      date: m.start.slice(0, 10),
      raised: raised.get(m.id) ?? 0,
      resolved: resolved.get(m.id) ?? 0,
    }));
}

/**
 * The held meetings soonest first, by id and by sector (each sector's soonest first). Built once
 * per report: finding and filtering the whole list for every issue was quadratic on a city's store.
 */
interface HeldMeetings {
  all: Meeting[];
  byId: Map<string, Meeting>;
  bySector: Map<string, Meeting[]>;
}

function heldMeetings(store: Store): HeldMeetings {
  const all = sortMeetings(store.meetings.filter((m) => m.status === 'held'));
  return { all, byId: new Map(all.map((m) => [m.id, m])), bySector: groupBy(all, (m) => m.sector) };
}

function creditedMeeting(issue: Issue, held: HeldMeetings): Meeting | undefined {
  const entry = resolutionOf(issue);
  if (!entry) return undefined;
  const named = entry.meetingId === null ? undefined : held.byId.get(entry.meetingId);
  if (named) return named;
  // Dates in start order never go back (a New York day's instants all come before the next day's),
  // so the sector's meetings on or before the entry's date lead its list.
  const sector = held.bySector.get(issue.sector) ?? [];
  return sector[prefixLength(sector.length, (i) => sector[i]!.start.slice(0, 10) <= entry.on) - 1];
}

function idNumber(id: string): number {
  return Number(id.slice(1));
}
