import type { Context } from '../../context.js';
import { assertCanMarkHeld, findMeeting, meetingRecord } from '../../domain/meetings.js';
import { parseMeetingId } from '../../domain/ids.js';
import { changeStore } from '../../store/store.js';
import { text, type Output } from '../../render/view.js';
import { optionalText } from '../text-input.js';
import { parseAttendance } from './fields.js';

export interface MeetingHeldOptions {
  meeting: string;
  attendance?: string;
  notes?: string;
}

export async function run(ctx: Context, options: MeetingHeldOptions): Promise<Output> {
  const id = parseMeetingId(options.meeting);
  const attendance = parseAttendance(options.attendance);
  const notes = optionalText(options.notes, '--notes', 2000);
  const { record, correction } = await changeStore(ctx, (store) => {
    const meeting = findMeeting(store, id);
    assertCanMarkHeld(meeting, ctx.now());
    const correction = meeting.status === 'held';
    Object.assign(meeting, {
      status: 'held',
      attendance,
      notes: notes ?? meeting.notes,
      updatedAt: ctx.now().toISOString(),
    });
    return { record: meetingRecord(store, meeting), correction };
  });
  return {
    json: record,
    blocks: [text(`${record.id}\theld\t${attendance}`)],
    notices: [
      correction
        ? `Corrected ${record.id}: attendance ${attendance}.`
        : `Recorded ${record.id} as held, attendance ${attendance}.`,
    ],
  };
}
