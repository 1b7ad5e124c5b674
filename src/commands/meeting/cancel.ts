import type { Options } from '../../cli/define.js';
import type { cancel } from '../../cli/meeting.js';
import type { Context } from '../../context.js';
import {
  assertCanChange,
  compareMeetings,
  findMeeting,
  meetingRecord,
  startInstant,
} from '../../domain/meetings.js';
import { parseMeetingId } from '../../domain/ids.js';
import { changeStore } from '../../store/store.js';
import type { Output } from '../../render/view.js';
import { optionalText } from '../text-input.js';
import { meetingTable } from './table.js';

export async function run(ctx: Context, options: Options<typeof cancel>): Promise<Output> {
  const id = parseMeetingId(options.meeting);
  const reason = optionalText(options.reason, '--reason', 300);
  const records = await changeStore(
    ctx,
    (store) => {
      const meeting = findMeeting(store, id);
      assertCanChange(meeting, 'cancel');
      // --series: this meeting and every later scheduled one of its series.
      const targets =
        options.series && meeting.seriesId
          ? store.meetings
              .filter(
                (m) =>
                  m.seriesId === meeting.seriesId &&
                  m.status === 'scheduled' &&
                  startInstant(m) >= startInstant(meeting),
              )
              .sort(compareMeetings)
          : [meeting];
      const stamp = ctx.now().toISOString();
      for (const m of targets)
        Object.assign(m, {
          status: 'cancelled',
          cancelReason: reason,
          revision: m.revision + 1,
          updatedAt: stamp,
        });
      return targets.map((m) => meetingRecord(store, m));
    },
    { meeting: id, meetingsOnly: true },
  );
  const series = options.series && records.length > 0 && records[0]!.seriesId;
  return {
    json: options.series ? records : records[0],
    blocks: [meetingTable(records)],
    notices: [
      `Cancelled ${records.map((r) => r.id).join(', ')}${reason ? ` (${reason})` : ''}. Cancelled meetings stay in the store and in calendars, marked cancelled.`,
    ],
    warnings: options.series && !series ? [`${id} is not part of a series; only it was cancelled`] : [],
  };
}
