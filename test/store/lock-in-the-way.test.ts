import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { initializedStore } from '../helpers/cli.js';
import { refused } from '../helpers/e2e.js';

/**
 * The store's lock is an empty folder nsm makes and removes. A file there, or files inside it, are
 * not nsm's doing: the message says what is in the way and how to clear it (it used to say "free
 * some space", for ever).
 */
describe('something else where the lock goes', () => {
  const longAgo = new Date(Date.now() - 3_600_000);

  it.each([
    ['a plain file', (lock: string) => writeFileSync(lock, 'x'), /and this is a file/],
    [
      'a folder with files in it',
      (lock: string) => {
        mkdirSync(lock);
        writeFileSync(join(lock, 'junk'), 'x');
      },
      /and this is a folder with files in it/,
    ],
  ])('%s: exit 7, saying how to clear it, the store untouched', async (_what, place, message) => {
    const store = initializedStore();
    const lock = `${store}.lock`;
    place(lock);
    utimesSync(lock, longAgo, longAgo);
    const run = await refused(
      ['nco', 'add', '--name', 'Lee Lock', '--shield', '7070', '--precinct', '75'],
      store,
      7,
    );
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toContain(`move it away (mv ${lock} ${lock}.old)`);
    expect(run.stderr).not.toMatch(/free some space/);
  });
});
