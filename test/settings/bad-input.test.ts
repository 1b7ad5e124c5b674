import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nsmIn } from '../helpers/in-process.js';
import { setup, withDemo } from './helpers.js';

withDemo();

/** A settings file written by hand, in a layout nsm would never write, so any rewrite shows. */
const BY_HAND = '{"duration":"45m",   "venue.75A":"Community Room"}';

// prettier-ignore
const refused: Array<[string[], RegExp]> = [
  [['config', 'set', 'precinct', '999'], /^nsm: there is no precinct 999 in the store — give one that exists, for example 75; list them with: nsm precinct list$/],
  [['config', 'set', 'precinct', 'all'], /^nsm: precinct "all" is not a value for the setting — .*nsm config unset precinct$/],
  [['config', 'set', 'nosuchkey', 'x'], /^nsm: "nosuchkey" is not a setting — the settings are precinct, duration, venue.<sector>, address.<sector>, calendar.domain, store and agent; see them with: nsm config list$/],
  [['config', 'set', 'nosuchkey'], /^nsm: "nosuchkey" is not a setting — /],
  [['config', 'set', 'precinct'], /^nsm: nsm config set precinct needs a value — for example: nsm config set precinct 75$/],
  [['config', 'set', 'duration', 'forever'], /^nsm: duration "forever" is not a duration — write minutes or hours, for example 90, 90m, 1h, 1h30m or 1.5h$/],
  [['config', 'set', 'calendar.domain', 'http://x'], /^nsm: calendar.domain "http:\/\/x" is not a host name — give a domain name alone/],
  [['config', 'set', 'venue.75Z', 'Hall'], /^nsm: there is no sector 75Z in the store — precinct 75 has 75A, /],
  [['config', 'set', 'venue', 'Hall'], /^nsm: "venue" is set per sector — write venue.<sector>, for example venue.75A$/],
  [['config', 'set', 'address.75A', 'x'.repeat(201)], /^nsm: address.75A is 201 characters long — keep it to 200 characters$/],
  [['config', 'set', 'store', 'postgres://pat:s3cret@db.example.org/nsm'], /^nsm: store: the URL holds a password, which the settings file must not keep — leave it out \(postgres:\/\/pat@db.example.org\/nsm\) and keep it in ~\/.pgpass or PGPASSWORD$/],
  [['config', 'get', 'nosuchkey'], /^nsm: "nosuchkey" is not a setting — /],
  [['config', 'unset', 'nosuchkey'], /^nsm: "nosuchkey" is not a setting — /],
  [['config', 'list', '--format', 'xml'], /^nsm: .*xml.* — /],
];

/** Exactly one line on stderr, `nsm: what — how`, nothing on stdout. */
function oneLine(stderr: string, pattern: RegExp) {
  const lines = stderr.split('\n');
  expect(lines, stderr).toHaveLength(2);
  expect(lines[1]).toBe('');
  expect(lines[0]).toMatch(/^nsm: .+ — .+$/);
  expect(lines[0]).toMatch(pattern);
}

describe('bad input to nsm config', () => {
  it.each(refused)('nsm %j', async (args, pattern) => {
    const { run, config, store } = setup(BY_HAND);
    const storeBefore = readFileSync(store);
    const result = await run(...args);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    oneLine(result.stderr, pattern);
    expect(readFileSync(config, 'utf8')).toBe(BY_HAND);
    expect(readFileSync(store).equals(storeBefore)).toBe(true);
  });

  it('creates no settings file when the first set is refused', async () => {
    const { run, config } = setup();
    expect((await run('config', 'set', 'precinct', '999')).status).toBe(2);
    expect(existsSync(config)).toBe(false);
  });

  it('checks a precinct against the reference data when there is no store yet', async () => {
    const { config, env } = setup();
    const missing = '/nonexistent/nsm-store.json';
    const refusedRun = await nsmIn(['config', 'set', 'precinct', '999'], { store: missing, env });
    oneLine(refusedRun.stderr, /there is no precinct 999 in the bundled reference data/);
    expect((await nsmIn(['config', 'set', 'venue.123A', 'Hall'], { store: missing, env })).status).toBe(0);
    expect(JSON.parse(readFileSync(config, 'utf8'))).toEqual({ 'venue.123A': 'Hall' });
  });
});

it.skipIf(!existsSync('/proc/self'))(
  'cannot create the settings folder (under /proc): exit 7 promptly, one line',
  async () => {
    const { store } = setup();
    const result = await nsmIn(['config', 'set', 'precinct', '75'], {
      store,
      env: { NSM_CONFIG: '/proc/nsm-test/config.json' },
    });
    expect(result.status).toBe(7);
    oneLine(result.stderr, /^nsm: cannot write \/proc\/nsm-test\/config\.json: .* — nothing was changed/);
    expect(existsSync('/proc/nsm-test')).toBe(false);
  },
  10_000,
);

describe('a damaged settings file', () => {
  // prettier-ignore
  const damaged = [
    ['not JSON', '{"precinct": 75,'],
    ['not an object', '["precinct"]'],
    ['a value that is not text', '{"precinct": 75}'],
  ];
  const verbs = [
    ['config', 'list'],
    ['config', 'get', 'precinct'],
    ['config', 'set', 'precinct', '75'],
    ['config', 'unset', 'precinct'],
  ];
  it.each(damaged.flatMap(([what, text]) => verbs.map((args) => [what!, text!, args] as const)))(
    '%s: nsm %s is refused, naming the file, which is never rewritten',
    async (_what, text, args) => {
      const { run, config, store } = setup(text);
      const storeBefore = readFileSync(store);
      const result = await run(...args);
      expect(result.status).toBe(2);
      expect(result.stdout).toBe('');
      oneLine(
        result.stderr,
        new RegExp(`the settings file ${config.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is damaged`),
      );
      expect(readFileSync(config, 'utf8')).toBe(text);
      expect(readFileSync(store).equals(storeBefore)).toBe(true);
    },
  );
});
