import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, expect } from 'vitest';
import { tempStore } from '../helpers/cli.js';
import { nsmIn } from '../helpers/in-process.js';

/** `nsm config` in-process, against a copy of one demo store and a settings file of each test's own. */

export interface Row {
  key: string;
  value: string | null;
  source: 'set' | 'default' | 'unset';
  description: string;
}

export interface Meeting {
  id: string;
  precinct: number;
  sector: string;
  start: string;
  end: string;
}

let demo: string;

/** Builds the demo store once for a test file. */
export function withDemo(): void {
  beforeAll(async () => {
    demo = tempStore();
    const built = await nsmIn(['demo', '--store', demo]);
    expect(built.status, built.stderr).toBe(0);
  });
}

/** A fresh copy of the demo store and a settings path in a folder that does not exist yet (or holds `initial`). */
export function setup(initial?: string) {
  const store = tempStore();
  copyFileSync(demo, store);
  const config = join(mkdtempSync(join(tmpdir(), 'nsm-config-')), 'nsm', 'config.json');
  if (initial !== undefined) {
    mkdirSync(dirname(config));
    writeFileSync(config, initial);
  }
  const env: Record<string, string> = { NSM_CONFIG: config };
  const run = (...args: string[]) => nsmIn(args, { store, env });
  const json = async <T = Row>(...args: string[]): Promise<T> => {
    const result = await run(...args, '--json');
    expect(result.status, result.stderr).toBe(0);
    return JSON.parse(result.stdout) as T;
  };
  const file = () => JSON.parse(readFileSync(config, 'utf8')) as Record<string, string>;
  return { store, config, env, run, json, file };
}
