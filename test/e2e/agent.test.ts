import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask } from '../../src/agent/client.js';
import { agentAddress } from '../../src/agent/address.js';
import type { AgentStatus } from '../../src/agent/protocol.js';
import { BIN, environment, json, nsm, nsmAsync, type Run } from '../helpers/cli.js';
import { demoStore } from '../helpers/demo.js';
import { onTerminal } from '../helpers/e2e.js';
import { nsmIn } from '../helpers/in-process.js';
import { freshDatabase, sql, startCluster, testCluster, type FreshDatabase } from '../helpers/postgres.js';

/**
 * The agent (src/agent): the built nsm, on a database of the test server, with the agent on and
 * its socket in a folder of the test's own. Every check compares with the same command run in its
 * own process (NSM_AGENT=off), and asks the agent how many commands it ran, so a launcher that
 * quietly ran everything itself would fail.
 */

const BUNDLE = join(import.meta.dirname, '../../dist/app/main.cjs');
const databases: FreshDatabase[] = [];
const runtimes: string[] = [];

/** The environment of commands that may use an agent: its own private runtime folder. */
function agentEnv(store: string): Record<string, string> {
  const runtime = mkdtempSync(join(tmpdir(), 'nsm-agent-'));
  chmodSync(runtime, 0o700);
  runtimes.push(runtime);
  return {
    NSM_AGENT: '',
    XDG_RUNTIME_DIR: runtime,
    NSM_STORE: store,
    NSM_CONFIG: '/nonexistent/nsm-config.json',
  };
}

async function status(env: Record<string, string>): Promise<AgentStatus | null> {
  const address = agentAddress(environment({ env }), BUNDLE);
  const reply = await ask(address.socket, { op: 'status' });
  return typeof reply === 'object' && reply.op === 'status' ? reply.status : null;
}

