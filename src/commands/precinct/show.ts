import type { Context } from '../../context.js';
import { dateInNewYork } from '../../domain/dates.js';
import { parsePrecinctNumber } from '../../domain/ids.js';
import { ncosOfSector } from '../../domain/ncos.js';
import { findPrecinct } from '../../domain/precincts.js';
import { precinctRecord, sectorRecord, sectorsOf, understaffedSectors } from '../../domain/records.js';
import { meetingRecord, upcomingMeetings } from '../../domain/meetings.js';
import { isOutstanding } from '../../domain/issues.js';
import { issueCounts } from '../../domain/ledger-records.js';
import { loadStore } from '../../store/load.js';
import { issueTable } from '../issue/table.js';
import { meetingTable } from '../meeting/table.js';
import { heading, table, text, warning, type Output } from '../../render/view.js';
import type { Options } from '../../cli/define.js';
import type { show } from '../../cli/precinct.js';
import { precinctFields } from './fields.js';

/** How many upcoming meetings a show command lists before pointing to meeting list. */
export const UPCOMING_SHOWN = 10;

export async function run(ctx: Context, options: Options<typeof show>): Promise<Output> {
  const number = parsePrecinctNumber(options.pct, 'precinct');
  const store = await loadStore(ctx);
  const precinct = findPrecinct(store, number);
  const today = dateInNewYork(ctx.now());
  const record = precinctRecord(store, precinct, today);
  const sectors = sectorsOf(store, number);
  const short = understaffedSectors(store, today, number);
  const roster = store.ncos.filter((n) => n.precinct === number);
  const upcoming = upcomingMeetings(store, ctx.now(), (m) => m.precinct === number).map((m) =>
    meetingRecord(store, m),
  );
  const issues = store.issues.filter((i) => i.precinct === number);
  const outstanding = issues.filter((i) => isOutstanding(i.status));

  return {
    json: {
      ...record,
      sectorDetails: sectors.map((s) => sectorRecord(store, s, today)),
      ncos: roster.map((n) => n.id),
      understaffedSectors: short,
      upcomingMeetings: upcoming,
      issueCounts: issueCounts(issues),
      openIssues: outstanding.map((i) => i.id),
    },
    blocks: [
      precinctFields(record, [['NCOs on roster', roster.length]]),
      heading(`Sectors (${sectors.length})`),
      table(
        ['Sector', 'NCOs today', 'Description'],
        sectors.map((s) => [
          s.id,
          ncosOfSector(store, s.id, today)
            .map((n) => `${n.id} ${n.name}`)
            .join(', '),
          s.description,
        ]),
        `No sectors yet: add them with nsm sector add ${number}A`,
      ),
      ...(short.length > 0
        ? [warning(`Below two NCOs: ${short.map((s) => `${s.sector} (${s.ncos})`).join(', ')}`)]
        : []),
      heading(`Upcoming meetings (${upcoming.length})`),
      meetingTable(
        upcoming.slice(0, UPCOMING_SHOWN),
        `None scheduled: nsm meeting schedule --sector ${number}A --at …`,
      ),
      ...(upcoming.length > UPCOMING_SHOWN
        ? [
            text(
              `… and ${upcoming.length - UPCOMING_SHOWN} more: nsm meeting list --precinct ${number} --upcoming`,
            ),
          ]
        : []),
      heading(`Open issues (${outstanding.length})`),
      issueTable(outstanding, 'None open.'),
    ],
  };
}
