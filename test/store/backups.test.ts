import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bytes, initializedStore, json } from '../helpers/cli.js';
import { nsmIn } from '../helpers/in-process.js';
import { addNco, backupNames, expectFailure, ncoCount, readStore, snapshot } from './store-helpers.js';

interface DoctorReport {
  ok: boolean;
  backups: Array<{ name: string; savedAt: string; bytes: number; replacedBy: string | null }>;
}

interface RestoreResult {
  restored: string;
  replacedKeptAs: string | null;
}

const backupPath = (store: string, name: string) =>
  join(`${store}.backups`, name.endsWith('.json') ? name : `${name}.json`);

/** A store made by init (change 1) and then 12 NCO additions (changes 2..13), shields 1..12. */
async function storeWithTwelveChanges(): Promise<string> {
  const store = initializedStore();
  for (let shield = 1; shield <= 12; shield++) await addNco(store, shield);
  return store;
}

describe('backups', () => {
  let store: string;
  beforeAll(async () => {
    store = await storeWithTwelveChanges();
  });

  it('only the newest 10 states are kept, each the state from just before a change', () => {
    const names = backupNames(store);
    expect(names).toHaveLength(10);
    // Change n (n = 2..13) saved the state before it as backup n; the oldest two were dropped.
    expect(names).toEqual([...Array(10).keys()].map((i) => `${String(i + 4).padStart(6, '0')}.json`));
    for (const name of names) {
      const seq = Number(name.slice(0, 6));
      expect(readStore(backupPath(store, name)).ncos, name).toHaveLength(seq - 2);
      expect(statSync(backupPath(store, name)).mode & 0o777).toBe(0o600);
    }
  });

  it('doctor --json lists them, oldest first, with the command that replaced each', async () => {
    const report = json<DoctorReport>(await nsmIn(['doctor', '--json'], { store }));
    expect(report.ok).toBe(true);
    expect(report.backups.map((b) => `${b.name}.json`)).toEqual(backupNames(store));
    for (const b of report.backups) {
      expect(b.bytes).toBe(statSync(backupPath(store, b.name)).size);
      expect(b.replacedBy).toMatch(/^nsm nco add --name 'Officer \d+' --shield \d+ --precinct 75$/);
    }
    expect(report.backups.at(-1)!.replacedBy).toContain('--shield 12 ');
  });

  it('doctor without --json names the backups and how to put one back', async () => {
    const run = await nsmIn(['doctor'], { store });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('000013');
    expect(run.stdout).toMatch(/nsm doctor --restore 000013/);
  });
});

describe('doctor --restore', () => {
  it('keeps the id counters of the state it replaces, so ids are never reused', async () => {
    const store = await storeWithTwelveChanges();
    expect((await nsmIn(['doctor', '--restore', '000006'], { store })).status).toBe(0);
    expect(readStore(store).ncos.map((n) => n.id)).toEqual(['N1', 'N2', 'N3', 'N4']);
    const added = json<{ id: string }>(
      await nsmIn(
        ['nco', 'add', '--name', 'After Restore', '--shield', '777', '--precinct', '75', '--json'],
        {
          store,
        },
      ),
    );
    expect(added.id).toBe('N13');
  });

  it('puts a backup back and keeps the state it replaced as a new backup, which undo reverses', async () => {
    const store = await storeWithTwelveChanges();
    const replaced = bytes(store);
    const result = json<RestoreResult>(await nsmIn(['doctor', '--restore', '000006', '--json'], { store }));
    expect(result.restored).toBe('000006.json');
    // Backup 6 is the state before change 6: init and the first four NCOs.
    expect(readStore(store).ncos.map((n) => n.shield)).toEqual(['1', '2', '3', '4']);
    expect(result.replacedKeptAs).not.toBeNull();
    expect(bytes(backupPath(store, result.replacedKeptAs!)).equals(replaced)).toBe(true);
    expect(backupNames(store)).toHaveLength(10);
    expect(backupNames(store).at(-1)).toBe(result.replacedKeptAs);
    expect((await nsmIn(['doctor'], { store })).status).toBe(0);

    const undo = await nsmIn(['undo'], { store });
    expect(undo.status, undo.stderr).toBe(0);
    expect(ncoCount(store)).toBe(12);
  });

  it('accepts the backup by number, padded name or file name', async () => {
    const store = await storeWithTwelveChanges();
    for (const name of ['13', '000012', '000011.json']) {
      expect((await nsmIn(['doctor', '--restore', name], { store })).status, name).toBe(0);
    }
    expect(ncoCount(store)).toBe(9);
  });

  it('an unknown backup exits 4, names the ones there are, and changes nothing', async () => {
    const store = await storeWithTwelveChanges();
    const before = snapshot(store);
    for (const name of ['000002', '999999', 'latest']) {
      expectFailure(
        await nsmIn(['doctor', '--restore', name], { store }),
        4,
        new RegExp(`no backup "${name}".*000004, 000005`),
      );
    }
    expect(snapshot(store)).toEqual(before);
  });

  it('works when the current store is corrupt, keeping the corrupt file as a backup too', async () => {
    const store = await storeWithTwelveChanges();
    const garbage = '{"schemaVersion": 1, "ncos": [ \u0000\u0001 garbage';
    writeFileSync(store, garbage);
    expect((await nsmIn(['nco', 'list'], { store })).status).toBe(6);
    const result = json<RestoreResult>(await nsmIn(['doctor', '--restore', '000013', '--json'], { store }));
    expect(readStore(store).ncos).toHaveLength(11);
    expect((await nsmIn(['doctor'], { store })).status).toBe(0);
    expect(readFileSync(backupPath(store, result.replacedKeptAs!), 'utf8')).toBe(garbage);
  });

  it('refuses a damaged backup (exit 6) and leaves the store byte-identical', async () => {
    const store = await storeWithTwelveChanges();
    writeFileSync(backupPath(store, '000010'), '{"schemaVersion": 1, "prec');
    const before = snapshot(store);
    expectFailure(
      await nsmIn(['doctor', '--restore', '000010'], { store }),
      6,
      /000010\.json is not valid JSON/,
    );
    expect(snapshot(store)).toEqual(before);
  });
});
