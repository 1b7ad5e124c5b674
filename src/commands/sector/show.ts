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
import { loadStore } from '../../store/store.js';
import { issueTable } from '../issue/table.js';
import { meetingTable } from '../meeting/table.js';
import { UPCOMING_SHOWN } from '../precinct/show.js';
import { fields, heading, table, warning, type Output } from '../../render/view.js';

export interface SectorShowOptions {
  sector: string;
}

export async function run(ctx: Context, options: SectorShowOptions): Promise<Output> {
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
      fields([
        ['Sector', sector.id],
        ['Precinct', `${precinct.precinct} — ${precinct.name}`],
        ['Borough', precinct.borough],
        ['Description', sector.description],
        ['Area', sector.sqMiles === null ? null : `${sector.sqMiles.toFixed(2)} sq mi`],
      ]),
      heading(`NCOs today (${ncos.length})`),
      table(
        ['ID', 'Name', 'Rank', 'Shield', 'Since', 'Phone', 'Email'],
        ncos.map((n) => [n.id, n.name, n.rank, n.shield, assignmentOn(n, today)?.from, n.phone, n.email]),
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
