import { formatDuration } from '../../domain/duration.js';
import type { meetingRecord } from '../../domain/meetings.js';
import { friendly, wallOf } from '../../domain/time.js';
import { table, type Block } from '../../render/view.js';

type MeetingRecord = ReturnType<typeof meetingRecord>;

/** The meeting table shared by schedule, list and the show commands. */
export function meetingTable(meetings: MeetingRecord[], empty?: string): Block {
  return table(
    ['ID', 'When (New York)', 'Length', 'Sector', 'Where', 'Status'],
    meetings.map((m) => [
      m.id,
      friendly(wallOf(new Date(m.start))),
      formatDuration(m.durationMinutes),
      m.sector,
      [m.location, m.address, m.onlineUrl].filter(Boolean).join(', '),
      m.status === 'held' && m.attendance !== null ? `held (${m.attendance})` : m.status,
    ]),
    empty,
  );
}
