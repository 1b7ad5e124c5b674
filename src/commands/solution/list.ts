import type { Context } from '../../context.js';
import { dateInNewYork } from '../../domain/dates.js';
import { solutionRecord } from '../../domain/ledger-records.js';
import { isOverdue, parseSolutionStatus } from '../../domain/solutions.js';
import { loadStore } from '../../store/store.js';
import { assertScopeExists, inScope, parseScope } from '../scope.js';
import { table, type Output } from '../../render/view.js';

export interface SolutionListOptions {
  precinct?: string;
  sector?: string;
  owner?: string;
  overdue?: boolean;
  status?: string;
}

export async function run(ctx: Context, options: SolutionListOptions): Promise<Output> {
  const scope = parseScope(options);
  const status = options.status === undefined ? undefined : parseSolutionStatus(options.status);
  const owner = options.owner?.trim().toLowerCase();
  const today = dateInNewYork(ctx.now());
  const store = await loadStore(ctx);
  assertScopeExists(store, scope);
  const issues = new Map(store.issues.map((i) => [i.id, i]));
  const solutions = store.solutions
    .filter((s) => {
      const issue = issues.get(s.issueId);
      return (
        issue !== undefined &&
        inScope(scope, issue) &&
        (owner === undefined || s.owner?.toLowerCase() === owner) &&
        (status === undefined || s.status === status) &&
        (!options.overdue || isOverdue(s, today))
      );
    })
    .sort(
      (a, b) =>
        (a.due ?? '9999').localeCompare(b.due ?? '9999') || Number(a.id.slice(1)) - Number(b.id.slice(1)),
    );
  const records = solutions.map((s) => solutionRecord(s, today));
  return {
    json: records,
    blocks: [
      table(
        ['ID', 'Issue', 'Sector', 'Summary', 'Owner', 'Due', 'Status'],
        records.map((s) => [
          s.id,
          s.issueId,
          issues.get(s.issueId)?.sector,
          s.summary,
          s.owner,
          s.due,
          s.overdue ? `${s.status} (overdue)` : s.status,
        ]),
        options.overdue ? 'Nothing is overdue.' : 'No solution matches.',
      ),
    ],
  };
}
