import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'parse5';
import { initializedStore } from '../helpers/cli.js';
import { nsmIn } from '../helpers/in-process.js';
import { refused } from '../helpers/e2e.js';
import { CLOCK, at, cloneStore, loopStore, ok } from '../ledger/fixtures.js';

/**
 * Minutes through the command line: 75A met in March (M1, held) and June (M2); issues and
 * solutions were recorded at M1, one of them private. Each test works on its own copy.
 */
const march = at(CLOCK.afterMarch);
const afterJune = at(CLOCK.afterJune);
const PRIVATE = 'Noise from 12 Elm St apt 3, reported by Jane Doe';
let base: string;

beforeAll(async () => {
  base = initializedStore();
  await loopStore(base);
  await ok(
    base,
    [
      'issue',
      'raise',
      '--meeting',
      'M1',
      '--summary',
      'Cars speeding on Linden Blvd',
      '--location',
      'Linden Blvd & Ashford St',
      '--category',
      'traffic',
    ],
    march,
  );
  await ok(
    base,
    ['issue', 'raise', '--meeting', 'M1', '--summary', PRIVATE, '--private', '--category', 'noise'],
    march,
  );
  await ok(
    base,
    [
      'solution',
      'add',
      'I1',
      '--summary',
      'Ask DOT for a speed-bump survey',
      '--owner',
      'dot',
      '--due',
      '2027-04-30',
    ],
    march,
  );
  await ok(base, ['solution', 'add', 'I2', '--summary', 'Talk to Jane Doe', '--owner', 'Jane Doe'], march);
});

async function markdown(store: string, args: string[], env = afterJune): Promise<string> {
  const run = await nsmIn(['minutes', ...args, '--format', 'md'], { store, env });
  expect(run.status, run.stderr).toBe(0);
  return run.stdout;
}

async function holdJune(store: string): Promise<void> {
  await ok(store, ['meeting', 'held', 'M2', '--attendance', '12'], afterJune);
}

describe('nsm minutes', () => {
  it('prints a DRAFT of a held meeting with what it decided', async () => {
    const store = cloneStore(base);
    const md = await markdown(store, ['M1'], march);
    expect(md).toContain('DRAFT');
    expect(md).toContain('Cars speeding on Linden Blvd');
    expect(md).toContain('Ask DOT for a speed-bump survey');
    expect(md).toContain('Maria Lopez');
    expect(md).toContain('31 people attended');
    expect(md).toContain(PRIVATE);
    expect(md).toMatch(/Holds private information/);
    expect(md).toMatch(/M2/); // the next meeting
  });

  it('--public leaves the private text out and says so', async () => {
    const store = cloneStore(base);
    const run = await nsmIn(['minutes', 'M1', '--public', '--format', 'md'], { store, env: march });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).not.toContain('Jane Doe');
    expect(run.stdout).not.toContain('Elm St');
    expect(run.stdout).toContain('Cars speeding on Linden Blvd');
    expect(run.stdout).toMatch(
      /Public copy: the text of 1 private issue and of 1 solution agreed for it is left out/,
    );
    expect(run.stderr).toMatch(
      /^Public copy: left out the text of 1 private issue and of 1 solution agreed for it\.$/m,
    );
  });

  it('writes private minutes readable by their owner only, a public copy as usual', async () => {
    const store = cloneStore(base);
    const dir = mkdtempSync(join(tmpdir(), 'nsm-minutes-'));
    const full = join(dir, 'full.html');
    const shared = join(dir, 'public.html');
    expect((await nsmIn(['minutes', 'M1', '-o', full], { store, env: march })).status).toBe(0);
    expect((await nsmIn(['minutes', 'M1', '-o', shared, '--public'], { store, env: march })).status).toBe(0);
    expect(statSync(full).mode & 0o777).toBe(0o600);
    expect(statSync(shared).mode & 0o077).not.toBe(0);
    // The extension chose HTML: a real parser reads it, with the private text only in the full copy.
    const text = (file: string) =>
      JSON.stringify(parse(readFileSync(file, 'utf8')), (k, v) => (k === 'parentNode' ? undefined : v));
    expect(text(full)).toContain('Jane Doe');
    expect(text(shared)).not.toContain('Jane Doe');
  });

  it('--json gives the minutes as data, and the status', async () => {
    const store = cloneStore(base);
    const json = await ok<{ status: string; minutes: { raised: Array<{ id: string }>; attendance: number } }>(
      store,
      ['minutes', 'M1'],
      march,
    );
    expect(json.status).toBe('draft');
    expect(json.minutes.raised.map((i) => i.id)).toEqual(['I1', 'I2']);
    expect(json.minutes.attendance).toBe(31);
  });

  it('refuses a meeting that was not held, a format that disagrees with -o, and an unknown meeting', async () => {
    const store = cloneStore(base);
    const notHeld = await refused(['minutes', 'M2'], store, 3, afterJune);
    expect(notHeld.stderr).toMatch(
      /was not held, so it has no minutes — mark it held first: nsm meeting held M2/,
    );
    await refused(['minutes', 'M1', '--format', 'pdf', '-o', join(tmpdir(), 'x.md')], store, 2, afterJune);
    await refused(['minutes', 'M99'], store, 4, afterJune);
  });
});

