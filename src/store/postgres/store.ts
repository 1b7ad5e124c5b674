import type { Store } from '../../domain/schema.js';
import { storeProblem } from '../../domain/schema.js';
import { connect, databaseError, inTransaction, migrate } from './connect.js';
import { checkEmpty, readStore, writeStore } from './copy.js';
import type { Client } from 'pg';
import type { StoreSlice } from '../slice.js';
import { sectorsOf } from './slice.js';
import { RuleError } from '../../errors.js';
import { applyChange, changedSince, TABLES, withChangesUndone, type RecordChange } from './records.js';
import { checkChangeAllowed } from './access.js';

/**
 * The PostgreSQL store as the commands see it: the same Store the JSON file gives, read in one
 * consistent snapshot, and changed by the same domain code. A command about one sector, meeting,
 * issue or solution reads only that slice of it (slice.ts), so it costs the same whatever the size
 * of the store. A change runs in one SERIALIZABLE transaction (read, change, check every record
 * read, write what changed); when another change got in first, PostgreSQL refuses one of the two
 * and the change is made again on the new state.
 */

/** Reads the store, or the slice of it a command works on, in one snapshot. */
export async function loadDatabaseStore(
  url: string,
  env?: NodeJS.ProcessEnv,
  slice?: StoreSlice,
): Promise<Store> {
  const client = await connect(url, env);
  try {
    return await inTransaction(client, () => readSlice(client, url, slice), 'REPEATABLE READ READ ONLY');
  } catch (error) {
    throw databaseError(error, url, true);
  } finally {
    // Closed while the command goes on to show what it read (the process waits for it to close).
    void client.end().catch(() => {});
  }
}

/** The whole store, or the part a slice names. */
async function readSlice(client: Client, url: string, slice: StoreSlice | undefined): Promise<Store> {
  if (slice === undefined) return readStore(client, url);
  const named = (ids: StoreSlice['meetings']) =>
    (ids ?? []).filter((id): id is string => typeof id === 'string');
  return readStore(client, url, {
    sectors: await sectorsOf(client, slice),
    meetings: named(slice.meetings),
    ncos: named(slice.ncos),
    days: slice.days ?? [],
    ledger: slice.meetingsOnly ? 'none' : (slice.issuesOnly ?? 'all'),
  });
}

/** How many times a change is made again after losing to a change made at the same time. */
const ATTEMPTS = 30;

/**
 * Serialization failures and deadlocks (a concurrent change won), and a unique id taken by a
 * concurrent change: the change is made again on the state that change left.
 */
function lostToAnother(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return code === '40001' || code === '40P01' || code === '23505';
}

/**
 * Makes a change in one SERIALIZABLE transaction, made again from the start when a concurrent
 * change won. `make` reads what it needs and returns the new state; the records that differ are
 * written and logged (with `command`, the command line without any password) for undo.
 */
