import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bytes } from '../helpers/cli.js';
import { demoStore } from '../helpers/demo.js';
import { nsmIn } from '../helpers/in-process.js';

/**
 * Each bad input of the issue: one line on stderr in the contract's form, the contract's exit
 * code, nothing on stdout, no file written or changed, and the store byte-identical.
 */

let store: string;
let folder: string;
const EXISTING = 'existing.ics';
const KEPT = 'an earlier calendar\n';

beforeAll(async () => {
  store = await demoStore();
  folder = mkdtempSync(join(tmpdir(), 'nsm-calendar-bad-'));
  writeFileSync(join(folder, EXISTING), KEPT);
});

const cases: Array<[string, (dir: string) => string[], number, RegExp]> = [
  [
    'two scopes at once',
    () => ['--precinct', '75', '--sector', '75A'],
    2,
    /give one scope, not --precinct and --sector/,
  ],
  ['a sector and a meeting', () => ['--sector', '75A', '--meeting', 'M1'], 2, /not --sector and --meeting/],
  ['an unknown sector', () => ['--sector', '75Z'], 4, /there is no sector 75Z/],
  ['an unknown meeting', () => ['--meeting', 'M9999'], 4, /there is no meeting M9999/],
  ['an unknown precinct', () => ['--precinct', '999'], 4, /there is no precinct 999/],
  ['a malformed sector', () => ['--sector', 'east'], 2, /--sector "east" is not a sector id/],
  ['a malformed meeting', () => ['--meeting', 'next'], 2, /"next" is not a meeting id/],
  [
    '--from after --to',
    () => ['--from', '2027-03-01', '--to', '2027-02-01'],
    2,
    /--to 2027-02-01 is before --from 2027-03-01/,
  ],
  ['a date that does not exist', () => ['--from', '2027-02-30'], 2, /--from "2027-02-30" is not a date/],
  [
    '-o onto an existing file',
    (d) => ['-o', join(d, EXISTING)],
    7,
    /existing\.ics already exists — add --force/,
  ],
  [
    '-o into a missing folder',
    (d) => ['-o', join(d, 'missing', 'x.ics')],
    7,
    /cannot write .*x\.ics: its folder does not exist/,
  ],
  ['-o onto a folder', (d) => ['-o', d, '--force'], 7, /cannot write .*: it is a folder/],
  [
    '--split onto a file',
    (d) => ['--split', join(d, EXISTING)],
    7,
    /cannot write into .*existing\.ics: it is a file/,
  ],
  [
    '--split under a missing folder',
    (d) => ['--split', join(d, 'a', 'b')],
    7,
    /cannot write .*b: its folder does not exist/,
  ],
  ['--split with --sector', (d) => ['--split', join(d, 'feeds'), '--sector', '75A'], 2, /takes no --sector/],
  ['--split with -o', (d) => ['--split', join(d, 'feeds'), '-o', join(d, 'x.ics')], 2, /takes no -o/],
  ['--format csv', () => ['--format', 'csv'], 2, /prints no records, so --format csv does not apply/],
];

describe('nsm calendar refuses bad input', () => {
  it.each(cases)('%s', async (_name, args, code, message) => {
    const before = bytes(store);
    const entries = readdirSync(folder).sort();
    const run = await nsmIn(['calendar', ...args(folder)], { store });
    expect(run.status, run.stderr).toBe(code);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toMatch(/^nsm: [^\n]+ — [^\n]+\n$/);
    expect(run.stdout).toBe('');
    expect(bytes(store).equals(before)).toBe(true);
    expect(readdirSync(folder).sort()).toEqual(entries);
    expect(readFileSync(join(folder, EXISTING), 'utf8')).toBe(KEPT);
  });

  it('a precinct setting that is gone from the store says so', async () => {
    const config = join(folder, 'config.json');
    writeFileSync(config, JSON.stringify({ precinct: '998' }));
    const run = await nsmIn(['calendar'], { store, env: { NSM_CONFIG: config } });
    expect(run.status).toBe(4);
    expect(run.stderr).toMatch(/there is no precinct 998 .*\(your precinct setting\)/);
  });
});
