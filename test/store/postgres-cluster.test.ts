import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, sql, testCluster, type FreshDatabase } from '../helpers/postgres.js';

/**
 * The PostgreSQL store's tests run against a real server that the global setup starts for the run
 * (test/helpers/postgres.ts). These tests show that it is one: a real PostgreSQL, reached over TCP
 * with a password, with a database of its own for each test that no other test's role can enter.
 */
let first: FreshDatabase;
let second: FreshDatabase;
beforeAll(async () => {
  [first, second] = await Promise.all([freshDatabase(testCluster()), freshDatabase(testCluster())]);
});
afterAll(async () => {
  await Promise.all([first?.drop(), second?.drop()]);
});

/** The URL of `database` with a part changed, as a user might mistype it. */
function changed(database: FreshDatabase, change: (url: URL) => void): string {
  const url = new URL(database.url);
  change(url);
  return url.toString();
}

const tablesIn = (url: string) =>
  sql(url, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'");

describe('the test PostgreSQL server', () => {
  it('is reached over TCP as the fresh database’s role, in that database', async () => {
    expect(first.url).toBe(
      `postgres://${first.role}:${first.password}@127.0.0.1:${testCluster().port}/${first.name}`,
    );
    const rows = await sql(
      first.url,
      'SELECT current_user, current_database(), inet_server_addr() AS address',
    );
    expect(rows).toEqual([{ current_user: first.role, current_database: first.name, address: '127.0.0.1' }]);
  });

  it('is PostgreSQL 15 or newer', async () => {
    const [row] = await sql<{ server_version_num: string }>(first.url, 'SHOW server_version_num');
    expect(Number(row?.server_version_num)).toBeGreaterThanOrEqual(150000);
  });

  it('gives each fresh database a name and a role of its own, and no tables', async () => {
    expect(second.name).not.toBe(first.name);
    expect(second.role).not.toBe(first.role);
    expect(await tablesIn(first.url)).toEqual([]);
    expect(await tablesIn(second.url)).toEqual([]);
  });

  it('lets the role create tables in its own database, seen there only', async () => {
    const own = await freshDatabase(testCluster());
    try {
      await sql(own.url, 'CREATE TABLE meetings (id text PRIMARY KEY)');
      expect(await tablesIn(own.url)).toEqual([{ table_name: 'meetings' }]);
      expect(await tablesIn(second.url)).toEqual([]);
    } finally {
      await own.drop();
    }
  });

  it('refuses a wrong password', async () => {
    const wrong = changed(first, (url) => (url.password = `not-${first.password}`));
    await expect(sql(wrong, 'SELECT 1')).rejects.toMatchObject({ code: '28P01' });
  });

  it('refuses the role of one fresh database in another’s', async () => {
    const intruder = changed(second, (url) => (url.pathname = `/${first.name}`));
    await expect(sql(intruder, 'SELECT 1')).rejects.toMatchObject({ code: '42501' });
  });

  it('lets the superuser in over the Unix socket without a password', async () => {
    const { adminUrl, socketDir } = testCluster();
    const rows = await sql(adminUrl, 'SELECT current_user, inet_server_addr() AS address');
    // No server address: the connection is not over TCP.
    expect(rows).toEqual([{ current_user: 'postgres', address: null }]);
    const [directory] = await sql<{ unix_socket_directories: string }>(
      adminUrl,
      'SHOW unix_socket_directories',
    );
    expect(directory?.unix_socket_directories).toBe(socketDir);
  });

  it('drop() removes the database and its role', async () => {
    const { adminUrl } = testCluster();
    const gone = await freshDatabase(adminUrl);
    await gone.drop();
    const left = await sql(
      adminUrl,
      'SELECT (SELECT count(*) FROM pg_database WHERE datname = $1) + (SELECT count(*) FROM pg_roles WHERE rolname = $2) AS n',
      [gone.name, gone.role],
    );
    expect(left).toEqual([{ n: '0' }]);
    await expect(sql(gone.url, 'SELECT 1')).rejects.toMatchObject({ code: '28P01' });
  });
});
