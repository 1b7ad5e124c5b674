import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectRefusal } from '../helpers/e2e.js';
import { nsmIn, type InProcessRun } from '../helpers/in-process.js';
import { figure, scale } from './battery.js';

/**
 * R6: damaged stores and settings. Whatever the damage (a cut, a flipped bit, duplicate ids, a
 * reference to a record that is not there, a date that does not exist, a newer format, something
 * that is not a file), reads and writes refuse with exit 6 naming the problem and the backups, and
 * leave every file byte-identical with its mtime; `nsm doctor` still opens the store and reports the
 * problem; `nsm doctor --restore` puts a backup back without ever handing out an id again.
 */

const TRUNCATIONS = scale(10, 200);
const FLIPS = scale(30, 500);

type StoreData = {
  schemaVersion: number;
  nextId: Record<string, number>;
  precincts: Array<Record<string, unknown>>;
  sectors: Array<Record<string, unknown>>;
  ncos: Array<Record<string, unknown> & { assignments: Array<Record<string, unknown>> }>;
  meetings: Array<Record<string, unknown>>;
  issues: Array<Record<string, unknown>>;
  solutions: Array<Record<string, unknown>>;
};

/** A small store with a history: a precinct, two sectors, two NCOs (one assigned), a meeting, an issue, a solution. */
let template: string;
/** Its bytes, and every id it ever handed out. */
let original: Buffer;
let acknowledged: Set<string>;

async function ok(args: string[], store: string): Promise<InProcessRun> {
  const run = await nsmIn(args, { store });
  if (run.status !== 0) throw new Error(`nsm ${args.join(' ')}: exit ${run.status}: ${run.stderr}`);
  return run;
}

beforeAll(async () => {
  const store = join(mkdtempSync(join(tmpdir(), 'nsm-r6-')), 'store.json');
  for (const args of [
    ['init', '--empty'],
    ['precinct', 'add', '75', '--name', '75th Precinct', '--borough', 'Brooklyn'],
    ['sector', 'add', '75A'],
    ['sector', 'add', '75B'],
    ['nco', 'add', '--name', 'Maria Lopez', '--shield', '1001', '--precinct', '75'],
    ['nco', 'add', '--name', 'Sam Ortiz', '--shield', '1002', '--precinct', '75'],
    ['nco', 'assign', 'N1', '75A', '--from', '2026-01-01'],
    ['meeting', 'schedule', '--sector', '75A', '--at', '2026-11-10 19:00', '--force'],
    ['meeting', 'held', 'M1', '--attendance', '14'],
    ['issue', 'raise', '--meeting', 'M1', '--summary', 'Double parking on Atlantic Avenue'],
    ['solution', 'add', 'I1', '--summary', 'Tow sweeps on Tuesdays', '--owner', 'DOT'],
  ])
    await ok(args, store);
  template = dirname(store);
  original = readFileSync(store);
  acknowledged = new Set(idsIn(original.toString('utf8')));
});

/** Every quoted id (N1, M1, R1, I1, S1) in a store's text. */
function idsIn(text: string): string[] {
  return [...text.matchAll(/"([NMRIS]\d+)"/g)].map((m) => m[1]!);
}

/** A fresh copy of the template's folder (store, backups, journal); returns the store's path. */
function copy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'nsm-r6-'));
  cpSync(template, dir, { recursive: true });
  return join(dir, 'store.json');
}

function edit(store: string, change: (data: StoreData) => void): void {
  const data = JSON.parse(readFileSync(store, 'utf8')) as StoreData;
  change(data);
  writeFileSync(store, JSON.stringify(data));
}

/** Every entry under `root` (not following links): its kind, bytes or link target, and mtime. */
function state(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const info = lstatSync(path);
      const key = path.slice(root.length);
      if (info.isSymbolicLink()) out[key] = `link → ${readlinkSync(path)}`;
      else if (info.isDirectory()) {
        out[key] = 'folder';
        walk(path);
      } else if (info.isFile())
        out[key] = `${info.mtimeMs} ${readFileSync(path).toString('base64')} ${info.mode}`;
      else out[key] = `special ${info.mtimeMs} ${info.mode}`;
    }
  };
  walk(root);
  return out;
}

