import { formatDuration } from '../../domain/duration.js';
import type { meetingRecord } from '../../domain/meetings.js';
import { table, when, type Block } from '../../render/view.js';

type MeetingRecord = ReturnType<typeof meetingRecord>;

/**
 * The meeting table shared by schedule, list and cancel. The time is an instant: "Tue Dec 8
 * 2026, 7:00 PM (in 12 days)" on a terminal, ISO 8601 with the offset in TSV and CSV.
 */
export function meetingTable(meetings: MeetingRecord[], empty?: string): Block {
  return table(
    ['ID', 'When (New York)', 'Length', 'Sector', 'Where', 'Status'],
    meetings.map((m) => [
      m.id,
      when(m.start),
      formatDuration(m.durationMinutes),
      m.sector,
      [m.location, m.address, m.onlineUrl].filter(Boolean).join(', '),
      m.status === 'held' && m.attendance !== null ? `held (${m.attendance})` : m.status,
    ]),
    empty,
  );
}
