import type { Context } from '../../context.js';
import { dateInNewYork } from '../../domain/dates.js';
import { parseSectorId } from '../../domain/ids.js';
import { assignmentOn, ncosOfSector } from '../../domain/ncos.js';
import { findPrecinct } from '../../domain/precincts.js';
import { ncoRecord, sectorRecord } from '../../domain/records.js';
import { findSector } from '../../domain/sectors.js';
import { meetingRecord, upcomingMeetings } from '../../domain/meetings.js';
import { isOutstanding } from '../../domain/issues.js';
import { issueCounts } from '../../domain/ledger-records.js';
import { loadStore } from '../../store/load.js';
import { issueTable } from '../issue/table.js';
import { meetingTable } from '../meeting/table.js';
import { UPCOMING_SHOWN } from '../precinct/show.js';
import { day, heading, table, warning, type Cell, type Output } from '../../render/view.js';
import type { Options } from '../../cli/define.js';
import type { show } from '../../cli/sector.js';
import type { Nco } from '../../domain/schema.js';
import { sectorFields } from './fields.js';

export async function run(ctx: Context, options: Options<typeof show>): Promise<Output> {
  const { id } = parseSectorId(options.sector);
  const store = await loadStore(ctx);
  const sector = findSector(store, id);
  const precinct = findPrecinct(store, sector.precinct);
  const today = dateInNewYork(ctx.now());
  const ncos = ncosOfSector(store, id, today);
  const upcoming = upcomingMeetings(store, ctx.now(), (m) => m.sector === id).map((m) =>
    meetingRecord(store, m),
  );
  const issues = store.issues.filter((i) => i.sector === id);
  const outstanding = issues.filter((i) => isOutstanding(i.status));
  return {
    json: {
      ...sectorRecord(store, sector, today),
      ncoDetails: ncos.map((n) => ncoRecord(n, today)),
      upcomingMeetings: upcoming,
      issueCounts: issueCounts(issues),
      openIssues: outstanding.map((i) => i.id),
    },
    blocks: [
      sectorFields(sector, precinct),
      heading(`NCOs today (${ncos.length})`),
      table(
        ['ID', 'Name', 'Rank', 'Shield', 'Since', 'Phone', 'Email'],
        ncos.map((n) => [n.id, n.name, n.rank, n.shield, since(n, today), n.phone, n.email]),
        `No NCO is assigned: nsm nco assign <nco> ${id}`,
      ),
      ...(ncos.length < 2
        ? [warning(`${id} has ${ncos.length} NCO${ncos.length === 1 ? '' : 's'}; a sector needs two`)]
        : []),
      heading(`Upcoming meetings (${upcoming.length})`),
      meetingTable(
        upcoming.slice(0, UPCOMING_SHOWN),
        `None scheduled: nsm meeting schedule --sector ${id} --at …`,
      ),
      heading(`Open issues (${outstanding.length})`),
      issueTable(outstanding, 'None open.'),
    ],
  };
}

function since(nco: Nco, today: string): Cell {
  const from = assignmentOn(nco, today)?.from;
  return from === undefined ? null : day(from);
}
