import { initialStore } from '../../src/domain/initial-store.js';
import { uuidFrom } from '../../src/store/migrations.js';
import type { Meeting, Nco, Precinct, Sector, Store } from '../../src/domain/schema.js';

/** Tiny builders for in-memory stores used by the domain unit tests. */

export function precinct(number: number, overrides: Partial<Precinct> = {}): Precinct {
  return {
    precinct: number,
    name: `${number}th Precinct`,
    commonName: null,
    borough: 'Brooklyn',
    patrolBorough: 'Patrol Borough Brooklyn North',
    patrolBoroughCode: 'PBBN',
    address: null,
    phone: null,
    url: null,
    rollout: { startDate: null, phase: null },
    opened: null,
    notes: null,
    ...overrides,
  };
}

export function sector(id: string): Sector {
  const m = /^(\d+)([A-Z])$/.exec(id);
  if (!m) throw new Error(`bad sector id in test: ${id}`);
  return { id, precinct: Number(m[1]), letter: m[2]!, description: null, sqMiles: null };
}

/** A scheduled one-hour meeting of a sector, with no venue; `fields` override anything. */
export function meeting(fields: Partial<Meeting> & Pick<Meeting, 'id' | 'sector' | 'start'>): Meeting {
  return {
    uuid: uuidFrom(`test meeting ${fields.id}`),
    precinct: sector(fields.sector).precinct,
    title: `Sector ${fields.sector} Neighborhood Safety Meeting`,
    durationMinutes: 60,
    location: null,
    address: null,
    onlineUrl: null,
    seriesId: null,
    status: 'scheduled',
    revision: 0,
    attendance: null,
    notes: null,
    cancelReason: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...fields,
  };
}

/** An NCO; `assignments` as [sector, from, to] triples. */
export function nco(
  id: string,
  precinctNumber: number,
  assignments: Array<[string, string, string | null]> = [],
  overrides: Partial<Nco> = {},
): Nco {
  return {
    id,
    name: `Officer ${id}`,
    shield: String(1000 + Number(id.slice(1))),
    rank: 'Police Officer',
    precinct: precinctNumber,
    email: null,
    phone: null,
    assignments: assignments.map(([s, from, to]) => ({ sector: s, from, to })),
    ...overrides,
  };
}

/**
 * An empty store (as `nsm init --empty` makes it, so new collections come along) with the given
 * records; the NCO id counter follows the highest NCO id unless `nextId` is given.
 */
export function store(parts: Partial<Store> = {}): Store {
  const base = initialStore(null, '2026-11-01T00:00:00.000Z');
  const ncos = parts.ncos ?? [];
  const highest = Math.max(0, ...ncos.map((n) => Number(n.id.slice(1))));
  return { ...base, nextId: { ...base.nextId, nco: highest + 1 }, ...parts, ncos };
}

/** Precinct 75 with sectors 75A–75C and precinct 14 with 14A, no NCOs. */
export function smallCity(ncos: Nco[] = []): Store {
  return store({
    precincts: [precinct(75), precinct(14, { borough: 'Manhattan' })],
    sectors: ['75A', '75B', '75C', '14A'].map(sector),
    ncos,
  });
}
