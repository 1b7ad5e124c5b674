import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, NOW, json, nsmAsync, tempStore } from '../helpers/cli.js';
import { nsmIn } from '../helpers/in-process.js';
import { freshDatabase, sql, testCluster, type FreshDatabase } from '../helpers/postgres.js';
import { LATEST_VERSION } from '../../src/store/postgres/schema.js';

/**
 * `nsm store copy` moves a whole store between a JSON file and a real PostgreSQL database (the
 * throwaway server of test/helpers/postgres.ts): every record, history, approved minutes and id
 * counter comes back as it went in, and the database's own rules refuse what the domain refuses.
 */

const databases: FreshDatabase[] = [];
async function database(): Promise<FreshDatabase> {
  const db = await freshDatabase(testCluster());
  databases.push(db);
  return db;
}
afterAll(async () => {
  await Promise.all(databases.map((db) => db.drop()));
});

const tables = async (url: string) =>
  (
    await sql<{ table_name: string }>(
      url,
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`,
    )
  ).map((r) => r.table_name);

/** A store of a tenth of the city for ten years (3.7 MB), long enough to copy to be cut part-way. */
let big: string | undefined;
async function bigStore(): Promise<string> {
  if (big) return big;
  const path = tempStore();
  const made = await new Promise<number>((done) =>
    spawn(process.execPath, ['bench/generate.mjs', '--scale', '0.1', '--out', path], { stdio: 'ignore' }).on(
      'exit',
      (code) => done(code ?? 1),
    ),
  );
  expect(made).toBe(0);
  return (big = path);
}

/** Waits until nsm is inserting issues or solutions into `db`; returns its server process id. */
async function whenInserting(db: FreshDatabase, running: () => boolean): Promise<number | null> {
  const watcher = new pg.Client({ connectionString: testCluster().adminUrl });
  await watcher.connect();
  try {
    for (let i = 0; i < 20_000 && running(); i++) {
      const active = await watcher.query<{ pid: number; query: string }>(
        `SELECT pid, query FROM pg_stat_activity WHERE datname = $1 AND application_name = 'nsm' AND state = 'active'`,
        [db.name],
      );
      const inserting = active.rows.find((a) =>
        /INSERT INTO (issues|issue_history|solutions|solution_history) /.test(a.query),
      );
      if (inserting) return inserting.pid;
    }
    return null;
  } finally {
    await watcher.end();
  }
}

describe('nsm store copy, JSON file ⇄ PostgreSQL', () => {
  let demo: string;
  let demoText: string;
  beforeAll(async () => {
    demo = tempStore();
    // A demo store with an approved minutes, an edit in a history and a cancelled meeting.
    expect((await nsmIn(['demo', '--store', demo])).status).toBe(0);
    // A few weeks on, once 75A's December meeting (M2) was held.
    const env = { NSM_NOW: '2026-12-10T17:00:00Z' };
    for (const args of [
      ['meeting', 'held', 'M2', '--attendance', '20'],
      ['minutes', 'approve', 'M1'],
      ['issue', 'edit', 'I1', '--summary', 'Drag racing on Linden Blvd at night'],
      ['meeting', 'cancel', 'M3', '--reason', 'Snow emergency'],
    ]) {
      const run = await nsmIn(args, { store: demo, env });
      expect(run.status, `${args.join(' ')}: ${run.stderr}`).toBe(0);
    }
    demoText = readFileSync(demo, 'utf8');
  });

  it('copies a store into an empty database and back into a new file, record for record', async () => {
    const db = await database();
    const to = await nsmIn(['store', 'copy', '--to', db.url, '--json'], { store: demo });
    expect(to.status, to.stderr).toBe(0);
    const back = join(dirname(tempStore()), 'back.json');
    const from = await nsmIn(['--store', db.url, 'store', 'copy', '--to', back]);
    expect(from.status, from.stderr).toBe(0);
    // The same records in the same order (the key order within a record is not kept: JSON objects
    // are unordered, and nsm's commands write their keys in different orders).
    expect(JSON.parse(readFileSync(back, 'utf8'))).toEqual(JSON.parse(demoText));
    expect(json<{ nextId: unknown }>(to).nextId).toEqual(JSON.parse(demoText).nextId);
    const store = JSON.parse(demoText) as { minutes: unknown[]; issues: { history: { edit?: unknown }[] }[] };
    expect(store.minutes.length).toBe(1);
    expect(store.issues.some((i) => i.history.some((h) => h.edit))).toBe(true);
  });

  it('keeps every record as rows, histories in order, and the id counters as sequences', async () => {
    const db = await database();
    expect((await nsmIn(['store', 'copy', '--to', db.url], { store: demo })).status).toBe(0);
    const store = JSON.parse(demoText) as {
      nextId: Record<string, number>;
      meetings: unknown[];
      issues: { id: string; history: { status: string; note: string }[] }[];
      solutions: unknown[];
    };
    const [counts] = await sql<Record<string, number>>(
      db.url,
      `SELECT (SELECT count(*) FROM meetings)::int AS meetings, (SELECT count(*) FROM issues)::int AS issues,
              (SELECT count(*) FROM solutions)::int AS solutions`,
    );
    expect(counts).toEqual({
      meetings: store.meetings.length,
      issues: store.issues.length,
      solutions: store.solutions.length,
    });
    const issue = store.issues.find((i) => i.history.length > 1)!;
    const history = await sql<{ status: string; note: string }>(
      db.url,
      'SELECT status, note FROM issue_history WHERE issue_id = $1 ORDER BY position',
      [issue.id],
    );
    expect(history).toEqual(issue.history.map((h) => ({ status: h.status, note: h.note })));
    // The next id handed out is the store's next id: none is ever handed out twice.
    const [next] = await sql<{ issue: string; meeting: string }>(
      db.url,
      `SELECT nextval('issue_id_seq')::text AS issue, nextval('meeting_id_seq')::text AS meeting`,
    );
    expect(next).toEqual({ issue: String(store.nextId.issue), meeting: String(store.nextId.meeting) });
  });

  it("refuses, in the database itself, records that break the domain's rules", async () => {
    const db = await database();
    expect((await nsmIn(['store', 'copy', '--to', db.url], { store: demo })).status).toBe(0);
    const refusal = (text: string) =>
      sql(db.url, text).then(
        () => 'accepted',
        (e: { code: string }) => e.code,
      );
    // A status no meeting has, an issue raised at no meeting, a solution for no issue, a bad id.
    expect(await refusal(`UPDATE meetings SET status = 'postponed' WHERE id = 'M1'`)).toBe('23514');
    expect(await refusal(`UPDATE issues SET meeting_id = 'M999' WHERE id = 'I1'`)).toBe('23503');
    expect(await refusal(`UPDATE solutions SET issue_id = 'I999' WHERE id = 'S1'`)).toBe('23503');
    expect(await refusal(`UPDATE ncos SET id = 'X1' WHERE id = 'N1'`)).toBe('23514');
    expect(await refusal(`UPDATE meetings SET duration_minutes = 721 WHERE id = 'M1'`)).toBe('23514');
    expect(await refusal(`DELETE FROM meetings WHERE id = 'M1'`)).toBe('23503');
  });

  it('copies only into an empty database, and leaves a full one as it was', async () => {
    const db = await database();
    expect((await nsmIn(['store', 'copy', '--to', db.url], { store: demo })).status).toBe(0);
    const before = await sql(db.url, 'SELECT count(*)::int AS n FROM issues');
    const again = await nsmIn(['store', 'copy', '--to', db.url], { store: demo });
    expect(again.status).toBe(3);
    expect(again.stderr).toMatch(/already holds a store \(78 precincts, 302 sectors,/);
    expect(await sql(db.url, 'SELECT count(*)::int AS n FROM issues')).toEqual(before);
  });

  it('refuses a database set up by a newer nsm, and changes nothing in it', async () => {
    const db = await database();
    expect((await nsmIn(['store', 'copy', '--to', db.url], { store: demo })).status).toBe(0);
    await sql(db.url, `INSERT INTO schema_migrations (version, name) VALUES (99, 'from the future')`);
    await sql(db.url, 'DELETE FROM minutes_amendments');
    const into = await nsmIn(['store', 'copy', '--to', db.url], { store: demo });
    expect(into.status).toBe(6);
    expect(into.stderr).toMatch(
      new RegExp(`set up by a newer nsm \\(schema 99; this nsm knows up to ${LATEST_VERSION}\\)`),
    );
    const out = await nsmIn([
      '--store',
      db.url,
      'store',
      'copy',
      '--to',
      join(dirname(tempStore()), 'x.json'),
    ]);
    expect(out.status).toBe(6);
    expect(out.stderr).toMatch(/has schema 99/);
  });

  it('never shows or records the password, and says what went wrong with the server', async () => {
    const db = await database();
    const wrong = db.url.replace(`:${db.password}@`, ':not-the-password@');
    const refused = await nsmIn(['store', 'copy', '--to', wrong], { store: demo });
    expect(refused.status).toBe(6);
    expect(refused.stderr).toMatch(/refused the login/);
    expect(refused.stderr).not.toContain('not-the-password');
    // No server on that port: exit 7, as for a store that cannot be written.
    const closed = db.url.replace(/:(\d+)\//, ':1/');
    const unreachable = await nsmIn(['store', 'copy', '--to', closed], { store: demo });
    expect(unreachable.status).toBe(7);
    expect(unreachable.stderr).toMatch(
      /cannot reach the database at postgres:\/\/[^:]+:\*\*\*@127\.0\.0\.1:1\//,
    );
    expect(unreachable.stderr).not.toContain(db.password);
    // A file copied out of a database records the command that made it without the password.
    expect((await nsmIn(['store', 'copy', '--to', db.url], { store: demo })).status).toBe(0);
    const file = join(dirname(tempStore()), 'out.json');
    expect((await nsmIn(['--store', db.url, 'store', 'copy', '--to', file])).status).toBe(0);
    const changes = json<{ command: string }[]>(await nsmIn(['undo', '--list', '--json'], { store: file }));
    expect(changes.at(-1)!.command).toContain(':***@127.0.0.1');
    expect(JSON.stringify(changes)).not.toContain(db.password);
  });

  it('refuses a copy between two files or two databases, and a URL that cannot be read', async () => {
    const db = await database();
    for (const bad of ['postgres://x:y@[::1', 'postgresql://u@127.0.0.1:99999/x']) {
      const run = await nsmIn(['store', 'copy', '--to', bad], { store: demo });
      expect(run.status, bad).toBe(2);
      expect(run.stderr).toMatch(
        /^nsm: postgres(ql)?:\/\/\S+ is not a PostgreSQL URL that can be read .* — write it as postgres:\/\//,
      );
      expect(run.stderr).not.toContain(':y@');
    }
    expect((await nsmIn(['store', 'copy', '--to', 'x.json'], { store: demo })).status).toBe(2);
    expect((await nsmIn(['--store', db.url, 'store', 'copy', '--to', db.url])).status).toBe(2);
    expect(await tables(db.url)).toEqual([]);
  });

  it('leaves the database empty when the copy is killed part-way (one transaction)', async () => {
    const db = await database();
    const big = await bigStore();
    const child = spawn(process.execPath, [BIN, 'store', 'copy', '--to', db.url], {
      env: { ...process.env, NSM_STORE: big, NSM_NOW: NOW, NSM_CONFIG: '/nonexistent' },
      stdio: 'ignore',
    });
    const exited = new Promise<void>((done) => child.on('exit', () => done()));
    // Killed once its transaction has written part of the store: the issues are being inserted.
    const seen = await whenInserting(db, () => child.exitCode === null);
    child.kill('SIGKILL');
    await exited;
    expect(seen, 'the copy was seen inserting issues or solutions').not.toBeNull();
    // The server ends the dead client's transaction; nothing of it stays, not even the schema.
    for (let i = 0; i < 100 && (await tables(db.url)).length > 0; i++)
      await new Promise((r) => setTimeout(r, 50));
    expect(await tables(db.url)).toEqual([]);
  });

  it('says the database was lost (exit 7) when its connection ends part-way, and leaves it empty', async () => {
    const db = await database();
    const copying = nsmAsync(['store', 'copy', '--to', db.url], { store: await bigStore() });
    let done = false;
    void copying.then(() => (done = true));
    const pid = await whenInserting(db, () => !done);
    expect(pid, 'the copy was seen inserting issues or solutions').not.toBeNull();
    // As when the server stops: the server ends the session.
    await sql(testCluster().adminUrl, 'SELECT pg_terminate_backend($1)', [pid]);
    const run = await copying;
    expect(run.status, run.stderr).toBe(7);
    expect(run.stderr).toMatch(/^nsm: lost the database at postgres:\/\/[^:]+:\*\*\*@/);
    expect(run.stderr).not.toContain(db.password);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(await tables(db.url)).toEqual([]);
  });
});
