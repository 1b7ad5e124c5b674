import { describe, expect, it } from 'vitest';
import { tempStore } from '../helpers/cli.js';
import { nsmIn } from '../helpers/in-process.js';

describe('in-process runs', () => {
  it('init then a list, with exit codes and captured streams', async () => {
    const store = tempStore();
    expect((await nsmIn(['init'], { store })).status).toBe(0);
    const run = await nsmIn(['meeting', 'list', '--precinct', '75', '--json'], { store });
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual([]);
    const bad = await nsmIn(['meeting', 'list', '--status', 'nope'], { store });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(
      /^nsm: --status "nope" is not a meeting status — use one of: scheduled, held, cancelled\n$/,
    );
  });
});
