import type { Context } from '../../context.js';
import { RuleError, UsageError } from '../../errors.js';
import { dateInNewYork } from '../../domain/dates.js';
import { assertIssueMove, findIssue, parseIssueStatus, parseNote } from '../../domain/issues.js';
import { parseIssueId, parseMeetingId } from '../../domain/ids.js';
import { issueRecord } from '../../domain/ledger-records.js';
import { findMeeting, startInstant } from '../../domain/meetings.js';
import { changeStore } from '../../store/store.js';
import { text, type Output } from '../../render/view.js';

export interface IssueUpdateOptions {
  issue: string;
  status?: string;
  note?: string;
  meeting?: string;
}

export async function run(ctx: Context, options: IssueUpdateOptions): Promise<Output> {
  const id = parseIssueId(options.issue);
  if (options.status === undefined)
    throw new UsageError('missing --status', 'give the new status: open, in-progress, resolved or closed');
  const status = parseIssueStatus(options.status);
  const note = parseNote(options.note, 'DOT installed a speed bump');
  const meetingId = options.meeting === undefined ? null : parseMeetingId(options.meeting);
  const today = dateInNewYork(ctx.now());
  const { record, from } = await changeStore(ctx, (store) => {
    const issue = findIssue(store, id);
    if (meetingId !== null) {
      const meeting = findMeeting(store, meetingId);
      if (meeting.sector !== issue.sector)
        throw new RuleError(
          `${meeting.id} is a meeting of ${meeting.sector}, and ${issue.id} belongs to ${issue.sector}`,
          `name a meeting of ${issue.sector} (nsm meeting list --sector ${issue.sector})`,
        );
      if (meeting.status === 'cancelled')
        throw new RuleError(
          `${meeting.id} was cancelled, so nothing was discussed there`,
          'leave out --meeting, or name the meeting that took place',
        );
      if (startInstant(meeting) > ctx.now())
        throw new RuleError(
          `${meeting.id} has not taken place yet`,
          'record the change at or after the meeting',
        );
    }
    assertIssueMove(issue, status);
    const from = issue.status;
    issue.status = status;
    issue.history.push({ on: today, status, note, meetingId });
    return { record: issueRecord(store, issue), from };
  });
  return {
    json: record,
    blocks: [text(`${record.id}\t${record.status}`)],
    notices: [`${record.id}: ${from} → ${status}${meetingId ? ` at ${meetingId}` : ''}.`],
  };
}
