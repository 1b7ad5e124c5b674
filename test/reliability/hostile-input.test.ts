import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { definitions } from '../../src/cli/commands.js';
import { kebab, type CommandSpec } from '../../src/cli/define.js';
import { BIN, NOW, tempStore } from '../helpers/cli.js';
import { demoStore } from '../helpers/demo.js';
import { nsmIn } from '../helpers/in-process.js';
import { ensureRole, freshDatabase, sql, testCluster } from '../helpers/postgres.js';
import { shellWords } from '../helpers/shell-words.js';
import { nsmWithin, snapshot } from '../store/store-helpers.js';
import { LONG, figure, scale } from './battery.js';

/**
 * R4 (issue #11): hostile input on every flag of every command.
 *
 * The commands, their flags and their arguments come from the command specs, so a new flag is
 * covered as soon as it is declared. Each slot (a flag's value, a positional argument, the global
 * --format) gets crafted values (huge, NUL, lone surrogates, escape and bidi sequences, newlines,
 * absurd numbers, rules that never match) and random strings, inside the command's own first
 * --help example run against a demo store. Every run must finish within 2 s and exit 0, 2, 3 or
 * 4 (never 1, a bug; an output file whose folder does not exist is the contract's 7). A refusal prints exactly one `nsm: <what> — <how>` line with no raw control
 * or bidi character and leaves the store's folder and the settings file byte-identical; a value
 * that is accepted and stored reads back exactly in the command's --json output.
 *
 * The bulk runs in-process; the rules that once spun forever run through the built binary with a
 * hard timeout, so a hang fails the test instead of freezing the suite (needs `npm run build`).
 */

const ESC = '\u001b';
const BEL = '\u0007';
const HUGE = 1_000_000;

/** At least 40 values an attacker, a broken script or a cat on the keyboard might pass. */
const CRAFTED: readonly string[] = [
  '',
  '   ',
  'x'.repeat(HUGE),
  '9'.repeat(100_000),
  ' \t'.repeat(50_000) + '1',
  '\u0000',
  'N1\u0000--force',
  '\uD800',
  'a\uDFFFb',
  '\uFFFD\uFFFE\uFFFF',
  // What the shell hands Node for invalid UTF-8 bytes, and bytes read as Latin-1.
  '\uFFFD\uFFFD',
  'Ã©Ã\u0083',
  `${ESC}[31mred${ESC}[0m`,
  `${ESC}]8;;https://evil.example${BEL}click${ESC}]8;;${BEL}`,
  `${ESC}]0;owned${ESC}\\`,
  `${ESC}[2J${ESC}[H`,
  `${ESC}c`,
  '\u009b31m',
  'invoice\u202Efdp.exe',
  '\u2066isolated\u2069\u200F\u061C',
  'line one\nline two',
  'N1\nInjected: yes',
  'carriage\rreturn',
  '\r\n',
  'tab\there',
  'para\u2028graph',
  '99999999999999999999',
  '-99999999999999999999',
  '-1',
  '0',
  '-0',
  '3.5',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e309',
  '0x1F',
  '1_000',
  '\uFF17\uFF15',
  '9999-12-31',
  '0000-00-00',
  '2027-02-30',
  '9999-12-31 23:59',
  'M99999999999999999999',
  'S0',
  '75\u202E',
  '-x',
  '__proto__',
  'constructor',
  '%s%n%x${HOME}$(reboot)',
  '=cmd|" /C calc"!A0',
  '<script>alert(1)</script>',
  '../../../../../tmp/nsm-escape',
  'e' + '\u0301'.repeat(1000),
  '\u{1F469}\u200D\u{1F469}\u200D\u{1F467}',
];

/** The rules of the issue (spun forever) and rules that never match (ran on to the year 9999). */
const RULES: readonly string[] = [
  'FREQ=DAILY;INTERVAL=-1;COUNT=3',
  'FREQ=SECONDLY;BYSECOND=70',
  'FREQ=MINUTELY;BYMINUTE=61',
  'FREQ=DAILY;BYSETPOS=5;COUNT=3',
  'FREQ=YEARLY;BYYEARDAY=366;BYMONTH=1;COUNT=2',
  'FREQ=YEARLY;BYWEEKNO=53;BYMONTH=3;COUNT=2',
  'FREQ=DAILY;BYWEEKNO=53;BYMONTH=3;COUNT=2',
  'FREQ=WEEKLY;BYDAY=MO,TU;BYSETPOS=3;COUNT=2',
  'FREQ=WEEKLY;BYHOUR=99;COUNT=2',
  'FREQ=DAILY;COUNT=99999999999999999999',
  'RRULE:FREQ=DAILY;COUNT=3\nEXDATE:20270101T000000Z',
];

