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
  /**
   * Format 4 (nsm 0.4): every meeting has a UUID for calendar UIDs. Existing meetings get one
   * derived from what identifies them, so a store read many times before its next write shows
   * the same UIDs every time; meetings made later get random ones.
   */
  3: (store) => ({
    ...store,
    meetings: (store.meetings as Array<Record<string, unknown>>).map((m) => ({
      ...m,
      uuid: m.uuid ?? uuidFrom(`nsm meeting|${String(m.id)}|${String(m.sector)}|${String(m.createdAt)}`),
    })),
  }),
  /**
   * Format 5 (nsm 0.4): history entries may carry `edit` (a correction, old → new). The field is
   * optional, so older stores need no change; the number moves so that an older nsm refuses a
   * store holding edits rather than dropping them on its next write.
   */
  4: (store) => store,
  /** Format 6 (nsm 0.5): approved minutes, each a frozen snapshot with its amendments. */
  5: (store) => ({ ...store, minutes: [] }),
};

/** A UUID (RFC 9562 version 8, name-based) from the SHA-256 of `name`. */
export function uuidFrom(name: string): string {
  // Loaded here, when an old store is migrated, rather than by every read.
  const { createHash } = process.getBuiltinModule('node:crypto');
  const hex = createHash('sha256').update(name).digest('hex').slice(0, 32).split('');
  hex[12] = '8';
  hex[16] = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

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
