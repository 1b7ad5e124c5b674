import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, nsmAsync, tempStore } from '../helpers/cli.js';
import { nsmIn } from '../helpers/in-process.js';
import { freshDatabase, sql, testCluster, type FreshDatabase } from '../helpers/postgres.js';
import { fencedStore } from './fenced-fixture.js';

/**
 * Fenced precincts: coordinators of the 75th and the 77th log in with roles of their own, granted
 * their precinct by the administrator (`nsm access grant`). Each changes only its own precinct's
 * records and reads the other's private text only as a placeholder, through nsm and through any
 * SQL it writes by hand; the database's row-level security and column privileges are the fence.
 */

const databases: FreshDatabase[] = [];
const roles: string[] = [];
afterAll(async () => {
  await Promise.all(databases.map((db) => db.drop()));
  for (const role of roles) await sql(testCluster().adminUrl, `DROP ROLE IF EXISTS ${role}`);
});

/** A login role of the cluster (not yet granted anything) and its URL for `db`. */
async function coordinator(db: FreshDatabase, name: string): Promise<string> {
  const role = `${db.role}_${name}`;
  roles.push(role);
  await sql(testCluster().adminUrl, `CREATE ROLE ${role} LOGIN PASSWORD '${name}-secret'`);
  return db.url.replace(`${db.role}:${db.password}@`, `${role}:${name}-secret@`);
}

const roleOf = (url: string) => new URL(url).username;

/** Every row of the record tables, read by the administrator: what "unchanged" is checked against. */
async function everything(url: string): Promise<string> {
  const tables = [
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
    'precinct_grants',
  ];
  const rows = await Promise.all(
    tables.map((t) => sql(url, `SELECT to_jsonb(t)::text AS row FROM ${t} t ORDER BY 1`)),
  );
  return JSON.stringify(rows);
}

/** Runs SQL as a role; a refusal comes back as its SQLSTATE. */
async function asRole(
  url: string,
  text: string,
): Promise<{ rows: unknown[]; count: number | null } | string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query(text);
    return { rows: result.rows, count: result.rowCount };
  } catch (error) {
    return (error as { code: string }).code;
  } finally {
    await client.end();
  }
}

const SECRET77 = /Secret77/;

