import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bytes, initializedStore, json } from '../helpers/cli.js';
import { nsmIn } from '../helpers/in-process.js';
import { addArgs, addNco, expectFailure, readStore, snapshot } from './store-helpers.js';

interface ListedChange {
  seq: number;
  at: string;
  command: string;
  backup: string | null;
  undoable: boolean;
}

const shields = (store: string) => readStore(store).ncos.map((n) => n.shield);
const undo = (store: string) => nsmIn(['undo'], { store });
const changes = async (store: string) =>
  json<ListedChange[]>(await nsmIn(['undo', '--list', '--json'], { store }));

/** An initialized store with NCOs added under the given shields. */
async function storeWith(...added: number[]): Promise<string> {
  const store = initializedStore();
  for (const shield of added) await addNco(store, shield);
  return store;
}

describe('nsm undo', () => {
  it('reverses the last change, and successive undos walk back further, down to the store init made', async () => {
    const store = await storeWith(11, 22, 33);
    const afterInit = readStore(store);
    afterInit.ncos = [];

    const first = await undo(store);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/^Undid change #4 .*nco add .*--shield 33/);
    expect(shields(store)).toEqual(['11', '22']);

    expect((await undo(store)).status).toBe(0);
    expect(shields(store)).toEqual(['11']);
    expect((await undo(store)).status).toBe(0);
    expect(shields(store)).toEqual([]);
    // Everything but the id counter is back to what init wrote.
    const { nextId: _n, ...rest } = readStore(store);
    const { nextId: _m, ...initRest } = afterInit;
    expect(rest).toEqual(initRest);

    const before = snapshot(store);
    expectFailure(await undo(store), 3, /created the store; there is nothing before it/);
    expect(snapshot(store)).toEqual(before);
    expect((await nsmIn(['doctor'], { store })).status).toBe(0);
  });

  it('after init alone there is nothing to undo (exit 3), and the store stays byte-identical', async () => {
    const store = initializedStore();
    const before = snapshot(store);
    expectFailure(await undo(store), 3, /nothing before it|nothing to undo/);
    expect(snapshot(store)).toEqual(before);
  });

  it('never hands out an undone id again', async () => {
    const store = await storeWith(1, 2);
    expect((await undo(store)).status).toBe(0);
    const run = await nsmIn([...addArgs(3), '--json'], { store });
    expect(JSON.parse(run.stdout).id).toBe('N3');
    expect(readStore(store).ncos.map((n) => n.id)).toEqual(['N1', 'N3']);
  });

  it('a failed command records no change, so undo reverses the last one that succeeded', async () => {
    const store = await storeWith(1, 2);
    const before = bytes(store);
    expect((await nsmIn(addArgs(2), { store })).status).toBe(3); // shield 2 is taken
    expect(
      (await nsmIn(['nco', 'add', '--name', 'X', '--shield', '9', '--precinct', '999'], { store })).status,
    ).toBe(4);
    expect(bytes(store).equals(before)).toBe(true);
    expect(await changes(store)).toHaveLength(3);
    expect((await undo(store)).status).toBe(0);
    expect(shields(store)).toEqual(['1']);
  });

  it('refuses (exit 3) when the store was edited by hand after the last change, and changes nothing', async () => {
    const store = await storeWith(1, 2);
    const edited = readStore(store);
    edited.ncos[0]!.name = 'Edited By Hand';
    writeFileSync(store, JSON.stringify(edited) + '\n');
    expect((await nsmIn(['nco', 'list'], { store })).status).toBe(0); // still a valid store
    const before = snapshot(store);
    expectFailure(
      await undo(store),
      3,
      /changed outside nsm after its last recorded change \(nsm nco add .*--shield 2/,
    );
    expect(snapshot(store)).toEqual(before);
    expect((await changes(store))[0]!.undoable).toBe(false);
  });
});

describe('how far undo reaches', () => {
  it('every change --list calls undoable can be undone, one after another, until the kept backups run out', async () => {
    const store = await storeWith(...Array.from({ length: 12 }, (_, i) => i + 1));
    const undoable = (await changes(store)).filter((c) => c.undoable);
    // 10 backups are kept: the states before changes 4..13.
    expect(undoable.map((c) => c.seq)).toEqual([13, 12, 11, 10, 9, 8, 7, 6, 5, 4]);
    for (const [i, change] of undoable.entries()) {
      const run = await undo(store);
      expect(run.status, `undo ${i + 1}: ${run.stderr}`).toBe(0);
      expect(run.stderr).toContain(`#${change.seq} `);
      expect(readStore(store).ncos).toHaveLength(11 - i);
    }
    expect(shields(store)).toEqual(['1', '2']);
    expect((await changes(store)).filter((c) => c.undoable)).toEqual([]);
    const before = snapshot(store);
    expectFailure(await undo(store), 3, /no longer kept/);
    expect(snapshot(store)).toEqual(before);
    expect((await nsmIn(['doctor'], { store })).status).toBe(0);
  }, 120_000);
});

describe('nsm undo --list', () => {
  it('lists the recorded changes newest first, with their command lines', async () => {
    const store = await storeWith(5, 6);
    const list = await changes(store);
    expect(list.map((c) => c.seq)).toEqual([3, 2, 1]);
    expect(list[0]!.command).toBe("nsm nco add --name 'Officer 6' --shield 6 --precinct 75");
    expect(list[1]!.command).toContain('nco add');
    expect(list[1]!.command).toContain('--shield 5');
    expect(list[2]!.command).toBe('nsm init');
    expect(list.map((c) => c.undoable)).toEqual([true, true, false]);
    expect(list[0]!.at).toBe('2026-11-26T12:00:00-05:00'); // New York time, the same instant as NSM_NOW

    const text = await nsmIn(['undo', '--list'], { store });
    expect(text.status).toBe(0);
    expect(text.stdout.split('\n')[1]).toMatch(/^3\t.*--shield 6/);
  });

  it('drops an undone change from the list, and is not itself a change', async () => {
    const store = await storeWith(5, 6);
    const before = snapshot(store);
    await changes(store);
    expect(snapshot(store)).toEqual(before);
    expect((await undo(store)).status).toBe(0);
    const list = await changes(store);
    expect(list.map((c) => c.seq)).toEqual([2, 1]);
    expect(list[0]!.undoable).toBe(true);
  });
});
