import { SCHEMA_VERSION } from '../domain/schema.js';

/**
 * One step per store format: `migrations[n]` turns a version-n store into version n+1.
 * Every format change adds its step here and names it in the CHANGELOG.
 */
export type Migration = (store: Record<string, unknown>) => Record<string, unknown>;
export const migrations: Record<number, Migration> = {
  /** Format 2 (nsm 0.2): meetings, with their own id series and series ids. */
  1: (store) => ({
    ...store,
    nextId: { ...(store.nextId as object), meeting: 1, series: 1 },
    meetings: [],
  }),
  /** Format 3 (nsm 0.3): the sector ledger, issues raised and solutions agreed. */
  2: (store) => ({
    ...store,
    nextId: { ...(store.nextId as object), issue: 1, solution: 1 },
    issues: [],
    solutions: [],
  }),
};

/** Brings a parsed store up to `target`, one step at a time. Throws when a step is missing. */
export function migrate(
  store: Record<string, unknown>,
  from: number,
  table: Record<number, Migration> = migrations,
  target = SCHEMA_VERSION,
): Record<string, unknown> {
  let current = store;
  for (let version = from; version < target; version++) {
    const step = table[version];
    if (!step) throw new Error(`no migration from store format ${version} to ${version + 1}`);
    current = { ...step(current), schemaVersion: version + 1 };
  }
  return current;
}
