import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'parse5';
import { initializedStore } from '../helpers/cli.js';
import { expectRefusal, refused } from '../helpers/e2e.js';
import { nsmIn, type InProcessOptions } from '../helpers/in-process.js';
import { CLOCK, at, cloneStore, ok, type Env } from '../ledger/fixtures.js';
import { poppler } from '../helpers/poppler.js';

/**
 * The printed documents through the commands, every PDF read back by poppler-utils (pdftotext,
 * pdfinfo). A missing tool fails the test: CI installs poppler-utils.
 *
 * `base`: 75A's NCOs have accented names, M1 (March 9, 2027) was held, and raised a public issue
 * (I1, with a solution owned by Seán O'Brien) and a private one (I2, with a private solution).
 * `crowded`: the same sector, with 60 issues raised at M1.
 */

const march = at(CLOCK.afterMarch);
const afterJune = at(CLOCK.afterJune);
const NCOS = ['Nguyễn Thị Hoa', 'Zoë Łukasik'];
const PUBLIC = 'Cars speeding past Álvarez Bakery';
const WHERE = 'Linden Blvd & Ashford St';
const PRIVATE = 'Noise from 12 Elm St apt 3';
const PRIVATE_OWNER = 'Jane Doe';
let base: string;
let crowded: string;
let dir: string;

