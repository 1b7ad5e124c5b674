import type { Client } from 'pg';
import type { Store } from '../../domain/schema.js';
import { NotFoundError, RuleError, WriteError } from '../../errors.js';
import { withoutPassword } from '../paths.js';
import { checkSchema, connect, databaseError, inTransaction } from './connect.js';
import { changedPrecincts, SERIES, type RecordChange } from './records.js';

/**
 * Who may change which precincts of a database store. The administrator (the role that owns the
 * store's tables) grants a coordinator's role precincts; the grant is a row of precinct_grants,
 * which the row-level security of migration 2 (fences.ts) reads, and the privileges below, which
 * let the role read the store (the private columns only through the masking views) and write
 * its tables. Grants are not changes to the store's records, so they are not in the change log:
 * `access revoke` is what takes one back.
 */

/** Tables and views a coordinator reads whole. */
const READ = [
  'schema_migrations',
  'store_meta',
  'precinct_grants',
  'precincts',
  'sectors',
  'phases',
  'phase_precincts',
  'psas',
  'ncos',
  'nco_assignments',
  'meetings',
  'minutes_amendments',
  'change_log',
  'issues_read',
  'issue_history_read',
  'solutions_read',
  'solution_history_read',
  'minutes_read',
];

/** Tables holding private text: a coordinator reads only these columns of them (the views show the rest). */
const PUBLIC_COLUMNS: Record<string, readonly string[]> = {
  issues: [
    'id',
    'meeting_id',
    'precinct',
    'sector',
    'category',
    'private',
    'status',
    'raised_on',
    'created_at',
  ],
  issue_history: ['issue_id', 'position', 'on_date', 'status', 'meeting_id'],
  solutions: ['id', 'issue_id', 'owner_kind', 'due', 'status', 'agreed_at', 'created_at'],
  solution_history: ['solution_id', 'position', 'on_date', 'status', 'meeting_id'],
  minutes: ['meeting_id', 'approved_at', 'approved_on', 'recorded_at', 'public_snapshot'],
};

/** Tables a coordinator writes, row-level security deciding which rows. */
const WRITE = [
  'precincts',
  'sectors',
  'ncos',
  'nco_assignments',
  'meetings',
  'issues',
  'issue_history',
  'solutions',
  'solution_history',
  'minutes',
  'minutes_amendments',
];

/** The id counters (written by setval) and the change log's. */
const SEQUENCES = [...SERIES.map(([, sequence]) => sequence), 'change_log_seq_seq'];

/**
 * Gives `role` exactly the privileges a coordinator has on this schema: all taken away first, so
 * running it again (after a migration, say) leaves the same privileges whatever it had before.
 */
export async function setPrivileges(client: Client, role: string, granted: boolean): Promise<void> {
  const who = client.escapeIdentifier(role);
  const tables = [...new Set([...READ, ...Object.keys(PUBLIC_COLUMNS), ...WRITE])].join(', ');
  await client.query(`REVOKE ALL ON TABLE ${tables} FROM ${who}`);
  await client.query(`REVOKE ALL ON SEQUENCE ${SEQUENCES.join(', ')} FROM ${who}`);
  if (!granted) return;
  const where = (
    await client.query<{ database: string; schema: string; connect: boolean; usage: boolean }>(
      `SELECT current_database() AS database, current_schema() AS schema,
              has_database_privilege($1, current_database(), 'CONNECT') AS connect,
              has_schema_privilege($1, current_schema(), 'USAGE') AS usage`,
      [role],
    )
  ).rows[0]!;
  if (!where.connect)
    await client.query(`GRANT CONNECT ON DATABASE ${client.escapeIdentifier(where.database)} TO ${who}`);
  if (!where.usage)
    await client.query(`GRANT USAGE ON SCHEMA ${client.escapeIdentifier(where.schema)} TO ${who}`);
  await client.query(`GRANT SELECT ON TABLE ${READ.join(', ')} TO ${who}`);
  for (const [table, columns] of Object.entries(PUBLIC_COLUMNS))
    await client.query(`GRANT SELECT (${columns.join(', ')}) ON TABLE ${table} TO ${who}`);
  await client.query(`GRANT INSERT, UPDATE, DELETE ON TABLE ${WRITE.join(', ')} TO ${who}`);
  await client.query(
    `GRANT INSERT (command, changes, undoes), UPDATE (undone_by) ON TABLE change_log TO ${who}`,
  );
  await client.query(`GRANT USAGE, SELECT, UPDATE ON SEQUENCE ${SEQUENCES.join(', ')} TO ${who}`);
}

/** The roles that hold grants: after a migration, each is given the privileges of the new schema. */
export async function renewPrivileges(client: Client): Promise<void> {
  const roles = await client.query<{ role: string }>(
    'SELECT DISTINCT role FROM precinct_grants WHERE role IN (SELECT rolname FROM pg_roles) ORDER BY role',
  );
  for (const { role } of roles.rows) await setPrivileges(client, role, true);
}

interface Me {
  role: string;
  admin: boolean;
  granted: number[];
}

async function whoAmI(client: Client): Promise<Me> {
  return (
    await client.query<Me>(
      'SELECT current_user AS role, nsm_is_admin() AS admin, nsm_granted_precincts() AS granted',
    )
  ).rows[0]!;
}

/** A word as a shell takes it (a role name in a hint the user may paste). */
function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * Refuses, before anything is written, a change to records of a precinct the connected role has
 * no grant for, or to reference data, which only the administrator changes. Row-level security
 * refuses the same; this says which precinct, and who can grant it.
 */
