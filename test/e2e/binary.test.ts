import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bytes, initializedStore, json, nsm, tempStore, type Run } from '../helpers/cli.js';
import { expectRefusal } from '../helpers/e2e.js';

/**
 * The real binary, spawned: most command tests run in-process through `main`, so these few check
 * what only a process shows — bin/nsm.js loading the build, exit statuses as the shell sees them,
 * and what lands on the real stdout and stderr.
 */

/** A failure as a script sees it: the status, one `nsm: <what> — <how>` line, nothing on stdout. */
function expectOneLineFailure(run: Run, status: number, what: RegExp): void {
  expectRefusal(run, status);
  expect(run.stderr).toMatch(what);
  expect(run.stderr).not.toMatch(/internal error/);
}

describe('the nsm binary', () => {
  it('--version prints the version of package.json and exits 0', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    expect(nsm(['--version'])).toMatchObject({ status: 0, stdout: `${pkg.version}\n` });
  });

  it('init, a write, a read and a refused write, each with its exit status', () => {
    const store = tempStore();
    expect(nsm(['init'], { store }).status).toBe(0);
    expect(statSync(store).mode & 0o777).toBe(0o600);

    const added = nsm(['nco', 'add', '--name', 'Maria Lopez', '--shield', '12345', '--precinct', '75'], {
      store,
    });
    expect(added.status, added.stderr).toBe(0);
    expect(json<Array<{ id: string }>>(nsm(['nco', 'list', '--json'], { store }))).toEqual([
      expect.objectContaining({ id: 'N1', name: 'Maria Lopez' }),
    ]);

    const before = bytes(store);
    const again = nsm(['nco', 'add', '--name', 'Other', '--shield', '12345', '--precinct', '75'], { store });
    expectOneLineFailure(again, 3, /shield 12345 already belongs to N1/);
    expect(bytes(store).equals(before)).toBe(true);
  });

  it.each<[string, string[], number, RegExp]>([
    ['an unknown flag', ['nco', 'list', '--bogus'], 2, /unknown option '--bogus' — see: nsm nco list --help/],
    ['a missing flag with no terminal to ask on', ['nco', 'add', '--name', 'X'], 2, /missing --shield/],
    ['something that is not there', ['nco', 'show', 'N42'], 4, /N42/],
  ])('%s: %j exits %i with one line on stderr', (_what, args, status, what) => {
    expectOneLineFailure(nsm(args, { store: initializedStore() }), status, what);
  });

  it('a missing store exits 6 and says how to create one', () => {
    expectOneLineFailure(nsm(['nco', 'list'], { store: tempStore() }), 6, /there is no store at .*nsm init/);
  });
});
