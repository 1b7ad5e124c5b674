import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { dateInNewYork } from '../../domain/dates.js';
import { parseNote } from '../../domain/issues.js';
import { solutionRecord } from '../../domain/ledger-records.js';
import { assertSolutionMove, findSolution, parseSolutionStatus } from '../../domain/solutions.js';
import { parseSolutionId } from '../../domain/ids.js';
import { changeStore } from '../../store/store.js';
import { text, type Output } from '../../render/view.js';

export interface SolutionUpdateOptions {
  solution: string;
  status?: string;
  note?: string;
}

export async function run(ctx: Context, options: SolutionUpdateOptions): Promise<Output> {
  const id = parseSolutionId(options.solution);
  if (options.status === undefined)
    throw new UsageError('missing --status', 'give the new status: agreed, in-progress, done or dropped');
  const status = parseSolutionStatus(options.status);
  const note = parseNote(options.note, 'DSNY cleared the lot on Monday');
  const today = dateInNewYork(ctx.now());
  const { record, from } = await changeStore(ctx, (store) => {
    const solution = findSolution(store, id);
    assertSolutionMove(solution, status);
    const from = solution.status;
    solution.status = status;
    solution.history.push({ on: today, status, note, meetingId: null });
    return { record: solutionRecord(solution, today), from };
  });
  return {
    json: record,
    blocks: [text(`${record.id}\t${record.status}`)],
    notices: [`${record.id}: ${from} → ${status}.`],
  };
}
