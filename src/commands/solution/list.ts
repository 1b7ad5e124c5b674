import type { Context } from '../../context.js';
import type { solutionList } from '../../cli/ledger.js';
import type { Options } from '../../cli/define.js';
import { dateInNewYork } from '../../domain/dates.js';
import { solutionRecord } from '../../domain/ledger-records.js';
import { isOverdue } from '../../domain/solutions.js';
import { loadStore } from '../../store/load.js';
import { sliceOfScope } from '../../store/slice.js';
import { assertScopeExists, inScope, parseScope } from '../scope.js';
import { table, type Output } from '../../render/view.js';
import { dueCell } from './fields.js';

export async function run(ctx: Context, options: Options<typeof solutionList>): Promise<Output> {
  const scope = parseScope(options);
  const { status } = options;
  const owner = options.owner?.trim().toLowerCase();
  const today = dateInNewYork(ctx.now());
  const store = await loadStore(ctx, sliceOfScope(scope));
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
  return {
    json: solutions.map((s) => solutionRecord(s, today)),
    blocks: [
      table(
        ['ID', 'Issue', 'Sector', 'Summary', 'Owner', 'Due', 'Status'],
        solutions.map((s) => [
          s.id,
          s.issueId,
          issues.get(s.issueId)?.sector,
          // The coordinator's own list shows everything, marked as the issue lists mark it.
          `${s.summary}${issues.get(s.issueId)?.private ? ' (private)' : ''}`,
          s.owner,
          dueCell(s),
          s.status,
        ]),
        options.overdue ? 'Nothing is overdue.' : 'No solution matches.',
      ),
    ],
  };
}
