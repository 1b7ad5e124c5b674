import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION, storeProblem } from '../../src/domain/schema.js';
import { migrate, migrations, type Migration } from '../../src/store/migrations.js';
import { parseStore } from '../../src/store/parse.js';
import { StoreUnreadableError } from '../../src/errors.js';
import { bytes, initializedStore, json, tempStore } from '../helpers/cli.js';
import { nsmIn } from '../helpers/in-process.js';
import { addArgs, readStore } from './store-helpers.js';

/** A table whose steps record the order they ran in and add a field of their own. */
function recordingTable(versions: number[]) {
  const ran: number[] = [];
  const table: Record<number, Migration> = {};
  for (const v of versions) {
    table[v] = (store) => {
      ran.push(v);
      expect(store.schemaVersion).toBe(v);
      return { ...store, [`addedBy${v}`]: true, trail: [...((store.trail as number[]) ?? []), v] };
    };
  }
  return { ran, table };
}

describe('migrate', () => {
  it('runs each step once, in order, and bumps schemaVersion after each', () => {
    const { ran, table } = recordingTable([3, 1, 2]);
    const out = migrate({ schemaVersion: 1, kept: 'yes' }, 1, table, 4);
    expect(ran).toEqual([1, 2, 3]);
    expect(out).toEqual({
      schemaVersion: 4,
      kept: 'yes',
      addedBy1: true,
      addedBy2: true,
      addedBy3: true,
      trail: [1, 2, 3],
    });
  });

  it('starts from the given format and ignores steps below it', () => {
    const { ran, table } = recordingTable([1, 2, 3]);
    expect(migrate({ schemaVersion: 2 }, 2, table, 4).schemaVersion).toBe(4);
    expect(ran).toEqual([2, 3]);
  });

  it('a step cannot set the wrong version: migrate sets it', () => {
    const table: Record<number, Migration> = { 1: (s) => ({ ...s, schemaVersion: 42 }) };
    expect(migrate({ schemaVersion: 1 }, 1, table, 2).schemaVersion).toBe(2);
  });

  it('does nothing for a store already at the target', () => {
    const store = { schemaVersion: 3, x: 1 };
    expect(migrate(store, 3, {}, 3)).toEqual({ schemaVersion: 3, x: 1 });
  });

  it('throws naming the missing step, before running any step past the gap', () => {
    const { ran, table } = recordingTable([1, 3]);
    expect(() => migrate({ schemaVersion: 1 }, 1, table, 4)).toThrow('no migration from store format 2 to 3');
    expect(ran).toEqual([1]);
  });

  it('leaves the input object unchanged', () => {
    const { table } = recordingTable([1]);
    const input = { schemaVersion: 1 };
    migrate(input, 1, table, 2);
    expect(input).toEqual({ schemaVersion: 1 });
  });

  it('the real table has a step for every format before the current one', () => {
    for (let v = 1; v < SCHEMA_VERSION; v++) expect(typeof migrations[v], `step ${v}`).toBe('function');
  });
});

/** Format 1 as the first nsm wrote it: reference data and NCOs only. */
function formatOneStore(): string {
  const current = readStore(initializedStore());
  const { schemaVersion: _v, createdAt, precincts, sectors, phases, psas } = current;
  const v1 = {
    schemaVersion: 1,
    createdAt,
    nextId: { nco: 2 },
    precincts,
    sectors,
    phases,
    psas,
    ncos: [
      {
        id: 'N1',
        name: 'Old Timer',
        shield: '4242',
        rank: 'Police Officer',
        precinct: 75,
        email: null,
        phone: null,
        assignments: [],
      },
    ],
  };
  return JSON.stringify(v1) + '\n';
}

describe('an older store', () => {
  it('parses into a valid current store in memory', () => {
    const store = parseStore(formatOneStore(), '/x/store.json');
    expect(store.schemaVersion).toBe(SCHEMA_VERSION);
    expect(storeProblem(store)).toBeNull();
    expect(store.ncos.map((n) => n.name)).toEqual(['Old Timer']);
  });

  it('a store whose migrated form does not validate is refused as unreadable', () => {
    const broken = JSON.parse(formatOneStore()) as Record<string, unknown>;
    delete broken.precincts;
    expect(() => parseStore(JSON.stringify(broken), '/x/store.json')).toThrow(StoreUnreadableError);
    expect(() => parseStore(JSON.stringify(broken), '/x/store.json')).toThrow(/does not validate.*precincts/);
  });

  it('is read without being rewritten, and upgraded on disk by the next change (the old file kept as a backup)', async () => {
    const store = tempStore();
    const old = formatOneStore();
    writeFileSync(store, old);
    expect(
      json<Array<{ name: string }>>(await nsmIn(['nco', 'list', '--json'], { store })).map((n) => n.name),
    ).toEqual(['Old Timer']);
    expect(bytes(store).toString()).toBe(old);

    const run = await nsmIn([...addArgs(7), '--json'], { store });
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).id).toBe('N2');
    const upgraded = readStore(store);
    expect(upgraded.schemaVersion).toBe(SCHEMA_VERSION);
    expect(upgraded.ncos.map((n) => n.shield)).toEqual(['4242', '7']);
    expect(storeProblem(upgraded)).toBeNull();
    const backups = json<{ backups: Array<{ name: string }> }>(
      await nsmIn(['doctor', '--json'], { store }),
    ).backups;
    expect(backups).toHaveLength(1);
    expect(readFileSync(`${store}.backups/${backups[0]!.name}.json`, 'utf8')).toBe(old);
  });
});
