import { spawnSync } from 'node:child_process';
import { lstatSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, NOW, type Run } from '../helpers/cli.js';
import { LONG, figure } from './battery.js';

/**
 * R7: whatever the umask, every file nsm writes is its owner's alone (0600), except public outputs
 * (calendars, agendas, public minutes, maps), which are readable by all but never more open than
 * the umask allows (0644 under 000 and 022, 0600 under 077); every folder it creates is 0700 (a
 * --split folder of public calendars follows its files: 0755 under a permissive umask). The store's
 * lock is gone after every command. The real binary runs, started through `sh -c 'umask …; exec …'`.
 * (test/store/modes.test.ts covers the in-process outputs under umask 000; this walks everything.)
 */

const UMASKS = [0o000, 0o022, 0o077];

function nsmUnder(umask: number, args: string[], env: Record<string, string>): Run {
  const result = spawnSync(
    '/bin/sh',
    ['-c', `umask ${umask.toString(8).padStart(3, '0')} && exec "$0" "$@"`, process.execPath, BIN, ...args],
    {
      env: { ...process.env, NODE_ENV: undefined, NSM_NOW: NOW, NO_COLOR: '1', ...env },
      input: '',
      encoding: 'utf8',
      timeout: 20_000,
    },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every path under `root`, with its permission bits and kind. */
function walk(root: string): Array<{ path: string; mode: number; folder: boolean }> {
  const out: Array<{ path: string; mode: number; folder: boolean }> = [];
  for (const name of readdirSync(root)) {
    const path = join(root, name);
    const info = lstatSync(path);
    out.push({ path: path.slice(root.length + 1), mode: info.mode & 0o777, folder: info.isDirectory() });
    if (info.isDirectory()) out.push(...walk(path).map((e) => ({ ...e, path: `${name}/${e.path}` })));
  }
  return out;
}

describe.each(UMASKS)('R7: under umask %o', (umask) => {
  it('every file nsm writes is 0600 (public outputs 0644 at most), every folder 0700, no lock left', () => {
    const root = mkdtempSync(join(tmpdir(), 'nsm-r7-'));
    const env = {
      NSM_STORE: join(root, 'data', 'nsm', 'store.json'),
      NSM_CONFIG: join(root, 'config', 'nsm', 'config.json'),
    };
    const steps: Array<[string[], number[]]> = [
      [['init'], [0]],
      [['nco', 'add', '--name', 'Maria Lopez', '--shield', '1001', '--precinct', '75'], [0]],
      [['undo'], [0]],
      [['meeting', 'schedule', '--sector', '75A', '--at', '2026-11-10 19:00', '--force'], [0]],
      [['meeting', 'held', 'M1', '--attendance', '12'], [0]],
      [
        [
          'issue',
          'raise',
          '--meeting',
          'M1',
          '--summary',
          'Noise at 12 Elm St',
          '--raised-by',
          'A Resident',
          '--private',
        ],
        [0],
      ],
      [['meeting', 'schedule', '--sector', '75A', '--at', '2026-12-08 19:00'], [0]],
      [['calendar', '--sector', '75A', '-o', join(root, '75A.ics')], [0]],
      // A folder that does not exist yet: made 0700, or refused with nothing made.
      [
        ['calendar', '--sector', '75A', '-o', join(root, 'new-folder', '75A.ics')],
        [0, 7],
      ],
      [['agenda', 'M2', '-o', join(root, 'agenda.md')], [0]],
      [['agenda', 'M2', '--format', 'html', '-o', join(root, 'agenda.html')], [0]],
      [['minutes', 'M1', '-o', join(root, 'minutes.pdf')], [0]],
      [['minutes', 'M1', '--format', 'md', '-o', join(root, 'minutes.md')], [0]],
      [['minutes', 'M1', '--public', '-o', join(root, 'public.md')], [0]],
      [['report', 'rollout', '--format', 'svg', '-o', join(root, 'map.svg')], [0]],
      [['calendar', '--split', join(root, 'feeds'), '--precinct', '75'], [0]],
      [['config', 'set', 'precinct', '75'], [0]],
    ];
    // The fast form runs every step under umask 000 (the one that exposes most), and the store's
    // own steps plus one output of each kind under the others; the long form runs all everywhere.
    const full = umask === 0 || LONG;
    const few = ['init', 'nco', 'undo', 'calendar', 'config'];
    const chosen = full
      ? steps
      : steps.filter(([args]) => few.includes(args[0]!) && !args.includes('new-folder'));
    for (const [args, codes] of chosen) {
      const run = nsmUnder(umask, args, env);
      expect(codes, `nsm ${args.join(' ')}: ${run.stderr}`).toContain(run.status);
      expect(
        walk(root).filter((e) => e.path.endsWith('.lock')),
        `a lock is left after nsm ${args.join(' ')}`,
      ).toEqual([]);
    }

    // Public: calendars, agendas (they leave private text out), public minutes, maps, feeds.
    const isPublic = (path: string) =>
      /\.(ics|svg)$|^agenda\.|^public\.|^feeds(\/|$)/.test(path) && !path.startsWith('data/');
    const wrong: string[] = [];
    const entries = walk(root);
    for (const { path, mode, folder } of entries) {
      const expected = folder
        ? isPublic(path)
          ? 0o755 & ~umask
          : 0o700
        : isPublic(path)
          ? 0o644 & ~umask
          : 0o600;
      if (mode !== expected) wrong.push(`${path} is ${mode.toString(8)}, expected ${expected.toString(8)}`);
    }
    expect(wrong).toEqual([]);
    // What the walk must have seen, so that an empty walk cannot pass.
    const paths = entries.map((e) => e.path);
    for (const path of [
      'data',
      'data/nsm',
      'data/nsm/store.json',
      'data/nsm/store.json.backups',
      'config/nsm/config.json',
      'feeds',
      ...(full ? ['minutes.pdf', 'public.md', 'agenda.md', 'map.svg'] : []),
    ])
      expect(paths).toContain(path);
    expect(paths.some((p) => /^data\/nsm\/store\.json\.backups\/\d+\.json$/.test(p))).toBe(true);
    figure('R7', `paths checked under umask ${umask.toString(8).padStart(3, '0')}`, entries.length);
  });
});
