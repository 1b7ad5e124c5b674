import type { Context } from '../../context.js';
import { formatDuration } from '../../domain/duration.js';
import { findMeeting, hostsOf, meetingRecord } from '../../domain/meetings.js';
import { parseMeetingId } from '../../domain/ids.js';
import { friendly } from '../../domain/time.js';
import { loadStore } from '../../store/store.js';
import { fields, heading, table, type Output } from '../../render/view.js';

export interface MeetingShowOptions {
  meeting: string;
}

export async function run(ctx: Context, options: MeetingShowOptions): Promise<Output> {
  const id = parseMeetingId(options.meeting);
  const store = await loadStore(ctx);
  const meeting = findMeeting(store, id);
  const record = meetingRecord(store, meeting);
  const hosts = hostsOf(store, meeting);
  const series = meeting.seriesId ? store.meetings.filter((m) => m.seriesId === meeting.seriesId) : [];
  return {
    json: {
      ...record,
      hostDetails: hosts.map((n) => ({
        id: n.id,
        name: n.name,
        rank: n.rank,
        phone: n.phone,
        email: n.email,
      })),
    },
    blocks: [
      fields([
        ['Meeting', `${record.id} — ${record.title}`],
        ['Sector', `${record.sector} (precinct ${record.precinct})`],
        ['When', `${friendly(meeting.start)} (${formatDuration(meeting.durationMinutes)}), New York time`],
        ['Where', record.location],
        ['Address', record.address],
        ['Online', record.onlineUrl],
        ['Status', record.status + (record.cancelReason ? `: ${record.cancelReason}` : '')],
        ...(record.status === 'held'
          ? ([
              ['Attendance', record.attendance],
              ['Notes', record.notes],
            ] as Array<[string, string | number | null]>)
          : []),
        [
          'Series',
          meeting.seriesId
            ? `${meeting.seriesId}, meeting ${series.indexOf(meeting) + 1} of ${series.length}`
            : null,
        ],
        ['Revision', record.revision],
      ]),
      heading("Hosts (the sector's NCOs on that date)"),
      table(
        ['ID', 'Name', 'Rank', 'Phone'],
        hosts.map((n) => [n.id, n.name, n.rank, n.phone]),
        `No NCO is assigned to ${record.sector} on that date.`,
      ),
    ],
  };
}
