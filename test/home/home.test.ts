import { copyFileSync, existsSync, writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initializedStore, json, tempStore } from '../helpers/cli.js';
import { refused } from '../helpers/e2e.js';
import { nsmIn } from '../helpers/in-process.js';
import { demoStore, expectedIds, sections, settingsFile, tooWide } from './screen.js';

/** Two weeks after the demo's clock: M2 (Dec 8) and M7 (Dec 9) are over and nobody marked them. */
const LATER = '2026-12-10T17:00:00Z';
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;

let demo: string;
let precinct75: string;
beforeAll(async () => {
  demo = await demoStore();
  precinct75 = settingsFile({ precinct: '75' });
});

describe('nsm alone on an 80-column terminal, default precinct 75', () => {
  it('lists what each section should hold, with the command to act on each, in lines of at most 80 columns', async () => {
    const env = { NSM_CONFIG: precinct75, NSM_NOW: LATER };
    const run = await nsmIn([], { store: demo, terminal: 80, env });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    expect(tooWide(run.stdout, 80)).toEqual([]);
    expect(run.stdout.split('\n')[0]).toBe('Precinct 75: 75th Precinct');

    const expected = await expectedIds(demo, env, '75');
    // The demo at this clock has something in every section, so every one is checked.
    for (const list of ['pastUnmarked', 'overdueSolutions', 'oldestOpenIssues'] as const)
      expect(expected[list].length, list).toBeGreaterThan(0);
    const shown = sections(run.stdout);
    expect(shown.nextMeetings?.ids).toEqual(expected.nextMeetings);
    expect(shown.pastUnmarked?.ids).toEqual(expected.pastUnmarked);
    expect(shown.overdueSolutions?.ids).toEqual(expected.overdueSolutions);
    expect(shown.oldestOpenIssues?.ids).toEqual(expected.oldestOpenIssues);

    expect(shown.pastUnmarked?.commands).toEqual(
      expected.pastUnmarked.map(
        (id) => `nsm meeting held ${id} --attendance <n>  or  nsm meeting cancel ${id}`,
      ),
    );
    expect(shown.overdueSolutions?.commands).toEqual(
      expected.overdueSolutions.map((id) => `nsm solution update ${id} --status done --note …`),
    );
    expect(shown.oldestOpenIssues?.commands).toEqual(
      expected.oldestOpenIssues.map((id) => `nsm issue show ${id}`),
    );
  });

  it('once the next meeting is held, lists the minutes it can approve, with the commands', async () => {
    const env = { NSM_CONFIG: precinct75, NSM_NOW: LATER };
    const store = tempStore();
    copyFileSync(demo, store);
    expect((await nsmIn(['meeting', 'held', 'M2', '--attendance', '20'], { store, env })).status).toBe(0);
    const run = await nsmIn([], { store, terminal: 80, env });
    expect(tooWide(run.stdout, 80)).toEqual([]);
    const shown = sections(run.stdout).minutesToApprove;
    expect(shown?.ids).toEqual(['M1']);
    expect(shown?.commands).toEqual(['nsm minutes M1  then  nsm minutes approve M1 --at M2']);
    expect(run.stdout).toContain('Draft minutes to approve (1)');
    // Approved, they leave the list.
    expect((await nsmIn(['minutes', 'approve', 'M1'], { store, env })).status).toBe(0);
    expect(sections((await nsmIn([], { store, terminal: 80, env })).stdout).minutesToApprove).toBeUndefined();
  });

  it('says how many meetings are left out and the command that lists them all', async () => {
    const env = { NSM_CONFIG: precinct75 };
    const run = await nsmIn([], { store: demo, terminal: 80, env });
    const expected = await expectedIds(demo, env, '75');
    const hidden = expected.nextMeetingsTotal - expected.nextMeetings.length;
    expect(hidden).toBeGreaterThan(0);
    const hint = `… and ${hidden} more: nsm meeting list --upcoming --precinct 75`;
    expect(run.stdout).toContain(`Next meetings (5 of ${expected.nextMeetingsTotal})`);
    expect(run.stdout).toContain(hint);
    const listed = json<unknown[]>(
      await nsmIn([...hint.split(': ')[1]!.split(' ').slice(1), '--json'], { store: demo, env }),
    );
    expect(listed).toHaveLength(expected.nextMeetingsTotal);
  });

  it('reads times and due dates as people say them, and leaves out a section with nothing in it', async () => {
    const run = await nsmIn([], { store: demo, terminal: 80, env: { NSM_CONFIG: precinct75 } });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/│ M2 +│ 75A +│ Tue Dec 8 2026, 7:00 PM \(in 12 days\) +│/);
    expect(run.stdout).toMatch(/2026-10-09 \(overdue by 1 month\)/);
    expect(run.stdout).toMatch(/2026-09-08 \(2 months ago\)/);
    // At the demo's own clock every past meeting was marked held.
    expect(sections(run.stdout).pastUnmarked).toBeUndefined();
    expect(run.stdout).not.toContain('nsm meeting held');
  });
});

