import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, NOW } from '../helpers/cli.js';

describe('a reader that stops early', () => {
  it('`nsm --help | true` ends quietly with exit 0, not an EPIPE stack trace', () => {
    const run = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${BIN}" --help | true`], {
      encoding: 'utf8',
      env: { ...process.env, NSM_NOW: NOW },
    });
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});
