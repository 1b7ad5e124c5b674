import type { Issue, IssueStatus, Store } from './schema.js';
import { NotFoundError, RuleError, UsageError } from '../errors.js';
import { CATEGORIES, type Category } from './categories.js';
import { parseChoice } from './choice.js';

export { CATEGORIES, type Category };

export function parseCategory(input: string, flag = '--category'): Category {
  return parseChoice(input, flag, CATEGORIES, 'a category');
}

export function findIssue(store: Store, id: string): Issue {
  const found = store.issues.find((i) => i.id === id);
  if (!found) throw noSuchIssue(id, store.issues.length > 0);
  return found;
}

/** The error for an issue id nothing holds; the hint depends on whether there are issues at all. */
export function noSuchIssue(id: string, anyIssues: boolean): NotFoundError {
  return new NotFoundError(
    `there is no issue ${id}`,
    anyIssues
      ? 'list them with: nsm issue list'
      : 'raise one with: nsm issue raise --meeting <m> --summary …',
  );
}

/**
 * Where an issue may go next. It is worked on, resolved, then closed; an issue that comes back
 * is reopened, and one that is not a police matter can be closed straight away.
 */
const ISSUE_MOVES: Record<IssueStatus, IssueStatus[]> = {
  open: ['in-progress', 'resolved', 'closed'],
  'in-progress': ['open', 'resolved', 'closed'],
  resolved: ['open', 'closed'],
  closed: ['open'],
};

export function assertIssueMove(issue: Issue, to: IssueStatus): void {
  if (issue.status === to)
    throw new RuleError(
      `${issue.id} is already ${to}`,
      `to record progress without a change of status: nsm issue note ${issue.id} --note …`,
    );
  if (!ISSUE_MOVES[issue.status].includes(to)) {
    throw new RuleError(
      `${issue.id} cannot go from ${issue.status} to ${to}`,
      `from ${issue.status} it can go to: ${ISSUE_MOVES[issue.status].join(', ')}`,
    );
  }
}

/** Open and in-progress issues are the ones a sector still has to work on. */
export function isOutstanding(status: IssueStatus): boolean {
  return status === 'open' || status === 'in-progress';
}

/** The issue's status as it stood before the day `date` began (what an agenda for that day sees). */
export function statusBefore(issue: Issue, date: string): IssueStatus | null {
  let status: IssueStatus | null = null;
  for (const entry of issue.history) if (entry.on < date) status = entry.status;
  return status;
}

/** A required note (a status change, a discussion): non-empty, at most 2,000 characters. */
export function parseNote(
  input: string | undefined,
  example: string,
  why = 'every status change carries a note',
): string {
  if (input === undefined) throw new UsageError('missing --note', `${why}, for example --note "${example}"`);
  const text = input.trim();
  if (text === '')
    throw new UsageError('--note is empty', `say what happened, for example --note "${example}"`);
  if (text.length > 2000)
    throw new UsageError(`--note is ${text.length} characters long`, 'keep it to 2,000 characters');
  return text;
}

/** A summary line: non-empty, at most 200 characters (longer text belongs in --details). */
export function parseSummary(input: string | undefined): string {
  if (input === undefined)
    throw new UsageError(
      'missing --summary',
      'say what it is in a line, for example --summary "Double parking outside P.S. 190 at dismissal"',
    );
  const text = input.trim();
  if (text === '') throw new UsageError('--summary is empty', 'say what it is in a line');
  if (text.length > 200)
    throw new UsageError(
      `--summary is ${text.length} characters long`,
      'keep it to 200 characters and put the rest in --details',
    );
  return text;
}

/**
 * Records that an issue was discussed without changing its status: a history entry that keeps
 * the current status. It is told from a status change by that alone (the entry before it has the
 * same status), so the store format needs no new field.
 */
export function noteIssue(issue: Issue, entry: { on: string; note: string; meetingId: string | null }): void {
  issue.history.push({ ...entry, status: issue.status });
}
