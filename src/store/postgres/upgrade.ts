import { StoreUnreadableError, WriteError } from '../../errors.js';
import { withoutPassword } from '../paths.js';
import { renewPrivileges } from './access.js';
import { appliedVersions, connect, databaseError, inTransaction, migrate } from './connect.js';
import { LATEST_VERSION, MIGRATIONS } from './schema.js';

/** What `nsm doctor --migrate` did to a database. */
export interface MigrationReport {
  from: number;
  to: number;
  applied: Array<{ version: number; name: string }>;
}

/**
 * Brings a database store's schema up to this nsm's (nsm doctor --migrate), in one transaction:
 * every pending migration, then the privileges of the roles that hold grants, renewed for the new
 * schema. A database set up by a newer nsm is refused (exit 6) and left as it is.
 */
export async function migrateDatabase(url: string, env?: NodeJS.ProcessEnv): Promise<MigrationReport> {
  const where = withoutPassword(url);
  const client = await connect(url, env);
  try {
    // READ COMMITTED: after the lock, the versions read are those a migration running at the same
    // time committed, so the second of two does nothing.
    return await inTransaction(
      client,
      async () => {
        const found = await client.query<{ admin: boolean | null; owner: string | null }>(
          `SELECT pg_has_role(current_user, relowner, 'USAGE') AS admin, pg_get_userbyid(relowner) AS owner
             FROM pg_class WHERE oid = to_regclass('schema_migrations')`,
        );
        const owner = found.rows[0];
        if (!owner)
          throw new StoreUnreadableError(
            `the database at ${where} holds no nsm store`,
            'set one up with nsm --store <url> init, or copy one in with: nsm store copy --to <url>',
          );
        const notAdmin = () =>
          new WriteError(
            `cannot migrate the database at ${where}: only the store's administrator can (permission denied)`,
            `nothing was changed; ask the administrator (role ${owner.owner}, which owns the store's tables) to run nsm doctor --migrate`,
          );
        let from: number;
        try {
          from = Math.max(...(await appliedVersions(client)));
        } catch (error) {
          throw !owner.admin && (error as { code?: string }).code === '42501' ? notAdmin() : error;
        }
        if (from < LATEST_VERSION) {
          if (!owner.admin) throw notAdmin();
          await client.query('LOCK TABLE schema_migrations IN SHARE ROW EXCLUSIVE MODE');
        }
        const now = Math.max(...(await appliedVersions(client)));
        const done = await migrate(client, url);
        if (done.length > 0) await renewPrivileges(client);
        return {
          from: now,
          to: Math.max(now, ...done),
          applied: MIGRATIONS.filter((m) => done.includes(m.version)).map(({ version, name }) => ({
            version,
            name,
          })),
        };
      },
      'READ COMMITTED',
    );
  } catch (error) {
    throw databaseError(error, url);
  } finally {
    await client.end().catch(() => {});
  }
}