export async function checkChangeAllowed(
  client: Client,
  url: string,
  changes: readonly RecordChange[],
  before: Store,
  after: Store,
): Promise<void> {
  if (changes.length === 0) return;
  const me = await whoAmI(client);
  if (me.admin) return;
  const { precincts, reference } = changedPrecincts(changes, before, after);
  const refused = [...precincts].filter((p) => !me.granted.includes(p)).sort((a, b) => a - b);
  const where = withoutPassword(url);
  if (refused.length > 0)
    throw new WriteError(
      `cannot write to the database at ${where}: role ${me.role} may not change the records of precinct${refused.length > 1 ? 's' : ''} ${refused.join(', ')} (permission denied)`,
      `nothing was changed; ask the store's administrator: nsm access grant ${shellWord(me.role)} --precinct ${refused[0]}`,
    );
  if (reference.size > 0)
    throw new WriteError(
      `cannot write to the database at ${where}: ${[...reference].join(', ')} ${reference.size > 1 ? 'are' : 'is'} reference data, which only the store's administrator changes (permission denied)`,
      "nothing was changed; ask the store's administrator to make this change",
    );
}

/** A role's grants after a grant or revoke. */
export interface AccessResult {
  role: string;
  precinct: number;
  /** Whether the command changed anything (a grant already held, or a revoke of none, does not). */
  changed: boolean;
  precincts: number[];
}

/** Runs one access change as the administrator, in one transaction. */
async function asAdmin<T>(
  url: string,
  env: NodeJS.ProcessEnv | undefined,
  fn: (client: Client) => Promise<T>,
) {
  const client = await connect(url, env);
  try {
    return await inTransaction(client, async () => {
      await checkSchema(client, url);
      const me = await whoAmI(client);
      if (!me.admin) {
        const owner = await client.query<{ owner: string }>(
          `SELECT pg_get_userbyid(relowner) AS owner FROM pg_class WHERE oid = 'issues'::regclass`,
        );
        throw new WriteError(
          `cannot change who may change which precinct: role ${me.role} is not the store's administrator (permission denied)`,
          `nothing was changed; ask the administrator (role ${owner.rows[0]!.owner}, which owns the store's tables) to run it`,
        );
      }
      return fn(client);
    });
  } catch (error) {
    throw databaseError(error, url);
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * The role must exist, and not be an administrator already: those change every precinct, and
 * setting a coordinator's privileges would take the owner's own away.
 */
async function checkRole(client: Client, role: string): Promise<void> {
  const found = await client.query<{ admin: boolean }>(
    `SELECT pg_has_role(rolname, (SELECT relowner FROM pg_class WHERE oid = 'issues'::regclass), 'USAGE') AS admin
       FROM pg_roles WHERE rolname = $1`,
    [role],
  );
  if (found.rowCount === 0)
    throw new NotFoundError(
      `there is no database role ${role}`,
      `create the coordinator's login first (as a PostgreSQL administrator): createuser --pwprompt ${shellWord(role)}`,
    );
  if (found.rows[0]!.admin)
    throw new RuleError(
      `role ${role} is an administrator of the store (it owns the tables, is a member of their owner, or is a superuser)`,
      "nothing was changed; it may change every precinct already (grants are for coordinators' own roles)",
    );
}

async function precinctsOf(client: Client, role: string): Promise<number[]> {
  const rows = await client.query<{ precinct: number }>(
    'SELECT precinct FROM precinct_grants WHERE role = $1 ORDER BY precinct',
    [role],
  );
  return rows.rows.map((r) => r.precinct);
}

/** Lets `role` change the records of `precinct` and read its private text. */
export function grantAccess(
  url: string,
  role: string,
  precinct: number,
  env?: NodeJS.ProcessEnv,
): Promise<AccessResult> {
  return asAdmin(url, env, async (client) => {
    await checkRole(client, role);
    const exists = await client.query('SELECT 1 FROM precincts WHERE precinct = $1', [precinct]);
    if (exists.rowCount === 0)
      throw new NotFoundError(`there is no precinct ${precinct}`, 'list them with: nsm precinct list');
    const added = await client.query(
      'INSERT INTO precinct_grants (role, precinct) VALUES ($1, $2) ON CONFLICT DO NOTHING',
      [role, precinct],
    );
    await setPrivileges(client, role, true);
    return { role, precinct, changed: added.rowCount === 1, precincts: await precinctsOf(client, role) };
  });
}

/** Takes a precinct back from `role`; with none left, the role loses its privileges on the store. */
export function revokeAccess(
  url: string,
  role: string,
  precinct: number,
  env?: NodeJS.ProcessEnv,
): Promise<AccessResult> {
  return asAdmin(url, env, async (client) => {
    await checkRole(client, role);
    const removed = await client.query('DELETE FROM precinct_grants WHERE role = $1 AND precinct = $2', [
      role,
      precinct,
    ]);
    const left = await precinctsOf(client, role);
    await setPrivileges(client, role, left.length > 0);
    return { role, precinct, changed: removed.rowCount === 1, precincts: left };
  });
}

/** Every role with grants, and its precincts. */
export async function listAccess(
  url: string,
  env?: NodeJS.ProcessEnv,
): Promise<Array<{ role: string; precincts: number[] }>> {
  const client = await connect(url, env);
  try {
    return await inTransaction(
      client,
      async () => {
        await checkSchema(client, url);
        const rows = await client.query<{ role: string; precincts: number[] }>(
          `SELECT role, array_agg(precinct ORDER BY precinct) AS precincts FROM precinct_grants
            GROUP BY role ORDER BY role`,
        );
        return rows.rows;
      },
      'REPEATABLE READ READ ONLY',
    );
  } catch (error) {
    throw databaseError(error, url, true);
  } finally {
    await client.end().catch(() => {});
  }
}
