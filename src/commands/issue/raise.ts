import type { Context } from '../../context.js';
import { RuleError, UsageError } from '../../errors.js';
import type { raise } from '../../cli/ledger.js';
import type { Options } from '../../cli/define.js';
import { parseSummary } from '../../domain/issues.js';
import { issueRecord } from '../../domain/ledger-records.js';
import { findMeeting, startInstant } from '../../domain/meetings.js';
import { parseMeetingId } from '../../domain/ids.js';
import type { Issue } from '../../domain/schema.js';
import { friendly } from '../../domain/time.js';
import { changeStore } from '../../store/store.js';
import type { Output } from '../../render/view.js';
import { optionalText } from '../text-input.js';
import { issueFields } from './fields.js';

export async function run(ctx: Context, options: Options<typeof raise>): Promise<Output> {
  if (options.meeting === undefined)
    throw new UsageError(
      'missing --meeting',
      'give the meeting where it was raised, for example --meeting M1 (nsm meeting list)',
    );
  const meetingId = parseMeetingId(options.meeting);
  const summary = parseSummary(options.summary);
  const location = optionalText(options.location, '--location', 200);
  const details = optionalText(options.details, '--details', 5000);
  const raisedBy = optionalText(options.raisedBy, '--raised-by', 120);

  const { issue, record } = await changeStore(
    ctx,
    (store) => {
      const meeting = findMeeting(store, meetingId);
      // An issue is raised by residents at a meeting that took place: not at a cancelled one, nor ahead of time.
      if (meeting.status === 'cancelled') {
        throw new RuleError(
          `${meeting.id} was cancelled, so nothing was raised there`,
          `raise it at the sector's next meeting (nsm meeting next --sector ${meeting.sector})`,
        );
      }
      if (startInstant(meeting) > ctx.now()) {
        throw new RuleError(
          `${meeting.id} has not taken place yet (${friendly(meeting.start)})`,
          'raise issues at or after the meeting; open issues are carried to the next meeting automatically',
        );
      }
      const raisedOn = meeting.start.slice(0, 10);
      const issue: Issue = {
        id: `I${store.nextId.issue++}`,
        meetingId: meeting.id,
        precinct: meeting.precinct,
        sector: meeting.sector,
        category: options.category ?? 'other',
        summary,
        details,
        location,
        raisedBy,
        private: Boolean(options.private),
        status: 'open',
        raisedOn,
        history: [{ on: raisedOn, status: 'open', note: `raised at ${meeting.id}`, meetingId: meeting.id }],
        createdAt: ctx.now().toISOString(),
      };
      store.issues.push(issue);
      return { issue, record: issueRecord(store, issue) };
    },
    // A new issue needs its meeting and no other record of the ledger: the slice leaves them out.
    { meeting: meetingId, meetingsOnly: true },
  );
  return {
    json: record,
    blocks: [issueFields(issue)],
    notices: [
      `Raised ${record.id} (${record.category}) at ${record.meetingId}, sector ${record.sector}${record.private ? ', marked private' : ''}. Agree a solution with: nsm solution add ${record.id} --summary …`,
    ],
  };
}
