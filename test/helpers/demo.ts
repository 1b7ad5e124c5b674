import { copyFileSync } from 'node:fs';
import { tempStore } from './cli.js';
import { nsmIn } from './in-process.js';

let built: Promise<string> | undefined;

/**
 * A fresh copy of the demo store (`nsm demo` at the test clock: the 75th and 14th Precincts
 * staffed with sample NCOs, a year of meetings, sample issues). The demo is built once per test
 * file and copied for each caller, so tests may change their copy freely.
 */
export async function demoStore(): Promise<string> {
  built ??= nsmIn(['demo', '--store', tempStore(), '-q', '--json']).then((run) => {
    if (run.status !== 0) throw new Error(`nsm demo failed: ${run.stderr}`);
    return (JSON.parse(run.stdout) as { store: string }).store;
  });
  const copy = tempStore();
  copyFileSync(await built, copy);
  return copy;
}
