import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempStore } from '../helpers/cli.js';
import { expectRefusal } from '../helpers/e2e.js';
import { nsmIn } from '../helpers/in-process.js';

describe('a default precinct that the store does not have', () => {
  it('is named as coming from the settings, with both ways out', async () => {
    const store = tempStore();
    expect((await nsmIn(['init', '--empty'], { store })).status).toBe(0);
    const config = join(mkdtempSync(join(tmpdir(), 'nsm-blame-')), 'config.json');
    writeFileSync(config, '{"precinct":"75"}');
    const run = await nsmIn(['meeting', 'list'], { store, env: { NSM_CONFIG: config } });
    expectRefusal(run, 4);
    expect(run.stderr).toMatch(
      /^nsm: there is no precinct 75 in the store \(your precinct setting\) — give --precinct, or change the setting: nsm config set precinct <value>; /,
    );
    // Typed by the user, the same miss is not blamed on the setting.
    const typed = await nsmIn(['meeting', 'list', '--precinct', '75'], {
      store,
      env: { NSM_CONFIG: config },
    });
    expectRefusal(typed, 4);
    expect(typed.stderr).not.toMatch(/setting/);
  });
});
