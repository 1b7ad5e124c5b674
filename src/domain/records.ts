import type { Nco, Precinct, Sector, Store } from './schema.js';
import { rolloutStatus } from './precincts.js';
import { ncosOfSector, sectorOn } from './ncos.js';

/** The JSON shapes of the contract (cli.md, "JSON fields that scripts rely on"). */

export function compareSectors(a: Sector, b: Sector): number {
  return a.precinct - b.precinct || a.letter.localeCompare(b.letter);
}

export function sectorsOf(store: Store, precinct: number): Sector[] {
  return store.sectors.filter((s) => s.precinct === precinct).sort(compareSectors);
}

export function precinctRecord(store: Store, p: Precinct, today: string) {
  return {
    precinct: p.precinct,
    name: p.name,
    commonName: p.commonName,
    borough: p.borough,
    patrolBorough: p.patrolBorough,
    patrolBoroughCode: p.patrolBoroughCode,
    address: p.address,
    phone: p.phone,
    url: p.url,
    rollout: { status: rolloutStatus(p, today), startDate: p.rollout.startDate, phase: p.rollout.phase },
    opened: p.opened,
    notes: p.notes,
    sectors: sectorsOf(store, p.precinct).map((s) => s.id),
  };
}

export function sectorRecord(store: Store, s: Sector, today: string) {
  return {
    id: s.id,
    precinct: s.precinct,
    letter: s.letter,
    description: s.description,
    sqMiles: s.sqMiles,
    ncos: ncosOfSector(store, s.id, today).map((n) => n.id),
  };
}

export function ncoRecord(n: Nco, today: string) {
  return {
    id: n.id,
    name: n.name,
    shield: n.shield,
    rank: n.rank,
    precinct: n.precinct,
    sector: sectorOn(n, today),
    email: n.email,
    phone: n.phone,
    assignments: n.assignments.map((a) => ({ ...a })),
  };
}

/** Sectors served by fewer than the two NCOs Neighborhood Policing calls for. */
export function understaffedSectors(store: Store, today: string, precinct?: number) {
  return store.sectors
    .filter((s) => precinct === undefined || s.precinct === precinct)
    .sort(compareSectors)
    .map((s) => ({ sector: s.id, ncos: ncosOfSector(store, s.id, today).length }))
    .filter((s) => s.ncos < 2);
}
