import { existsSync, lstatSync, mkdirSync, readlinkSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { initializedStore, nsm, tempStore } from '../helpers/cli.js';
import { nsmIn } from '../helpers/in-process.js';
import { addArgs, readStore } from './store-helpers.js';

/**
 * A store reached through a symbolic link is the file the link names: nsm writes through to it,
 * keeps its lock and backups beside it, and the link stays a link (it used to be replaced by a
 * regular file, detaching the real store).
 */
describe('a symlinked store', () => {
  it('writes through to the target, keeps the link a link, and keeps backups beside the target', async () => {
    const target = initializedStore();
    const link = join(dirname(tempStore()), 'linked.json');
    symlinkSync(target, link);
    const run = await nsmIn(addArgs(1), { store: link });
    expect(run.status, run.stderr).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(target);
    expect(readStore(target).ncos).toHaveLength(1);
    expect(existsSync(`${link}.backups`)).toBe(false);
    expect(existsSync(`${link}.lock`)).toBe(false);
    // Undo through either path reverses the same change.
    expect((await nsmIn(['undo'], { store: target })).status).toBe(0);
    expect(readStore(link).ncos).toHaveLength(0);
  });

  it('init through a link to a file not yet made creates that file, and the link stays', async () => {
    const folder = dirname(tempStore());
    mkdirSync(join(folder, 'real'));
    const target = join(folder, 'real', 'store.json');
    const link = join(folder, 'store.json');
    symlinkSync('real/store.json', link);
    const run = await nsmIn(['init'], { store: link });
    expect(run.status, run.stderr).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(lstatSync(target).isFile()).toBe(true);
    expect(existsSync(`${target}.backups`)).toBe(true);
  });
});

describe('the default store reached through a link', () => {
  it('is followed too: a store.json in the data folder that links elsewhere stays a link', async () => {
    const home = dirname(tempStore());
    const data = join(home, 'data', 'nsm');
    mkdirSync(data, { recursive: true });
    const target = initializedStore();
    symlinkSync(target, join(data, 'store.json'));
    // The built nsm: the data folder comes from the process's own environment (env-paths).
    const run = nsm(addArgs(1), { env: { XDG_DATA_HOME: join(home, 'data'), NSM_STORE: '' } });
    expect(run.status, run.stderr).toBe(0);
    expect(lstatSync(join(data, 'store.json')).isSymbolicLink()).toBe(true);
    expect(readStore(target).ncos).toHaveLength(1);
    expect(existsSync(join(data, 'store.json.backups'))).toBe(false);
  });
});
