import { beforeAll, describe, expect, it } from 'vitest';
import { initializedStore } from '../helpers/cli.js';
import { nsmIn } from '../helpers/in-process.js';
import { addNco, refused } from '../helpers/e2e.js';

/**
 * Every refusal: the right exit code, one `nsm: <what> — <how to fix>` line on stderr, nothing on
 * stdout, and the store byte-identical (all checked by `refused`).
 */
describe('bad input is refused without touching the store', () => {
  let store: string;
  beforeAll(async () => {
    store = initializedStore();
    await addNco(store, 'Maria Lopez', '12345', 75);
    expect((await nsmIn(['nco', 'assign', 'N1', '75A'], { store })).status).toBe(0);
  });

  it.each<[string, string[], number, RegExp]>([
    ['unknown precinct', ['sector', 'list', '--precinct', '750'], 4, /precinct 750.* — .*nsm precinct list/],
    [
      'unknown precinct for nco add',
      ['nco', 'add', '--name', 'X', '--shield', '1', '--precinct', '750'],
      4,
      /precinct 750/,
    ],
    ['unknown sector', ['sector', 'show', '75Q'], 4, /sector 75Q.* — precinct 75 has 75A/],
    ['unknown sector for nco list', ['nco', 'list', '--sector', '75Q'], 4, /sector 75Q/],
    ['unknown NCO', ['nco', 'show', 'N42'], 4, /NCO N42 — .*nsm nco list/],
    ['unknown NCO to edit', ['nco', 'edit', 'n42', '--rank', 'Detective'], 4, /NCO N42/],
    [
      'a shield that is not a number',
      ['nco', 'add', '--name', 'X', '--shield', 'abc', '--precinct', '75'],
      2,
      /--shield "abc"/,
    ],
    [
      'an impossible date',
      ['nco', 'assign', 'N1', '75B', '--from', '2026-13-40'],
      2,
      /--from "2026-13-40" .* — .*YYYY-MM-DD/,
    ],
    ['Feb 29 of a common year', ['nco', 'unassign', 'N1', '--on', '2027-02-29'], 2, /--on/],
    [
      'a duplicate shield',
      ['nco', 'add', '--name', 'Other', '--shield', '12345', '--precinct', '75'],
      3,
      /shield 12345 already belongs to N1/,
    ],
    [
      'the same shield written with leading zeros',
      ['nco', 'add', '--name', 'Other', '--shield', '012345', '--precinct', '75'],
      3,
      /shield 12345/,
    ],
    ['another precinct\u2019s sector', ['nco', 'assign', 'N1', '14A'], 3, /14A is in precinct 14 — /],
    ['an unknown flag', ['nco', 'list', '--bogus'], 2, /unknown option '--bogus' — see: nsm nco list --help/],
    [
      'a mistyped flag (with a suggestion)',
      ['precinct', 'list', '--boro', 'Brooklyn'],
      2,
      /--boro.*Did you mean --borough\?/,
    ],
    ['a mistyped verb (with a suggestion)', ['nco', 'lsit'], 2, /'lsit'.*Did you mean list\?/],
    ['an unknown command', ['nco', 'fire', 'N1'], 2, /fire/],
    [
      'a mistyped noun points to the help that exists',
      ['meetng', 'list'],
      2,
      /unknown command 'meetng' \(Did you mean meeting\?\) — see: nsm --help\n$/,
    ],
    [
      'a mistyped verb points to its noun',
      ['meeting', 'lsit'],
      2,
      /Did you mean list\?\) — see: nsm meeting --help\n$/,
    ],
    [
      'a bad email',
      ['nco', 'add', '--name', 'X', '--shield', '2', '--precinct', '75', '--email', 'x@'],
      2,
      /--email/,
    ],
    [
      'an empty name',
      ['nco', 'add', '--name', '  ', '--shield', '2', '--precinct', '75'],
      2,
      /--name is empty/,
    ],
    [
      'contradicting filters',
      ['nco', 'list', '--sector', '75A', '--unassigned'],
      2,
      /--sector and --unassigned/,
    ],
  ])('%s: %j → exit %d', async (_what, args, code, message) => {
    expect((await refused(args, store, code)).stderr).toMatch(message);
  });

  it.each([
    [['--shield', '1', '--precinct', '75'], '--name'],
    [['--name', 'X', '--precinct', '75'], '--shield'],
    [['--name', 'X', '--shield', '1'], '--precinct'],
    [[], '--name'],
  ])('nco add %j with no terminal → exit 2 naming %s', async (flags, missing) => {
    const run = await refused(['nco', 'add', ...flags], store, 2);
    expect(run.stderr).toMatch(new RegExp(`^nsm: missing ${missing} — give it, for example ${missing} `));
  });

  it('--no-input also stops the prompt', async () => {
    expect(
      (await refused(['nco', 'add', '--no-input', '--name', 'X', '--shield', '1'], store, 2)).stderr,
    ).toMatch(/missing --precinct/);
  });

  it('shows no stack trace, even for a not-found error', async () => {
    const run = await nsmIn(['nco', 'show', 'N42'], { store });
    expect(run.stderr).not.toMatch(/Error|at \w/);
  });

  it('a missing store is exit 6 and says how to create one', async () => {
    const run = await nsmIn(['nco', 'list'], { store: `${store}.missing` });
    expect(run.status).toBe(6);
    expect(run.stderr).toMatch(/^nsm: there is no store at .* — create one with: nsm init/);
  });
});
