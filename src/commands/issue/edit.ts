import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import type { issueEdit } from '../../cli/ledger.js';
import type { Options } from '../../cli/define.js';
import { dateInNewYork } from '../../domain/dates.js';
import { findIssue, parseSummary } from '../../domain/issues.js';
import { parseIssueId } from '../../domain/ids.js';
import { editNote, editNotice, fieldChanges, nothingChanged } from '../../domain/ledger-edits.js';
import { issueRecord } from '../../domain/ledger-records.js';
import type { Issue } from '../../domain/schema.js';
import { changeStore } from '../../store/store.js';
import type { Output } from '../../render/view.js';
import { optionalText } from '../text-input.js';
import { issueFields } from './fields.js';

/** The text a private issue keeps out of public documents, and details (too long for a note). */
const WITHHELD_WHEN_PRIVATE = ['summary', 'details', 'location'];

const yesNo = (flag: boolean) => (flag ? 'yes' : 'no');

/** The values asked for, as stored text: "" clears --details and --location. */
function wanted(options: Options<typeof issueEdit>): Record<string, string | null | undefined> {
  if (options.private && options.public)
    throw new UsageError('--private and --public together', 'give one of them');
  const values = {
    summary: options.summary === undefined ? undefined : parseSummary(options.summary),
    details: options.details === undefined ? undefined : optionalText(options.details, '--details', 5000),
    location: options.location === undefined ? undefined : optionalText(options.location, '--location', 200),
    category: options.category,
    private: options.private ? 'yes' : options.public ? 'no' : undefined,
  };
  if (Object.values(values).every((v) => v === undefined))
    throw new UsageError(
      'nothing to change',
      'give at least one of --summary, --details, --location, --category, --private, --public',
    );
  return values;
}

function current(issue: Issue): Record<string, string | null> {
  return {
    summary: issue.summary,
    details: issue.details,
    location: issue.location,
    category: issue.category,
    private: yesNo(issue.private),
  };
}

export async function run(ctx: Context, options: Options<typeof issueEdit>): Promise<Output> {
  const id = parseIssueId(options.issue);
  const values = wanted(options);
  const today = dateInNewYork(ctx.now());
  const { issue, record, changes } = await changeStore(
    ctx,
    (store) => {
      const issue = findIssue(store, id);
      const changes = fieldChanges(current(issue), values);
      if (changes.length === 0) throw nothingChanged(id, id);
      // Private before or after: its text stays out of the note (a public document may quote notes).
      const wasOrIsPrivate = issue.private || values.private === 'yes';
      const note = editNote(changes, wasOrIsPrivate ? WITHHELD_WHEN_PRIVATE : ['details']);
      for (const c of changes) apply(issue, c.field, c.to);
      issue.history.push({ on: today, status: issue.status, note, meetingId: null, edit: changes });
      return { issue, record: issueRecord(store, issue), changes };
    },
    { issue: id },
  );
  return { json: record, blocks: [issueFields(issue, true)], notices: [editNotice(record.id, changes)] };
}

function apply(issue: Issue, field: string, to: string | null): void {
  if (field === 'summary') issue.summary = to!;
  else if (field === 'details') issue.details = to;
  else if (field === 'location') issue.location = to;
  else if (field === 'category') issue.category = to!;
  else if (field === 'private') issue.private = to === 'yes';
}
