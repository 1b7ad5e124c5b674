import { beforeAll, describe, expect, it } from 'vitest';
import { initializedStore, json } from '../helpers/cli.js';
import { nsmIn } from '../helpers/in-process.js';
import { addNco, refused } from '../helpers/e2e.js';

interface PrecinctJson {
  precinct: number;
  name: string;
  borough: string;
  patrolBorough: string | null;
  patrolBoroughCode: string | null;
  address: string | null;
  phone: string | null;
  rollout: { status: 'active' | 'pending' | 'unknown'; startDate: string | null; phase: number | null };
  sectors: string[];
}

type ShowJson = PrecinctJson & { understaffedSectors: Array<{ sector: string; ncos: number }> };

describe('nsm precinct list and show (read-only)', () => {
  let store: string;
  beforeAll(() => {
    store = initializedStore();
  });
  const list = async (...flags: string[]) =>
    json<PrecinctJson[]>(await nsmIn(['precinct', 'list', ...flags, '--json'], { store }));

  it.each([
    [['--borough', 'Brooklyn'], 23],
    [['--borough', 'bk'], 23],
    [['--borough', 'Manhattan'], 22],
    [['--borough', 'Staten Island'], 4],
  ])('%j lists %d precincts', async (flags, count) => {
    const found = await list(...flags);
    expect(found).toHaveLength(count);
    expect(new Set(found.map((p) => p.borough)).size).toBe(1);
  });

  it('--rollout unknown lists exactly the 22nd and the 116th', async () => {
    expect((await list('--rollout', 'unknown')).map((p) => p.precinct)).toEqual([22, 116]);
  });

  it('--rollout active and pending partition the rest', async () => {
    expect((await list('--rollout', 'active')).length + (await list('--rollout', 'pending')).length).toBe(76);
  });

  it('--patrol-borough PBQS lists the Queens South precincts, including the 116th', async () => {
    const found = await list('--patrol-borough', 'PBQS');
    expect(found.map((p) => p.precinct)).toEqual([100, 101, 102, 103, 105, 106, 107, 113, 116]);
    expect(found.every((p) => p.patrolBoroughCode === 'PBQS' && p.borough === 'Queens')).toBe(true);
    expect(await list('--patrol-borough', 'queens south')).toHaveLength(9);
  });

  it('filters combine', async () => {
    expect((await list('--patrol-borough', 'PBQS', '--rollout', 'unknown')).map((p) => p.precinct)).toEqual([
      116,
    ]);
  });

  it('show 75 carries the contract fields', async () => {
    const p = json<ShowJson>(await nsmIn(['precinct', 'show', '75', '--json'], { store }));
    expect(p).toMatchObject({
      precinct: 75,
      name: '75th Precinct',
      borough: 'Brooklyn',
      patrolBorough: 'Patrol Borough Brooklyn North',
      address: '1000 Sutter Avenue',
      phone: '718-827-3511',
      rollout: { status: 'active', startDate: '2016-01-11', phase: 4 },
      sectors: ['75A', '75B', '75C', '75D', '75E'],
    });
  });

  it('accepts 075 and 75th for the 75th', async () => {
    for (const typed of ['075', '75th'])
      expect(json<PrecinctJson>(await nsmIn(['precinct', 'show', typed, '--json'], { store })).precinct).toBe(
        75,
      );
  });

  it('the 22nd Precinct\u2019s rollout is unknown (the source has only a placeholder date)', async () => {
    const p = json<PrecinctJson>(await nsmIn(['precinct', 'show', '22', '--json'], { store }));
    expect(p.rollout).toEqual({ status: 'unknown', startDate: null, phase: null });
    expect((await nsmIn(['precinct', 'show', '22'], { store })).stdout).toMatch(
      /Rollout\tstart date unknown/,
    );
  });

  it('the 116th is listed with no sectors', async () => {
    const p = json<PrecinctJson>(await nsmIn(['precinct', 'show', '116', '--json'], { store }));
    expect(p).toMatchObject({ precinct: 116, borough: 'Queens', sectors: [] });
  });

  it.each([
    [['precinct', 'show', '750'], 4],
    [['precinct', 'show', 'abc'], 2],
    [['precinct', 'list', '--borough', 'Kings'], 2],
    [['precinct', 'list', '--rollout', 'maybe'], 2],
    [['precinct', 'list', '--patrol-borough', 'PBXX'], 2],
  ])('%j is refused with exit %d', async (args, code) => {
    await refused(args, store, code);
  });

  it('unknown precinct says how to list them', async () => {
    expect((await refused(['precinct', 'show', '750'], store, 4)).stderr).toMatch(
      /no precinct 750.*nsm precinct list/,
    );
  });
});

