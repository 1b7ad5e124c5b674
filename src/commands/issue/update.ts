import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import type { update } from '../../cli/ledger.js';
import type { Options } from '../../cli/define.js';
import { dateInNewYork } from '../../domain/dates.js';
import { assertIssueMove, findIssue, parseNote } from '../../domain/issues.js';
import { parseIssueId, parseMeetingId } from '../../domain/ids.js';
import { insertInOrder, recordedOn } from '../../domain/ledger-edits.js';
import { issueRecord } from '../../domain/ledger-records.js';
import { meetingThatTookPlace } from '../../domain/ledger-meetings.js';
import { ISSUE_STATUSES } from '../../domain/schema.js';
import { changeStore } from '../../store/store.js';
import type { Output } from '../../render/view.js';
import { issueFields } from './fields.js';

export async function run(ctx: Context, options: Options<typeof update>): Promise<Output> {
  const id = parseIssueId(options.issue);
  const status = options.status;
  if (status === undefined)
    throw new UsageError('missing --status', `give the new status: ${ISSUE_STATUSES.join(', ')}`);
  const note = parseNote(options.note, 'DOT installed a speed bump');
  const meetingId = options.meeting === undefined ? null : parseMeetingId(options.meeting);
  const today = dateInNewYork(ctx.now());
  const { issue, record, from, on } = await changeStore(
    ctx,
    (store) => {
      const issue = findIssue(store, id);
      if (meetingId !== null) meetingThatTookPlace(store, meetingId, issue, ctx.now());
      assertIssueMove(issue, status);
      const on = recordedOn(options.on, today, { ...issue, issueId: issue.id });
      const from = issue.status;
      issue.status = status;
      insertInOrder(issue.history, { on, status, note, meetingId });
      return { issue, record: issueRecord(store, issue), from, on };
    },
    { issue: id, meetings: [meetingId] },
  );
  return {
    json: record,
    blocks: [issueFields(issue, true)],
    notices: [
      `${record.id}: ${from} → ${status}${meetingId ? ` at ${meetingId}` : ''}${on === today ? '' : `, recorded on ${on}`}.`,
    ],
  };
}
