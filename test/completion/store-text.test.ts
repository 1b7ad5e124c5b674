import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempStore } from '../helpers/cli.js';
import { nsmIn } from '../helpers/in-process.js';
import {
  bashComplete,
  fishComplete,
  sandbox,
  script,
  shell,
  values,
  zshComplete,
  type Sandbox,
} from './shells.js';

/**
 * Text kept in the store can hold anything. Values reach the shells from `nsm __complete` at
 * completion time, as data: an issue summary or an NCO name that looks like shell code is shown
 * as a description (zsh, fish) and never run.
 */
const HOSTILE = 'it\'s "q": $(touch pwned-1) `touch pwned-2`; a:b \\ \u001b[31m\n x';
const SHOWN = 'it\'s "q": $(touch pwned-1) `touch pwned-2`; a:b \\ [31m x';

let box: Sandbox;

beforeAll(async () => {
  const store = tempStore();
  expect((await nsmIn(['demo', '--store', store])).status).toBe(0);
  const data = JSON.parse(readFileSync(store, 'utf8')) as {
    issues: Array<{ id: string; summary: string; sector: string }>;
    ncos: Array<{ id: string; name: string }>;
  };
  data.issues.find((i) => i.id === 'I1')!.summary = HOSTILE;
  data.ncos.find((n) => n.id === 'N1')!.name = HOSTILE;
  writeFileSync(store, JSON.stringify(data));
  // Still a valid store: nsm itself reads it.
  expect((await nsmIn(['issue', 'show', 'I1', '--json'], { store })).status).toBe(0);
  box = sandbox({ NSM_STORE: store, NSM_CONFIG: `${store}.no-config.json` });
});

const pwned = () => readdirSync(box.dir).filter((f) => f.startsWith('pwned'));

describe('stored text in completions', () => {
  it.skipIf(!shell('bash'))('bash offers the ids alone', () => {
    const file = script(box, 'bash');
    for (const withBashCompletion of [false, true]) {
      expect(bashComplete(box, file, 'nsm issue show I1', withBashCompletion)).toEqual(['I1', 'I10']);
      expect(bashComplete(box, file, 'nsm nco show N1', withBashCompletion)).toContain('N1');
    }
    expect(pwned()).toEqual([]);
  });

  it.skipIf(!shell('zsh'))('zsh shows it as the description, on one line', () => {
    const file = script(box, 'zsh');
    const issues = zshComplete(box, file, 'nsm issue show I1');
    expect(values(issues)).toEqual(['I1', 'I10']);
    expect(issues[0]!.description).toBe(`75A open: ${SHOWN}`);
    expect(zshComplete(box, file, 'nsm nco show N1').find((n) => n.value === 'N1')?.description).toBe(SHOWN);
    expect(pwned()).toEqual([]);
  });

  it.skipIf(!shell('fish'))('fish shows it as the description, on one line', () => {
    const file = script(box, 'fish');
    const issues = fishComplete(box, file, 'nsm issue show I1');
    expect(issues[0]).toEqual({ value: 'I1', description: `75A open: ${SHOWN}` });
    expect(fishComplete(box, file, 'nsm nco show N1').find((n) => n.value === 'N1')?.description).toBe(SHOWN);
    expect(pwned()).toEqual([]);
  });
});
