import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { findConflicts } from '../../domain/conflicts.js';
import { dateInNewYork } from '../../domain/dates.js';
import { parseDuration } from '../../domain/duration.js';
import { assertCanChange, findMeeting, meetingRecord } from '../../domain/meetings.js';
import { parseMeetingId } from '../../domain/ids.js';
import { friendly, parseWallTime } from '../../domain/time.js';
import { changeStore } from '../../store/store.js';
import { text, type Output } from '../../render/view.js';
import { optionalText } from '../text-input.js';
import { refusal } from './schedule.js';

export interface MeetingRescheduleOptions {
  meeting: string;
  at?: string;
  duration?: string;
  location?: string;
  force?: boolean;
}

export async function run(ctx: Context, options: MeetingRescheduleOptions): Promise<Output> {
  const id = parseMeetingId(options.meeting);
  if (options.at === undefined)
    throw new UsageError('missing --at', 'give the new time, for example --at "2026-12-15 19:00"');
  const start = parseWallTime(options.at, dateInNewYork(ctx.now()));
  const duration = options.duration === undefined ? undefined : parseDuration(options.duration);
  const location =
    options.location === undefined ? undefined : optionalText(options.location, '--location', 120);

  const { record, was, overridden } = await changeStore(ctx, (store) => {
    const meeting = findMeeting(store, id);
    assertCanChange(meeting, 'reschedule');
    const moved = {
      ...meeting,
      start,
      durationMinutes: duration ?? meeting.durationMinutes,
      // A new venue name replaces the old one's address too, unless it is the same place.
      ...(location !== undefined && location !== meeting.location ? { location, address: null } : {}),
    };
    const conflicts = findConflicts(store, moved, ctx.now());
    if (conflicts.length > 0 && !options.force) throw refusal(conflicts);
    const was = meeting.start;
    Object.assign(meeting, moved, { revision: meeting.revision + 1, updatedAt: ctx.now().toISOString() });
    return { record: meetingRecord(store, meeting), was, overridden: conflicts };
  });
  return {
    json: record,
    blocks: [text(`${record.id}\t${record.start}`)],
    notices: [
      `Moved ${record.id} (${record.sector}) from ${friendly(was)} to ${friendly(start)}; revision ${record.revision}.`,
    ],
    warnings: overridden.map((c) => `rescheduled despite a conflict (--force): ${c.message}`),
  };
}