/** A raw control character, C1 control or bidi mark in text meant for a terminal (a final newline aside). */
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** The state a command must set up first: minutes are approved at a later meeting (see help-examples). */
const AFTER_DECEMBER = '2026-12-10T17:00:00Z';
const HOLD_M2 = ['meeting', 'held', 'M2', '--attendance', '20'];
const SETUPS: Record<string, { now: string; steps: string[][] }> = {
  'minutes approve': { now: AFTER_DECEMBER, steps: [HOLD_M2] },
  'minutes amend': { now: AFTER_DECEMBER, steps: [HOLD_M2, ['minutes', 'approve', 'M1']] },
};

/** One place a hostile value goes: a flag's value, a positional argument, or the global --format. */
interface Slot {
  command: string;
  name: string;
  argv(value: string): string[];
  /** A flag without choices, which may be free text kept in the store (see FREE_TEXT). */
  open: boolean;
  /** A file or folder to write: the contract's exit 7 when it cannot be written (no such folder). */
  path: boolean;
}

/** Global flags commander takes a value for; the rest of the globals are switches. */
const GLOBAL_VALUES = new Set(['--store', '--format']);

/** A command's first --help example, split into its flags and its positional arguments. */
function baseline(spec: CommandSpec): { flags: Array<[string, string | null]>; positionals: string[] } {
  const words = shellWords(spec.examples[0]!).slice(1 + spec.path.length);
  const takesValue = new Set(
    Object.entries(spec.flags).flatMap(([key, flag]) =>
      flag.value === undefined ? [] : [`--${kebab(key)}`, ...(flag.short ? [`-${flag.short}`] : [])],
    ),
  );
  const flags: Array<[string, string | null]> = [];
  const positionals: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (!word.startsWith('-')) positionals.push(word);
    else if (word === '--store')
      i++; // the test's own store is used
    else if (takesValue.has(word) || GLOBAL_VALUES.has(word)) flags.push([word, words[++i]!]);
    else flags.push([word, null]);
  }
  return { flags, positionals };
}

function slotsOf(spec: CommandSpec): Slot[] {
  const command = spec.path.join(' ');
  const { flags, positionals } = baseline(spec);
  const line = (fl: Array<[string, string | null]>, pos: string[], json = true) => [
    ...spec.path,
    ...fl.flatMap(([f, v]) => (v === null ? [f] : [f, v])),
    ...(json ? ['--json'] : []),
    // After `--` a value starting with a dash is still an argument, as a script would pass it.
    ...(pos.length > 0 ? ['--', ...pos] : []),
  ];
  const withFlag = (flag: string, short: string | undefined, value: string) => {
    const others = flags.filter(([f]) => f !== flag && f !== short);
    return [...others, [flag, value] as [string, string]];
  };
  const slots: Slot[] = Object.entries(spec.flags)
    .filter(([, flag]) => flag.value !== undefined)
    .map(([key, flag]) => {
      const name = `--${kebab(key)}`;
      return {
        command,
        name,
        argv: (value: string) => line(withFlag(name, flag.short && `-${flag.short}`, value), positionals),
        open: flag.choices === undefined,
        path: flag.complete === 'file' || flag.complete === 'folder',
      };
    });
  for (const [i, arg] of (spec.args ?? []).entries())
    slots.push({
      command,
      name: `<${arg.name}>`,
      argv: (value) =>
        line(
          flags,
          positionals.map((p, j) => (j === i ? value : p)).concat(i >= positionals.length ? [value] : []),
        ),
      open: false,
      path: false,
    });
  // The global --format is routed to a command's own --format, or checked against the record formats.
  if (!('format' in spec.flags))
    slots.push({
      command,
      name: '--format (global)',
      argv: (value) => line([...flags, ['--format', value]], positionals, false),
      open: false,
      path: false,
    });
  return slots;
}

const SLOTS = definitions.flatMap((d) => slotsOf(d.spec));

const MAKES_STORE = new Set(['init', 'demo']);

/** A demo store for each command, set up as its example needs, and copied afresh after a change. */
class Stores {
  private readonly pristine = new Map<string, string>();
  private readonly working = new Map<string, string>();
  constructor(private readonly demo: string) {}

