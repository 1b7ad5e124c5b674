import { SCHEMA_VERSION } from '../domain/schema.js';

/**
 * One step per store format: `migrations[n]` turns a version-n store into version n+1.
 * Version 1 is the first format, so the table is empty until the format changes; every later
 * format adds its step here and names it in the CHANGELOG.
 */
export type Migration = (store: Record<string, unknown>) => Record<string, unknown>;
export const migrations: Record<number, Migration> = {};

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
