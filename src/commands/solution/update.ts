import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import type { solutionUpdate } from '../../cli/ledger.js';
import type { Options } from '../../cli/define.js';
import { dateInNewYork } from '../../domain/dates.js';
import { findIssue, parseNote } from '../../domain/issues.js';
import { insertInOrder, recordedOn } from '../../domain/ledger-edits.js';
import { solutionRecord } from '../../domain/ledger-records.js';
import { SOLUTION_STATUSES } from '../../domain/schema.js';
import { assertSolutionMove, findSolution } from '../../domain/solutions.js';
import { parseSolutionId } from '../../domain/ids.js';
import { changeStore } from '../../store/store.js';
import type { Output } from '../../render/view.js';
import { solutionFields } from './fields.js';

export async function run(ctx: Context, options: Options<typeof solutionUpdate>): Promise<Output> {
  const id = parseSolutionId(options.solution);
  const status = options.status;
  if (status === undefined)
    throw new UsageError('missing --status', `give the new status: ${SOLUTION_STATUSES.join(', ')}`);
  const note = parseNote(options.note, 'DSNY cleared the lot on Monday');
  const today = dateInNewYork(ctx.now());
  const { solution, record, from, on } = await changeStore(
    ctx,
    (store) => {
      const solution = findSolution(store, id);
      assertSolutionMove(solution, status);
      const { raisedOn } = findIssue(store, solution.issueId);
      const on = recordedOn(options.on, today, { ...solution, raisedOn });
      const from = solution.status;
      solution.status = status;
      insertInOrder(solution.history, { on, status, note, meetingId: null });
      return { solution, record: solutionRecord(solution, today), from, on };
    },
    { solution: id },
  );
  return {
    json: record,
    blocks: [solutionFields(solution)],
    notices: [`${record.id}: ${from} → ${status}${on === today ? '' : `, recorded on ${on}`}.`],
  };
}