  async for(command: string): Promise<string> {
    const existing = this.working.get(command);
    if (existing) return existing;
    // init and demo make a store: theirs must not exist yet.
    if (MAKES_STORE.has(command)) return tempStore();
    // The access commands work on a database: the demo's, with the role their example names.
    if (definitions.find((d) => d.spec.path.join(' ') === command)?.spec.databaseOnly) {
      const url = (await freshDatabase(testCluster())).url;
      const copied = await nsmIn(['store', 'copy', '--to', url], { store: this.demo });
      if (copied.status !== 0) throw new Error(`store copy: ${copied.stderr}`);
      await ensureRole(testCluster(), 'pct75');
      this.working.set(command, url);
      return url;
    }
    let pristine = this.pristine.get(command);
    if (!pristine) {
      pristine = tempStore();
      copyFileSync(this.demo, pristine);
      for (const step of SETUPS[command]?.steps ?? []) {
        const run = await nsmIn(step, { store: pristine, env: envFor(command) });
        if (run.status !== 0) throw new Error(`${step.join(' ')}: ${run.stderr}`);
      }
      this.pristine.set(command, pristine);
    }
    const store = tempStore();
    copyFileSync(pristine, store);
    this.working.set(command, store);
    return store;
  }

  /** After a command changed its store, the next run starts from the set-up state again. */
  discard(command: string): void {
    this.working.delete(command);
  }
}

let config = '';
function envFor(command: string): Record<string, string> {
  return { NSM_NOW: SETUPS[command]?.now ?? NOW, NSM_CONFIG: config };
}

/** The settings file and every file beside the store, to compare before and after a refusal. */
async function state(store: string): Promise<string> {
  // A database store's state here is who may change which precinct (all that access changes).
  const files = store.startsWith('postgres://')
    ? [JSON.stringify(await sql(store, 'SELECT role, precinct FROM precinct_grants ORDER BY 1, 2'))]
    : [...snapshot(store)].map(([name, bytes]) => `${name}:${bytes}`).sort();
  return JSON.stringify([files, existsSync(config) ? readFileSync(config, 'base64') : null]);
}

function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string' || typeof value === 'number') out.push(String(value));
  else if (value && typeof value === 'object') for (const v of Object.values(value)) strings(v, out);
  return out;
}

/**
 * The slots that keep free text: a plain marker is accepted, stored and printed back. A hostile
 * value these accept must read back exactly (trimmed, as all free text is); numbers and dates may
 * be normalised (09 is 9).
 */
const FREE_TEXT = new Set<Slot>();
const MARKER = 'R4 marker text';

/** What is wrong with one run, if anything: an empty list passes. */
function problems(
  slot: Slot,
  value: string,
  run: { status: number | null; stdout: string; stderr: string },
  ms: number,
  changed: boolean,
): string[] {
  const found: string[] = [];
  if (ms > 2000) found.push(`took ${Math.round(ms)} ms`);
  const allowed = slot.path ? [0, 2, 3, 4, 7] : [0, 2, 3, 4];
  if (!allowed.includes(run.status ?? -1)) found.push(`exit ${run.status}`);
  if (RAW.test(run.stderr.replace(/\n/g, ''))) found.push('raw control or bidi character on stderr');
  if (run.status !== 0) {
    if (!/^nsm: [^\n]+ — [^\n]+\n$/.test(run.stderr)) found.push('stderr is not one "nsm: … — …" line');
    if (run.stdout !== '') found.push('stdout is not empty');
    if (changed) found.push('the store or the settings changed');
  } else {
    // Accepted: a newline in the value must not start a line of its own on stderr.
    const lines = run.stderr.split('\n');
    for (const part of value
      .split(/\r?\n|\r/)
      .slice(1)
      .filter((p) => p.trim() !== ''))
      if (lines.some((l) => l.startsWith(part))) found.push('a newline in the value starts a line on stderr');
  }
  if (run.status === 0 && changed && FREE_TEXT.has(slot) && value.trim() !== '') {
    let printed: string[] = [];
    try {
      printed = strings(JSON.parse(run.stdout));
    } catch {
      found.push('--json output does not parse');
    }
    if (!printed.includes(value.trim())) found.push('accepted, but the text does not read back exactly');
  }
  return found;
}

/** A value shown in a failure report: escaped, and cut short when huge. */
function shown(value: string): string {
  const short = value.length > 60 ? `${value.slice(0, 40)}… (${value.length} chars)` : value;
  return JSON.stringify(short);
}

