import type { Context } from '../../context.js';
import { RuleError, UsageError } from '../../errors.js';
import type { solutionEdit } from '../../cli/ledger.js';
import type { Options } from '../../cli/define.js';
import { dateInNewYork, parsePlannedDate } from '../../domain/dates.js';
import { findIssue, parseSummary } from '../../domain/issues.js';
import { parseSolutionId } from '../../domain/ids.js';
import { editNote, editNotice, fieldChanges, nothingChanged } from '../../domain/ledger-edits.js';
import { solutionRecord } from '../../domain/ledger-records.js';
import type { Solution, Store } from '../../domain/schema.js';
import { findSolution, parseOwner } from '../../domain/solutions.js';
import { ncoIdIn } from '../../domain/ncos.js';
import { changeStore } from '../../store/store.js';
import type { Output } from '../../render/view.js';
import { solutionFields } from './fields.js';

/** `none` clears an owner or a due date. */
const isNone = (input: string) => input.trim().toLowerCase() === 'none';

function parseDue(input: string | undefined, today: string): string | null | undefined {
  if (input === undefined) return undefined;
  return isNone(input) ? null : parsePlannedDate(input, '--due', today);
}

type Owner = ReturnType<typeof parseOwner> | { owner: null; ownerKind: null };

/** The owner asked for; an NCO id is looked up in the store, so this runs under the lock. */
function parseNewOwner(store: Store, input: string | undefined): Owner | undefined {
  if (input === undefined) return undefined;
  return isNone(input) ? { owner: null, ownerKind: null } : parseOwner(store, input);
}

export async function run(ctx: Context, options: Options<typeof solutionEdit>): Promise<Output> {
  const id = parseSolutionId(options.solution);
  const summary = options.summary === undefined ? undefined : parseSummary(options.summary);
  const today = dateInNewYork(ctx.now());
  const due = parseDue(options.due, today);
  if (summary === undefined && options.owner === undefined && due === undefined)
    throw new UsageError('nothing to change', 'give at least one of --summary, --owner, --due');
  const { solution, record, changes } = await changeStore(
    ctx,
    (store) => {
      const solution = findSolution(store, id);
      const issue = findIssue(store, solution.issueId);
      if (due != null && due < issue.raisedOn)
        throw new RuleError(
          `--due ${due} is before ${issue.id} was raised (${issue.raisedOn})`,
          `give a due date on or after ${issue.raisedOn}`,
        );
      const owner = parseNewOwner(store, options.owner);
      const changes = fieldChanges(
        { summary: solution.summary, owner: solution.owner, due: solution.due },
        { summary, owner: owner?.owner, due },
      );
      if (changes.length === 0) throw nothingChanged(id, issue.id);
      // A private issue's solutions show no summary or community owner in public: neither does the note.
      const note = editNote(changes, issue.private ? ['summary', 'owner'] : []);
      apply(solution, { summary, owner, due });
      solution.history.push({ on: today, status: solution.status, note, meetingId: null, edit: changes });
      return { solution, record: solutionRecord(solution, today), changes };
    },
    { solution: id, ncos: [ncoIdIn(options.owner)] },
  );
  return { json: record, blocks: [solutionFields(solution)], notices: [editNotice(record.id, changes)] };
}

function apply(
  solution: Solution,
  values: { summary: string | undefined; owner: Owner | undefined; due: string | null | undefined },
): void {
  if (values.summary !== undefined) solution.summary = values.summary;
  if (values.owner !== undefined) Object.assign(solution, values.owner);
  if (values.due !== undefined) solution.due = values.due;
}
