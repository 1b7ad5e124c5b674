import { chmodSync, copyFileSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createContext } from '../../src/cli/run.js';
import { StoreBusyError } from '../../src/errors.js';
import { changeStore } from '../../src/store/store.js';
import { NOW, bytes, initializedStore } from '../helpers/cli.js';
import { nsmIn } from '../helpers/in-process.js';
import { addArgs, expectFailure, readStore } from './store-helpers.js';

/** A context for calling the store layer directly, as a command would. */
async function contextFor(store: string) {
  const io = {
    stdout: new PassThrough(),
    stderr: new PassThrough(),
    stdin: Object.assign(new PassThrough(), { isTTY: false }),
    env: { NSM_STORE: store, NSM_NOW: NOW, NSM_CONFIG: '/nonexistent/nsm-test-config.json' },
  };
  return createContext(io, {}, 'nsm nco add --name Test');
}

/** Replaces the store file with a copy of itself, as a program that ignores nsm's lock would. */
function rewriteBehindNsmsBack(store: string, text?: string): void {
  const copy = `${store}.copy`;
  if (text === undefined) copyFileSync(store, copy);
  else writeFileSync(copy, text);
  renameSync(copy, store);
}

describe('a writer never replaces a store that changed since it read it', () => {
  it('a change made meanwhile without the lock is kept, and the writer says so with exit 5', async () => {
    const store = initializedStore();
    const ctx = await contextFor(store);
    const data = readStore(store) as ReturnType<typeof readStore> & {
      precincts: Array<{ notes: string | null }>;
    };
    data.precincts[1]!.notes = 'theirs';
    const theirs = JSON.stringify(data) + '\n';
    await expect(
      changeStore(ctx, (data) => {
        data.precincts[0]!.notes = 'ours';
        rewriteBehindNsmsBack(store, theirs);
      }),
    ).rejects.toThrow(StoreBusyError);
    expect(readFileSync(store, 'utf8')).toBe(theirs);
    expect(readStore(store).precincts).not.toContainEqual(expect.objectContaining({ notes: 'ours' }));
  });

  it('a change whose write never landed is skipped by undo, which undoes the change before it', async () => {
    const store = initializedStore();
    expect((await nsmIn(addArgs(1), { store })).status).toBe(0);
    const afterFirst = bytes(store);
    const ctx = await contextFor(store);
    // The second change is journaled, then refused at the last moment (the file was replaced by
    // an identical copy meanwhile): the journal names a change the store never saw.
    await expect(
      changeStore(ctx, (data) => {
        data.precincts[0]!.notes = 'never landed';
        rewriteBehindNsmsBack(store);
      }),
    ).rejects.toThrow(StoreBusyError);
    expect(bytes(store).equals(afterFirst)).toBe(true);
    const undo = await nsmIn(['undo'], { store });
    expect(undo.status, undo.stderr).toBe(0);
    expect(undo.stdout + undo.stderr).toContain('nco add');
    expect(readStore(store).ncos).toEqual([]);
  });
});

describe('a read-only store', () => {
  it('is not silently rewritten: exit 7 says it is read-only and how to allow changes', async () => {
    const store = initializedStore();
    chmodSync(store, 0o444);
    const before = bytes(store);
    const run = await nsmIn(addArgs(1), { store });
    expectFailure(run, 7, /store\.json is read-only \(mode 0444\), so nsm will not change it — .*chmod u\+w/);
    expect(bytes(store).equals(before)).toBe(true);
    // Reading it is fine.
    expect((await nsmIn(['nco', 'list'], { store })).status).toBe(0);
  });
});