describe('scope', () => {
  it('with no default precinct covers every precinct and says how to set one', async () => {
    const run = await nsmIn([], { store: demo, terminal: 80 });
    expect(run.status, run.stderr).toBe(0);
    expect(tooWide(run.stdout, 80)).toEqual([]);
    expect(run.stdout.split('\n')[0]).toBe(
      'All precincts: no default precinct is set (nsm config set precinct 75)',
    );
    const expected = await expectedIds(demo, {}, 'all');
    const shown = sections(run.stdout);
    expect(shown.nextMeetings?.ids).toEqual(expected.nextMeetings);
    expect(shown.overdueSolutions?.ids).toEqual(expected.overdueSolutions);
    expect(shown.oldestOpenIssues?.ids).toEqual(expected.oldestOpenIssues);
    // Precinct 14's records are there too.
    expect(shown.oldestOpenIssues?.ids).toContain('I6');
  });

  it('--precinct all widens past the default precinct; --precinct 14 picks another', async () => {
    const env = { NSM_CONFIG: precinct75 };
    const all = await nsmIn(['home', '--precinct', 'all'], { store: demo, terminal: 80, env });
    expect(all.stdout.split('\n')[0]).toBe('All precincts');
    expect(sections(all.stdout).nextMeetings?.ids).toEqual(
      (await expectedIds(demo, env, 'all')).nextMeetings,
    );
    const p14 = await nsmIn(['home', '--precinct', '14'], { store: demo, terminal: 80, env });
    expect(p14.status, p14.stderr).toBe(0);
    const expected = await expectedIds(demo, env, '14');
    expect(sections(p14.stdout).nextMeetings?.ids).toEqual(expected.nextMeetings);
    expect(sections(p14.stdout).overdueSolutions?.ids).toEqual(expected.overdueSolutions);
  });

  it('a precinct that does not exist is not found (4); one that is not a number is a usage error (2)', async () => {
    await refused(['home', '--precinct', '999'], demo, 4);
    await refused(['home', '--precinct', 'x'], demo, 2);
  });
});

describe('--json', () => {
  it('prints the five lists with ISO 8601 instants with offsets', async () => {
    const env = { NSM_CONFIG: precinct75, NSM_NOW: LATER };
    const home = json<Record<string, unknown>>(await nsmIn(['--json'], { store: demo, env }));
    expect(Object.keys(home).sort()).toEqual(
      [
        'asOf',
        'minutesToApprove',
        'nextMeetings',
        'oldestOpenIssues',
        'overdueSolutions',
        'pastUnmarked',
        'precinct',
        'storeExists',
        'totals',
      ].sort(),
    );
    expect(home).toMatchObject({ asOf: '2026-12-10T12:00:00-05:00', precinct: 75, storeExists: true });
    const expected = await expectedIds(demo, env, '75');
    const ids = (key: string) => (home[key] as Array<{ id: string }>).map((r) => r.id);
    expect(ids('nextMeetings')).toEqual(expected.nextMeetings);
    expect(ids('pastUnmarked')).toEqual(expected.pastUnmarked);
    expect(ids('overdueSolutions')).toEqual(expected.overdueSolutions);
    expect(ids('oldestOpenIssues')).toEqual(expected.oldestOpenIssues);
    for (const m of [...(home.nextMeetings as object[]), ...(home.pastUnmarked as object[])])
      expect(m).toMatchObject({ start: expect.stringMatching(ISO), end: expect.stringMatching(ISO) });
    expect(home.overdueSolutions).toContainEqual(
      expect.objectContaining({
        id: 'S3',
        issueId: 'I2',
        sector: '75B',
        precinct: 75,
        due: '2026-10-09',
        overdue: true,
      }),
    );
    expect(home.totals).toEqual({
      nextMeetings: expected.nextMeetingsTotal,
      pastUnmarked: expected.pastUnmarked.length,
      minutesToApprove: 0,
      overdueSolutions: expected.overdueSolutions.length,
      oldestOpenIssues: 5,
    });
  });

  it('in a pipe prints tab-separated rows with absolute times', async () => {
    const run = await nsmIn([], { store: demo, env: { NSM_CONFIG: precinct75 } });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('M2\t75A\t2026-12-08T19:00:00-05:00\t75th Precinct Community Room');
    expect(run.stdout).not.toContain('in 12 days');
  });
});

describe('before there is a store, and with a damaged one', () => {
  it('says how to start and exits 0, creating nothing', async () => {
    const store = tempStore();
    const run = await nsmIn([], { store, terminal: 80 });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^There is no nsm store yet\. To start:$/m);
    expect(run.stdout).toMatch(/^ {2}nsm init {4}create it, with the city's precincts and sectors$/m);
    expect(run.stdout).toMatch(/^ {2}nsm demo {4}try nsm first on a sample store/m);
    expect(run.stdout).toContain(`Store file: ${store}`);
    expect(tooWide(run.stdout, 80)).toEqual([]);
    expect(existsSync(store)).toBe(false);
    expect(json(await nsmIn(['home', '--json'], { store }))).toMatchObject({
      storeExists: false,
      nextMeetings: [],
      pastUnmarked: [],
      minutesToApprove: [],
      overdueSolutions: [],
      oldestOpenIssues: [],
    });
  });

  it('a damaged store exits 6 with one line, like every command', async () => {
    const store = tempStore();
    writeFileSync(store, '{"schemaVersion": 3,');
    await refused([], store, 6);
  });

  it('a store with no meetings or issues yet says how to schedule one and that nothing is waiting', async () => {
    const store = initializedStore();
    const run = await nsmIn([], { store, terminal: 80, env: { NSM_CONFIG: precinct75 } });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('No meeting is scheduled: nsm meeting schedule');
    expect(run.stdout).toContain(
      'All caught up: no meeting to close out, no minutes to approve, nothing overdue, no open issue.',
    );
    expect(Object.keys(sections(run.stdout))).toEqual(['nextMeetings']);
  });
});
