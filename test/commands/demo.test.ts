import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { bytes, initializedStore, json, tempStore } from '../helpers/cli.js';
import { nsmIn } from '../helpers/in-process.js';

interface Demo {
  store: string;
  ncos: number;
  meetings: number;
  issues: number;
  next: { id: string; sector: string; start: string };
  located: { sector: string };
  rollout: { active: number; pending: number; unknown: number; total: number };
  rolloutMap: string;
}

describe('nsm demo', () => {
  it('builds a sample store and tours it: roster, meetings, the next agenda with carried issues', async () => {
    const store = tempStore();
    const demo = json<Demo>(await nsmIn(['demo', '--store', store, '--json']));
    expect(demo).toMatchObject({ store, ncos: 18, meetings: 50, issues: 10, located: { sector: '14B' } });
    expect(demo.rollout).toEqual({ active: 76, pending: 0, unknown: 2, total: 78 });
    // The rollout map beside the store, one shape per sector, parsed as XML.
    expect(demo.rolloutMap).toBe(join(dirname(store), 'rollout-map.svg'));
    const map = new DOMParser().parseFromString(readFileSync(demo.rolloutMap, 'utf8'), 'image/svg+xml');
    expect(map.getElementsByTagName('svg')).toHaveLength(1);
    expect(map.getElementsByTagName('path').length).toBeGreaterThanOrEqual(302);
    // The clock is 2026-11-26; 75A meets on the 2nd Tuesday of December at 7 pm.
    expect(demo.next).toMatchObject({ sector: '75A', start: '2026-12-08T19:00:00-05:00' });

    const agenda = await nsmIn(['agenda', demo.next.id], { store });
    expect(agenda.status).toBe(0);
    expect(agenda.stdout).toMatch(/## 2\. Old business\n\n1 issue from earlier meetings is still open/);
    expect(agenda.stdout).toContain('Cars speeding on the avenue at school dismissal');

    const doctor = json<{ ok: boolean; findings: Array<{ level: string }> }>(
      await nsmIn(['doctor', '--json'], { store }),
    );
    expect(doctor.ok).toBe(true);
    expect(doctor.findings.filter((f) => f.level === 'error')).toEqual([]);
  });

  it('every sample NCO is marked as fictional', async () => {
    const store = tempStore();
    await nsmIn(['demo', '--store', store, '-q']);
    const ncos = json<Array<{ name: string }>>(await nsmIn(['nco', 'list', '--json'], { store }));
    expect(ncos).toHaveLength(18);
    for (const n of ncos) expect(n.name).toMatch(/\(sample\)$/);
  });

  it('without --store it writes to a new temporary folder and says where', async () => {
    const run = await nsmIn(['demo']);
    expect(run.status).toBe(0);
    const path = /^ {2}(\S+store\.json)$/m.exec(run.stdout)?.[1];
    expect(path?.startsWith(tmpdir())).toBe(true);
    expect(existsSync(path!)).toBe(true);
  });

  it('refuses to overwrite an existing store (exit 3), leaving it byte-identical', async () => {
    const store = initializedStore();
    const before = bytes(store);
    const run = await nsmIn(['demo', '--store', store]);
    expect(run.status).toBe(3);
    expect(run.stderr).toMatch(/^nsm: .* already exists — /);
    expect(bytes(store).equals(before)).toBe(true);
  });
});
