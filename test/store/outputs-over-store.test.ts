import { existsSync, readFileSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bytes } from '../helpers/cli.js';
import { demoStore } from '../helpers/demo.js';
import { refused } from '../helpers/e2e.js';
import { nsmIn } from '../helpers/in-process.js';

/**
 * Every output flag (-o, --split) refuses the store's own files, under any name: written there, a
 * document would replace the records with no lock and no backup.
 */
let store: string;
beforeAll(async () => {
  store = await demoStore();
  // One change, so the backups folder and the undo journal exist.
  expect(
    (
      await nsmIn(['meeting', 'held', 'M2', '--attendance', '9'], {
        store,
        env: { NSM_NOW: '2026-12-10T17:00:00Z' },
      })
    ).status,
  ).toBe(0);
});

describe('outputs over the store', () => {
  it.each([
    ['minutes', (s: string) => ['minutes', 'M1', '-o', s, '--force']],
    ['agenda', (s: string) => ['agenda', 'M3', '-o', s, '--force']],
    ['signin', (s: string) => ['signin', 'M3', '-o', s, '--force']],
    ['calendar', (s: string) => ['calendar', '--sector', '75A', '-o', s, '--force']],
    ['report rollout', (s: string) => ['report', 'rollout', '--format', 'svg', '-o', s, '--force']],
  ])('%s -o refuses the store, its lock, its backups and a link to it', async (_name, args) => {
    const link = join(dirname(store), 'innocent.pdf');
    if (!existsSync(link)) symlinkSync(store, link);
    for (const target of [store, `${store}.lock`, join(`${store}.backups`, 'journal.json'), link]) {
      const before = bytes(store);
      const run = await refused(args(target), store, 2);
      expect(run.stderr).toMatch(/is nsm's own store file/);
      expect(bytes(store).equals(before)).toBe(true);
    }
    expect(existsSync(`${store}.lock`)).toBe(false);
  });

  it('calendar --split refuses the backups folder', async () => {
    const run = await refused(['calendar', '--split', `${store}.backups`, '--precinct', '75'], store, 2);
    expect(run.stderr).toMatch(/--split .* is nsm's own store file/);
  });

  it('a file beside the store, under another name, is fine', async () => {
    const beside = join(dirname(store), 'minutes.md');
    const run = await nsmIn(['minutes', 'M1', '-o', beside], { store });
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(beside, 'utf8')).toContain('# Sector 75A Neighborhood Safety Meeting');
  });
});
