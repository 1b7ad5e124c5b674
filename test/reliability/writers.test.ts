import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, environment, json, type Run } from '../helpers/cli.js';
import { demoStore } from '../helpers/demo.js';
import { nsmIn } from '../helpers/in-process.js';
import { readStore } from '../store/store-helpers.js';
import { figure, scale } from './battery.js';

/**
 * R1: writers side by side, some of them paused (SIGSTOP: Ctrl-Z, a suspended laptop, a storage
 * stall) for seconds at random points and then resumed. The store must hold exactly the writes
 * nsm acknowledged (exit 0), with unique ids, and readers never fail meanwhile.
 */
const WRITERS = scale(4, 8);
const WRITES = scale(6, 25);
const READERS = scale(1, 2);
/** In the fast form one write is paused for 5 s; in the long form each may be, for 5 to 10 s. */
const PAUSE_CHANCE = scale(0, 0.04);
const SECTORS = ['75A', '75B', '75C', '75D', '75E', '14A', '14B', '14C'];

interface Done extends Run {
  ms: number;
}

function run(store: string, args: string[], pauseMs = 0): Promise<Done> {
  const env = environment({ store });
  const started = Date.now();
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    if (pauseMs > 0)
      // Somewhere in its life: starting, waiting for the lock, holding it, writing.
      setTimeout(
        () => {
          child.kill('SIGSTOP');
          setTimeout(() => child.kill('SIGCONT'), pauseMs);
        },
        50 + Math.random() * 250,
      );
    child.on('close', (status) => done({ status, stdout, stderr, ms: Date.now() - started }));
  });
}

/** The i-th write of writer w: an NCO, a meeting in the writer's own sector, or an issue. */
function writeArgs(
  w: number,
  i: number,
  heldMeeting: string,
): { kind: 'ncos' | 'meetings' | 'issues'; args: string[] } {
  switch (i % 3) {
    case 0:
      return {
        kind: 'ncos',
        args: [
          'nco',
          'add',
          '--name',
          `Writer ${w} Officer ${i}`,
          '--shield',
          `${w + 1}${String(i).padStart(4, '0')}`,
          '--precinct',
          '75',
          '--json',
        ],
      };
    case 1: {
      const day = new Date(Date.UTC(2029, 2, 1 + i)).toISOString().slice(0, 10);
      return {
        kind: 'meetings',
        args: [
          'meeting',
          'schedule',
          '--sector',
          SECTORS[w % SECTORS.length]!,
          '--at',
          `${day} 19:00`,
          '--location',
          `Hall ${w}`,
          '--json',
        ],
      };
    }
    default:
      return {
        kind: 'issues',
        args: ['issue', 'raise', '--meeting', heldMeeting, '--summary', `Writer ${w} issue ${i}`, '--json'],
      };
  }
}

function idOf(stdout: string): string {
  const out = JSON.parse(stdout) as { id?: string } | Array<{ id: string }>;
  const id = Array.isArray(out) ? out[0]?.id : out.id;
  if (!id) throw new Error(`no id in ${stdout}`);
  return id;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))]!;
}

describe('R1: writers side by side, some paused for seconds', () => {
  it(
    `${WRITERS} writers × ${WRITES} mixed writes and ${READERS} reader(s): exactly the acknowledged records, unique ids, no reader error`,
    async () => {
      const store = await demoStore();
      const meetings = json<Array<{ id: string; status: string }>>(
        await nsmIn(['meeting', 'list', '--precinct', 'all', '--json'], { store }),
      );
      const held = meetings.find((m) => m.status === 'held')!.id;
      const before = readStore(store) as unknown as Record<
        'ncos' | 'meetings' | 'issues',
        Array<{ id: string }>
      >;
      const existing = new Set(
        ['ncos', 'meetings', 'issues'].flatMap((k) => before[k as 'ncos'].map((r) => r.id)),
      );

      // What each kind of write takes alone, so that the time one waited for the lock can be told
      // from the time it took (nsm does not report its wait: it is estimated from outside).
      const alone = new Map<string, number>();
      const scratch = await demoStore();
      for (let i = 0; i < 3; i++) {
        const { kind, args } = writeArgs(99, i, held);
        alone.set(kind, (await run(scratch, args)).ms);
      }
      const acknowledged = new Set<string>();
      const refused: Done[] = [];
      const times: number[] = [];
      const waits: number[] = [];
      let pauses = 0;
      let writing = true;
      let readerRuns = 0;
      const readerErrors: string[] = [];

      const writer = async (w: number) => {
        for (let i = 0; i < WRITES; i++) {
          const { kind, args } = writeArgs(w, i, held);
          const pause =
            (PAUSE_CHANCE === 0 && w === 0 && i === 2) || Math.random() < PAUSE_CHANCE
              ? scale(5_000, 5_000 + Math.random() * 5_000)
              : 0;
          if (pause) pauses++;
          const done = await run(store, args, pause);
          times.push(done.ms);
          if (!pause) waits.push(Math.max(0, done.ms - alone.get(kind)!));
          if (done.status === 0) acknowledged.add(idOf(done.stdout));
          else refused.push(done);
        }
      };
      const reader = async (r: number) => {
        while (writing) {
          const done = await run(
            store,
            r % 2 === 0
              ? ['meeting', 'list', '--precinct', 'all', '--json']
              : ['issue', 'list', '--precinct', 'all', '--json'],
          );
          readerRuns++;
          try {
            if (done.status !== 0) throw new Error(done.stderr);
            JSON.parse(done.stdout);
          } catch (error) {
            readerErrors.push(String(error));
          }
        }
      };
      const readers = [...Array(READERS).keys()].map(reader);
      await Promise.all([...Array(WRITERS).keys()].map(writer));
      writing = false;
      await Promise.all(readers);

      // Only a store that stayed busy past the wait may refuse a write, and it says so (exit 5).
      for (const r of refused) expect(r.status, r.stderr).toBe(5);
      const after = readStore(store) as unknown as Record<
        'ncos' | 'meetings' | 'issues',
        Array<{ id: string }>
      >;
      const ids = ['ncos', 'meetings', 'issues'].flatMap((k) => after[k as 'ncos'].map((r) => r.id));
      expect(new Set(ids).size).toBe(ids.length);
      const added = ids.filter((id) => !existing.has(id));
      expect(new Set(added)).toEqual(acknowledged);
      expect(readerErrors).toEqual([]);
      expect(readerRuns).toBeGreaterThan(0);
      expect(pauses).toBeGreaterThan(0);
      const doctor = await nsmIn(['doctor', '--precinct', 'all'], { store });
      expect(doctor.status, doctor.stdout + doctor.stderr).toBe(0);

      const sorted = [...times].sort((a, b) => a - b);
      const waited = [...waits].sort((a, b) => a - b);
      figure(
        'R1',
        'writes acknowledged / refused busy',
        `${acknowledged.size} / ${refused.length} (${pauses} paused)`,
      );
      figure(
        'R1',
        'write time incl. lock wait p50 / p95 / max',
        `${percentile(sorted, 0.5)} / ${percentile(sorted, 0.95)} / ${sorted.at(-1)} ms`,
      );
      figure(
        'R1',
        'lock wait p50 / p95 / max (unpaused writes: time minus the same write alone)',
        `${percentile(waited, 0.5)} / ${percentile(waited, 0.95)} / ${waited.at(-1)} ms`,
      );
      figure('R1', 'reader runs / errors', `${readerRuns} / ${readerErrors.length}`);
    },
    scale(120_000, 1_800_000),
  );
});