describe('nsm precinct add, rollout and sector add (changes)', () => {
  it('sector add 116A gives the 116th its first sector', async () => {
    const store = initializedStore();
    const sector = json<{ id: string; precinct: number; letter: string; ncos: string[] }>(
      await nsmIn(['sector', 'add', '116a', '--json'], { store }),
    );
    expect(sector).toEqual(expect.objectContaining({ id: '116A', precinct: 116, letter: 'A', ncos: [] }));
    expect(json<PrecinctJson>(await nsmIn(['precinct', 'show', '116', '--json'], { store })).sectors).toEqual(
      ['116A'],
    );
    await refused(['sector', 'add', '116A'], store, 3);
  });

  it('precinct add creates a precinct with unknown rollout; adding it twice is refused', async () => {
    const store = initializedStore();
    const run = await nsmIn(
      [
        'precinct',
        'add',
        '200',
        '--name',
        'Test Precinct',
        '--borough',
        'qn',
        '--patrol-borough',
        'PBQN',
        '--json',
      ],
      { store },
    );
    expect(json<PrecinctJson>(run)).toMatchObject({
      precinct: 200,
      name: 'Test Precinct',
      borough: 'Queens',
      patrolBorough: 'Patrol Borough Queens North',
      rollout: { status: 'unknown', startDate: null, phase: null },
      sectors: [],
    });
    expect(run.stderr).toMatch(/nsm sector add 200A/);
    expect(json<PrecinctJson[]>(await nsmIn(['precinct', 'list', '--json'], { store }))).toHaveLength(79);
    await refused(['precinct', 'add', '200', '--name', 'Again', '--borough', 'Queens'], store, 3);
    await refused(['precinct', 'add', '201', '--name', 'No borough'], store, 2);
    await refused(['sector', 'add', '300A'], store, 4);
  });

  it('precinct rollout 22 --date 2018-10-01 --phase 15 makes it active', async () => {
    const store = initializedStore();
    const p = json<PrecinctJson>(
      await nsmIn(['precinct', 'rollout', '22', '--date', '2018-10-01', '--phase', '15', '--json'], {
        store,
      }),
    );
    expect(p.rollout).toEqual({ status: 'active', startDate: '2018-10-01', phase: 15 });
    expect(
      json<PrecinctJson[]>(
        await nsmIn(['precinct', 'list', '--rollout', 'unknown', '--json'], { store }),
      ).map((x) => x.precinct),
    ).toEqual([116]);
  });

  it('a rollout date after today is pending', async () => {
    const store = initializedStore();
    const p = json<PrecinctJson>(
      await nsmIn(['precinct', 'rollout', '116', '--date', 'tomorrow', '--json'], { store }),
    );
    expect(p.rollout).toEqual({ status: 'pending', startDate: '2026-11-27', phase: null });
  });

  it.each([
    [['precinct', 'rollout', '116', '--date', '2020-01-01'], 3], // before it opened
    [['precinct', 'rollout', '22', '--date', '2026-13-40'], 2],
    [['precinct', 'rollout', '22'], 2],
    [['precinct', 'rollout', '22', '--date', '2018-10-01', '--phase', 'x'], 2],
    [['precinct', 'rollout', '750', '--date', '2018-10-01'], 4],
  ])('%j is refused with exit %d', async (args, code) => {
    await refused(args, initializedStore(), code);
  });

  it('show points out the sectors with fewer than two NCOs', async () => {
    const store = initializedStore();
    for (const [i, s] of ['75A', '75A', '75B'].entries()) {
      const n = await addNco(store, `Officer ${i}`, String(100 + i), 75);
      expect((await nsmIn(['nco', 'assign', n.id, s], { store })).status).toBe(0);
    }
    const p = json<ShowJson>(await nsmIn(['precinct', 'show', '75', '--json'], { store }));
    expect(p.understaffedSectors).toEqual([
      { sector: '75B', ncos: 1 },
      { sector: '75C', ncos: 0 },
      { sector: '75D', ncos: 0 },
      { sector: '75E', ncos: 0 },
    ]);
    const text = (await nsmIn(['precinct', 'show', '75'], { store })).stdout;
    expect(text).toMatch(/Below two NCOs: 75B \(1\), 75C \(0\), 75D \(0\), 75E \(0\)/);
    expect(text).not.toMatch(/Below two NCOs:[^\n]*75A/);
  });
});