interface Doctor {
  ok: boolean;
  findings: Array<{ level: string; code: string; message: string }>;
  backups: Array<{ name: string }>;
}

async function doctor(store: string): Promise<{ status: number | null; report: Doctor }> {
  const run = await nsmIn(['doctor', '--json'], { store });
  return { status: run.status, report: JSON.parse(run.stdout) as Doctor };
}

interface Expectation {
  /** What the refusal must say. */
  message: RegExp;
  /** The doctor finding that names it ('any-error': any finding at the error level). */
  code: string;
  /** Where the backups are (default: beside `store`). */
  backups?: string;
  /** The folder whose files must stay untouched (default: the store's). */
  root?: string;
}

const READ = ['meeting', 'list', '--precinct', 'all'];
const WRITE = ['nco', 'add', '--name', 'Kim Park', '--shield', '1003', '--precinct', '75'];

/** A read and a write refuse with exit 6, naming the problem and the backups; nothing is touched; doctor reports it. */
async function expectRefused(store: string, expected: Expectation): Promise<void> {
  const root = expected.root ?? dirname(store);
  const backups = expected.backups ?? `${store}.backups`;
  const before = state(root);
  for (const args of [READ, WRITE]) {
    const run = await nsmIn(args, { store });
    expectRefusal(run, 6);
    expect(run.stderr).toMatch(expected.message);
    expect(run.stderr, 'names where the backups are').toContain(backups);
    expect(run.stderr).toMatch(/nsm doctor --restore/);
  }
  const { status, report } = await doctor(store);
  expect(status).toBe(6);
  expect(report.ok).toBe(false);
  // A flipped bit may break the file (unreadable) or only what it says (a reference, a date), which
  // doctor then names for what it is: any error finding will do there.
  const finding = report.findings.find((f) =>
    expected.code === 'any-error' ? f.level === 'error' : f.code === expected.code,
  );
  expect(finding, JSON.stringify(report.findings)).toBeDefined();
  expect(report.backups.length, 'doctor lists the backups').toBeGreaterThan(0);
  expect(state(root), 'a refused command touched a file').toEqual(before);
}

/**
 * Puts the newest backup back; then the store is sound and new records get ids that were never
 * handed out: neither one of the template's nor one the damaged file still shows.
 */
async function expectRestored(store: string, damaged: string): Promise<void> {
  const taken = new Set([...acknowledged, ...idsIn(damaged)]);
  const { report } = await doctor(store);
  const newest = report.backups.at(-1)!.name;
  await ok(['doctor', '--restore', newest], store);
  expect((await nsmIn(['doctor'], { store })).status, 'the restored store is sound').toBe(0);
  const added = [
    await ok([...WRITE, '--json'], store),
    await ok(['meeting', 'schedule', '--sector', '75B', '--at', '2026-12-15 19:00', '--json'], store),
  ];
  const [nco, meeting] = added.map((r) => JSON.parse(r.stdout) as { id: string } | Array<{ id: string }>);
  const meetingId = Array.isArray(meeting) ? meeting[0]!.id : meeting!.id;
  // Raised at the meeting already held (M1): the new meeting has not taken place.
  const issue = JSON.parse(
    (await ok(['issue', 'raise', '--meeting', 'M1', '--summary', 'Noise', '--json'], store)).stdout,
  ) as { id: string };
  const solution = JSON.parse(
    (await ok(['solution', 'add', issue.id, '--summary', 'Visit', '--json'], store)).stdout,
  ) as { id: string };
  for (const id of [(nco as { id: string }).id, meetingId, issue.id, solution.id])
    expect(taken.has(id), `${id} was handed out again`).toBe(false);
}

