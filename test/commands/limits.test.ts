import { describe, expect, it } from 'vitest';
import { demoStore } from '../helpers/demo.js';
import { refused } from '../helpers/e2e.js';
import { nsmIn } from '../helpers/in-process.js';

/**
 * Odd values that were once accepted (issue #11, item 9): each is now a usage error that names
 * the limit, quotes what was typed, and leaves the store byte-identical. The test clock is
 * 2026-11-26, so dates may go up to 2036-11-26.
 */
describe('limits are usage errors that name them', () => {
  it.each<[string, string[], RegExp]>([
    [
      'a meeting id longer than any record has (it came back as M100000000000000000000)',
      ['meeting', 'show', 'M99999999999999999999'],
      /^nsm: "M99999999999999999999" is not a meeting id: its number is longer than 9 digits — /,
    ],
    [
      'an NCO id with leading zeros past the limit is read as typed',
      ['nco', 'show', 'N0000000000000000000000012345678901'],
      /"N0000000000000000000000012345678901" is not an NCO id: its number is longer than 9 digits/,
    ],
    [
      'an attendance of 1e20',
      ['meeting', 'held', 'M1', '--attendance', '99999999999999999999'],
      /is more than 10,000 people — give how many came, at most 10,000/,
    ],
    [
      'a rule hour of 99 (it made 03:00 meetings)',
      [
        'meeting',
        'schedule',
        '--sector',
        '75A',
        '--at',
        '2027-01-12 19:00',
        '--repeat',
        'FREQ=WEEKLY;BYHOUR=99;COUNT=2',
      ],
      /BYHOUR=99 — BYHOUR takes 0 to 23/,
    ],
    [
      'a 52-week series from 9999-12 (it made 5 meetings)',
      ['meeting', 'schedule', '--sector', '75A', '--at', '9999-12-01 19:00', '--repeat', 'weekly'],
      /more than 10 years ahead — meetings are scheduled up to 2036-11-26/,
    ],
    [
      'a series whose later meetings pass the limit',
      [
        'meeting',
        'schedule',
        '--sector',
        '75A',
        '--at',
        '2036-06-02 19:00',
        '--repeat',
        'weekly',
        '--count',
        '52',
      ],
      /puts meeting 27 of the series on 2036-12-01, more than 10 years ahead — meetings are scheduled up to 2036-11-26/,
    ],
    [
      'a series ending in 9999',
      [
        'meeting',
        'schedule',
        '--sector',
        '75A',
        '--at',
        '2027-01-12 19:00',
        '--repeat',
        'quarterly',
        '--until',
        '9999-12-31',
      ],
      /--until "9999-12-31" is more than 10 years ahead — dates go up to 2036-11-26/,
    ],
    [
      'a solution due in 9999',
      ['solution', 'add', 'I3', '--summary', 'Speed bumps', '--due', '9999-12-31'],
      /--due "9999-12-31" is more than 10 years ahead — dates go up to 2036-11-26/,
    ],
    [
      'a due date moved to 9999',
      ['solution', 'edit', 'S1', '--due', '9999-12-31'],
      /--due "9999-12-31" is more than 10 years ahead/,
    ],
    [
      'an assignment from 9999',
      ['nco', 'assign', 'N1', '75B', '--from', '9999-12-31'],
      /--from "9999-12-31" is more than 10 years ahead/,
    ],
    [
      'an assignment ending in 9999',
      ['nco', 'unassign', 'N1', '--on', '9999-12-31'],
      /--on "9999-12-31" is more than 10 years ahead/,
    ],
    [
      'a rollout in 9999',
      ['precinct', 'rollout', '22', '--date', '9999-12-31', '--phase', '15'],
      /--date "9999-12-31" is more than 10 years ahead/,
    ],
  ])('%s', async (_name, args, message) => {
    const store = await demoStore();
    const run = await refused(args, store, 2);
    expect(run.stderr).toMatch(message);
  });

  it('a date exactly ten years ahead is still accepted', async () => {
    const store = await demoStore();
    const run = await nsmIn(
      ['solution', 'add', 'I3', '--summary', 'Long plan', '--due', '2036-11-26', '--json'],
      {
        store,
      },
    );
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ due: '2036-11-26' });
  });
});

describe('an accepted value cannot forge a line in the confirmation', () => {
  it.each([
    [
      'a newline',
      'Maria\nnsm: warning: the store was deleted',
      'Maria\\nnsm: warning: the store was deleted',
    ],
    ['a tab and an escape', 'Maria\t\u001b[2J', 'Maria\\t\\x1b[2J'],
  ])('%s in a name is shown escaped on stderr', async (_name, name, shown) => {
    const store = await demoStore();
    const run = await nsmIn(['nco', 'edit', 'N1', '--name', name], { store });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toBe(`Updated N1 ${shown}: name.\n`);
  });
});

describe('an output file name nsm cannot or should not write is a usage error', () => {
  it.each<[string, string, RegExp]>([
    ['empty (it failed to write, exit 7)', '', /-o is empty — give a file name, or -o - for standard output/],
    ['blank', '   ', /-o is empty/],
    [
      'with a NUL (an internal error from the file system)',
      'a\u0000b.md',
      /-o "a\\x00b\.md" has a control character/,
    ],
    ['with an escape sequence', '\u001b[31mred.md', /has a control character or bidi mark in it/],
    ['with a bidi override', 'agenda\u202Edm.exe', /has a control character or bidi mark in it/],
    ['longer than a file name may be', `${'a'.repeat(300)}.md`, /-o names a file with a name of 303 bytes/],
  ])('%s', async (_name, output, message) => {
    const store = await demoStore();
    const run = await refused(['agenda', 'M9', '-o', output], store, 2);
    expect(run.stderr).toMatch(message);
  });
});

describe('a refusal quoting a huge value', () => {
  it('stays one readable line: the start and the end of the message, what was left out counted', async () => {
    const store = await demoStore();
    const huge = `N${'9'.repeat(200_000)}`;
    const run = await nsmIn(['nco', 'show', huge], { store });
    expect(run.status).toBe(2);
    expect(run.stderr.split('\n')).toHaveLength(2);
    expect(run.stderr.length).toBeLessThan(1_500);
    expect(run.stderr).toMatch(
      /^nsm: "N9+…\(\d+ characters not shown\)…9+" is not an NCO id: its number is longer than 9 digits — /,
    );
  });
});
