import { describe, expect, it } from 'vitest';
import { demoStore } from '../helpers/demo.js';
import { nsmIn } from '../helpers/in-process.js';

describe('privacy marks in the coordinator’s own lists', () => {
  it('solution list marks the solutions of a private issue, as issue list marks the issue', async () => {
    const store = await demoStore();
    expect((await nsmIn(['issue', 'edit', 'I1', '--private'], { store })).status).toBe(0);
    const list = await nsmIn(['solution', 'list', '--precinct', '75'], { store });
    const rows = list.stdout.split('\n').filter((l) => /^S\d+\t/.test(l));
    const ofI1 = rows.filter((l) => l.split('\t')[1] === 'I1');
    const others = rows.filter((l) => l.split('\t')[1] !== 'I1');
    expect(ofI1.length).toBeGreaterThan(0);
    for (const row of ofI1) expect(row.split('\t')[3]).toMatch(/ \(private\)$/);
    for (const row of others) expect(row).not.toContain('(private)');
  });
});
