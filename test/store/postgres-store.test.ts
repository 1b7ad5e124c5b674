import { copyFileSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, nsmAsync, tempStore } from '../helpers/cli.js';
import { nsmIn } from '../helpers/in-process.js';
import { sameUuids, storesWithSameUuids } from '../helpers/uuids.js';
import pg from 'pg';
import { freshDatabase, sql, startCluster, testCluster, type FreshDatabase } from '../helpers/postgres.js';

/**
 * The commands on a PostgreSQL store (`--store postgres://…`, the test server's): the same domain
 * code reads and changes the same records, so a coordinator's quarter run on a database store and
 * on a JSON file gives the same outputs and the same records.
 */

const databases: FreshDatabase[] = [];
afterAll(async () => {
  await Promise.all(databases.map((db) => db.drop()));
});

/** A database holding a copy of `file`'s store. */
async function databaseOf(file: string): Promise<FreshDatabase> {
  const db = await freshDatabase(testCluster());
  databases.push(db);
  const copied = await nsmIn(['store', 'copy', '--to', db.url], { store: file });
  expect(copied.status, copied.stderr).toBe(0);
  return db;
}

/** The coordinator's loop: schedule, hold, raise, agree, then the agenda, minutes, calendar and reports. */
const LOOP: Array<{ args: string[]; now?: string }> = [
  {
    args: [
      'meeting',
      'schedule',
      '--sector',
      '75B',
      '--at',
      '2027-01-19 7pm',
      '--repeat',
      'quarterly',
      '--until',
      '2027-12-31',
    ],
  },
  { args: ['meeting', 'held', 'M2', '--attendance', '31'], now: '2026-12-10T17:00:00Z' },
  {
    args: [
      'issue',
      'raise',
      '--meeting',
      'M2',
      '--summary',
      'Double parking on Pitkin Ave',
      '--category',
      'traffic',
    ],
    now: '2026-12-10T17:00:00Z',
  },
  {
    args: ['solution', 'add', 'I11', '--summary', 'Tow-away signs', '--owner', 'DOT', '--due', '2027-01-15'],
    now: '2026-12-10T17:00:00Z',
  },
  {
    args: ['issue', 'update', 'I1', '--status', 'in-progress', '--note', 'DOT is studying it'],
    now: '2026-12-10T17:00:00Z',
  },
  { args: ['minutes', 'approve', 'M1'], now: '2026-12-10T17:00:00Z' },
  {
    args: ['nco', 'add', '--name', 'Pat Doe', '--shield', '4321', '--precinct', '75'],
    now: '2026-12-10T17:00:00Z',
  },
  { args: ['nco', 'assign', 'N19', '75B'], now: '2026-12-10T17:00:00Z' },
  { args: ['meeting', 'next', '--sector', '75A'], now: '2026-12-10T17:00:00Z' },
  { args: ['agenda', 'M3'], now: '2026-12-10T17:00:00Z' },
  { args: ['minutes', 'M2', '--format', 'md'], now: '2026-12-10T17:00:00Z' },
  { args: ['calendar', '--precinct', '75'], now: '2026-12-10T17:00:00Z' },
  { args: ['issue', 'list', '--sector', '75A'], now: '2026-12-10T17:00:00Z' },
  { args: ['report', 'issues', '--precinct', '75'], now: '2026-12-10T17:00:00Z' },
  { args: ['report', 'staffing', '--precinct', '75'], now: '2026-12-10T17:00:00Z' },
  { args: ['meeting', 'schedule', '--sector', '75B', '--at', '2027-01-19 7pm'], now: '2026-12-10T17:00:00Z' },
];

