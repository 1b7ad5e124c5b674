import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { definitions } from '../../src/cli/commands.js';
import { PROGRAM_EXAMPLES } from '../../src/cli/program.js';
import { tempStore } from '../helpers/cli.js';
import { nsmIn } from '../helpers/in-process.js';
import { ensureRole, freshDatabase, testCluster } from '../helpers/postgres.js';
import { shellWords } from '../helpers/shell-words.js';

/** The database the store copy examples name; each run gets a fresh one instead. */
const EXAMPLE_DATABASE = 'postgres://coordinator@db.example.org/nsm';

const examples = [
  ...PROGRAM_EXAMPLES.map((example) => ({ path: 'nsm', example })),
  ...definitions.flatMap((d) => d.spec.examples.map((example) => ({ path: d.spec.path.join(' '), example }))),
];

/**
 * Minutes are approved at a later meeting, and the demo's next meetings are ahead: these
 * examples run a few weeks on, once 75A's December meeting (M2) was held (and for amend, once
 * it approved M1's minutes).
 */
const AFTER_DECEMBER = '2026-12-10T17:00:00Z';
const HOLD_M2 = ['meeting', 'held', 'M2', '--attendance', '20'];
const LATER: Record<string, string[][]> = {
  'minutes approve': [HOLD_M2],
  'minutes amend': [HOLD_M2, ['minutes', 'approve', 'M1']],
};

describe('every --help example runs against a demo store', () => {
  let demo: string;
  let cwd: string;
  const home = process.cwd();
  beforeAll(async () => {
    demo = tempStore();
    const built = await nsmIn(['demo', '--store', demo]);
    expect(built.status, built.stderr).toBe(0);
    cwd = mkdtempSync(join(tmpdir(), 'nsm-examples-'));
    process.chdir(cwd);
  });
  afterAll(() => process.chdir(home));

  it('has examples for every command', () => {
    for (const d of definitions) expect(d.spec.examples.length, d.spec.path.join(' ')).toBeGreaterThan(0);
  });

  it.each(examples)('$path: $example', async ({ path, example }) => {
    const [program, ...words] = shellWords(example);
    // The database of an example is a fresh one on the test server (holding the demo's records
    // when the example copies out of it, or runs a command of a database store); a file it
    // names is new.
    const onDatabase = definitions.find((d) => d.spec.path.join(' ') === path)?.spec.databaseOnly;
    const db = example.includes(EXAMPLE_DATABASE) || onDatabase ? await freshDatabase(testCluster()) : null;
    const args = words.map((w) =>
      w === EXAMPLE_DATABASE ? db!.url : w === './pct75.json' && db ? tempStore() : w,
    );
    if (db && (args[0] === '--store' || onDatabase)) {
      const filled = await nsmIn(['store', 'copy', '--to', db.url], { store: demo });
      expect(filled.status, filled.stderr).toBe(0);
    }
    // The coordinator's role an access example names is a login of the test server.
    if (path === 'access grant' || path === 'access revoke')
      await ensureRole(testCluster(), args[args.indexOf(path.split(' ')[1]!) + 1]!);
    expect(program).toBe('nsm');
    // init and demo create stores: they get a path of their own; everything else a fresh copy of the demo.
    const store = tempStore();
    if (args[0] !== 'init' && args[0] !== 'demo') copyFileSync(demo, store);
    const config = join(mkdtempSync(join(tmpdir(), 'nsm-examples-config-')), 'config.json');
    const env: Record<string, string> = { NSM_CONFIG: config };
    for (const step of LATER[path] ?? []) {
      Object.assign(env, { NSM_NOW: AFTER_DECEMBER });
      const prepared = await nsmIn(step, { store, env });
      expect(prepared.status, `${step.join(' ')}\n${prepared.stderr}`).toBe(0);
    }
    const run = await nsmIn(args, { store: onDatabase ? db!.url : store, env });
    await db?.drop();
    expect(run.status, `${example}\n${run.stderr}`).toBe(0);
  });
});

describe('shellWords', () => {
  it('splits like a shell', () => {
    expect(shellWords(`nsm a "b c" 'd "e"' f\\ g --x="y z" # comment`)).toEqual([
      'nsm',
      'a',
      'b c',
      'd "e"',
      'f g',
      '--x=y z',
    ]);
    expect(shellWords('nsm completion bash > ~/.bash_completion.d/nsm')).toEqual([
      'nsm',
      'completion',
      'bash',
    ]);
    expect(shellWords('nsm meeting list | head')).toEqual(['nsm', 'meeting', 'list']);
  });
});
