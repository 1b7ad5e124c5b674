import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { definitions } from '../../src/cli/commands.js';
import { define, spec, type Definition } from '../../src/cli/define.js';
import type { NounSpec } from '../../src/cli/register.js';
import { bashScript } from '../../src/completion/bash.js';
import { fishScript } from '../../src/completion/fish.js';
import { GLOBAL_FLAGS } from '../../src/completion/globals.js';
import { completionModel } from '../../src/completion/model.js';
import { zshScript } from '../../src/completion/zsh.js';
import { nsmIn } from '../helpers/in-process.js';
import { bashComplete, fishComplete, sandbox, shell, values, zshComplete, type Sandbox } from './shells.js';

/** What `nsm completion` prints, and how the scripts are written from the definitions. */

describe('nsm completion', () => {
  it.each(['bash', 'zsh', 'fish'])(
    'prints the %s script, ending in one newline, with no control characters',
    async (name) => {
      const run = await nsmIn(['completion', name]);
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/\S\n$/);
      expect(run.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
      expect(run.stdout).toContain('__complete');
      const json = await nsmIn(['completion', name, '--json']);
      expect(JSON.parse(json.stdout)).toEqual({ shell: name, script: run.stdout });
    },
  );

  it('refuses an unknown shell in one line naming the three, exit 2', async () => {
    const run = await nsmIn(['completion', 'powershell']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('nsm: shell "powershell" is not a shell — use one of: bash, zsh, fish\n');
  });

  it('declares the global flags that nsm --help lists', async () => {
    const help = (await nsmIn(['--help'])).stdout;
    const options = help.split('Options:\n')[1]!.split('\n\n')[0]!;
    const listed = [...options.matchAll(/^ {2}(?:(-\w), )?(--[\w-]+)/gm)].map((m) => [m[2], m[1]]);
    expect(GLOBAL_FLAGS.map((f) => [f.long, f.short])).toEqual(expect.arrayContaining(listed));
    expect(listed.map(([long]) => long).sort()).toEqual(GLOBAL_FLAGS.map((f) => f.long).sort());
  });
});

describe('the model follows the definitions', () => {
  const model = completionModel(
    [
      { name: 'zoo', summary: 'animals' },
      { name: 'empty', summary: 'a noun with no verbs yet' },
    ],
    [
      define(
        spec({
          path: ['zoo', 'feed'],
          summary: 'feed',
          args: [{ name: 'animal', description: 'an animal', complete: 'nco' }],
          flags: {
            withHay: { value: 'kg', description: 'hay', suggestions: ['1', '2'] },
            output: { short: 'o', value: 'file', description: 'to a file', complete: 'file' },
            format: { value: 'f', description: 'its own format', choices: ['md'] },
          },
          examples: [],
        }),
        async () => ({ run: async () => ({ json: null, blocks: [] }) }),
      ),
      define(spec({ path: ['tour'], summary: 'a tour', flags: {}, examples: [] }), async () => ({
        run: async () => ({ json: null, blocks: [] }),
      })),
    ],
  );

  it('has the nouns that have verbs, then the commands that stand alone', () => {
    expect(model.top.map((w) => w.name)).toEqual(['zoo', 'tour']);
    expect(model.verbs).toEqual([{ noun: 'zoo', verbs: [{ name: 'feed', summary: 'feed' }] }]);
  });

  it('turns each flag into its typed name, short form and source of values', () => {
    expect(model.commands[0]).toEqual({
      path: 'zoo feed',
      flags: [
        { long: '--with-hay', description: 'hay', values: { from: 'words', words: ['1', '2'] } },
        { long: '--output', short: '-o', description: 'to a file', values: { from: 'file' } },
        { long: '--format', description: 'its own format', values: { from: 'words', words: ['md'] } },
      ],
      args: [{ from: 'store', kind: 'nco' }],
    });
  });

  it("puts a command's own flag before the global flag of the same name", () => {
    const script = bashScript(model);
    expect(script.indexOf("'zoo feed --format'")).toBeLessThan(script.indexOf("*' --format'"));
  });
});

/** A definition whose every text tries to break out of its quotes. */
const HOSTILE = `it's "quoted": $(touch pwned-1) \`touch pwned-2\`; touch pwned-3 \\ a:b \n next line`;
const hostileNouns: NounSpec[] = [{ name: 'zoo', summary: HOSTILE }];
const hostileDefinitions: Definition[] = [
  define(
    spec({
      path: ['zoo', 'feed'],
      summary: HOSTILE,
      flags: {
        kind: {
          value: 'k',
          description: HOSTILE,
          choices: ["o'brien", 'a:b', 'two words', '$(touch pwned-4)'],
        },
        into: { value: 'dir', description: 'a folder', complete: 'folder' },
      },
      examples: [],
    }),
    async () => ({ run: async () => ({ json: null, blocks: [] }) }),
  ),
];
const CHOICES = ["o'brien", 'a:b', 'two words', '$(touch pwned-4)'];
const SHOWN = HOSTILE.replace(/\s+/g, ' ');

describe('text in a definition stays text in every shell', () => {
  let box: Sandbox;
  const hostile = completionModel(hostileNouns, hostileDefinitions);
  const write = (name: string, text: string) => {
    const file = join(box.dir, name);
    writeFileSync(file, text);
    return file;
  };
  /** A folder holding one folder and one file: only the folder completes a folder flag. */
  let places: string;
  beforeAll(() => {
    box = sandbox({});
    places = join(box.dir, 'places');
    mkdirSync(join(places, 'sub'), { recursive: true });
    writeFileSync(join(places, 'file.txt'), '');
  });
  const pwned = () => readdirSync(box.dir).filter((f) => f.startsWith('pwned'));

  it.skipIf(!shell('bash'))('bash offers the choices escaped for the command line', () => {
    const file = write('hostile.bash', bashScript(hostile));
    for (const withBashCompletion of [false, true]) {
      expect(bashComplete(box, file, 'nsm zo', withBashCompletion)).toEqual(['zoo']);
      expect(bashComplete(box, file, 'nsm zoo feed --kind ', withBashCompletion)).toEqual([
        "o\\'brien",
        'a:b',
        'two\\ words',
        '\\$\\(touch\\ pwned-4\\)',
      ]);
      expect(bashComplete(box, file, `nsm zoo feed --into ${places}/`, withBashCompletion)).toEqual([
        `${places}/sub`,
      ]);
    }
    expect(pwned()).toEqual([]);
  });

  it.skipIf(!shell('zsh'))(
    'zsh shows the descriptions as they are and offers the choices as they are',
    () => {
      const file = write('hostile.zsh', zshScript(hostile));
      expect(zshComplete(box, file, 'nsm zo')).toEqual([{ value: 'zoo', description: SHOWN }]);
      expect(zshComplete(box, file, 'nsm zoo feed --k')).toEqual([{ value: '--kind', description: SHOWN }]);
      expect(values(zshComplete(box, file, 'nsm zoo feed --kind '))).toEqual(CHOICES);
      // zsh's file completion may add a folder under more than one tag; it shows it once.
      expect(new Set(values(zshComplete(box, file, `nsm zoo feed --into ${places}/`)))).toEqual(
        new Set(['sub']),
      );
      expect(pwned()).toEqual([]);
    },
  );

  it.skipIf(!shell('fish'))(
    'fish shows the descriptions as they are and offers the choices as they are',
    () => {
      const file = write('hostile.fish', fishScript(hostile));
      expect(fishComplete(box, file, 'nsm zo')).toEqual([{ value: 'zoo', description: SHOWN }]);
      expect(values(fishComplete(box, file, 'nsm zoo feed --kind '))).toEqual(CHOICES);
      expect(values(fishComplete(box, file, `nsm zoo feed --into ${places}/`))).toEqual([`${places}/sub/`]);
      expect(pwned()).toEqual([]);
    },
  );
});

describe('every command of the definitions completes its flags', () => {
  let box: Sandbox;
  let bash: string;
  let fish: string;
  beforeAll(async () => {
    box = sandbox({});
    bash = join(box.dir, 'nsm.bash');
    writeFileSync(bash, (await nsmIn(['completion', 'bash'])).stdout);
    fish = join(box.dir, 'nsm.fish');
    writeFileSync(fish, (await nsmIn(['completion', 'fish'])).stdout);
  });
  const commands = definitions.map((d) => d.spec);
  const flagsOf = (s: (typeof commands)[number]) =>
    [...Object.keys(s.flags).map((k) => `--${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`)].sort();

  it.skipIf(!shell('bash'))('in bash', () => {
    for (const s of commands) {
      const offered = bashComplete(box, bash, `nsm ${s.path.join(' ')} --`, false);
      expect(offered, s.path.join(' ')).toEqual(expect.arrayContaining([...flagsOf(s), '--store', '--help']));
    }
  });

  it.skipIf(!shell('fish'))('in fish', () => {
    for (const s of commands) {
      const offered = values(fishComplete(box, fish, `nsm ${s.path.join(' ')} --`));
      expect(offered, s.path.join(' ')).toEqual(expect.arrayContaining([...flagsOf(s), '--store', '--help']));
    }
  });
});
