import { formatDuration } from '../../domain/duration.js';
import { startInstant } from '../../domain/meetings.js';
import { isoWithOffset } from '../../domain/time.js';
import type { Meeting, Store } from '../../domain/schema.js';
import { fields, when, type Block, type Cell } from '../../render/view.js';

/**
 * One meeting as a page of fields, shared by show and by the changes (reschedule, held) so a
 * change prints the record it leaves. Times are instants: friendly on a terminal, ISO 8601 with
 * the offset in TSV and CSV.
 */
export function meetingFields(store: Store, meeting: Meeting): Block {
  const series = meeting.seriesId ? store.meetings.filter((m) => m.seriesId === meeting.seriesId) : [];
  const held: Array<[string, Cell]> =
    meeting.status === 'held'
      ? [
          ['Attendance', meeting.attendance],
          ['Notes', meeting.notes],
        ]
      : [];
  return fields([
    ['Meeting', `${meeting.id} — ${meeting.title}`],
    ['Sector', `${meeting.sector} (precinct ${meeting.precinct})`],
    ['When', when(isoWithOffset(startInstant(meeting)))],
    ['Length', formatDuration(meeting.durationMinutes)],
    ['Where', meeting.location],
    ['Address', meeting.address],
    ['Online', meeting.onlineUrl],
    ['Status', meeting.status + (meeting.cancelReason ? `: ${meeting.cancelReason}` : '')],
    ...held,
    [
      'Series',
      meeting.seriesId
        ? `${meeting.seriesId}, meeting ${series.indexOf(meeting) + 1} of ${series.length}`
        : null,
    ],
    ['Revision', meeting.revision],
  ]);
}
