import type { Context } from '../../context.js';
import type { approve } from '../../cli/documents.js';
import type { Options } from '../../cli/define.js';
import { RuleError } from '../../errors.js';
import { parseMeetingId } from '../../domain/ids.js';
import { findMeeting } from '../../domain/meetings.js';
import { approvedMinutesOf, approvingMeeting, heldMeeting, minutesView } from '../../domain/minutes.js';
import type { ApprovedMinutes } from '../../domain/schema.js';
import type { Output } from '../../render/view.js';
import { changeStore } from '../../store/store.js';
import { approvalFields, approvalJson } from './fields.js';

export async function run(ctx: Context, options: Options<typeof approve>): Promise<Output> {
  const id = parseMeetingId(options.meeting);
  const at = options.at === undefined ? undefined : parseMeetingId(options.at);
  const record = await changeStore(
    ctx,
    (store) => {
      const meeting = heldMeeting(findMeeting(store, id));
      const earlier = approvedMinutesOf(store, meeting.id);
      if (earlier)
        throw new RuleError(
          `the minutes of ${meeting.id} were already approved at ${earlier.approvedAt} (${earlier.approvedOn})`,
          `correct approved minutes with: nsm minutes amend ${meeting.id} --note "…"`,
        );
      const approving = approvingMeeting(store, meeting, at);
      const record: ApprovedMinutes = {
        meetingId: meeting.id,
        approvedAt: approving.id,
        approvedOn: approving.start.slice(0, 10),
        recordedAt: ctx.now().toISOString(),
        snapshot: minutesView(store, meeting),
        amendments: [],
      };
      store.minutes.push(record);
      return record;
    },
    { meeting: id, meetings: [at] },
  );
  return {
    json: approvalJson(record),
    blocks: [approvalFields(record)],
    notices: [
      `Approved the minutes of ${record.meetingId} at ${record.approvedAt}. From now on nsm minutes ${record.meetingId} prints them as approved, whatever changes in the ledger; corrections are amendments (nsm minutes amend).`,
    ],
  };
}