/** Runs an everyday command (which starts the agent) and waits until the agent answers. */
async function startedAgent(env: Record<string, string>): Promise<AgentStatus> {
  const first = nsm(['meeting', 'list', '--sector', '75A'], { env });
  expect(first.status, first.stderr).toBe(0);
  for (let i = 0; i < 200; i++) {
    const running = await status(env);
    if (running) return running;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('no agent answered within 5 seconds');
}

async function demoDatabase(): Promise<FreshDatabase> {
  const db = await freshDatabase(testCluster());
  databases.push(db);
  const copied = await nsmIn(['store', 'copy', '--to', db.url], { store: await demoStore() });
  expect(copied.status, copied.stderr).toBe(0);
  return db;
}

const alone = (env: Record<string, string>) => ({ ...env, NSM_AGENT: 'off' });

afterAll(async () => {
  for (const runtime of runtimes) {
    const env = { XDG_RUNTIME_DIR: runtime, NSM_AGENT: '' };
    nsm(['agent', 'stop'], { env });
  }
  await Promise.all(databases.map((db) => db.drop()));
});

describe('the agent', () => {
  let db: FreshDatabase;
  let env: Record<string, string>;
  let held: string;
  beforeAll(async () => {
    db = await demoDatabase();
    env = agentEnv(db.url);
    const meetings = json<Array<{ id: string; status: string }>>(
      nsm(['meeting', 'list', '--sector', '75A', '--json'], { env: alone(env) }),
    );
    held = meetings.find((m) => m.status === 'held')!.id;
  }, 60_000);

  it('is started by an everyday command on a database, and runs the next ones as their own process would', async () => {
    const started = await startedAgent(env);
    expect(started.served).toBe(0);
    const lines = [
      ['meeting', 'next', '--sector', '75A'],
      ['issue', 'list', '--sector', '75A'],
      ['issue', 'list', '--sector', '75A', '--json'],
      ['issue', 'list', '--precinct', '14', '--status', 'open', '--format', 'csv'],
      ['meeting', 'show', held],
      ['agenda', '--sector', '75A'],
      ['calendar', '--sector', '75A'],
      ['report', 'issues', '--precinct', '75', '--json'],
      ['sector', 'show', '75A'],
      [],
      // Refusals: the same line on stderr and the same exit status.
      ['issue', 'show', 'I99999'],
      ['meeting', 'next', '--sector', '99Z'],
      ['issue', 'raise', '--meeting', held],
      ['meeting', 'list', '--status', 'nosuch'],
    ];
    for (const line of lines) {
      const own = nsm(line, { env: alone(env) });
      const viaAgent = nsm(line, { env });
      expect(viaAgent, line.join(' ')).toEqual(own);
    }
    expect((await status(env))!.served).toBe(lines.length);
  }, 60_000);

  it('makes changes that are there for every reader, and undoes them', async () => {
    const before = (await status(env))!.served;
    const raised = nsm(
      ['issue', 'raise', '--meeting', held, '--summary', 'Raised through the agent', '--json'],
      {
        env,
      },
    );
    expect(raised.status, raised.stderr).toBe(0);
    const id = json<{ id: string }>(raised).id;
    const shown = json<{ summary: string }>(nsm(['issue', 'show', id, '--json'], { env: alone(env) }));
    expect(shown.summary).toBe('Raised through the agent');
    const undone = nsm(['undo'], { env });
    expect(undone.status, undone.stderr).toBe(0);
    expect(await sql(db.url, 'SELECT id FROM issues WHERE id = $1', [id])).toEqual([]);
    expect((await status(env))!.served).toBe(before + 2);
  });

  it('loses no change when launchers write at the same time', async () => {
    const before = (await status(env))!.served;
    const summaries = Array.from({ length: 6 }, (_, w) =>
      Array.from({ length: 5 }, (_, i) => `Writer ${w} write ${i}`),
    );
    const runs: Run[][] = await Promise.all(
      summaries.map(async (writes) => {
        const done: Run[] = [];
        for (const summary of writes)
          done.push(
            await nsmAsync(['issue', 'raise', '--meeting', held, '--summary', summary, '-q'], { env }),
          );
        return done;
      }),
    );
    for (const run of runs.flat()) expect(run.status, run.stderr).toBe(0);
    const rows = await sql<{ id: string; summary: string }>(
      db.url,
      `SELECT id, summary FROM issues WHERE summary LIKE 'Writer %'`,
    );
    expect(rows.map((r) => r.summary).sort()).toEqual(summaries.flat().sort());
    expect(new Set(rows.map((r) => r.id)).size).toBe(30);
    expect((await status(env))!.served).toBe(before + 30);
  }, 60_000);

  it('writes a file the command names in the launcher’s folder', async () => {
    const before = (await startedAgent(env)).served;
    const folder = mkdtempSync(join(tmpdir(), 'nsm-agent-out-'));
    const run = spawnSync(process.execPath, [BIN, 'calendar', '--sector', '75A', '--output', 'cal.ics'], {
      cwd: folder,
      env: environment({ env }),
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(join(folder, 'cal.ics'), 'utf8')).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect((await status(env))!.served).toBe(before + 1);
  });

  it('hands back a command that would prompt on the launcher’s terminal, before it does anything', async () => {
    await startedAgent(env);
    const address = agentAddress(environment({ env }), BUNDLE);
    const request = (argv: string[]) => ({
      op: 'run' as const,
      key: address.key,
      argv,
      env: environment({ env }),
      cwd: process.cwd(),
      stdinIsTTY: true,
      stdout: { isTTY: true, columns: 80 },
      stderrIsTTY: true,
    });
    expect(await ask(address.socket, request(['meeting', 'schedule']))).toMatchObject({ op: 'local' });
    expect(await ask(address.socket, request(['meeting', 'next', '--sector', '75A']))).toMatchObject({
      op: 'done',
      code: 0,
    });
    // Another build or other database settings: the launcher runs the command itself.
    expect(await ask(address.socket, { ...request(['meeting', 'list']), key: 'other' })).toMatchObject({
      op: 'local',
    });
    // A command on a store file is run by the launcher too.
    expect(
      await ask(address.socket, {
        ...request(['meeting', 'list']),
        stdinIsTTY: false,
        argv: ['--store', 'x.json', 'meeting', 'list'],
      }),
    ).toMatchObject({ op: 'local' });
  });

  it('answers nothing to what is not a request of nsm’s, and goes on serving', async () => {
    const running = await startedAgent(env);
    const send = (bytes: string | Buffer) =>
      new Promise<string>((done) => {
        const socket = connect(running.socket);
        let reply = '';
        socket.on('data', (d) => (reply += d));
        socket.on('error', () => {});
        socket.on('close', () => done(reply));
        socket.end(bytes);
      });
    for (const bytes of [
      'not json',
      'null',
      '42',
      '{"op":"run"}',
      JSON.stringify({ op: 'run', key: 'k', argv: 'meeting list', env: {}, cwd: '/', stdout: {} }),
      JSON.stringify({ op: 'run', key: 'k', argv: [1], env: {}, cwd: '/', stdout: {} }),
      Buffer.alloc(2 << 20, 'x'),
    ]) {
      const reply = await send(bytes);
      expect(reply === '' || JSON.parse(reply).op === 'local', reply).toBe(true);
    }
    const after = await status(env);
    expect(after!.pid).toBe(running.pid);
    expect(after!.served).toBe(running.served);
    expect(nsm(['meeting', 'next', '--sector', '75A'], { env }).status).toBe(0);
    expect((await status(env))!.served).toBe(running.served + 1);
  });

  it('on a terminal: runs a command that asks nothing, and leaves one that prompts to the launcher', async () => {
    const before = (await startedAgent(env)).served;
    const shown = onTerminal(['meeting', 'next', '--sector', '75A'], db.url, [], env);
    expect(shown.status, shown.output).toBe(0);
    expect(shown.output).toMatch(/75A: .* \(M\d+\)/);
    expect((await status(env))!.served).toBe(before + 1);
    const asked = onTerminal(
      ['meeting', 'schedule', '--sector', '75A', '--location', 'Hall', '--duration', '60'],
      db.url,
      [{ expect: 'Date and time', send: '2027-02-09 7pm\r' }],
      env,
    );
    expect(asked.status, asked.output).toBe(0);
    expect(asked.output).toMatch(/Scheduled M\d+ for 75A/);
    expect((await status(env))!.served).toBe(before + 1);
  });

  it('runs no more commands once the agent setting is turned off', async () => {
    const running = await startedAgent(env);
    const withSetting = {
      ...env,
      NSM_CONFIG: join(mkdtempSync(join(tmpdir(), 'nsm-agent-config-')), 'config.json'),
    };
    expect(nsm(['config', 'set', 'agent', 'off'], { env: withSetting }).status).toBe(0);
    const run = nsm(['meeting', 'next', '--sector', '75A'], { env: withSetting });
    expect(run, 'run by the launcher').toEqual(
      nsm(['meeting', 'next', '--sector', '75A'], { env: alone(env) }),
    );
    expect((await status(env))!.served).toBe(running.served);
  });

  it('is not used when its folder is open to others', async () => {
    const before = (await startedAgent(env)).served;
    const folder = join(env.XDG_RUNTIME_DIR!, 'nsm');
    chmodSync(folder, 0o755);
    try {
      const run = nsm(['meeting', 'next', '--sector', '75A'], { env });
      expect(run.status, run.stderr).toBe(0);
    } finally {
      chmodSync(folder, 0o700);
    }
    expect((await status(env))!.served).toBe(before);
  });

  it('stopped hard in the middle of a change: one line, exit 7, nothing written, and the next command starts another', async () => {
    const running = await startedAgent(env);
    // The administrator holds the change log, so the change writes its issue, then waits to log it.
    const admin = await import('pg').then(
      ({ default: pg }) =>
        new pg.Client({ connectionString: testCluster().adminUrl.replace('/postgres?', `/${db.name}?`) }),
    );
    await admin.connect();
    try {
      await admin.query('BEGIN');
      await admin.query('LOCK TABLE change_log IN ACCESS EXCLUSIVE MODE');
      const raising = nsmAsync(['issue', 'raise', '--meeting', held, '--summary', 'Cut off'], { env });
      let waiting = false;
      for (let i = 0; i < 200 && !waiting; i++) {
        // Inside a transaction the activity is a snapshot: taken again each time.
        await admin.query('SELECT pg_stat_clear_snapshot()');
        const rows = await admin.query(
          `SELECT query FROM pg_stat_activity WHERE application_name = 'nsm' AND wait_event_type = 'Lock'`,
        );
        waiting = rows.rows.some((r: { query: string }) => /INSERT INTO change_log/.test(r.query));
        if (!waiting) await new Promise((r) => setTimeout(r, 25));
      }
      expect(waiting).toBe(true);
      process.kill(running.pid, 'SIGKILL');
      const run = await raising;
      await admin.query('ROLLBACK');
      expect(run.status).toBe(7);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(/^nsm: the nsm agent stopped while it ran the command/);
    } finally {
      await admin.end();
    }
    expect(await sql(db.url, `SELECT id FROM issues WHERE summary = 'Cut off'`)).toEqual([]);
    // Its socket is left behind: the next launcher runs the command itself and starts a new agent.
    const next = nsm(['meeting', 'next', '--sector', '75A'], { env });
    expect(next.status, next.stderr).toBe(0);
    const again = await startedAgent(env);
    expect(again.pid).not.toBe(running.pid);
  }, 60_000);

  it('stops on nsm agent stop, and says so', async () => {
    const running = (await status(env))!;
    const stopped = nsm(['agent', 'stop'], { env });
    expect(stopped.status, stopped.stderr).toBe(0);
    expect(stopped.stderr).toMatch(new RegExp(`^Stopped the nsm agent \\(process ${running.pid}\\)`));
    expect(existsSync(running.socket)).toBe(false);
    expect(json(nsm(['agent', 'status', '--json'], { env }))).toEqual({ running: false });
    expect(nsm(['agent', 'stop'], { env }).stderr).toBe(
      'No agent was running for these database settings.\n',
    );
  });
});

describe('no agent', () => {
  it('for a store file, with the agent setting off, or with NSM_AGENT=off', async () => {
    const db = await demoDatabase();
    const file = await demoStore();
    const fileEnv = agentEnv(file);
    expect(nsm(['meeting', 'list'], { env: fileEnv }).status).toBe(0);
    const offEnv = alone(agentEnv(db.url));
    expect(nsm(['meeting', 'list'], { env: offEnv }).status).toBe(0);
    const settingEnv = agentEnv(db.url);
    const config = join(mkdtempSync(join(tmpdir(), 'nsm-agent-config-')), 'config.json');
    settingEnv.NSM_CONFIG = config;
    expect(nsm(['config', 'set', 'agent', 'off'], { env: settingEnv }).status).toBe(0);
    expect(nsm(['meeting', 'list'], { env: settingEnv }).status).toBe(0);
    await new Promise((r) => setTimeout(r, 500));
    for (const e of [fileEnv, offEnv, settingEnv]) {
      const folder = join(e.XDG_RUNTIME_DIR!, 'nsm');
      expect(existsSync(folder) ? readdirSync(folder) : []).toEqual([]);
    }
  });

  it('survives the database server restarting under its connections', async () => {
    const cluster = await startCluster();
    try {
      const db = await freshDatabase(cluster);
      const copied = await nsmIn(['store', 'copy', '--to', db.url], { store: await demoStore() });
      expect(copied.status, copied.stderr).toBe(0);
      const env = agentEnv(db.url);
      await startedAgent(env);
      expect(nsm(['meeting', 'next', '--sector', '75A'], { env }).status).toBe(0);
      await cluster.restart();
      const after = nsm(['meeting', 'next', '--sector', '75A'], { env });
      expect(after, 'after the restart').toEqual(
        nsm(['meeting', 'next', '--sector', '75A'], { env: alone(env) }),
      );
      expect((await status(env))!.served).toBe(2);
      nsm(['agent', 'stop'], { env });
    } finally {
      await cluster.stop();
    }
  }, 60_000);
});