describe('R4: hostile input on every flag of every command', () => {
  let stores: Stores;
  const home = process.cwd();
  let cases = 0;
  let slowest = 0;
  const failures: string[] = [];

  let workdir = '';

  /**
   * Runs one command line in-process. A run that changed anything leaves no trace for the next:
   * its store is set up afresh, the settings file removed, the files it wrote deleted.
   */
  async function runOnce(command: string, argv: string[]) {
    const store = await stores.for(command);
    const before = await state(store);
    const started = performance.now();
    const run = await nsmIn(argv, { store, env: envFor(command) });
    const ms = performance.now() - started;
    const changed = (await state(store)) !== before;
    if (changed) {
      stores.discard(command);
      rmSync(config, { force: true });
    }
    for (const name of readdirSync(workdir)) rmSync(join(workdir, name), { recursive: true, force: true });
    return { run, ms, changed };
  }

  /** Whether a slot keeps free text: asked once, the first time a value there is accepted and stored. */
  const classified = new Set<Slot>();
  async function classify(slot: Slot): Promise<void> {
    if (classified.has(slot) || !slot.open) return;
    classified.add(slot);
    const { run, changed } = await runOnce(slot.command, slot.argv(MARKER));
    if (run.status === 0 && changed && run.stdout.includes(MARKER)) FREE_TEXT.add(slot);
  }

  /** Runs one hostile value and records what is wrong with it. */
  async function probe(slot: Slot, value: string): Promise<string[]> {
    const { run, ms, changed } = await runOnce(slot.command, slot.argv(value));
    cases++;
    slowest = Math.max(slowest, ms);
    if (run.status === 0 && changed) await classify(slot);
    const found = problems(slot, value, run, ms, changed);
    if (found.length > 0)
      failures.push(
        `${slot.command} ${slot.name} ${shown(value)}: ${found.join('; ')} (exit ${run.status}) ${shown(run.stderr)}`,
      );
    return found;
  }

  beforeAll(async () => {
    stores = new Stores(await demoStore());
    // Output flags write where they are told: into a folder of the test's own.
    workdir = mkdtempSync(join(tmpdir(), 'nsm-r4-'));
    process.chdir(workdir);
    config = join(mkdtempSync(join(tmpdir(), 'nsm-r4-config-')), 'config.json');
  });
  afterAll(() => {
    process.chdir(home);
    figure('R4', 'cases', cases);
    figure('R4', 'slowest case', `${Math.round(slowest)} ms`);
    figure('R4', 'failures', failures.length);
  });

  it('covers every command, and each command line works before a value is made hostile', async () => {
    expect(new Set(SLOTS.map((s) => s.command)).size).toBe(definitions.length);
    for (const command of new Set(SLOTS.map((s) => s.command))) {
      const spec = definitions.find((d) => d.spec.path.join(' ') === command)!.spec;
      // The example names its command (the home screen's is `nsm` alone).
      const words = shellWords(spec.examples[0]!);
      expect(words.slice(0, 1 + spec.path.length)).toEqual(
        words.length === 1 ? ['nsm'] : ['nsm', ...spec.path],
      );
      const { flags, positionals } = baseline(spec);
      // The database an example names is a fresh one on the test server.
      const database = async (v: string | null) =>
        v?.startsWith('postgres://') ? (await freshDatabase(testCluster())).url : v;
      const values = await Promise.all(flags.map(async ([f, v]) => [f, await database(v)] as const));
      const argv = [...spec.path, ...values.flatMap(([f, v]) => (v === null ? [f] : [f, v])), ...positionals];
      const { run } = await runOnce(command, argv);
      expect(run.status, `${argv.join(' ')}: ${run.stderr}`).toBe(0);
    }
    // The read-back check has text to check: free-text flags are told from the others.
    const named = (command: string, name: string) =>
      SLOTS.find((s) => s.command === command && s.name === name)!;
    for (const slot of [
      named('nco add', '--name'),
      named('meeting cancel', '--reason'),
      named('nco add', '--shield'),
    ])
      await classify(slot);
    expect([...FREE_TEXT].map((s) => `${s.command} ${s.name}`)).toEqual(
      expect.arrayContaining(['nco add --name', 'meeting cancel --reason']),
    );
    expect(FREE_TEXT.has(named('nco add', '--shield'))).toBe(false);
  });

  it(
    `refuses ${CRAFTED.length} crafted values cleanly on ${LONG ? 'every' : 'a share of every'} slot`,
    async () => {
      // Fast form: each slot gets a few values in turn, so every value meets many slots; long form: all.
      const each = scale(2, CRAFTED.length);
      for (const [i, slot] of SLOTS.entries())
        for (let j = 0; j < each; j++) await probe(slot, CRAFTED[(i * each + j) % CRAFTED.length]!);
      expect(failures).toEqual([]);
    },
    scale(60_000, 1_800_000),
  );

  it(
    'refuses random strings cleanly',
    async () => {
      const text = fc.oneof(
        fc.string({ unit: 'binary', maxLength: 30 }),
        fc.string({
          unit: fc.constantFrom(
            ESC,
            '[',
            ']',
            '\u202E',
            '\n',
            '\u0000',
            '-',
            '9',
            '0',
            'M',
            'T',
            ':',
            ';',
            '=',
            ' ',
          ),
          maxLength: 30,
        }),
      );
      await fc.assert(
        fc.asyncProperty(fc.nat(SLOTS.length - 1), text, async (i, value) => {
          expect(await probe(SLOTS[i]!, value)).toEqual([]);
        }),
        { numRuns: scale(100, 2_000) },
      );
    },
    scale(60_000, 1_800_000),
  );
});