async function inChange<T>(
  url: string,
  command: string,
  env: NodeJS.ProcessEnv | undefined,
  slice: StoreSlice | undefined,
  make: (client: Client, before: Store) => Promise<{ after: Store; result: T; undoes?: string }>,
): Promise<T> {
  const client = await connect(url, env);
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        return await inTransaction(client, async () => {
          const before = await readSlice(client, url, slice);
          const { after, result, undoes } = await make(client, before);
          const problem = storeProblem(after);
          if (problem) throw new Error(`refusing to write an invalid store: ${problem}`);
          const changes = await applyChange(client, before, after, (planned) =>
            checkChangeAllowed(client, url, planned, before, after),
          );
          if (changes.length > 0 || undoes !== undefined) {
            const logged = await client.query<{ seq: string }>(
              'INSERT INTO change_log (command, changes, undoes) VALUES ($1, $2, $3) RETURNING seq',
              [command, JSON.stringify(changes), undoes ?? null],
            );
            if (undoes !== undefined)
              await client.query('UPDATE change_log SET undone_by = $1 WHERE seq = $2', [
                logged.rows[0]!.seq,
                undoes,
              ]);
          }
          return result;
        });
      } catch (error) {
        if (!lostToAnother(error) || attempt === ATTEMPTS) throw error;
        // Apart, at random, so that the changes that collided do not collide again.
        await new Promise((done) => setTimeout(done, Math.random() * 20 * Math.min(attempt, 10)));
      }
    }
  } catch (error) {
    throw databaseError(error, url);
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Applies `change` to the store, or to the slice of it the command works on, in one transaction,
 * as changeStore does for a file.
 */
export function changeDatabaseStore<T>(
  url: string,
  command: string,
  change: (store: Store) => T | Promise<T>,
  env?: NodeJS.ProcessEnv,
  slice?: StoreSlice,
): Promise<T> {
  return inChange(url, command, env, slice, async (_, before) => {
    const after = structuredClone(before);
    return { after, result: await change(after) };
  });
}

/** A change in the log, as `undo` shows it. */
export interface LoggedChange {
  seq: number;
  at: string;
  command: string;
  undone: boolean;
}

/**
 * Takes back the connected role's last change that is not undone (nor an undo): its records are
 * put back as they were. Refused when anyone has changed one of those records since.
 */
export function undoDatabaseChange(
  url: string,
  command: string,
  env?: NodeJS.ProcessEnv,
): Promise<LoggedChange> {
  return inChange(url, command, env, undefined, async (client, before) => {
    const last = await client.query<{ seq: string; at: string; command: string; changes: string }>(
      `SELECT seq::text, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, command,
              changes::text AS changes
         FROM change_log WHERE role = current_user AND undone_by IS NULL AND undoes IS NULL
        ORDER BY seq DESC LIMIT 1`,
    );
    const row = last.rows[0];
    if (!row)
      throw new RuleError(
        'you have no change to undo in this database',
        'see the changes with: nsm undo --list',
      );
    const changes = JSON.parse(row.changes) as RecordChange[];
    const since = changedSince(before, changes);
    if (since.length > 0)
      throw new RuleError(
        `your last change (${row.command}) cannot be undone: ${since
          .slice(0, 3)
          .map((c) => `${c.kind} ${c.key}`)
          .join(', ')} ${since.length === 1 ? 'was' : 'were'} changed since, by another change`,
        'nothing was undone; see the changes with: nsm undo --list',
      );
    return {
      after: withChangesUndone(before, changes),
      result: { seq: Number(row.seq), at: row.at, command: row.command, undone: true },
      undoes: row.seq,
    };
  });
}

/** The connected role's recent changes, newest first. */
export async function listDatabaseChanges(
  url: string,
  env?: NodeJS.ProcessEnv,
  limit = 20,
): Promise<LoggedChange[]> {
  const client = await connect(url, env);
  try {
    const rows = await client.query<{ seq: string; at: string; command: string; undone: boolean }>(
      `SELECT seq::text, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, command,
              undone_by IS NOT NULL AS undone
         FROM change_log WHERE role = current_user AND undoes IS NULL ORDER BY seq DESC LIMIT $1`,
      [limit],
    );
    return rows.rows.map((r) => ({ seq: Number(r.seq), at: r.at, command: r.command, undone: r.undone }));
  } catch (error) {
    throw databaseError(error, url, true);
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Puts a whole store into an empty database (nsm init, nsm store copy): its schema is set up and
 * every record written in one transaction, so a database is left either empty or holding it all.
 */
export async function createDatabaseStore(url: string, store: Store, env?: NodeJS.ProcessEnv): Promise<void> {
  const client = await connect(url, env);
  try {
    await inTransaction(client, async () => {
      await migrate(client, url);
      await checkEmpty(client, url);
      await writeStore(client, store);
      // The planner's statistics now, not when autovacuum gets to it: without them the first
      // commands after a copy read a sector's histories by scanning every table whole.
      await client.query(`ANALYZE ${TABLES.join(', ')}`);
    });
  } catch (error) {
    throw databaseError(error, url);
  } finally {
    await client.end().catch(() => {});
  }
}
