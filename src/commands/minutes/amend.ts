import type { Context } from '../../context.js';
import type { amend } from '../../cli/documents.js';
import type { Options } from '../../cli/define.js';
import { RuleError } from '../../errors.js';
import { dateInNewYork } from '../../domain/dates.js';
import { parseMeetingId } from '../../domain/ids.js';
import { parseNote } from '../../domain/issues.js';
import { findMeeting } from '../../domain/meetings.js';
import { approvedMinutesOf, heldMeeting } from '../../domain/minutes.js';
import type { Output } from '../../render/view.js';
import { changeStore } from '../../store/store.js';
import { approvalFields, approvalJson } from './fields.js';

export async function run(ctx: Context, options: Options<typeof amend>): Promise<Output> {
  const id = parseMeetingId(options.meeting);
  const note = parseNote(
    options.note,
    'The speed humps are on Linden Blvd, not Linwood St.',
    'an amendment says what is corrected',
  );
  const record = await changeStore(
    ctx,
    (store) => {
      const meeting = heldMeeting(findMeeting(store, id));
      const approved = approvedMinutesOf(store, meeting.id);
      if (!approved)
        throw new RuleError(
          `the minutes of ${meeting.id} are still a draft, so there is nothing approved to amend`,
          `correct the ledger instead (nsm issue edit, nsm solution edit); the draft follows it`,
        );
      approved.amendments.push({ on: dateInNewYork(ctx.now()), note, recordedAt: ctx.now().toISOString() });
      return approved;
    },
    { meeting: id },
  );
  return {
    json: approvalJson(record),
    blocks: [approvalFields(record)],
    notices: [
      `Amended the approved minutes of ${record.meetingId}; every copy now ends with the amendment, dated.`,
    ],
  };
}
