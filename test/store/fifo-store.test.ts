import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tempStore } from '../helpers/cli.js';
import { expectRefusal } from '../helpers/e2e.js';
import { nsmIn } from '../helpers/in-process.js';

/**
 * A FIFO given as the store once made every command wait forever on its read (and a write left its
 * lock behind). nsm opens the store without waiting and refuses anything but a regular file.
 */
describe('a FIFO as the store', () => {
  it.each([
    [['precinct', 'list']],
    [['nco', 'add', '--name', 'Pat Fifo', '--shield', '5151', '--precinct', '75']],
    [[]],
  ])('nsm %j exits 6 naming it, and leaves no lock', async (args) => {
    const store = tempStore();
    execFileSync('mkfifo', [store]);
    const run = await nsmIn(args, { store });
    expectRefusal(run, 6);
    expect(run.stderr).toMatch(/is not a store file but a FIFO/);
    expect(statSync(store).isFIFO()).toBe(true);
    expect(existsSync(`${store}.lock`)).toBe(false);
  });

  it('doctor reports it as unreadable, exit 6', async () => {
    const store = tempStore();
    execFileSync('mkfifo', [store]);
    const run = await nsmIn(['doctor'], { store });
    expect(run.status).toBe(6);
    expect(run.stdout).toMatch(/unreadable\t.* is not a store file but a FIFO/);
  });

  it('completion offers nothing from it, at once', async () => {
    const store = tempStore();
    execFileSync('mkfifo', [store]);
    const run = await nsmIn(['__complete', 'sector', '', '--store', store]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
  });
});