describe('nsm minutes approve and amend', () => {
  it('approval freezes the minutes: later ledger changes do not alter them', async () => {
    const store = cloneStore(base);
    await holdJune(store);
    const approved = await ok<{ approvedAt: string; approvedOn: string }>(
      store,
      ['minutes', 'approve', 'M1'],
      afterJune,
    );
    expect(approved).toMatchObject({ approvedAt: 'M2', approvedOn: '2027-06-08' });
    await ok(store, ['issue', 'edit', 'I1', '--summary', 'Drag racing on Linden Blvd'], afterJune);
    await ok(store, ['solution', 'update', 'S1', '--status', 'done', '--note', 'Survey done'], afterJune);
    const md = await markdown(store, ['M1']);
    expect(md).toContain('Cars speeding on Linden Blvd');
    expect(md).not.toContain('Drag racing');
    expect(md).not.toContain('DRAFT');
    expect(md).toMatch(/Approved at M2/);
    // The ledger itself moved on: June's draft shows the corrected summary.
    expect(await markdown(store, ['M2'])).toContain('Drag racing on Linden Blvd');
  });

  it('an amendment is printed with its date; undo takes it back, then the approval', async () => {
    const store = cloneStore(base);
    await holdJune(store);
    await ok(store, ['minutes', 'approve', 'M1', '--at', 'M2'], afterJune);
    await ok(
      store,
      ['minutes', 'amend', 'M1', '--note', 'The survey is for Linden Blvd, not Linwood St.'],
      at('2027-06-20T15:00:00Z'),
    );
    const md = await markdown(store, ['M1']);
    expect(md).toMatch(/June 20, 2027: The survey is for Linden Blvd, not Linwood St\./);
    expect(md).toMatch(/Amended after approval/);
    expect((await nsmIn(['undo'], { store, env: afterJune })).status).toBe(0);
    expect(await markdown(store, ['M1'])).not.toContain('Linwood');
    expect((await nsmIn(['undo'], { store, env: afterJune })).status).toBe(0);
    expect(await markdown(store, ['M1'])).toContain('DRAFT');
  });

  it('refuses approving twice, at an earlier or unheld meeting, and amending a draft; the store stays as it was', async () => {
    const store = cloneStore(base);
    expect((await refused(['minutes', 'approve', 'M1'], store, 3, afterJune)).stderr).toMatch(
      /held no meeting since M1/,
    );
    expect((await refused(['minutes', 'approve', 'M1', '--at', 'M2'], store, 3, afterJune)).stderr).toMatch(
      /M2 .* was not held/,
    );
    expect((await refused(['minutes', 'amend', 'M1', '--note', 'x'], store, 3, afterJune)).stderr).toMatch(
      /still a draft/,
    );
    await holdJune(store);
    expect((await refused(['minutes', 'approve', 'M2', '--at', 'M1'], store, 3, afterJune)).stderr).toMatch(
      /is not after/,
    );
    await ok(store, ['minutes', 'approve', 'M1'], afterJune);
    expect((await refused(['minutes', 'approve', 'M1'], store, 3, afterJune)).stderr).toMatch(
      /already approved at M2/,
    );
    await refused(['minutes', 'amend', 'M1'], store, 2, afterJune);
    await refused(['minutes', 'approve', 'M3'], store, 3, afterJune);
  });
});

describe('nsm agenda of a held meeting', () => {
  it('points to the minutes', async () => {
    const store = cloneStore(base);
    const run = await refused(['agenda', 'M1'], store, 3, afterJune);
    expect(run.stderr).toMatch(/its record is the minutes, not an agenda — print them with: nsm minutes M1/);
  });
});
