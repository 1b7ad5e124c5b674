import type { Store } from '../../domain/schema.js';
import { storeProblem } from '../../domain/schema.js';
import { connect, databaseError, inTransaction, migrate } from './connect.js';
import { checkEmpty, readStore, writeStore } from './copy.js';
import { applyChange } from './records.js';

/**
 * The PostgreSQL store as the commands see it: the same whole Store the JSON file gives, read in
 * one consistent snapshot, and changed by the same domain code. A change runs in one SERIALIZABLE
 * transaction (read, change, check every record, write what changed); when another change got in
 * first, PostgreSQL refuses one of the two and the change is made again on the new state.
 */

/** Reads the whole store in one snapshot. */
export async function loadDatabaseStore(url: string): Promise<Store> {
  const client = await connect(url);
  try {
    return await inTransaction(client, () => readStore(client, url), 'REPEATABLE READ READ ONLY');
  } catch (error) {
    throw databaseError(error, url);
  } finally {
    await client.end().catch(() => {});
  }
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

/** Applies `change` to the store in one transaction, as changeStore does for a file. */
export async function changeDatabaseStore<T>(
  url: string,
  change: (store: Store) => T | Promise<T>,
): Promise<T> {
  const client = await connect(url);
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        return await inTransaction(client, async () => {
          const before = await readStore(client, url);
          const after = structuredClone(before);
          const result = await change(after);
          const problem = storeProblem(after);
          if (problem) throw new Error(`refusing to write an invalid store: ${problem}`);
          await applyChange(client, before, after);
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
 * Puts a whole store into an empty database (nsm init, nsm store copy): its schema is set up and
 * every record written in one transaction, so a database is left either empty or holding it all.
 */
export async function createDatabaseStore(url: string, store: Store): Promise<void> {
  const client = await connect(url);
  try {
    await inTransaction(client, async () => {
      await migrate(client, url);
      await checkEmpty(client, url);
      await writeStore(client, store);
    });
  } catch (error) {
    throw databaseError(error, url);
  } finally {
    await client.end().catch(() => {});
  }
}
