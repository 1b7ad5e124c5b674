import { existsSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bytes, initializedStore, json, tempStore } from '../helpers/cli.js';
import { nsmIn } from '../helpers/in-process.js';

describe('nsm init', () => {
  it('creates a store with 78 precincts and 302 sectors, readable only by its owner', async () => {
    // A real init, not initializedStore(), which copies one made at the start of the run.
    const store = tempStore();
    expect((await nsmIn(['init'], { store })).status).toBe(0);
    expect(statSync(store).mode & 0o777).toBe(0o600);
    expect(json<unknown[]>(await nsmIn(['precinct', 'list', '--json'], { store }))).toHaveLength(78);
    expect(json<unknown[]>(await nsmIn(['sector', 'list', '--json'], { store }))).toHaveLength(302);
  });

  it('refuses to replace an existing store without --force, leaving it byte-identical', async () => {
    const store = initializedStore();
    const before = bytes(store);
    const run = await nsmIn(['init'], { store });
    expect(run.status).toBe(3);
    expect(run.stderr).toMatch(/^nsm: a store already exists at .* — .*--force/);
    expect(bytes(store).equals(before)).toBe(true);
  });

  it('with --empty creates a store without reference data', async () => {
    const store = tempStore();
    expect((await nsmIn(['init', '--empty'], { store })).status).toBe(0);
    expect(json<unknown[]>(await nsmIn(['precinct', 'list', '--json'], { store }))).toEqual([]);
    expect(existsSync(store)).toBe(true);
  });
});
