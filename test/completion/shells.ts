import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BIN, NOW } from '../helpers/cli.js';

/**
 * Runs the generated completion scripts in real bash, zsh and fish: a folder with an `nsm` that
 * runs this repository's binary on a fixed clock is put first on PATH, so the scripts call the
 * real `nsm __complete` as they would for a user.
 */

const HERE = import.meta.dirname;
export const BASH_COMPLETION = '/usr/share/bash-completion/bash_completion';

/**
 * The path of a shell, or null when it is missing here. Under CI a missing shell fails the run:
 * .ci/run installs them (Debian bash-completion, zsh, fish), so their absence is a broken set-up.
 */
export function shell(name: 'bash' | 'zsh' | 'fish'): string | null {
  const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim();
  const missing = found === '' || (name === 'bash' && !existsSync(BASH_COMPLETION));
  if (missing && process.env.CI && process.env.CI !== 'false')
    throw new Error(`${name} (or bash-completion) is missing: .ci/run installs it`);
  return missing ? null : found;
}

export interface Sandbox {
  dir: string;
  env: NodeJS.ProcessEnv;
}

/** A folder with the `nsm` wrapper, and the environment the shells run in. */
export function sandbox(env: Record<string, string>): Sandbox {
  const dir = mkdtempSync(join(tmpdir(), 'nsm-completion-'));
  const bin = join(dir, 'bin');
  spawnSync('mkdir', [bin]);
  const wrapper = join(bin, 'nsm');
  writeFileSync(wrapper, `#!/bin/sh\nNSM_NOW=${NOW} exec '${process.execPath}' '${resolve(BIN)}' "$@"\n`);
  chmodSync(wrapper, 0o755);
  return {
    dir,
    env: {
      PATH: `${bin}:${process.env.PATH}`,
      HOME: dir,
      XDG_CONFIG_HOME: join(dir, 'config'),
      XDG_DATA_HOME: join(dir, 'data'),
      TERM: 'xterm',
      LANG: 'C.UTF-8',
      ...env,
    },
  };
}

/** Writes `nsm completion <shell>` (run through the wrapper, as a user would) to a file. */
export function script(box: Sandbox, name: 'bash' | 'zsh' | 'fish'): string {
  const run = spawnSync('nsm', ['completion', name], { env: box.env, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`nsm completion ${name}: ${run.stderr}`);
  const file = join(box.dir, `nsm.${name}`);
  writeFileSync(file, run.stdout);
  return file;
}

export interface Completion {
  value: string;
  description?: string;
}

function lines(text: string): string[] {
  return text.split('\n').filter((l) => l !== '');
}

function run(command: string, args: string[], box: Sandbox): string {
  const result = spawnSync(command, args, { cwd: box.dir, env: box.env, encoding: 'utf8', timeout: 30_000 });
  if (result.status !== 0) throw new Error(`${command} exited ${result.status}: ${result.stderr}`);
  return result.stdout;
}

/** bash, with bash-completion loaded or not: the words Tab offers at the end of `line`. */
export function bashComplete(
  box: Sandbox,
  file: string,
  line: string,
  withBashCompletion: boolean,
): string[] {
  const args = ['--norc', '--noprofile', join(HERE, 'complete.bash'), file, line];
  return lines(run('bash', withBashCompletion ? [...args, 'with-bash-completion'] : args, box));
}

/** zsh after compinit: the matches, each with the description zsh shows beside it (if any). */
export function zshComplete(
  box: Sandbox,
  file: string,
  line: string,
  how: 'source' | 'fpath' = 'source',
): Completion[] {
  const out = join(box.dir, 'zsh-matches');
  const printed = lines(run('zsh', ['-f', join(HERE, 'complete.zsh'), file, line, out, how], box));
  const values = printed.filter((l) => !l.startsWith('<D>'));
  const shown = printed.filter((l) => l.startsWith('<D>')).map((l) => l.slice(3));
  return values.map((value) => {
    // zsh shows "value  -- description" for each described match.
    const display = shown.find((d) => d === value || d.startsWith(`${value} `));
    const description = display?.replace(/^\S+\s+-- /, '');
    return description !== undefined && description !== display ? { value, description } : { value };
  });
}

/** fish: `complete -C` for the line, each candidate with its description. */
export function fishComplete(box: Sandbox, file: string, line: string): Completion[] {
  const printed = run(
    'fish',
    ['--no-config', '-c', 'source $argv[1]; and complete -C $argv[2]', file, line],
    box,
  );
  return lines(printed).map((l) => {
    const [value, description] = l.split('\t');
    return description === undefined ? { value: value! } : { value: value!, description };
  });
}

export const values = (completions: Completion[]): string[] => completions.map((c) => c.value);
