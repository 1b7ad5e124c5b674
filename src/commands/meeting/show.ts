import type { Options } from '../../cli/define.js';
import type { show } from '../../cli/meeting.js';
import type { Context } from '../../context.js';
import { findMeeting, hostsOf, meetingRecord } from '../../domain/meetings.js';
import { parseMeetingId } from '../../domain/ids.js';
import { loadStore } from '../../store/load.js';
import { heading, table, type Output } from '../../render/view.js';
import { meetingFields } from './record-fields.js';

export async function run(ctx: Context, options: Options<typeof show>): Promise<Output> {
  const id = parseMeetingId(options.meeting);
  const store = await loadStore(ctx, { meeting: id });
  const meeting = findMeeting(store, id);
  const record = meetingRecord(store, meeting);
  const hosts = hostsOf(store, meeting);
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
      meetingFields(store, meeting),
      heading("Hosts (the sector's NCOs on that date)"),
      table(
        ['ID', 'Name', 'Rank', 'Phone'],
        hosts.map((n) => [n.id, n.name, n.rank, n.phone]),
        `No NCO is assigned to ${record.sector} on that date.`,
      ),
    ],
  };
}