describe('fenced precincts on a PostgreSQL store', () => {
  let db: FreshDatabase;
  let c75: string;
  let c77: string;
  const as = (url: string, ...args: string[]) => nsmIn(['--store', url, ...args]);

  beforeAll(async () => {
    db = await freshDatabase(testCluster());
    databases.push(db);
    const file = await fencedStore();
    const copied = await nsmIn(['store', 'copy', '--to', db.url], { store: file });
    expect(copied.status, copied.stderr).toBe(0);
    c75 = await coordinator(db, 'c75');
    c77 = await coordinator(db, 'c77');
    for (const [url, precinct] of [
      [c75, '75'],
      [c77, '77'],
    ] as const) {
      const granted = await as(db.url, 'access', 'grant', roleOf(url), '--precinct', precinct);
      expect(granted.status, granted.stderr).toBe(0);
    }
    // A change of the 77th's coordinator: the change log holds its private text.
    expect((await as(c77, 'issue', 'note', 'I3', '--note', 'Secret77 logged note')).status).toBe(0);
  });

  it('lists the grants, and refuses a grant to a role or precinct that does not exist', async () => {
    const list = json<Array<{ role: string; precincts: number[] }>>(
      await as(db.url, 'access', 'list', '--json'),
    );
    expect(list).toEqual([
      { role: roleOf(c75), precincts: [75] },
      { role: roleOf(c77), precincts: [77] },
    ]);
    const table = await as(db.url, 'access', 'list');
    expect(table.stdout).toBe(`Role\tPrecincts\n${roleOf(c75)}\t75\n${roleOf(c77)}\t77\n`);
    const again = await as(db.url, 'access', 'grant', roleOf(c75), '--precinct', '75', '--json');
    expect(json<{ changed: boolean; precincts: number[] }>(again)).toMatchObject({
      changed: false,
      precincts: [75],
    });
    const noRole = await as(db.url, 'access', 'grant', 'nobody_here', '--precinct', '75');
    expect(noRole.status).toBe(4);
    expect(noRole.stderr).toMatch(
      /there is no database role nobody_here — .*createuser --pwprompt nobody_here/,
    );
    const noPrecinct = await as(db.url, 'access', 'grant', roleOf(c75), '--precinct', '999');
    expect(noPrecinct.status).toBe(4);
    const missing = await as(db.url, 'access', 'grant', roleOf(c75));
    expect(missing.status).toBe(2);
    // The administrator changes every precinct already; its own privileges stay as they are.
    for (const verb of ['grant', 'revoke']) {
      const admin = await as(db.url, 'access', verb, db.role, '--precinct', '75');
      expect(admin.status, admin.stderr).toBe(3);
      expect(admin.stderr).toMatch(/is an administrator of the store/);
    }
    const stillAdmin = await as(db.url, 'precinct', 'rollout', '123', '--date', '2017-01-01');
    expect(stillAdmin.status, stillAdmin.stderr).toBe(0);
  });

  it("lets a coordinator change their own precinct's records, and not another's (exit 7, nothing changed)", async () => {
    const raised = await as(
      c75,
      'issue',
      'raise',
      '--meeting',
      'M3',
      '--summary',
      'Bikes on the sidewalk',
      '--json',
    );
    expect(raised.status, raised.stderr).toBe(0);
    expect((await as(c75, 'issue', 'update', 'I2', '--status', 'resolved', '--note', 'Fixed')).status).toBe(
      0,
    );
    expect(
      (await as(c75, 'solution', 'update', 'S1', '--status', 'done', '--note', 'Secret75 done')).status,
    ).toBe(0);

    const before = await everything(db.url);
    for (const args of [
      ['issue', 'update', 'I4', '--status', 'closed', '--note', 'not mine'],
      ['issue', 'raise', '--meeting', 'M2', '--summary', 'Planted'],
      ['issue', 'edit', 'I3', '--public'],
      ['solution', 'update', 'S2', '--status', 'dropped', '--note', 'x'],
      ['meeting', 'cancel', 'M5'],
      ['minutes', 'amend', 'M2', '--note', 'x'],
      ['nco', 'add', '--name', 'Pat Doe', '--shield', '4321', '--precinct', '77'],
    ]) {
      const refused = await as(c75, ...args);
      expect(refused.status, `${args.join(' ')}: ${refused.stderr}`).toBe(7);
      expect(refused.stderr).toMatch(
        new RegExp(
          `^nsm: cannot write to the database at .*: role ${roleOf(c75)} may not change the records of precinct 77 \\(permission denied\\) — nothing was changed; ask the store's administrator: nsm access grant ${roleOf(c75)} --precinct 77\\n$`,
        ),
      );
    }
    expect(await everything(db.url)).toBe(before);
    // Reference data is the administrator's alone.
    expect((await as(c75, 'precinct', 'add', '200', '--name', 'New', '--borough', 'Queens')).status).toBe(7);
    expect(await everything(db.url)).toBe(before);
  });

  it("shows another precinct's private text as a placeholder, its public records in full, and one's own in full", async () => {
    const outputs = [
      ['issue', 'list', '--precinct', 'all', '--json'],
      // Commands that read only a sector's or precinct's slice, through the same views.
      ['issue', 'list', '--sector', '77A', '--json'],
      ['issue', 'list', '--meeting', 'M2'],
      ['solution', 'list', '--precinct', '77', '--json'],
      ['meeting', 'next', '--sector', '77A', '--json'],
      ['issue', 'show', 'I3', '--json'],
      ['issue', 'show', 'I3'],
      ['solution', 'list', '--precinct', 'all', '--json'],
      ['minutes', 'M2', '--format', 'md'],
      ['minutes', 'M2', '--json'],
      ['minutes', 'M4', '--format', 'md'],
      ['agenda', 'M5', '--format', 'md'],
      ['report', 'issues', '--precinct', '77', '--json'],
      ['report', 'issues', '--precinct', '77', '--format', 'md'],
    ];
    for (const args of outputs) {
      const mine = await as(c75, ...args);
      expect(mine.status, `${args.join(' ')}: ${mine.stderr}`).toBe(0);
      expect(mine.stdout, args.join(' ')).not.toMatch(SECRET77);
      // The 77th's own coordinator, and the administrator, read it whole.
      if (args.includes('I3') || args.includes('M2'))
        for (const whole of [c77, db.url])
          expect((await as(whole, ...args)).stdout, args.join(' ')).toMatch(SECRET77);
    }
    const issues = json<
      Array<{ id: string; summary: string; location: string | null; raisedBy: string | null }>
    >(await as(c75, 'issue', 'list', '--precinct', 'all', '--json'));
    const byId = new Map(issues.map((i) => [i.id, i]));
    expect(byId.get('I3')).toMatchObject({ summary: '(withheld: private)', raisedBy: '(withheld: private)' });
    expect(byId.get('I4')!.summary).toBe('Public77 pothole');
    expect(byId.get('I1')).toMatchObject({ summary: 'Secret75 summary', raisedBy: 'Secret75 Resident' });
    // The approved minutes of the 77th: its public copy, which says what it withholds.
    expect((await as(c75, 'minutes', 'M2', '--format', 'md')).stdout).toMatch(/Withheld/);
    expect((await as(c75, 'minutes', 'M1', '--format', 'md')).stdout).toMatch(/Secret75 summary/);

    // The whole store as the 75th's coordinator reads it, copied out: no 77th private text anywhere.
    const out = join(dirname(tempStore()), 'as75.json');
    const copied = await as(c75, 'store', 'copy', '--to', out);
    expect(copied.status, copied.stderr).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).not.toMatch(SECRET77);
    expect(text).toMatch(/Secret75 Block Association/);
    expect(text).toMatch(/Public77 pothole/);
  });

  it('keeps the private text and the other precinct out of reach of hand-written SQL', async () => {
    const before = await everything(db.url);
    // The private columns are not the coordinator's to read, in any form.
    for (const query of [
      'SELECT summary FROM issues',
      'SELECT * FROM issues',
      'SELECT details, location, raised_by FROM issues WHERE precinct = 77',
      "SELECT id FROM issues WHERE summary LIKE 'Secret77%'",
      'SELECT note FROM issue_history',
      'SELECT edit FROM issue_history',
      'SELECT summary FROM solutions',
      'SELECT owner FROM solutions',
      'SELECT note FROM solution_history',
      'SELECT snapshot FROM minutes',
      'SELECT * FROM minutes',
    ])
      expect(await asRole(c75, query), query).toBe('42501');
    // What may be read holds none of the 77th's private text, and the 75th's own in full.
    const readable = [
      'SELECT * FROM issues_read',
      'SELECT * FROM issue_history_read',
      'SELECT * FROM solutions_read',
      'SELECT * FROM solution_history_read',
      'SELECT * FROM minutes_read',
      'SELECT public_snapshot FROM minutes',
      'SELECT * FROM change_log',
      'SELECT id, precinct, private, status FROM issues',
      'SET search_path = pg_temp, public; SELECT * FROM issues_read',
    ];
    let own = '';
    for (const query of readable) {
      const result = await asRole(c75, query);
      expect(typeof result, `${query}: ${String(result)}`).toBe('object');
      const text = JSON.stringify(result);
      expect(text, query).not.toMatch(SECRET77);
      own += text;
    }
    expect(own).toMatch(/Secret75 summary/);
    expect(own).toMatch(/Public77 pothole/);
    // The 77th's coordinator sees its own change in the log; the 75th's sees none of it.
    expect(JSON.stringify(await asRole(c77, 'SELECT command, changes FROM change_log'))).toMatch(SECRET77);
    expect(
      await asRole(c75, `SELECT count(*)::int AS n FROM change_log WHERE role <> current_user`),
    ).toMatchObject({
      rows: [{ n: 0 }],
    });

    // Changes to the 77th's records do nothing, or are refused.
    const writes: Array<[string, number | string]> = [
      ["UPDATE issues SET status = 'closed' WHERE precinct = 77", 0],
      ["UPDATE issues SET status = 'closed' WHERE id = 'I3'", 0],
      ['DELETE FROM meetings WHERE precinct = 77', 0],
      ["DELETE FROM meetings WHERE id = 'M5'", 0],
      ["UPDATE meetings SET title = 'Moved' WHERE precinct = 77", 0],
      ["DELETE FROM issue_history WHERE issue_id = 'I3'", 0],
      ["UPDATE solutions SET status = 'dropped' WHERE id = 'S2'", 0],
      ["DELETE FROM minutes WHERE meeting_id = 'M2'", 0],
      ['UPDATE change_log SET undone_by = NULL WHERE role <> current_user', 0],
      [
        `INSERT INTO issues (id, meeting_id, precinct, sector, category, summary, private, status, raised_on, created_at)
         VALUES ('I900', 'M2', 77, '77A', 'noise', 'Planted', false, 'open', '2026-10-07', 'x')`,
        '42501',
      ],
      [
        "INSERT INTO issue_history (issue_id, position, on_date, status, note) VALUES ('I3', 9, '2026-11-01', 'open', 'x')",
        '42501',
      ],
      ["UPDATE issues SET precinct = 77, sector = '77A', meeting_id = 'M2' WHERE id = 'I2'", '42501'],
      ['INSERT INTO precinct_grants (role, precinct) VALUES (current_user, 77)', '42501'],
      ["UPDATE change_log SET command = 'x'", '42501'],
      ["INSERT INTO change_log (role, command, changes) VALUES ('someone_else', 'x', '[]')", '42501'],
      ["UPDATE psas SET name = 'x'", '42501'],
    ];
    for (const [query, expected] of writes) {
      const result = await asRole(c75, query);
      if (typeof expected === 'string') expect(result, query).toBe(expected);
      else expect(result, query).toMatchObject({ count: expected });
    }
    expect(await everything(db.url)).toBe(before);
    // The fence is not nsm's own check: by hand, the 75th's own records can still be changed.
    expect(await asRole(c75, "UPDATE meetings SET notes = 'by hand' WHERE id = 'M1'")).toMatchObject({
      count: 1,
    });
  });

  it('refuses grants by anyone but the administrator, and takes rights away on revoke', async () => {
    const notAdmin = await as(c75, 'access', 'grant', roleOf(c75), '--precinct', '77');
    expect(notAdmin.status).toBe(7);
    expect(notAdmin.stderr).toMatch(
      /is not the store's administrator \(permission denied\) — .*role nsm_test_\w+_owner/,
    );
    expect((await as(c75, 'access', 'revoke', roleOf(c77), '--precinct', '77')).status).toBe(7);

    // A second precinct, then taken back.
    expect((await as(db.url, 'access', 'grant', roleOf(c75), '--precinct', '77')).status).toBe(0);
    const granted = await as(c75, 'issue', 'show', 'I3', '--json');
    expect(granted.stdout).toMatch(SECRET77);
    expect((await as(c75, 'issue', 'note', 'I4', '--note', 'Covering the 77th')).status).toBe(0);
    const revoked = await as(db.url, 'access', 'revoke', roleOf(c75), '--precinct', '77', '--json');
    expect(json<{ changed: boolean; precincts: number[] }>(revoked)).toEqual({
      role: roleOf(c75),
      precinct: 77,
      changed: true,
      precincts: [75],
    });
    expect((await as(c75, 'issue', 'show', 'I3')).stdout).not.toMatch(SECRET77);
    expect((await as(c75, 'issue', 'note', 'I4', '--note', 'again')).status).toBe(7);

    // The last precinct taken back: the role can no longer read or change the store.
    expect((await as(db.url, 'access', 'revoke', roleOf(c75), '--precinct', '75')).status).toBe(0);
    const cannotRead = await as(c75, 'issue', 'list');
    expect(cannotRead.status).toBe(6);
    expect(cannotRead.stderr).toMatch(
      /does not let this role read the store .* nsm access grant <role> --precinct <pct>/,
    );
    expect((await as(c75, 'issue', 'note', 'I1', '--note', 'x')).status).toBe(7);
    expect(await asRole(c75, 'SELECT id FROM meetings')).toBe('42501');
    expect(json(await as(db.url, 'access', 'list', '--json'))).toEqual([
      { role: roleOf(c77), precincts: [77] },
    ]);
    // And back, for the tests after this one.
    expect((await as(db.url, 'access', 'grant', roleOf(c75), '--precinct', '75')).status).toBe(0);
  });

  it('refuses a change of another precinct through the nsm binary too', async () => {
    const run = await nsmAsync(['--store', c75, 'meeting', 'cancel', 'M5']);
    expect(run.status).toBe(7);
    expect(run.stderr).toMatch(/may not change the records of precinct 77/);
    expect(run.stderr).not.toContain('c75-secret');
  });

  it('works on a database store only', async () => {
    const file = tempStore();
    for (const args of [
      ['access', 'list'],
      ['access', 'grant', 'pct75', '--precinct', '75'],
      ['access', 'revoke', 'pct75', '--precinct', '75'],
    ]) {
      const run = await nsmIn(args, { store: file });
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(
        /works on a PostgreSQL store, not on a JSON store file .* nsm store copy --to postgres:/,
      );
    }
  });
});