describe('R4: hostile option and command names', () => {
  const NAMES = [`${ESC}[31mred`, `x\u202Efdp.exe`, `${ESC}]8;;https://evil.example${BEL}x`, '\u009b2J'];
  const commands = definitions.map((d) => d.spec.path);

  it('an unknown option, command or extra argument is one escaped line, exit 2', async () => {
    const store = await demoStore();
    const before = snapshot(store);
    const lines = [
      ...commands.map((path, i) => [...path, `--${NAMES[i % NAMES.length]}`]),
      ...NAMES.map((name) => [name]),
      ...NAMES.map((name) => ['nco', name]),
      ...NAMES.map((name) => ['nco', 'show', 'N1', name]),
    ];
    for (const argv of lines) {
      const run = await nsmIn(argv, { store });
      expect(run.status, argv.join(' ')).toBe(2);
      expect(run.stderr, argv.join(' ')).toMatch(/^nsm: [^\n]+ — see: nsm[^\n]* --help\n$/);
      expect(RAW.test(run.stderr.replace(/\n$/, '')), run.stderr).toBe(false);
    }
    expect(snapshot(store)).toEqual(before);
  });
});

describe('R4: the rules that spun forever, through the built binary with a hard timeout', () => {
  const repeat = SLOTS.find((s) => s.name === '--repeat')!;
  let store: string;
  let binaryRuns = 0;
  let binarySlowest = 0;
  beforeAll(async () => {
    store = tempStore();
    copyFileSync(await demoStore(), store);
  });
  afterAll(() => {
    figure('R4', 'rules run by the binary', binaryRuns);
    figure('R4', 'slowest rule run by the binary', `${Math.round(binarySlowest)} ms`);
  });

  it.each(scale(RULES.slice(0, 7), RULES))('%j', (rule) => {
    const before = snapshot(store);
    const started = performance.now();
    const run = nsmWithin(repeat.argv(rule), store, 10_000);
    const ms = performance.now() - started;
    binarySlowest = Math.max(binarySlowest, ms);
    binaryRuns++;
    expect(run.timedOut, 'hung').toBe(false);
    expect(ms).toBeLessThan(2000);
    expect(run.status, run.stderr).toBe(2);
    expect(run.stderr).toMatch(/^nsm: [^\n]+ — [^\n]+\n$/);
    expect(RAW.test(run.stderr.replace(/\n$/, ''))).toBe(false);
    expect(snapshot(store)).toEqual(before);
  });
});

describe('R4: invalid UTF-8 from the shell', () => {
  it('reaches nsm as U+FFFD and is refused or stored as that', async () => {
    const store = tempStore();
    copyFileSync(await demoStore(), store);
    const before = snapshot(store);
    // The shell passes the bytes 0xFF 0xFE; Node decodes them as two replacement characters.
    const result = spawnSync(
      '/bin/sh',
      ['-c', `exec "$0" "$1" nco show "$(printf 'N\\377\\376')"`, process.execPath, BIN],
      {
        env: { ...process.env, NSM_STORE: store, NSM_NOW: NOW, NO_COLOR: '1' },
        encoding: 'utf8',
        timeout: 10_000,
      },
    );
    expect(result.status, result.stderr).toBe(2);
    expect(result.stderr).toMatch(/^nsm: "N\uFFFD\uFFFD" is not an NCO id — [^\n]+\n$/);
    expect(snapshot(store)).toEqual(before);
  });
});
