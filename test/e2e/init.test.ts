import { existsSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bytes, initializedStore, json, nsm, tempStore } from '../helpers/cli.js';

describe('nsm init', () => {
  it('creates a store with 78 precincts and 302 sectors, readable only by its owner', () => {
    const store = initializedStore();
    expect(statSync(store).mode & 0o777).toBe(0o600);
    expect(json<unknown[]>(nsm(['precinct', 'list', '--json'], { store }))).toHaveLength(78);
    expect(json<unknown[]>(nsm(['sector', 'list', '--json'], { store }))).toHaveLength(302);
  });

  it('refuses to replace an existing store without --force, leaving it byte-identical', () => {
    const store = initializedStore();
    const before = bytes(store);
    const run = nsm(['init'], { store });
    expect(run.status).toBe(3);
    expect(run.stderr).toMatch(/^nsm: a store already exists at .* — .*--force/);
    expect(bytes(store).equals(before)).toBe(true);
  });

  it('with --empty creates a store without reference data', () => {
    const store = tempStore();
    expect(nsm(['init', '--empty'], { store }).status).toBe(0);
    expect(json<unknown[]>(nsm(['precinct', 'list', '--json'], { store }))).toEqual([]);
    expect(existsSync(store)).toBe(true);
  });
});