describe('R6: damaged stores', () => {
  describe('a store cut short', () => {
    // Offsets spread over the whole file, past the id counters near its start (the last byte
    // is the final newline: without it the store is whole).
    const offsets = (length: number, counters: number) =>
      Array.from({ length: TRUNCATIONS }, (_, i) =>
        Math.floor(counters + ((length - 2 - counters) * i) / Math.max(1, TRUNCATIONS - 1)),
      );

    it(
      `is refused at ${TRUNCATIONS} offsets after the id counters, and restored without reusing an id`,
      async () => {
        const counters = original.indexOf('}', original.indexOf('"nextId"')) + 1;
        for (const at of offsets(original.length, counters)) {
          const store = copy();
          const cut = original.subarray(0, at);
          writeFileSync(store, cut);
          await expectRefused(store, {
            message: at === 0 ? /is empty/ : /is not valid JSON.*cut short/,
            code: 'unreadable',
          });
          await expectRestored(store, cut.toString('utf8'));
        }
        figure('R6', 'truncations refused', TRUNCATIONS);
      },
      scale(60_000, 900_000),
    );

    it('before its id counters too: restore never reuses the ids of the last change', async () => {
      // The id counters are the first thing a cut this early loses; the last change's ids are in
      // no backup, so only a record of them kept with the undo journal can stop their reuse.
      for (const at of [0, 1, original.indexOf('"nextId"') + 12]) {
        const store = copy();
        const cut = original.subarray(0, at);
        writeFileSync(store, cut);
        await expectRefused(store, { message: /is empty|is not valid JSON/, code: 'unreadable' });
        await expectRestored(store, cut.toString('utf8'));
      }
    });
  });

  it(
    `a flipped bit (${FLIPS} seeded flips) is refused, or the store still reads as exactly what it says`,
    async () => {
      let seed = 0x5eed;
      const random = () => {
        // mulberry32: a small seeded generator, so a failure can be reproduced.
        seed = (seed + 0x6d2b79f5) | 0;
        let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      };
      let refused = 0;
      for (let round = 0; round < FLIPS; round++) {
        const at = Math.floor(random() * original.length);
        const bit = Math.floor(random() * 8);
        const flipped = Buffer.from(original);
        flipped[at]! ^= 1 << bit;
        const where = `flip of bit ${bit} at byte ${at} (${JSON.stringify(original.subarray(at - 10, at + 10).toString('latin1'))})`;
        const store = copy();
        writeFileSync(store, flipped);
        let text: string | null;
        try {
          text = new TextDecoder('utf-8', { fatal: true }).decode(flipped);
          JSON.parse(text);
        } catch {
          text = null;
        }
        const read = await nsmIn(READ, { store });
        if (read.status === 6) {
          refused++;
          await expectRefused(store, { message: /\S/, code: 'any-error' }).catch((error: Error) => {
            throw new Error(`${where}: ${error.message}`);
          });
          await expectRestored(store, flipped.toString('utf8'));
          continue;
        }
        // Accepted: only when the bytes are still valid UTF-8 JSON, which then reads back unchanged.
        expect(read.status, `${where}: ${read.stderr}`).toBe(0);
        expect(text, `${where} was read although it is not valid UTF-8 JSON`).not.toBeNull();
        const before = JSON.parse(text!) as StoreData;
        const write = await nsmIn(WRITE, { store });
        expect([0, 3], `${where}: ${write.stderr}`).toContain(write.status);
        if (write.status === 0) {
          const after = JSON.parse(readFileSync(store, 'utf8')) as StoreData;
          expect(after.ncos.slice(0, -1), where).toEqual(before.ncos);
          expect(after.meetings, where).toEqual(before.meetings);
          expect(after.issues, where).toEqual(before.issues);
        }
      }
      figure('R6', 'bit flips refused', `${refused} of ${FLIPS}`);
      expect(refused, 'most flips damage the JSON').toBeGreaterThan(FLIPS / 3);
    },
    scale(60_000, 900_000),
  );

  const damaged: Array<[string, (data: StoreData) => void, string, RegExp]> = [
    [
      'a precinct twice',
      (d) => d.precincts.push({ ...d.precincts[0]! }),
      'duplicate-precinct',
      /precinct 75 appears more than once/,
    ],
    [
      'a sector twice',
      (d) => d.sectors.push({ ...d.sectors[1]! }),
      'duplicate-sector',
      /sector 75B appears more than once/,
    ],
    [
      'an NCO id twice',
      (d) => d.ncos.push({ ...d.ncos[1]!, shield: '1009' }),
      'duplicate-nco',
      /NCO id N2 is used more than once/,
    ],
    [
      'a meeting id twice',
      (d) => d.meetings.push({ ...d.meetings[0]!, uuid: '0b0b0b0b-0b0b-4b0b-8b0b-0b0b0b0b0b0b' }),
      'duplicate-meeting',
      /meeting id M1 is used more than once/,
    ],
    [
      'a meeting UUID twice',
      (d) => {
        d.meetings.push({ ...d.meetings[0]!, id: 'M2' });
        d.nextId.meeting = 3;
      },
      'duplicate-meeting-uuid',
      /meetings M1 and M2 share the calendar UUID/,
    ],
    [
      'an issue id twice',
      (d) => d.issues.push({ ...d.issues[0]! }),
      'duplicate-issue',
      /issue id I1 is used more than once/,
    ],
    [
      'a solution id twice',
      (d) => d.solutions.push({ ...d.solutions[0]! }),
      'duplicate-solution',
      /solution id S1 is used more than once/,
    ],
    [
      'an issue counter lowered to an existing id (nsm once handed I1 out twice after this)',
      (d) => (d.nextId.issue = 1),
      'id-counter',
      /next issue id would be I1, but I1 exists/,
    ],
    [
      'an NCO counter lowered below the highest NCO',
      (d) => (d.nextId.nco = 2),
      'id-counter',
      /N2, but N2 exists/,
    ],
    [
      'an issue raised at a meeting that is gone',
      (d) => (d.issues[0]!.meetingId = 'M9'),
      'issue-meeting',
      /I1 was raised at M9, which is not in the store/,
    ],
    [
      'a solution of an issue that is gone',
      (d) => (d.solutions[0]!.issueId = 'I9'),
      'solution-issue',
      /S1 is a solution for I9/,
    ],
    [
      'an assignment to a sector that is gone',
      (d) => (d.ncos[0]!.assignments[0]!.sector = '75Z'),
      'assignment-sector',
      /N1 is assigned to 75Z/,
    ],
    [
      'a meeting of a sector that is gone',
      (d) => (d.meetings[0]!.sector = '75Z'),
      'meeting-sector',
      /M1 is for sector 75Z/,
    ],
    [
      'an NCO of a precinct that is gone',
      (d) => (d.ncos[1]!.precinct = 99),
      'nco-without-precinct',
      /N2 belongs to precinct 99/,
    ],
    [
      'a meeting on February 30',
      (d) => (d.meetings[0]!.start = '2027-02-30T19:00'),
      'unreadable',
      /meetings\.0\.start: expected a date that exists/,
    ],
    [
      'an issue raised on 2027-99-99',
      (d) => (d.issues[0]!.raisedOn = '2027-99-99'),
      'unreadable',
      /issues\.0\.raisedOn: expected a date that exists/,
    ],
  ];

  it.each(damaged)('%s: refused, reported, restored', async (_what, damage, code, message) => {
    const store = copy();
    edit(store, damage);
    await expectRefused(store, {
      message: new RegExp(`does not validate as an nsm store \\(.*${message.source}`),
      code,
    });
    const { report } = await doctor(store);
    expect(report.findings.find((f) => f.code === code)!.message).toMatch(message);
    await expectRestored(store, readFileSync(store, 'utf8'));
  });

  it('a store written by a newer nsm: refused without a word of repair, reported, restorable', async () => {
    const store = copy();
    edit(store, (d) => (d.schemaVersion = 99));
    const before = state(dirname(store));
    for (const args of [READ, WRITE]) {
      const run = await nsmIn(args, { store });
      expectRefusal(run, 6);
      expect(run.stderr).toMatch(/written by a newer nsm \(store format 99; .*upgrade nsm/);
    }
    const { status, report } = await doctor(store);
    expect(status).toBe(6);
    expect(report.findings.map((f) => f.code)).toContain('unreadable');
    expect(state(dirname(store))).toEqual(before);
    await expectRestored(store, readFileSync(store, 'utf8'));
  });

  describe('something that is not a store file', () => {
    it.each<[string, (store: string) => void, RegExp]>([
      ['a FIFO', (s) => execFileSync('mkfifo', [s]), /is not a store file but a FIFO/],
      ['a folder', (s) => mkdirSync(s), /folder/],
    ])(
      '%s: refused, reported, and left in place (restore will not replace what it cannot keep)',
      async (_what, make, message) => {
        const store = copy();
        rmSync(store);
        make(store);
        const before = state(dirname(store));
        for (const args of [READ, WRITE]) {
          const run = await nsmIn(args, { store });
          expectRefusal(run, 6);
          expect(run.stderr).toMatch(message);
        }
        const { status, report } = await doctor(store);
        expect(status).toBe(6);
        expect(report.findings.find((f) => f.code === 'unreadable')?.message).toMatch(message);
        const restore = await nsmIn(['doctor', '--restore', report.backups.at(-1)!.name], { store });
        expectRefusal(restore, restore.status === 7 ? 7 : 6);
        expect(state(dirname(store))).toEqual(before);
        expect(existsSync(`${store}.lock`)).toBe(false);
      },
    );
  });

  describe('a symlinked store (nsm writes through the link to its target)', () => {
    /** The real store in real/, the link beside it. */
    function linked(): { link: string; target: string; root: string } {
      const target = copy();
      const root = mkdtempSync(join(tmpdir(), 'nsm-r6-link-'));
      const moved = join(root, 'real');
      cpSync(dirname(target), moved, { recursive: true });
      const link = join(root, 'store.json');
      symlinkSync(join(moved, 'store.json'), link);
      return { link, target: join(moved, 'store.json'), root };
    }

    it('a link to a damaged store: refused naming the backups beside the target; restored through the link, which stays a link', async () => {
      const { link, target, root } = linked();
      const cut = original.subarray(0, original.length >> 1);
      writeFileSync(target, cut);
      await expectRefused(link, {
        message: /is not valid JSON/,
        code: 'unreadable',
        backups: `${target}.backups`,
        root,
      });
      await expectRestored(link, cut.toString('utf8'));
      expect(lstatSync(link).isSymbolicLink(), 'the link was replaced by a file').toBe(true);
      expect(readlinkSync(link)).toBe(target);
      expect(existsSync(`${link}.backups`), 'backups belong beside the target').toBe(false);
    });

    it('a dangling link: reads and writes refused (exit 6), nothing created, the link left as it is', async () => {
      const root = mkdtempSync(join(tmpdir(), 'nsm-r6-dangling-'));
      const link = join(root, 'store.json');
      symlinkSync(join(root, 'gone', 'store.json'), link);
      const before = state(root);
      for (const args of [READ, WRITE]) {
        const run = await nsmIn(args, { store: link });
        expectRefusal(run, 6);
        expect(run.stderr).toMatch(/there is no store at .*nsm init/);
      }
      const { status, report } = await doctor(link);
      expect(status).toBe(6);
      expect(report.findings.find((f) => f.code === 'unreadable')?.message).toMatch(/no store/);
      expect(state(root)).toEqual(before);
    });
  });
});

describe('R6: a damaged settings file (NSM_CONFIG)', () => {
  it.each<[string, (path: string) => void, RegExp]>([
    ['cut short', (p) => writeFileSync(p, '{"precinct": "7'), /settings file .* is damaged/],
    ['not an object of text', (p) => writeFileSync(p, '{"precinct": 75}'), /settings file .* is damaged/],
    [
      'a FIFO (once waited forever)',
      (p) => execFileSync('mkfifo', [p]),
      /cannot read the settings file .*not a regular file/,
    ],
    ['a folder', (p) => mkdirSync(p), /cannot read the settings file .*folder/],
  ])('%s: every command exits 2 naming it, and nsm never rewrites it', async (_what, make, message) => {
    const store = copy();
    const config = join(dirname(store), 'config.json');
    make(config);
    const before = state(dirname(store));
    for (const args of [READ, WRITE, ['config', 'set', 'precinct', '75'], ['config', 'list']]) {
      const run = await nsmIn(args, { store, env: { NSM_CONFIG: config } });
      expectRefusal(run, 2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).toContain(config);
    }
    expect(state(dirname(store))).toEqual(before);
  });
});
