import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { definitions } from '../../src/cli/commands.js';
import type { CommandSpec } from '../../src/cli/define.js';
import { demoStore } from '../helpers/demo.js';
import { nsmIn } from '../helpers/in-process.js';
import { snapshot } from '../store/store-helpers.js';
import { figure } from './battery.js';

/**
 * R8 (issue #11): every command that changes the store, run once on a fresh copy of the demo store
 * with valid arguments and then undone with `nsm undo`, leaves the data exactly as it was. Only the
 * id counters may stay raised (ids are never reused), and they must not go down.
 *
 * The commands are found from the source, not listed by hand: a command whose module (or a module
 * it imports) calls the store's write functions is a writer, and a new writer without a case below
 * fails the first test until one is added.
 */

const SRC = resolve(import.meta.dirname, '../../src');
/** The store's three ways to change a store; a command reaching one of them writes. */
const WRITES = /\b(changeStore|replaceStore|undoLastChange)\s*\(/;

interface Case {
  /** Commands run first, on the demo copy, to set the stage (each must succeed). */
  setup?: (store: string) => string[][];
  /** The command under test (without `nsm`). */
  args: (store: string) => string[];
}

const fixed =
  (...args: string[]) =>
  () =>
    args;

/** The meeting id the store hands out next. */
function nextMeeting(store: string): string {
  return `M${readStore(store).nextId.meeting}`;
}

/** The meeting a setup step just scheduled. */
function newestMeeting(store: string): string {
  return `M${readStore(store).nextId.meeting! - 1}`;
}

/**
 * A later held meeting of 75A, so the minutes of M1 (the demo's held 75A meeting) can be approved.
 * Read before the steps run: the meeting scheduled first gets the id the store hands out next.
 */
const heldAfterM1 = (store: string) => [
  ['meeting', 'schedule', '--sector', '75A', '--at', '2026-10-13 19:00', '--force'],
  ['meeting', 'held', nextMeeting(store), '--attendance', '21'],
];

/** Valid arguments on the demo store, for each command that writes; some commands have more than one form. */
const CASES: Record<string, Case[]> = {
  init: [{ args: fixed('init', '--force') }, { args: fixed('init', '--force', '--empty') }],
  doctor: [
    {
      // A change first, so there is a backup to put back.
      setup: () => [['nco', 'edit', 'N1', '--rank', 'Sergeant']],
      args: (store) => ['doctor', '--restore', lastBackup(store)],
    },
  ],
  'precinct add': [
    {
      args: fixed(
        'precinct',
        'add',
        '117',
        '--name',
        '117th Precinct',
        '--borough',
        'Queens',
        '--patrol-borough',
        'PBQS',
      ),
    },
  ],
  'precinct rollout': [
    { args: fixed('precinct', 'rollout', '116', '--date', '2024-12-18', '--phase', '16') },
  ],
  'sector add': [
    { args: fixed('sector', 'add', '116A', '--description', 'Rosedale west of Brookville Blvd') },
  ],
  'nco add': [
    {
      args: fixed(
        'nco',
        'add',
        '--name',
        'Sam Ortiz',
        '--shield',
        '23456',
        '--precinct',
        '14',
        '--rank',
        'Sergeant',
      ),
    },
  ],
  'nco edit': [{ args: fixed('nco', 'edit', 'N1', '--rank', 'Sergeant', '--email', 'j.sample@example.org') }],
  'nco assign': [{ args: fixed('nco', 'assign', 'N1', '75B', '--from', '2026-12-01') }],
  'nco unassign': [{ args: fixed('nco', 'unassign', 'N1', '--on', '2026-12-01') }],
  'meeting schedule': [
    {
      args: fixed(
        'meeting',
        'schedule',
        '--sector',
        '75A',
        '--at',
        '2027-01-12 19:00',
        '--location',
        'P.S. 190',
      ),
    },
    {
      args: fixed(
        'meeting',
        'schedule',
        '--sector',
        '75B',
        '--at',
        '2027-01-20 18:30',
        '--repeat',
        'monthly',
        '--count',
        '3',
      ),
    },
  ],
  'meeting reschedule': [{ args: fixed('meeting', 'reschedule', 'M2', '--at', '2026-12-13 14:00') }],
  'meeting cancel': [
    { args: fixed('meeting', 'cancel', 'M2', '--reason', 'venue unavailable') },
    { args: fixed('meeting', 'cancel', 'M3', '--series') },
  ],
  'meeting held': [
    { args: fixed('meeting', 'held', 'M1', '--attendance', '34', '--notes', 'Captain attended') },
    {
      // A past meeting never marked held, held for the first time.
      setup: () => [['meeting', 'schedule', '--sector', '75A', '--at', '2026-10-13 19:00', '--force']],
      args: (store) => ['meeting', 'held', newestMeeting(store), '--attendance', '12'],
    },
  ],
  'issue raise': [
    {
      args: fixed(
        'issue',
        'raise',
        '--meeting',
        'M1',
        '--summary',
        'Noise from 123 Elm St apt 2',
        '--category',
        'noise',
        '--raised-by',
        'J. Resident',
        '--private',
      ),
    },
  ],
  'issue update': [
    { args: fixed('issue', 'update', 'I1', '--status', 'resolved', '--note', 'Speed bumps installed') },
  ],
  'issue note': [{ args: fixed('issue', 'note', 'I1', '--note', 'DOT survey still pending') }],
  'issue edit': [
    { args: fixed('issue', 'edit', 'I1', '--location', 'Linden Blvd & Elderts Ln', '--private') },
  ],
  'solution add': [
    {
      args: fixed(
        'solution',
        'add',
        'I1',
        '--summary',
        'Request speed bumps',
        '--owner',
        'DOT',
        '--due',
        '2027-02-01',
      ),
    },
  ],
  'solution update': [{ args: fixed('solution', 'update', 'S1', '--status', 'done', '--note', 'Installed') }],
  'solution edit': [
    { args: fixed('solution', 'edit', 'S3', '--owner', 'Tenants association', '--due', 'none') },
  ],
  'minutes approve': [{ setup: heldAfterM1, args: fixed('minutes', 'approve', 'M1') }],
  'minutes amend': [
    {
      setup: (store) => [...heldAfterM1(store), ['minutes', 'approve', 'M1']],
      args: fixed('minutes', 'amend', 'M1', '--note', 'The survey is for Linden Blvd, not Linwood St.'),
    },
  ],
};

/** Writers that undo cannot be asked to take back, each with why (and a check that it is so). */
const EXEMPT: Record<string, string> = {
  demo: 'builds a new store and refuses an existing one, so there is no earlier state to return to',
  undo: 'is the command under test; an undo after an undo goes one more change back, by design',
  'store copy':
    'never changes the store it copies: it writes an empty database or a new file (which has no earlier state)',
};

interface StoreJson {
  nextId: Record<string, number>;
  [key: string]: unknown;
}

function readStore(store: string): StoreJson {
  return JSON.parse(readFileSync(store, 'utf8')) as StoreJson;
}

function lastBackup(store: string): string {
  const names = readdirSync(`${store}.backups`).filter((n) => /^\d+\.json$/.test(n));
  return names
    .sort()
    .at(-1)!
    .replace(/\.json$/, '');
}

// ---------------------------------------------------------------------------------------------
// Finding the writers

/** True when the module, or a module of nsm it imports, calls one of the store's write functions. */
function reachesWrite(file: string, seen: Set<string>): boolean {
  if (seen.has(file)) return false;
  seen.add(file);
  // The store defines them (calling into it is what counts), and src/cli lazily imports every
  // command: each command's own module is scanned from its definition instead.
  if (file.startsWith(join(SRC, 'store')) || file.startsWith(join(SRC, 'cli'))) return false;
  const text = readFileSync(file, 'utf8');
  if (WRITES.test(text)) return true;
  // Imports and re-exports of nsm's own modules; type-only ones run nothing.
  const imports = /(?:^(?:import|export) (?!type\b)[^;]*?from|import\()\s*'(\.{1,2}\/[^']+)'/gms;
  for (const [, spec] of text.matchAll(imports)) {
    const target = resolve(dirname(file), spec!.replace(/\.js$/, '.ts'));
    if (existsSync(target) && reachesWrite(target, seen)) return true;
  }
  return false;
}

