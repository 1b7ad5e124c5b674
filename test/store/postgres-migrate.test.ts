import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/store/postgres/connect.js';
import { json, tempStore } from '../helpers/cli.js';
import { nsmIn } from '../helpers/in-process.js';
import { freshDatabase, sql, testCluster, type FreshDatabase } from '../helpers/postgres.js';
import { fencedStore } from './fenced-fixture.js';

/**
 * `nsm doctor --migrate` brings a database set up by an earlier nsm up to this one's schema, in
 * one transaction, records and all; a database of a newer nsm is refused and left as it is.
 */

const databases: FreshDatabase[] = [];
const roles: string[] = [];
async function database(): Promise<FreshDatabase> {
  const db = await freshDatabase(testCluster());
  databases.push(db);
  return db;
}
afterAll(async () => {
  await Promise.all(databases.map((db) => db.drop()));
  for (const role of roles) await sql(testCluster().adminUrl, `DROP ROLE IF EXISTS ${role}`);
});

/** The record tables of schema 1, in the order their references allow. */
const TABLES = [
  'store_meta',
  'precincts',
  'sectors',
  'phases',
  'phase_precincts',
  'psas',
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
const SEQUENCES = ['nco_id_seq', 'meeting_id_seq', 'series_id_seq', 'issue_id_seq', 'solution_id_seq'];

/**
 * A database as nsm 0.8's first schema left it: migration 1 alone, holding the records of `from`
 * (a database at the current schema), each table's columns of schema 1 copied row for row.
 */
async function schemaOneCopyOf(from: FreshDatabase): Promise<FreshDatabase> {
  const db = await database();
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    await client.query('BEGIN');
    expect(await migrate(client, db.url, 1)).toEqual([1]);
    await client.query('COMMIT');
  } finally {
    await client.end();
  }
  for (const table of TABLES) {
    const columns = await sql<{ column_name: string }>(
      db.url,
      `SELECT column_name FROM information_schema.columns WHERE table_name = $1 ORDER BY ordinal_position`,
      [table],
    );
    const [{ rows }] = (await sql<{ rows: unknown }>(
      from.url,
      `SELECT coalesce(json_agg(t), '[]') AS rows FROM (SELECT ${columns.map((c) => c.column_name).join(', ')} FROM ${table}) t`,
    )) as [{ rows: unknown }];
    await sql(db.url, `INSERT INTO ${table} SELECT * FROM json_populate_recordset(null::${table}, $1)`, [
      JSON.stringify(rows),
    ]);
  }
  for (const sequence of SEQUENCES) {
    const [state] = await sql<{ last_value: string; is_called: boolean }>(
      from.url,
      `SELECT last_value::text, is_called FROM ${sequence}`,
    );
    await sql(db.url, `SELECT setval('${sequence}', $1, $2)`, [state!.last_value, state!.is_called]);
  }
  return db;
}

/** The database's schema as the catalogue has it: tables, views, columns, policies, functions, versions. */
async function schemaOf(url: string): Promise<string> {
  const parts = await Promise.all([
    sql(
      url,
      `SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns
               WHERE table_schema = 'public' ORDER BY 1, 2`,
    ),
    sql(url, `SELECT tablename, policyname, cmd, qual, with_check FROM pg_policies ORDER BY 1, 2`),
    sql(
      url,
      `SELECT relname, relrowsecurity FROM pg_class WHERE relnamespace = 'public'::regnamespace ORDER BY 1`,
    ),
    sql(url, `SELECT proname FROM pg_proc WHERE pronamespace = 'public'::regnamespace ORDER BY 1`),
    sql(url, 'SELECT version, name FROM schema_migrations ORDER BY 1'),
  ]);
  return JSON.stringify(parts);
}

async function copiedOut(url: string): Promise<unknown> {
  const out = join(dirname(tempStore()), 'out.json');
  const run = await nsmIn(['--store', url, 'store', 'copy', '--to', out]);
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(readFileSync(out, 'utf8'));
}

