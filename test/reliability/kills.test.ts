import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { BIN, environment, json } from '../helpers/cli.js';
import { demoStore } from '../helpers/demo.js';
import { nsmIn } from '../helpers/in-process.js';
import { readStore, type StoreJson } from '../store/store-helpers.js';
import { figure, scale } from './battery.js';

/**
 * R2: kill -9 at random moments during writes: NCOs, meeting series, undo, and `calendar --split`
 * exports. After every kill the store parses and validates, every acknowledged write is there,
 * undo still works, and what the killed process left is cleaned up by the next write or reported
 * by `nsm doctor`; an export folder never holds a half-written calendar.
 */
const KILLS = scale(50, 1_000);

type Kind = 'nco' | 'series' | 'undo' | 'export';

function argsFor(kind: Kind, i: number, folder: string): string[] {
  switch (kind) {
    case 'nco':
      return [
        'nco',
        'add',
        '--name',
        `Killed Officer ${i}`,
        '--shield',
        String(60_000 + i),
        '--precinct',
        '75',
        '--json',
      ];
    case 'series': {
      const day = new Date(Date.UTC(2028, 0, 3 + i)).toISOString().slice(0, 10);
      return [
        'meeting',
        'schedule',
        '--sector',
        '14A',
        '--at',
        `${day} 18:00`,
        '--repeat',
        'monthly',
        '--count',
        '3',
        '--location',
        'Hall',
        '--json',
      ];
    }
    case 'undo':
      return ['undo'];
    case 'export':
      return ['calendar', '--precinct', '75', '--split', join(folder, 'calendars'), '--force'];
  }
}

/** Runs nsm and SIGKILLs it after `delayMs` unless it ends first; resolves with its exit status (null: killed). */
function killedAfter(
  store: string,
  args: string[],
  delayMs: number,
): Promise<{ status: number | null; stdout: string; ms: number }> {
  const env = environment({ store });
  const started = Date.now();
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ['ignore', 'pipe', 'ignore'] });
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    child.on('close', (status) => {
      clearTimeout(timer);
      done({ status, stdout, ms: Date.now() - started });
    });
  });
}

function lifetimeOf(store: string, args: string[]): number {
  const env = environment({ store });
  const started = Date.now();
  const run = spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return Date.now() - started;
}

describe('R2: kill -9 at random moments during writes', () => {
  it(
    `${KILLS} kills: the store always valid, every acknowledged write kept, leftovers cleaned or reported`,
    async () => {
      const store = await demoStore();
      const folder = dirname(store);
      // A larger (still valid) store makes each write last long enough for kills to land inside it.
      const padded = readStore(store) as StoreJson & { precincts: Array<{ notes: string | null }> };
      padded.precincts[2]!.notes = 'x'.repeat(3_000_000);
      writeFileSync(store, JSON.stringify(padded));
      const kinds: Kind[] = ['nco', 'series', 'nco', 'export', 'undo'];
      let lifetime = Math.max(200, lifetimeOf(store, argsFor('nco', 0, folder)));

      const acknowledged = new Map<string, string>(); // id -> kind
      let killed = 0;
      let reported = 0;
      let undone = 0;
      for (let i = 1; i <= KILLS; i++) {
        const kind = kinds[i % kinds.length]!;
        // Node's own start takes the first part of a command's life: aim past it, and past the
        // end. Every fourth command runs to its end: its write is acknowledged, and how long it
        // took keeps the aim right while the machine's load changes.
        const whole = i % 4 === 0;
        const run = await killedAfter(
          store,
          argsFor(kind, i, folder),
          whole ? 120_000 : lifetime * (0.25 + Math.random() * 0.9),
        );
        if (whole && run.status === 0) lifetime = Math.max(200, 0.7 * lifetime + 0.3 * run.ms);
        if (run.status === null) killed++;
        else if (run.status === 0 && kind === 'nco') acknowledged.set(JSON.parse(run.stdout).id, kind);
        else if (run.status === 0 && kind === 'series')
          for (const m of JSON.parse(run.stdout) as Array<{ id: string }>) acknowledged.set(m.id, kind);
        else if (run.status === 0 && kind === 'undo') undone++;

        // The store reads and validates; doctor finds nothing wrong with it.
        const doctor = json<{ ok: boolean; findings: Array<{ code: string; level: string }> }>(
          await nsmIn(['doctor', '--precinct', 'all', '--json'], { store }),
        );
        expect(doctor.ok, JSON.stringify(doctor.findings)).toBe(true);
        // Whatever a killed write left behind is reported, until the next write clears it.
        const leftovers = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter(
          (n) => n.endsWith('.tmp') && !n.startsWith('calendars'),
        );
        if (leftovers.length > 0) {
          expect(doctor.findings.map((f) => f.code)).toContain('leftover-temporary-files');
          reported++;
        }
        // Every acknowledged write is there, unless an acknowledged undo took the latest back.
        const now = readStore(store) as unknown as {
          ncos: Array<{ id: string }>;
          meetings: Array<{ id: string }>;
        };
        const ids = new Set([...now.ncos, ...now.meetings].map((r) => r.id));
        const missing = [...acknowledged.keys()].filter((id) => !ids.has(id));
        if (kind === 'undo' && run.status === 0) for (const id of missing) acknowledged.delete(id);
        else if (run.status === null && kind === 'undo') {
          // A killed undo may have landed: what it took back is the last change only.
          for (const id of missing) acknowledged.delete(id);
        } else expect(missing).toEqual([]);
      }
      // After all that, a write still works, clears every leftover, and gives an unused id.
      const final = json<{ id: string }>(
        await nsmIn(['nco', 'add', '--name', 'Last One', '--shield', '99999', '--precinct', '75', '--json'], {
          store,
        }),
      );
      expect(acknowledged.has(final.id)).toBe(false);
      expect(readdirSync(folder).filter((n) => n.endsWith('.tmp'))).toEqual([]);
      // No export is ever seen half written: each calendar there parses whole.
      const calendars = join(folder, 'calendars');
      if (existsSync(calendars))
        for (const name of readdirSync(calendars).filter((n) => n.endsWith('.ics'))) {
          const parsed = new ICAL.Component(ICAL.parse(readFileSync(join(calendars, name), 'utf8')));
          expect(parsed.name).toBe('vcalendar');
        }
      figure('R2', 'commands run / killed part-way (kill -9)', `${KILLS} / ${killed}`);
      figure('R2', 'acknowledged writes kept', `${acknowledged.size} of ${acknowledged.size}`);
      figure('R2', 'kills that left debris (reported, then cleaned)', reported);
      figure('R2', 'undos that completed between kills', undone);
    },
    scale(300_000, 3_600_000),
  );
});
