import type { Nco, Sector, Store } from '../schema.js';
import { byId, sectorOn } from '../ncos.js';
import { existedOn } from '../precincts.js';
import { compareSectors } from '../records.js';

/**
 * The staffing report (`nsm report staffing`): whether every sector had the two NCOs that
 * Neighborhood Policing calls for on a date, and who on the roster had no sector that day.
 * The shapes below are the report's JSON.
 */

/** Neighborhood Policing puts two NCOs in every sector. */
export const NCOS_PER_SECTOR = 2;

export interface StaffingNco {
  id: string;
  name: string;
  rank: string;
  shield: string;
}

export interface SectorStaffing {
  sector: string;
  precinct: number;
  ncos: StaffingNco[];
  count: number;
  short: boolean;
}

export interface StaffingTotals {
  sectors: number;
  fullyStaffed: number;
  belowTwo: number;
  withNone: number;
  ncosAssigned: number;
  ncosWithoutSector: number;
}

export interface StaffingReport {
  asOf: string;
  /** The precinct reported on, or null for the whole city. */
  precinct: number | null;
  totals: StaffingTotals;
  /** Sectors below two NCOs first (fewest first), then in sector order (9A, 10A, 75A, 75B). */
  sectors: SectorStaffing[];
  unassigned: Array<StaffingNco & { precinct: number }>;
}

/**
 * Staffing on `asOf` for one precinct, or for every precinct that existed that day (the 116th
 * is left out before it opened). An NCO whose first assignment starts after `asOf` is not
 * listed as without a sector: nothing in the store says they were an NCO yet.
 */
export function staffingReport(store: Store, asOf: string, precinct: number | null): StaffingReport {
  const precincts = new Set(
    store.precincts
      .filter((p) => (precinct === null ? existedOn(p, asOf) : p.precinct === precinct))
      .map((p) => p.precinct),
  );
  const bySector = new Map<string, Nco[]>();
  const unassigned: StaffingReport['unassigned'] = [];
  for (const n of [...store.ncos].sort(byId)) {
    const sector = sectorOn(n, asOf);
    if (sector !== null) bySector.set(sector, [...(bySector.get(sector) ?? []), n]);
    else if (precincts.has(n.precinct) && !startsAfter(n, asOf))
      unassigned.push({ ...person(n), precinct: n.precinct });
  }
  const sectors = store.sectors
    .filter((s) => precincts.has(s.precinct))
    .sort(compareSectors)
    .map((s) => sectorStaffing(s, bySector.get(s.id) ?? []))
    // A stable sort: sectors with as many NCOs keep sector order.
    .sort((a, b) => Math.min(a.count, NCOS_PER_SECTOR) - Math.min(b.count, NCOS_PER_SECTOR));
  return { asOf, precinct, totals: totalsOf(sectors, unassigned.length), sectors, unassigned };
}

function sectorStaffing(s: Sector, ncos: Nco[]): SectorStaffing {
  return {
    sector: s.id,
    precinct: s.precinct,
    ncos: ncos.map(person),
    count: ncos.length,
    short: ncos.length < NCOS_PER_SECTOR,
  };
}

function person(n: Nco): StaffingNco {
  return { id: n.id, name: n.name, rank: n.rank, shield: n.shield };
}

function startsAfter(n: Nco, date: string): boolean {
  const first = n.assignments[0];
  return first !== undefined && first.from > date;
}

function totalsOf(sectors: SectorStaffing[], withoutSector: number): StaffingTotals {
  return {
    sectors: sectors.length,
    fullyStaffed: sectors.filter((s) => !s.short).length,
    belowTwo: sectors.filter((s) => s.short).length,
    withNone: sectors.filter((s) => s.count === 0).length,
    ncosAssigned: sectors.reduce((sum, s) => sum + s.count, 0),
    ncosWithoutSector: withoutSector,
  };
}
