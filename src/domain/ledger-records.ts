import type { Issue, Solution, Store } from './schema.js';
import { isOverdue } from './solutions.js';

/** The JSON shapes of issues and solutions (cli.md, "JSON fields that scripts rely on"). */

export function issueRecord(store: Store, issue: Issue) {
  return issueRecords(store, [issue])[0]!;
}

/**
 * The records of many issues. Their solutions are grouped in one pass over the store: filtering
 * every solution for each issue was quadratic on a city's store.
 */
export function issueRecords(store: Store, issues: Issue[]) {
  const solutionIds = new Map<string, string[]>(issues.map((i) => [i.id, []]));
  for (const s of store.solutions) solutionIds.get(s.issueId)?.push(s.id);
  return issues.map((i) => recordOf(i, solutionIds.get(i.id)!));
}

function recordOf(issue: Issue, solutionIds: string[]) {
  return {
    id: issue.id,
    meetingId: issue.meetingId,
    precinct: issue.precinct,
    sector: issue.sector,
    category: issue.category,
    summary: issue.summary,
    details: issue.details,
    location: issue.location,
    raisedBy: issue.raisedBy,
    status: issue.status,
    private: issue.private,
    raisedOn: issue.raisedOn,
    history: issue.history.map((h) => ({ ...h })),
    solutions: solutionIds,
  };
}

export function solutionRecord(solution: Solution, today: string) {
  return {
    id: solution.id,
    issueId: solution.issueId,
    summary: solution.summary,
    owner: solution.owner,
    ownerKind: solution.ownerKind,
    due: solution.due,
    status: solution.status,
    overdue: isOverdue(solution, today),
    agreedAt: solution.agreedAt,
    history: solution.history.map((h) => ({ ...h })),
  };
}

/** Counts of a set of issues by status, for the show commands. */
export function issueCounts(issues: Issue[]) {
  const counts = { open: 0, 'in-progress': 0, resolved: 0, closed: 0 };
  for (const i of issues) counts[i.status]++;
  return counts;
}