describe('nsm doctor --migrate on a database store', () => {
  let file: string;
  let current: FreshDatabase;
  beforeAll(async () => {
    file = await fencedStore();
    current = await database();
    const copied = await nsmIn(['store', 'copy', '--to', current.url], { store: file });
    expect(copied.status, copied.stderr).toBe(0);
  });

  it('brings a schema 1 database up to date, records and all, once', async () => {
    const old = await schemaOneCopyOf(current);
    const versions = () => sql(old.url, 'SELECT version FROM schema_migrations ORDER BY 1');
    // An older schema is not read: it says how to bring it up to date, and is left as it is.
    const refused = await nsmIn(['--store', old.url, 'issue', 'list']);
    expect(refused.status).toBe(6);
    expect(refused.stderr).toMatch(/has schema 1, and this nsm reads schema 2 — .*nsm doctor --migrate\n$/);
    expect((await nsmIn(['--store', old.url, 'issue', 'note', 'I1', '--note', 'x'])).status).toBe(6);
    expect(await versions()).toEqual([{ version: 1 }]);

    const migrated = await nsmIn(['--store', old.url, 'doctor', '--migrate', '--json']);
    expect(migrated.status, migrated.stderr).toBe(0);
    expect(json(migrated)).toEqual({
      store: old.url.replace(`:${old.password}@`, ':***@'),
      from: 1,
      to: 2,
      applied: [{ version: 2, name: expect.stringMatching(/fenced/) }],
    });
    expect(migrated.stderr).toMatch(
      /^Migrated the database at .* from schema 1 to 2, in one transaction\.\n$/,
    );
    // The same schema as a database set up at schema 2, and the same records as the file.
    expect(await schemaOf(old.url)).toBe(await schemaOf(current.url));
    expect(await copiedOut(old.url)).toEqual(JSON.parse(readFileSync(file, 'utf8')));
    // The public copies of the approved minutes, made by the migration, are those nsm writes.
    const publicCopies = (url: string) =>
      sql(url, 'SELECT meeting_id, public_snapshot::text AS copy FROM minutes ORDER BY 1');
    expect(await publicCopies(old.url)).toEqual(await publicCopies(current.url));
    expect(JSON.stringify(await publicCopies(old.url))).not.toMatch(/Secret7[57]/);
    expect(JSON.stringify(await sql(old.url, 'SELECT snapshot FROM minutes'))).toMatch(/Secret77 summary/);

    const again = await nsmIn(['--store', old.url, 'doctor', '--migrate']);
    expect(again.status).toBe(0);
    expect(again.stderr).toMatch(/^The database at .* is up to date \(schema 2\)\.\n$/);
    expect(json(await nsmIn(['--store', old.url, 'doctor', '--migrate', '--json']))).toMatchObject({
      from: 2,
      to: 2,
      applied: [],
    });
    expect(await versions()).toEqual([{ version: 1 }, { version: 2 }]);
  });

  it('refuses a database of a newer nsm, and leaves it as it is', async () => {
    const db = await database();
    expect((await nsmIn(['store', 'copy', '--to', db.url], { store: file })).status).toBe(0);
    await sql(db.url, "INSERT INTO schema_migrations (version, name) VALUES (99, 'from a newer nsm')");
    const before = await schemaOf(db.url);
    for (const args of [
      ['doctor', '--migrate'],
      ['issue', 'list'],
      ['access', 'list'],
    ]) {
      const run = await nsmIn(['--store', db.url, ...args]);
      expect(run.status, args.join(' ')).toBe(6);
      expect(run.stderr).toMatch(
        /(newer nsm \(schema 99; this nsm knows up to 2\)|has schema 99).* — upgrade nsm/,
      );
    }
    expect(await schemaOf(db.url)).toBe(before);
  });

  it("is the administrator's to run; a coordinator's role is refused (exit 7), and a file has nothing to migrate (exit 2)", async () => {
    const old = await schemaOneCopyOf(current);
    const role = `${old.role}_coordinator`;
    roles.push(role);
    await sql(testCluster().adminUrl, `CREATE ROLE ${role} LOGIN PASSWORD 'c-secret'`);
    await sql(testCluster().adminUrl, `GRANT CONNECT ON DATABASE ${old.name} TO ${role}`);
    const theirs = old.url.replace(`${old.role}:${old.password}@`, `${role}:c-secret@`);
    const before = await schemaOf(old.url);
    const refused = await nsmIn(['--store', theirs, 'doctor', '--migrate']);
    expect(refused.status).toBe(7);
    expect(refused.stderr).toMatch(
      /only the store's administrator can \(permission denied\) — .*role nsm_test_\w+_owner/,
    );
    expect(await schemaOf(old.url)).toBe(before);

    const onFile = await nsmIn(['doctor', '--migrate'], { store: file });
    expect(onFile.status).toBe(2);
    expect(onFile.stderr).toMatch(/--migrate is for a PostgreSQL store/);
    // A database keeps no backups of nsm's to restore (plain doctor is tested in postgres-store).
    expect((await nsmIn(['--store', current.url, 'doctor', '--restore', '000001'])).status).toBe(2);
  });
});