/** Every command definition with the module that runs it, read from `define(spec, () => import(…))` in src/cli. */
async function commandModules(): Promise<Array<{ spec: CommandSpec; module: string }>> {
  const found: Array<{ spec: CommandSpec; module: string }> = [];
  const cli = join(SRC, 'cli');
  for (const name of readdirSync(cli).filter((n) => n.endsWith('.ts'))) {
    const text = readFileSync(join(cli, name), 'utf8');
    const exports = (await import(pathToFileURL(join(cli, name)).href)) as Record<string, unknown>;
    for (const [, variable, target] of text.matchAll(
      /define\(\s*(\w+),\s*\(\)\s*=>\s*import\(\s*'([^']+)'\s*\)/g,
    )) {
      found.push({
        spec: exports[variable!] as CommandSpec,
        module: resolve(cli, target!.replace(/\.js$/, '.ts')),
      });
    }
  }
  return found;
}

const name = (spec: CommandSpec) => spec.path.join(' ');

// ---------------------------------------------------------------------------------------------

describe('R8: every command that changes the store is undone exactly', () => {
  let covered = 0;
  afterAll(() => {
    if (covered === 0) return; // the coverage test did not run or failed: no figure to show
    figure('R8', 'commands covered', covered);
    figure('R8', 'writers exempt', Object.keys(EXEMPT).join(', '));
  });

  it('every writing command has a case here (or a reason it cannot be undone)', async () => {
    const modules = await commandModules();
    // Each registered command was found with its module, so none can slip past the scan.
    expect(modules.map((m) => name(m.spec)).sort()).toEqual(definitions.map((d) => name(d.spec)).sort());
    const writers = modules.filter((m) => reachesWrite(m.module, new Set())).map((m) => name(m.spec));
    expect(
      writers.filter((w) => !(w in CASES) && !(w in EXEMPT)),
      'writers without a case',
    ).toEqual([]);
    // And nothing here is stale: every case and exemption names a writer.
    expect([...Object.keys(CASES), ...Object.keys(EXEMPT)].filter((c) => !writers.includes(c))).toEqual([]);
    // A few known writers, so a scan that finds nothing cannot pass.
    expect(writers).toEqual(expect.arrayContaining(['nco add', 'meeting schedule', 'undo', 'init']));
    covered = Object.keys(CASES).length;
  });

  const cases = Object.entries(CASES).flatMap(([command, list]) =>
    list.map((c, i) => ({ command, title: list.length > 1 ? `${command} (form ${i + 1})` : command, ...c })),
  );

  it.each(cases)('$title, then undo: the data is as before', async ({ command, setup, args }) => {
    const store = await demoStore();
    for (const step of setup?.(store) ?? []) {
      const run = await nsmIn(step, { store });
      expect(run.status, `setup ${step.join(' ')}: ${run.stderr}`).toBe(0);
    }
    const before = readStore(store);

    const line = args(store);
    const change = await nsmIn(line, { store });
    expect(change.status, change.stderr).toBe(0);
    const changed = readStore(store);
    expect(changed, `${command} changed nothing, so its undo proves nothing`).not.toEqual(before);

    const undo = await nsmIn(['undo'], { store });
    expect(undo.status, undo.stderr).toBe(0);
    expect(undo.stderr).toContain(`: nsm ${command}`);
    const after = readStore(store);

    // Everything but the id counters is exactly as before the command.
    const { nextId: countersAfter, ...restAfter } = after;
    const { nextId: countersBefore, ...restBefore } = before;
    expect(restAfter).toEqual(restBefore);
    // The counters keep the highest value either state had: nothing is handed out twice.
    for (const key of new Set([...Object.keys(countersBefore), ...Object.keys(changed.nextId)]))
      expect(countersAfter[key], `nextId.${key}`).toBe(
        Math.max(countersBefore[key] ?? 0, changed.nextId[key] ?? 0),
      );

    const doctor = await nsmIn(['doctor', '--json'], { store });
    expect(doctor.status, doctor.stderr).toBe(0);
  });

  it('demo is exempt because it never changes an existing store: it refuses one, byte-identical', async () => {
    const store = await demoStore();
    const files = snapshot(store);
    const run = await nsmIn(['demo', '--store', store], { store });
    expect(run.status).toBe(3);
    expect(run.stderr).toMatch(/already exists/);
    expect(snapshot(store)).toEqual(files);
  });
});
