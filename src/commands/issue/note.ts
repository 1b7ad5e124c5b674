import type { Context } from '../../context.js';
import type { noteCommand } from '../../cli/ledger.js';
import type { Options } from '../../cli/define.js';
import { dateInNewYork } from '../../domain/dates.js';
import { findIssue, noteIssue, parseNote } from '../../domain/issues.js';
import { parseIssueId, parseMeetingId } from '../../domain/ids.js';
import { issueRecord } from '../../domain/ledger-records.js';
import { latestMeetingOf, meetingThatTookPlace } from '../../domain/ledger-meetings.js';
import { changeStore } from '../../store/store.js';
import type { Output } from '../../render/view.js';
import { issueFields } from './fields.js';

/** Logs that an issue was discussed (progress, a resident's update) without changing its status. */
export async function run(ctx: Context, options: Options<typeof noteCommand>): Promise<Output> {
  const id = parseIssueId(options.issue);
  const note = parseNote(options.note, 'DOT survey still pending', 'say what was discussed or done');
  const meetingId = options.meeting === undefined ? undefined : parseMeetingId(options.meeting);
  const today = dateInNewYork(ctx.now());
  const { issue, record } = await changeStore(
    ctx,
    (store) => {
      const issue = findIssue(store, id);
      const meeting =
        meetingId === undefined
          ? latestMeetingOf(store, issue.sector, issue.meetingId, ctx.now())
          : meetingThatTookPlace(store, meetingId, issue, ctx.now());
      noteIssue(issue, { on: today, note, meetingId: meeting?.id ?? null });
      return { issue, record: issueRecord(store, issue) };
    },
    { issue: id, meetings: [meetingId] },
  );
  const at = issue.history.at(-1)!.meetingId;
  return {
    json: record,
    blocks: [issueFields(issue, true)],
    notices: [`Noted on ${record.id} (still ${record.status})${at ? `, discussed at ${at}` : ''}.`],
  };
}
