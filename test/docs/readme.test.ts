import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { VERSION } from '../../src/version.js';
import { nsmIn } from '../helpers/in-process.js';

const root = new URL('../../', import.meta.url);
const readme = readFileSync(new URL('README.md', root), 'utf8');

describe('README', () => {
  it('holds the command reference exactly as --help prints it (regenerate with npm run docs)', async () => {
    // @ts-expect-error: a plain .mjs script without types
    const { commandReference, START, END } = await import('../../scripts/command-reference.mjs');
    const section = readme.split(START)[1]?.split(END)[0];
    expect(section?.trim()).toBe((commandReference() as string).trim());
  });

  it('documents every command of the contract', () => {
    for (const command of [
      'nsm init',
      'nsm demo',
      'nsm doctor',
      'nsm undo',
      'nsm precinct list',
      'nsm sector locate',
      'nsm nco assign',
      'nsm meeting schedule',
      'nsm meeting next',
    ]) {
      expect(readme).toContain(`#### \`${command}\``);
    }
  });

  it('quick start is the two commands CI and a newcomer run', () => {
    const quickStart = readme.split('## Quick start')[1]!.split('```sh\n')[1]!.split('```')[0]!;
    expect(quickStart.trim().split('\n')).toEqual(['npm install && npm run demo', 'npm test']);
    expect(readFileSync(new URL('.ci/run', root), 'utf8')).toMatch(/^npm test$/m);
  });
});

describe('version', () => {
  it('nsm --version matches package.json', async () => {
    const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { version: string };
    expect(VERSION).toBe(pkg.version);
    expect((await nsmIn(['--version'])).stdout.trim()).toBe(pkg.version);
  });
});