describe('the commands on a PostgreSQL store', () => {
  let demo: string;
  beforeAll(async () => {
    demo = tempStore();
    expect((await nsmIn(['demo', '--store', demo])).status).toBe(0);
  });

  it('run a quarter with the same outputs and records as on a JSON file', async () => {
    const file = tempStore();
    copyFileSync(demo, file);
    const db = await databaseOf(demo);
    for (const { args, now } of LOOP) {
      const env = now ? { NSM_NOW: now } : {};
      const onFile = await nsmIn(args, { store: file, env });
      const onDb = await nsmIn(['--store', db.url, ...args], { env });
      expect(onDb.status, `${args.join(' ')}: ${onDb.stderr}`).toBe(onFile.status);
      expect(sameUuids(onDb.stdout), args.join(' ')).toBe(sameUuids(onFile.stdout));
      expect(onDb.stderr.replace(db.url.replace(/:[^:@/]*@/, ':***@'), '<store>')).toBe(
        onFile.stderr.replace(file, '<store>'),
      );
    }
    // The last step was refused by a rule (75B already meets then): exit 3 on both.
    expect(
      (await nsmIn(['--store', db.url, ...LOOP.at(-1)!.args], { env: { NSM_NOW: LOOP.at(-1)!.now! } }))
        .status,
    ).toBe(3);
    const out = join(dirname(tempStore()), 'out.json');
    expect((await nsmIn(['--store', db.url, 'store', 'copy', '--to', out])).status).toBe(0);
    // The same records, each new meeting with its own random UUID on either side.
    const [fromFile, fromDb] = storesWithSameUuids(file, out);
    expect(fromDb).toEqual(fromFile);
  });

  it('keep a refused change from writing anything', async () => {
    const db = await databaseOf(demo);
    const before = await sql(db.url, 'SELECT id, status, revision FROM meetings ORDER BY id');
    const refused = await nsmIn(['--store', db.url, 'meeting', 'cancel', 'M999', '--reason', 'x']);
    expect(refused.status).toBe(4);
    const rule = await nsmIn(['--store', db.url, 'meeting', 'held', 'M50', '--attendance', '3']);
    expect(rule.status).toBe(3);
    expect(await sql(db.url, 'SELECT id, status, revision FROM meetings ORDER BY id')).toEqual(before);
  });

  it('land every write of 8 processes writing at once, with unique ids from the sequences', async () => {
    const db = await databaseOf(demo);
    const before = json<unknown[]>(await nsmIn(['--store', db.url, 'nco', 'list', '--json'])).length;
    const writers = 8;
    const each = 25;
    const runs = await Promise.all(
      Array.from({ length: writers }, async (_, w) => {
        const results = [];
        for (let i = 0; i < each; i++)
          results.push(
            await nsmAsync(
              [
                '--store',
                db.url,
                'nco',
                'add',
                '--name',
                `Writer ${w} number ${i}`,
                '--shield',
                `${9000 + w * 100 + i}`,
                '--precinct',
                '14',
                '--json',
              ],
              {},
            ),
          );
        return results;
      }),
    );
    const all = runs.flat();
    const failed = all.filter((r) => r.status !== 0);
    expect(failed.map((r) => r.stderr)).toEqual([]);
    const ids = all.map((r) => (JSON.parse(r.stdout) as { id: string }).id);
    expect(new Set(ids).size).toBe(writers * each);
    const ncos = await sql<{ id: string; name: string }>(db.url, 'SELECT id, name FROM ncos');
    expect(ncos.length).toBe(before + writers * each);
    for (const r of all) {
      const { id, name } = JSON.parse(r.stdout) as { id: string; name: string };
      expect(ncos).toContainEqual({ id, name });
    }
    // The next id is past every id handed out.
    const [next] = await sql<{ n: string }>(db.url, `SELECT nextval('nco_id_seq')::text AS n`);
    expect(Number(next!.n)).toBeGreaterThan(Math.max(...ids.map((id) => Number(id.slice(1)))));
  }, 180_000);

  it('check a database with doctor as a file is checked (with no backups), and refuse --restore', async () => {
    const db = await databaseOf(demo);
    const file = tempStore();
    copyFileSync(demo, file);
    // The same change on both, which leaves a sector short of NCOs: a finding to report.
    for (const store of [file, db.url])
      expect((await nsmIn(['--store', store, 'nco', 'unassign', 'N1'])).status).toBe(0);
    const onFile = await nsmIn(['doctor', '--precinct', 'all', '--json'], { store: file });
    const onDb = await nsmIn(['--store', db.url, 'doctor', '--precinct', 'all', '--json']);
    expect(onDb.status, onDb.stderr).toBe(onFile.status);
    const report = (r: typeof onDb) =>
      JSON.parse(r.stdout) as { store: string; findings: unknown[]; counts: unknown; backups: unknown[] };
    const fromFile = report(onFile);
    const fromDb = report(onDb);
    expect(fromDb.findings.length).toBeGreaterThan(0);
    expect(fromDb.findings).toEqual(fromFile.findings);
    expect(fromDb.counts).toEqual(fromFile.counts);
    expect(fromDb.backups).toEqual([]);
    expect(fromDb.store).toBe(db.url.replace(/:[^:@/]*@/, ':***@'));
    expect(onDb.stdout).not.toContain(db.password);
    const restore = await nsmIn(['--store', db.url, 'doctor', '--restore', '000001']);
    expect(restore.status).toBe(2);
    expect(restore.stderr).toMatch(/doctor --restore works on a JSON store file, not on a PostgreSQL store/);
    expect(restore.stderr).not.toContain(db.password);
  });

  it('end a change with exit 7 when the server stops part-way, with nothing of it written', async () => {
    // A server of its own, to stop and start again.
    const cluster = await startCluster();
    const admin = new pg.Client({ connectionString: cluster.adminUrl });
    try {
      const db = await freshDatabase(cluster);
      expect((await nsmIn(['store', 'copy', '--to', db.url], { store: demo })).status).toBe(0);
      // The administrator holds the change log, so the change writes its issue, then waits to log it.
      const holder = new pg.Client({
        connectionString: cluster.adminUrl.replace('/postgres?', `/${db.name}?`),
      });
      holder.on('error', () => {});
      await holder.connect();
      await holder.query('BEGIN');
      await holder.query('LOCK TABLE change_log IN ACCESS EXCLUSIVE MODE');
      const raising = nsmAsync([
        '--store',
        db.url,
        'issue',
        'raise',
        '--meeting',
        'M1',
        '--summary',
        'Half written',
      ]);
      await admin.connect();
      let waiting = false;
      for (let i = 0; i < 200 && !waiting; i++) {
        const rows = await admin.query(
          `SELECT query FROM pg_stat_activity WHERE application_name = 'nsm' AND wait_event_type = 'Lock'`,
        );
        waiting = rows.rows.some((r: { query: string }) => /INSERT INTO change_log/.test(r.query));
        if (!waiting) await new Promise((r) => setTimeout(r, 25));
      }
      expect(waiting, 'the change was seen waiting to log itself, its issue written').toBe(true);
      await admin.end();
      await cluster.restart();
      const run = await raising;
      expect(run.status, run.stderr).toBe(7);
      expect(run.stderr).toMatch(/^nsm: lost the database at postgres:\/\/[^:]+:\*\*\*@/);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).not.toContain(db.password);
      // The server rolled the change back: the store is as it was, and reads.
      expect(await sql(db.url, `SELECT id FROM issues WHERE summary = 'Half written'`)).toEqual([]);
      const list = await nsmIn(['--store', db.url, 'issue', 'list', '--json']);
      expect(list.status, list.stderr).toBe(0);
      expect(JSON.parse(list.stdout)).toHaveLength(10);
    } finally {
      await admin.end().catch(() => {});
      await cluster.stop();
    }
  }, 60_000);

  it('build the demo in an empty database, with the records and tour a file gets', async () => {
    const db = await freshDatabase(testCluster());
    databases.push(db);
    const env = { NSM_NOW: '2026-11-27T15:00:00Z' };
    const file = tempStore();
    const onFile = await nsmIn(['demo', '--store', file, '--json'], { env });
    const onDb = await nsmIn(['demo', '--store', db.url, '--json'], { env });
    expect(onDb.status, onDb.stderr).toBe(0);
    const tour = (out: string) => {
      const { store, calendar, minutes, rolloutMap, ...rest } = JSON.parse(out) as Record<string, unknown>;
      return { paths: [store, calendar, minutes, rolloutMap] as string[], rest };
    };
    const fromDb = tour(onDb.stdout);
    expect(sameUuids(JSON.stringify(fromDb.rest))).toBe(sameUuids(JSON.stringify(tour(onFile.stdout).rest)));
    expect(fromDb.paths[0]).toBe(db.url.replace(/:[^:@/]*@/, ':***@'));
    // Its files are made, in a folder of their own.
    for (const path of fromDb.paths.slice(1)) expect(readFileSync(path).length).toBeGreaterThan(100);
    const out = join(dirname(tempStore()), 'demo-out.json');
    expect((await nsmIn(['--store', db.url, 'store', 'copy', '--to', out])).status).toBe(0);
    const records = (text: string) => {
      const { meetings, ...rest } = JSON.parse(text) as { meetings: Array<{ uuid: string }> };
      return { ...rest, meetings: meetings.map((m) => ({ ...m, uuid: '' })) };
    };
    expect(records(readFileSync(out, 'utf8'))).toEqual(records(readFileSync(file, 'utf8')));
    // Never over records: a database that holds a store is refused, untouched.
    const again = await nsmIn(['demo', '--store', db.url], { env });
    expect(again.status).toBe(3);
    expect(again.stderr).toMatch(/already holds a store/);
  });

  it('start with nsm init, which sets up an empty database as it does a file', async () => {
    const db = await freshDatabase(testCluster());
    databases.push(db);
    const init = await nsmIn(['--store', db.url, 'init']);
    expect(init.status, init.stderr).toBe(0);
    expect(init.stderr).toMatch(
      /Created the store in postgres:\/\/[^:]+:\*\*\*@.* with 78 precincts, 302 sectors/,
    );
    const file = tempStore();
    expect((await nsmIn(['init'], { store: file })).status).toBe(0);
    for (const args of [
      ['precinct', 'list'],
      ['sector', 'list', '--precinct', '75'],
      ['report', 'rollout'],
    ])
      expect((await nsmIn(['--store', db.url, ...args])).stdout, args.join(' ')).toBe(
        (await nsmIn(args, { store: file })).stdout,
      );
    const again = await nsmIn(['--store', db.url, 'init']);
    expect(again.status).toBe(3);
    expect(again.stderr).toMatch(/already holds a store/);
    expect((await nsmIn(['--store', db.url, 'init', '--force'])).status).toBe(2);
  });

  it("undo the connected coordinator's own last change, and not over another's later change", async () => {
    const db = await databaseOf(demo);
    // A second coordinator with a login of their own on the same database.
    const other = `${db.role}_b`;
    await sql(testCluster().adminUrl, `CREATE ROLE ${other} LOGIN PASSWORD 'b-secret' IN ROLE ${db.role}`);
    await sql(testCluster().adminUrl, `GRANT CONNECT ON DATABASE ${db.name} TO ${other}`);
    const theirs = db.url.replace(`${db.role}:${db.password}@`, `${other}:b-secret@`);
    const as = (url: string, ...args: string[]) => nsmIn(['--store', url, ...args]);
    const names = async () =>
      (await sql<{ name: string }>(db.url, 'SELECT name FROM ncos ORDER BY substring(id from 2)::int')).map(
        (r) => r.name,
      );
    const start = await names();

    expect(
      (await as(db.url, 'nco', 'add', '--name', 'Mine One', '--shield', '7001', '--precinct', '75')).status,
    ).toBe(0);
    expect(
      (await as(theirs, 'nco', 'add', '--name', 'Theirs One', '--shield', '7002', '--precinct', '75')).status,
    ).toBe(0);
    // My undo takes back my change, not their later one.
    const undo = await as(db.url, 'undo', '--json');
    expect(undo.status, undo.stderr).toBe(0);
    expect(json<{ undone: { command: string } }>(undo).undone.command).toMatch(/nco add --name 'Mine One'/);
    expect(await names()).toEqual([...start, 'Theirs One']);
    // The id stays used: the next NCO gets a new one.
    const next = json<{ id: string }>(
      await as(db.url, 'nco', 'add', '--name', 'Mine Two', '--shield', '7003', '--precinct', '75', '--json'),
    );
    expect(Number(next.id.slice(1))).toBe(start.length + 3);

    // They change the record my last change made: my undo is refused, and nothing changes.
    expect((await as(theirs, 'nco', 'edit', next.id, '--rank', 'Sergeant')).status).toBe(0);
    const before = await sql(db.url, 'SELECT * FROM ncos ORDER BY id');
    const refused = await as(db.url, 'undo');
    expect(refused.status).toBe(3);
    expect(refused.stderr).toMatch(new RegExp(`ncos ${next.id} was changed since, by another change`));
    expect(await sql(db.url, 'SELECT * FROM ncos ORDER BY id')).toEqual(before);

    // Each sees their own changes, newest first; the password is in none of them.
    const mine = json<{ command: string; undone: boolean }[]>(await as(db.url, 'undo', '--list', '--json'));
    expect(mine.map((c) => [c.command.replace(/^nsm --store \S+ /, ''), c.undone])).toEqual([
      ["nco add --name 'Mine Two' --shield 7003 --precinct 75 --json", false],
      ["nco add --name 'Mine One' --shield 7001 --precinct 75", true],
    ]);
    expect(JSON.stringify(mine)).not.toContain(db.password);
    const theirList = json<{ command: string }[]>(await as(theirs, 'undo', '--list', '--json'));
    expect(theirList.map((c) => c.command.replace(/^nsm --store \S+ /, ''))).toEqual([
      `nco edit ${next.id} --rank Sergeant`,
      "nco add --name 'Theirs One' --shield 7002 --precinct 75",
    ]);
    // Their undo takes back their edit.
    expect((await as(theirs, 'undo')).status).toBe(0);
    expect(
      (await sql<{ rank: string }>(db.url, 'SELECT rank FROM ncos WHERE id = $1', [next.id]))[0]!.rank,
    ).not.toBe('Sergeant');
  });

  it('take the database from the store setting, with the password from PGPASSWORD', async () => {
    const db = await databaseOf(demo);
    const config = join(dirname(tempStore()), 'config.json');
    const env = { NSM_CONFIG: config, NSM_STORE: '' };
    const bare = db.url.replace(`:${db.password}@`, '@');
    const set = await nsmIn(['config', 'set', 'store', bare], { env });
    expect(set.status, set.stderr).toBe(0);
    expect(readFileSync(config, 'utf8')).not.toContain(db.password);
    const list = await nsmIn(['nco', 'list', '--precinct', '75', '--json'], {
      env: { ...env, PGPASSWORD: db.password },
    });
    expect(list.status, list.stderr).toBe(0);
    expect(json<unknown[]>(list).length).toBeGreaterThan(0);
    const wrong = await nsmIn(['nco', 'list'], { env: { ...env, PGPASSWORD: 'nope' } });
    expect(wrong.status).toBe(6);
  });
});