/** Two NCOs in 75A, a quarterly series from Tue 2027-03-09 (M1–M4), M1 held. */
async function sector75A(): Promise<string> {
  const store = initializedStore();
  await ok(store, ['nco', 'add', '--name', NCOS[0]!, '--shield', '1111', '--precinct', '75']);
  await ok(store, ['nco', 'add', '--name', NCOS[1]!, '--shield', '2222', '--precinct', '75']);
  await ok(store, ['nco', 'assign', 'N1', '75A']);
  await ok(store, ['nco', 'assign', 'N2', '75A']);
  const series = ['--sector', '75A', '--at', '2027-03-09 19:00', '--repeat', 'quarterly'];
  await ok(store, ['meeting', 'schedule', ...series], at(CLOCK.scheduling));
  await ok(store, ['meeting', 'held', 'M1', '--attendance', '31'], march);
  return store;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nsm-minutes-pdf-'));
  base = await sector75A();
  const raise = ['issue', 'raise', '--meeting', 'M1', '--summary'];
  await ok(base, [...raise, PUBLIC, '--location', WHERE, '--category', 'traffic'], march);
  await ok(base, [...raise, PRIVATE, '--private', '--category', 'noise'], march);
  const solution = ['--summary', 'Ask DOT for a speed-bump survey', '--owner', "Seán O'Brien"];
  await ok(base, ['solution', 'add', 'I1', ...solution, '--due', '2027-04-30'], march);
  await ok(
    base,
    ['solution', 'add', 'I2', '--summary', 'Talk to the tenant', '--owner', PRIVATE_OWNER],
    march,
  );

  crowded = await sector75A();
  for (let n = 1; n <= 60; n++)
    await ok(
      crowded,
      [...raise, `Blocked hydrant on block ${n}, reported twice`, '--category', 'parking'],
      march,
    );
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Each page's text as pdftotext lays it out, footer included. */
function pages(file: string): string[] {
  return poppler('pdftotext', ['-layout', file, '-']).split('\f').slice(0, -1);
}

function pageCount(file: string): number {
  return Number(/^Pages:\s+(\d+)$/m.exec(poppler('pdfinfo', [file]))![1]);
}

/** Text with its line breaks and column gaps made single spaces, for phrases that may wrap. */
function flat(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/** Runs a command that must succeed and write `name` in the test folder; returns that path. */
async function written(
  store: string,
  args: string[],
  name: string,
  env: Env = march,
  options: InProcessOptions = {},
): Promise<string> {
  const file = join(dir, name);
  const run = await nsmIn([...args, '-o', file], { store, env, ...options });
  expect(run.status, run.stderr).toBe(0);
  expect(run.stdout).toBe('');
  return file;
}

/** Every page says "Page i of N", where N is the page count pdfinfo reads. */
function expectNumberedPages(file: string): string[] {
  const texts = pages(file);
  expect(texts).toHaveLength(pageCount(file));
  texts.forEach((page, i) => expect(page).toContain(`Page ${i + 1} of ${texts.length}`));
  return texts;
}

describe('nsm minutes as a PDF', () => {
  it('keeps accents, marks the draft, states the meeting, and tables the solutions', async () => {
    const file = await written(cloneStore(base), ['minutes', 'M1'], 'full.pdf');
    expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const texts = expectNumberedPages(file);
    const text = texts.join('\n');
    expect(text).toMatch(/^MINUTES\s+DRAFT$/m);
    expect(text).toMatch(/^Precinct\s+75th Precinct$/m);
    expect(text).toMatch(/^Sector\s+75A$/m);
    expect(text).toMatch(/^Date\s+Tuesday, March 9, 2027$/m);
    expect(text).toMatch(/^Meeting\s+M1$/m);
    for (const name of NCOS) expect(text).toContain(name);
    expect(text).toMatch(/^31 people attended\.$/m);
    expect(text).toMatch(/^\s*I1\s+traffic\s+Cars speeding past Álvarez Bakery\s+Linden Blvd & Ashford St$/m);
    expect(text).toMatch(
      /^\s*S1 Ask DOT for a speed-bump survey\s+I1\s+Seán O'Brien\s+Apr 30, 2027\s+agreed$/m,
    );
    expect(text).toMatch(/^\s*S2 Talk to the tenant\s+I2\s+Jane Doe\s+agreed$/m);
    expect(text).toMatch(/^\s*I2\s+noise\s+Noise from 12 Elm St apt 3\s*$/m);
    expect(flat(text)).toContain('Holds private information');
    expect(flat(text)).toContain('Tuesday, June 8, 2027, 7:00 PM (M2)');
    // The draft is marked on every page, in the footer.
    for (const page of texts) expect(flat(page)).toContain('Minutes of M1, Tuesday, March 9, 2027 · DRAFT');
    // It holds private text: readable by its owner only.
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('--public leaves the private issue and its solution out, says so, and is not kept private', async () => {
    const file = await written(cloneStore(base), ['minutes', 'M1', '--public'], 'public.pdf');
    const texts = expectNumberedPages(file);
    const text = flat(texts.join(' '));
    expect(text).toContain(
      'Public copy: the text of 1 private issue and of 1 solution agreed for it is left out.',
    );
    for (const page of texts) expect(flat(page)).toContain('· DRAFT · Public copy');
    expect(text).not.toContain('Elm St');
    expect(text).not.toContain(PRIVATE_OWNER);
    expect(text).not.toContain('Talk to the tenant');
    expect(text).not.toContain('Holds private information');
    // The public issue and solution, accents and all, are still there.
    expect(text).toContain(PUBLIC);
    expect(text).toContain("Seán O'Brien");
    for (const name of NCOS) expect(text).toContain(name);
    expect(statSync(file).mode & 0o077).not.toBe(0);
  });

  it('runs 60 raised issues over pages: each row once, the table header on every page that has rows', async () => {
    const file = await written(cloneStore(crowded), ['minutes', 'M1'], 'crowded.pdf');
    const texts = expectNumberedPages(file);
    expect(texts.length).toBeGreaterThan(2);
    const row = /^\s*(I\d+)\s+parking\s+Blocked hydrant on block (\d+),/gm;
    const seen: string[] = [];
    let pagesWithRows = 0;
    for (const page of texts) {
      const rows = [...page.matchAll(row)];
      if (rows.length === 0) continue;
      pagesWithRows++;
      const header = /^\s*Issue\s+Category\s+Summary\s+Where$/m.exec(page);
      expect(header, `no table header on a page with ${rows[0]![1]}`).not.toBeNull();
      expect(header!.index).toBeLessThan(rows[0]!.index);
      for (const [, id, block] of rows) {
        expect(id).toBe(`I${block}`);
        seen.push(id!);
      }
    }
    expect(pagesWithRows).toBeGreaterThan(1);
    expect(seen).toEqual(Array.from({ length: 60 }, (_, i) => `I${i + 1}`));
  });

  it('approved minutes print the approved record, not the ledger as it is now', async () => {
    const store = cloneStore(base);
    await ok(store, ['meeting', 'held', 'M2', '--attendance', '12'], afterJune);
    await ok(store, ['minutes', 'approve', 'M1'], afterJune);
    await ok(store, ['issue', 'edit', 'I1', '--summary', 'Drag racing on Linden Blvd'], afterJune);
    const file = await written(store, ['minutes', 'M1'], 'approved.pdf', afterJune);
    const texts = expectNumberedPages(file);
    const text = flat(texts.join(' '));
    expect(text).toContain(PUBLIC);
    expect(text).not.toContain('Drag racing');
    expect(text).not.toContain('DRAFT');
    expect(text).toContain("Approved at M2, the sector's meeting of Tuesday, June 8, 2027.");
    for (const page of texts) expect(flat(page)).toContain('Tuesday, March 9, 2027 · Approved at M2');
  });
});

describe('nsm signin and nsm agenda as documents', () => {
  it('a sign-in sheet of 60 rows runs over letter pages, each with the form header and the footer', async () => {
    const file = await written(cloneStore(base), ['signin', 'M2', '--rows', '60'], 'signin.pdf');
    const texts = expectNumberedPages(file);
    expect(texts.length).toBeGreaterThan(1);
    const ncos = `Your Neighborhood Coordination Officers: Police Officer ${NCOS[0]}, Police Officer ${NCOS[1]}.`;
    for (const page of texts) {
      expect(page).toMatch(/^\s*Name\s+Block or street\s+Email for meeting updates/m);
      // The footer wraps beside the page number: read it without that.
      const footer = flat(page.replace(/Page \d+ of \d+/, ''));
      expect(footer).toContain(ncos);
      expect(footer).toContain('Next meeting: Tuesday, September 14, 2027, 7:00 PM (M3).');
    }
    expect(texts[0]).toMatch(/^Date\s+Tuesday, June 8, 2027$/m);
    expect(poppler('pdfinfo', [file])).toMatch(/^Page size:\s+612 x 792 pts \(letter\)$/m);
    // The default fills two pages exactly: one more row starts a third.
    const two = await written(cloneStore(base), ['signin', 'M2'], 'signin-default.pdf');
    expect(pageCount(two)).toBe(2);
    const three = await written(cloneStore(base), ['signin', 'M2', '--rows', '40'], 'signin-40.pdf');
    expect(pageCount(three)).toBe(3);
  });

  it('an agenda PDF carries the open issues, the private one without its text', async () => {
    const file = await written(cloneStore(base), ['agenda', 'M2'], 'agenda.pdf');
    const text = expectNumberedPages(file).join('\n');
    expect(text).toMatch(/^AGENDA$/m);
    expect(text).toMatch(/^Date\s+Tuesday, June 8, 2027$/m);
    expect(text).toMatch(/^I1 · traffic · open$/m);
    expect(text).toMatch(/^Cars speeding past Álvarez Bakery$/m);
    expect(text).toMatch(/^I2 · noise · open$/m);
    expect(text).not.toContain('Elm St');
    expect(text).not.toContain(PRIVATE_OWNER);
  });

  it('an agenda as HTML on stdout, read by a real HTML parser', async () => {
    const run = await nsmIn(['agenda', 'M2', '--format', 'html'], { store: cloneStore(base), env: march });
    expect(run.status, run.stderr).toBe(0);
    const texts: string[] = [];
    const walk = (node: unknown): void => {
      const n = node as { nodeName: string; value?: string; childNodes?: unknown[] };
      if (n.nodeName === '#text') texts.push(n.value!);
      if (n.nodeName !== 'style') n.childNodes?.forEach(walk);
    };
    walk(parse(run.stdout));
    const text = flat(texts.join(' '));
    expect(text).toContain(PUBLIC);
    expect(text).toContain("Seán O'Brien");
    for (const name of NCOS) expect(text).toContain(name);
    expect(text).not.toContain('Elm St');
  });
});

describe('where a PDF goes', () => {
  const home = process.cwd();
  afterEach(() => process.chdir(home));

  /** A new empty folder, made the current one. */
  function inNewFolder(): string {
    const folder = mkdtempSync(join(dir, 'cwd-'));
    process.chdir(folder);
    return folder;
  }

  it('on a terminal without -o: a file named for the minutes, never replaced without --force', async () => {
    const store = cloneStore(base);
    const folder = inNewFolder();
    const terminal = { store, env: march, terminal: 80 };
    const first = await nsmIn(['minutes', 'M1'], terminal);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toBe('');
    expect(first.stderr).toMatch(/Wrote the minutes of M1 \(DRAFT\) to minutes-M1\.pdf, as a PDF/);
    const file = join(folder, 'minutes-M1.pdf');
    const before = readFileSync(file);
    expect(flat(pages(file).join(' '))).toContain(PUBLIC);
    expect(statSync(file).mode & 0o777).toBe(0o600);

    await ok(store, ['issue', 'edit', 'I1', '--summary', 'Drag racing on Linden Blvd'], march);
    const again = await nsmIn(['minutes', 'M1'], terminal);
    expectRefusal(again, 7);
    expect(again.stderr).toMatch(/minutes-M1\.pdf already exists — add --force/);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(readdirSync(folder)).toEqual(['minutes-M1.pdf']);

    const forced = await nsmIn(['minutes', 'M1', '--force'], terminal);
    expect(forced.status, forced.stderr).toBe(0);
    expect(flat(pages(file).join(' '))).toContain('Drag racing on Linden Blvd');
    expect(readdirSync(folder)).toEqual(['minutes-M1.pdf']);
    // A public copy has a name of its own, so it never meets the full one.
    expect((await nsmIn(['minutes', 'M1', '--public'], terminal)).status).toBe(0);
    expect(readdirSync(folder).sort()).toEqual(['minutes-M1-public.pdf', 'minutes-M1.pdf']);
  });

  it('piped, or with -o - even on a terminal, the PDF bytes go to stdout and no file is written', async () => {
    const store = cloneStore(base);
    const folder = inNewFolder();
    const runs = [
      await nsmIn(['minutes', 'M1'], { store, env: march }),
      await nsmIn(['minutes', 'M1', '-o', '-'], { store, env: march, terminal: 80 }),
    ];
    runs.forEach((run, i) => {
      expect(run.status, run.stderr).toBe(0);
      expect(run.stderr).toBe('');
      expect(run.stdoutBytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(run.stdoutBytes.subarray(-6).toString('latin1')).toMatch(/%%EOF\n?$/);
      const copy = join(dir, `stdout-${i}.pdf`);
      writeFileSync(copy, run.stdoutBytes);
      expect(flat(pages(copy).join(' '))).toContain(PRIVATE);
    });
    expect(readdirSync(folder)).toEqual([]);
  });
});

describe('bad input writes nothing', () => {
  it.each([
    [['signin', 'M2', '-o', 'OUT/s.md'], 2, /a sign-in sheet is a PDF/],
    [['signin', 'M2', '--rows', '0', '-o', 'OUT/s.pdf'], 2, /--rows 0 is not a number of rows from 1 to 500/],
    [['signin', 'M2', '--rows', '501', '-o', 'OUT/s.pdf'], 2, /--rows 501/],
    [['minutes', 'M3', '-o', 'OUT/m.pdf'], 3, /M3 .*was not held/],
    [['minutes', 'M1', '--format', 'html', '-o', 'OUT/m.pdf'], 2, /--format html does not match/],
  ])('%j exits %i', async (args, code, message) => {
    const store = cloneStore(base);
    const out = mkdtempSync(join(dir, 'out-'));
    const run = await refused(
      args.map((a) => a.replace('OUT', out)),
      store,
      code,
      march,
    );
    expect(run.stderr).toMatch(message);
    expect(readdirSync(out)).toEqual([]);
  });
});
