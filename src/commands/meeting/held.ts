import type { Options } from '../../cli/define.js';
import type { held } from '../../cli/meeting.js';
import type { Context } from '../../context.js';
import { assertCanMarkHeld, findMeeting, meetingRecord } from '../../domain/meetings.js';
import { parseMeetingId } from '../../domain/ids.js';
import { changeStore } from '../../store/store.js';
import type { Output } from '../../render/view.js';
import { optionalText } from '../text-input.js';
import { parseAttendance } from './fields.js';
import { meetingFields } from './record-fields.js';

export async function run(ctx: Context, options: Options<typeof held>): Promise<Output> {
  const id = parseMeetingId(options.meeting);
  const attendance = parseAttendance(options.attendance);
  const notes = optionalText(options.notes, '--notes', 2000);
  const { record, page, correction } = await changeStore(
    ctx,
    (store) => {
      const meeting = findMeeting(store, id);
      assertCanMarkHeld(meeting, ctx.now());
      const correction = meeting.status === 'held';
      Object.assign(meeting, {
        status: 'held',
        attendance,
        notes: notes ?? meeting.notes,
        updatedAt: ctx.now().toISOString(),
      });
      return { record: meetingRecord(store, meeting), page: meetingFields(store, meeting), correction };
    },
    { meeting: id },
  );
  return {
    json: record,
    blocks: [page],
    notices: [
      correction
        ? `Corrected ${record.id}: attendance ${attendance}.`
        : `Recorded ${record.id} as held, attendance ${attendance}.`,
    ],
  };
}
