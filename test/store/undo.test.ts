import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bytes, initializedStore, json, nsm } from '../helpers/cli.js';
import { addArgs, addNco, expectFailure, readStore, snapshot } from './store-helpers.js';

interface ListedChange {
  seq: number;
  at: string;
  command: string;
  backup: string | null;
  undoable: boolean;
}

const shields = (store: string) => readStore(store).ncos.map((n) => n.shield);
const undo = (store: string) => nsm(['undo'], { store });
const changes = (store: string) => json<ListedChange[]>(nsm(['undo', '--list', '--json'], { store }));

/** An initialized store with NCOs added under the given shields. */
function storeWith(...added: number[]): string {
  const store = initializedStore();
  for (const shield of added) addNco(store, shield);
  return store;
}

describe('nsm undo', () => {
  it('reverses the last change, and successive undos walk back further, down to the store init made', () => {
    const store = storeWith(11, 22, 33);
    const afterInit = readStore(store);
    afterInit.ncos = [];

    const first = undo(store);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/^Undid change #4 .*nco add .*--shield 33/);
    expect(shields(store)).toEqual(['11', '22']);

    expect(undo(store).status).toBe(0);
    expect(shields(store)).toEqual(['11']);
    expect(undo(store).status).toBe(0);
    expect(shields(store)).toEqual([]);
    // Everything but the id counter is back to what init wrote.
    const { nextId: _n, ...rest } = readStore(store);
    const { nextId: _m, ...initRest } = afterInit;
    expect(rest).toEqual(initRest);

    const before = snapshot(store);
    expectFailure(undo(store), 3, /created the store; there is nothing before it/);
    expect(snapshot(store)).toEqual(before);
    expect(nsm(['doctor'], { store }).status).toBe(0);
  });

  it('after init alone there is nothing to undo (exit 3), and the store stays byte-identical', () => {
    const store = initializedStore();
    const before = snapshot(store);
    expectFailure(undo(store), 3, /nothing before it|nothing to undo/);
    expect(snapshot(store)).toEqual(before);
  });

  it('never hands out an undone id again', () => {
    const store = storeWith(1, 2);
    expect(undo(store).status).toBe(0);
    const run = nsm(addArgs(3), { store });
    expect(run.stdout.trim()).toBe('N3');
    expect(readStore(store).ncos.map((n) => n.id)).toEqual(['N1', 'N3']);
  });

  it('a failed command records no change, so undo reverses the last one that succeeded', () => {
    const store = storeWith(1, 2);
    const before = bytes(store);
    expect(nsm(addArgs(2), { store }).status).toBe(3); // shield 2 is taken
    expect(nsm(['nco', 'add', '--name', 'X', '--shield', '9', '--precinct', '999'], { store }).status).toBe(
      4,
    );
    expect(bytes(store).equals(before)).toBe(true);
    expect(changes(store)).toHaveLength(3);
    expect(undo(store).status).toBe(0);
    expect(shields(store)).toEqual(['1']);
  });

  it('refuses (exit 3) when the store was edited by hand after the last change, and changes nothing', () => {
    const store = storeWith(1, 2);
    const edited = readStore(store);
    edited.ncos[0]!.name = 'Edited By Hand';
    writeFileSync(store, JSON.stringify(edited) + '\n');
    expect(nsm(['nco', 'list'], { store }).status).toBe(0); // still a valid store
    const before = snapshot(store);
    expectFailure(
      undo(store),
      3,
      /changed outside nsm after its last recorded change \(nsm nco add .*--shield 2/,
    );
    expect(snapshot(store)).toEqual(before);
    expect(changes(store)[0]!.undoable).toBe(false);
  });
});

describe('how far undo reaches', () => {
  it('every change --list calls undoable can be undone, one after another, until the kept backups run out', () => {
    const store = storeWith(...Array.from({ length: 12 }, (_, i) => i + 1));
    const undoable = changes(store).filter((c) => c.undoable);
    // 10 backups are kept: the states before changes 4..13.
    expect(undoable.map((c) => c.seq)).toEqual([13, 12, 11, 10, 9, 8, 7, 6, 5, 4]);
    for (const [i, change] of undoable.entries()) {
      const run = undo(store);
      expect(run.status, `undo ${i + 1}: ${run.stderr}`).toBe(0);
      expect(run.stderr).toContain(`#${change.seq} `);
      expect(readStore(store).ncos).toHaveLength(11 - i);
    }
    expect(shields(store)).toEqual(['1', '2']);
    expect(changes(store).filter((c) => c.undoable)).toEqual([]);
    const before = snapshot(store);
    expectFailure(undo(store), 3, /no longer kept/);
    expect(snapshot(store)).toEqual(before);
    expect(nsm(['doctor'], { store }).status).toBe(0);
  }, 120_000);
});

describe('nsm undo --list', () => {
  it('lists the recorded changes newest first, with their command lines', () => {
    const store = storeWith(5, 6);
    const list = changes(store);
    expect(list.map((c) => c.seq)).toEqual([3, 2, 1]);
    expect(list[0]!.command).toBe("nsm nco add --name 'Officer 6' --shield 6 --precinct 75");
    expect(list[1]!.command).toContain('nco add');
    expect(list[1]!.command).toContain('--shield 5');
    expect(list[2]!.command).toBe('nsm init');
    expect(list.map((c) => c.undoable)).toEqual([true, true, false]);
    expect(list[0]!.at).toBe('2026-11-26T17:00:00.000Z');

    const text = nsm(['undo', '--list'], { store });
    expect(text.status).toBe(0);
    expect(text.stdout.split('\n')[1]).toMatch(/^3\t.*--shield 6/);
  });

  it('drops an undone change from the list, and is not itself a change', () => {
    const store = storeWith(5, 6);
    const before = snapshot(store);
    changes(store);
    expect(snapshot(store)).toEqual(before);
    expect(undo(store).status).toBe(0);
    const list = changes(store);
    expect(list.map((c) => c.seq)).toEqual([2, 1]);
    expect(list[0]!.undoable).toBe(true);
  });
});
