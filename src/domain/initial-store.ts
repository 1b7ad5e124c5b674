import { SCHEMA_VERSION, type Store } from './schema.js';
import type { Reference } from '../reference/reference.js';

/** A new store: the reference data, or nothing at all with `reference` null. */
export function initialStore(reference: Reference | null, createdAt: string): Store {
  return {
    schemaVersion: SCHEMA_VERSION,
    createdAt,
    nextId: { nco: 1, meeting: 1, series: 1, issue: 1, solution: 1 },
    precincts: reference?.precincts.map((p) => ({ ...p, rollout: { ...p.rollout } })) ?? [],
    sectors: reference?.sectors.map((s) => ({ ...s, description: null })) ?? [],
    phases: reference?.phases ?? [],
    psas: reference?.psas ?? [],
    ncos: [],
    meetings: [],
    issues: [],
    solutions: [],
    minutes: [],
  };
}
