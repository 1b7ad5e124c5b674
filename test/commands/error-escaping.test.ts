import { describe, expect, it } from 'vitest';
import { initializedStore } from '../helpers/cli.js';
import { refused } from '../helpers/e2e.js';
import { nsmIn } from '../helpers/in-process.js';

/**
 * Error messages quote what was typed or stored. They reach the terminal escaped, on one line,
 * like every other output: no escape sequence, hyperlink, newline or bidi override gets through.
 */
const ESC = '\u001b';
const HOSTILE_NAME = `Mallory ${ESC}[31mRED${ESC}]8;;https://evil.example${ESC}\\link${ESC}]8;;${ESC}\\ \u202Egnp.exe`;

function expectEscaped(stderr: string): void {
  expect(stderr.split('\n').filter((l) => l !== '')).toHaveLength(1);
  expect(stderr).not.toContain(ESC);
  expect(stderr).not.toContain('\u202E');
}

describe('error messages', () => {
  it('show a typed id with a newline on one line', async () => {
    const store = initializedStore();
    const run = await refused(['nco', 'show', 'N1\nInjected: yes'], store, 2);
    expectEscaped(run.stderr);
    expect(run.stderr).toContain('N1\\nInjected: yes');
  });

  it('show stored names escaped (a duplicate shield names the NCO who has it)', async () => {
    const store = initializedStore();
    const add = await nsmIn(['nco', 'add', '--name', HOSTILE_NAME, '--shield', '4242', '--precinct', '75'], {
      store,
    });
    expect(add.status, add.stderr).toBe(0);
    const run = await refused(
      ['nco', 'add', '--name', 'Other', '--shield', '4242', '--precinct', '75'],
      store,
      3,
    );
    expectEscaped(run.stderr);
    expect(run.stderr).toContain('\\x1b[31mRED');
    expect(run.stderr).toContain('\\u202egnp.exe');
  });

  it('show a typed flag value with a bidi override escaped', async () => {
    const store = initializedStore();
    const run = await refused(['precinct', 'show', `75\u202E`], store, 2);
    expectEscaped(run.stderr);
    expect(run.stderr).toContain('\\u202e');
  });

  it('and normal output escapes bidi overrides as it does escape sequences', async () => {
    const store = initializedStore();
    await nsmIn(['nco', 'add', '--name', HOSTILE_NAME, '--shield', '4243', '--precinct', '75'], { store });
    const list = await nsmIn(['nco', 'list', '--precinct', '75'], { store, terminal: 80 });
    expect(list.stdout).toContain('\\u202egnp.exe');
    expect(list.stdout).not.toContain('\u202E');
    expect(list.stdout).not.toContain(ESC);
  });
});
