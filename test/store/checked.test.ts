import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { initializedStore, tempStore } from '../helpers/cli.js';
import { nsmIn } from '../helpers/in-process.js';

/**
 * A read skips the full checks only for the very file nsm wrote after checking it (checked.ts).
 * Any change to the file since, even one that keeps its size and is made in place, is checked.
 */

const notePath = (store: string) => join(dirname(store), 'store.json.backups', 'checked.json');

async function storeWrittenByNsm(): Promise<string> {
  const store = initializedStore();
  for (const args of [
    ['nco', 'add', '--name', 'Maria Lopez', '--shield', '1001', '--precinct', '75'],
    ['nco', 'assign', 'N1', '75A'],
  ]) {
    const run = await nsmIn(args, { store });
    if (run.status !== 0) throw new Error(run.stderr);
  }
  return store;
}

/** The note as nsm would write it for the store file as it is now. */
function noteForCurrentFile(store: string, nsm: string): string {
  const stats = statSync(store, { bigint: true });
  return JSON.stringify({
    ino: String(stats.ino),
    size: String(stats.size),
    mtimeNs: String(stats.mtimeNs),
    ctimeNs: String(stats.ctimeNs),
    nsm,
  });
}

/** The same bytes but for N1's sector, 75A → 75Z: a reference to no sector, of the same length. */
function damageInPlace(store: string): void {
  const text = readFileSync(store, 'utf8');
  const damaged = text.replace('"assignments":[{"sector":"75A"', '"assignments":[{"sector":"75Z"');
  expect(damaged).not.toBe(text);
  writeFileSync(store, damaged); // the same file (inode), the same size
}

describe('the note of the store file nsm checked', () => {
  it('is written by a change and names the file now in place', async () => {
    const store = await storeWrittenByNsm();
    const note = JSON.parse(readFileSync(notePath(store), 'utf8')) as Record<string, string>;
    const stats = statSync(store, { bigint: true });
    expect(note.ino).toBe(String(stats.ino));
    expect(note.ctimeNs).toBe(String(stats.ctimeNs));
    expect((await nsmIn(['nco', 'list'], { store })).status).toBe(0);
  });

  it('does not cover a change made in place since, of the same size: the read checks and refuses', async () => {
    const store = await storeWrittenByNsm();
    const before = statSync(store).size;
    damageInPlace(store);
    expect(statSync(store).size).toBe(before);
    const run = await nsmIn(['nco', 'list'], { store });
    expect(run.status).toBe(6);
    expect(run.stderr).toMatch(/N1 is assigned to 75Z, which is not in the store/);
  });

  it('is what lets a read skip the checks, and only for the nsm version that wrote it', async () => {
    const store = await storeWrittenByNsm();
    damageInPlace(store);
    // A note forged for the damaged file: the read trusts it (this is the whole saving)…
    const { VERSION } = await import('../../src/version.js');
    writeFileSync(notePath(store), noteForCurrentFile(store, VERSION));
    expect((await nsmIn(['nco', 'list'], { store })).status).toBe(0);
    // …but a change still checks every record before writing, so the damage goes no further…
    const change = await nsmIn(
      ['nco', 'add', '--name', 'Sam Ortiz', '--shield', '1002', '--precinct', '75'],
      {
        store,
      },
    );
    expect(change.status).toBe(6);
    expect(change.stderr).toMatch(/does not validate as an nsm store \(N1 is assigned to 75Z/);
    // …and a note from another version of nsm is not trusted.
    writeFileSync(notePath(store), noteForCurrentFile(store, '0.0.1'));
    expect((await nsmIn(['nco', 'list'], { store })).status).toBe(6);
  });

  it('is written when init, demo or doctor --restore put a store in place, for the file they wrote', async () => {
    const notesTheFileInPlace = (store: string) => {
      const note = JSON.parse(readFileSync(notePath(store), 'utf8')) as Record<string, string>;
      const stats = statSync(store, { bigint: true });
      expect(note.ino).toBe(String(stats.ino));
      expect(note.ctimeNs).toBe(String(stats.ctimeNs));
    };
    for (const command of ['init', 'demo']) {
      const store = tempStore();
      expect((await nsmIn([command, '--store', store])).status).toBe(0);
      notesTheFileInPlace(store);
    }
    const store = await storeWrittenByNsm();
    const doctor = JSON.parse((await nsmIn(['doctor', '--json'], { store })).stdout) as {
      backups: { name: string }[];
    };
    const backup = doctor.backups[0]!.name.replace(/\.json$/, '');
    expect((await nsmIn(['doctor', '--restore', backup], { store })).status).toBe(0);
    notesTheFileInPlace(store);
  });
});
