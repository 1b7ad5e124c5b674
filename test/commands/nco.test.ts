import { describe, expect, it } from 'vitest';
import { initializedStore, json } from '../helpers/cli.js';
import { nsmIn } from '../helpers/in-process.js';
import { addNco, refused, type NcoJson } from '../helpers/e2e.js';

const run = async (store: string, ...args: string[]) =>
  json<NcoJson>(await nsmIn([...args, '--json'], { store }));

describe('nsm nco add / show / list / edit', () => {
  it('add creates N1 with the contract fields and no sector', async () => {
    const store = initializedStore();
    const n = await addNco(store, 'Maria Lopez', '012345', '075', ['--email', 'maria@example.org']);
    expect(n).toEqual({
      id: 'N1',
      name: 'Maria Lopez',
      shield: '12345',
      rank: 'Police Officer',
      precinct: 75,
      sector: null,
      email: 'maria@example.org',
      phone: null,
      assignments: [],
    });
    expect(await run(store, 'nco', 'show', 'n1')).toEqual(n);
    expect(await addNco(store, 'Sam Ortiz', '222', 75, ['--rank', 'Sergeant'])).toMatchObject({
      id: 'N2',
      rank: 'Sergeant',
    });
  });

  it('list filters by precinct, sector and --unassigned', async () => {
    const store = initializedStore();
    await addNco(store, 'A', '1', 75);
    await addNco(store, 'B', '2', 75);
    await addNco(store, 'C', '3', 14);
    await nsmIn(['nco', 'assign', 'N1', '75A'], { store });
    const ids = async (...flags: string[]) =>
      json<NcoJson[]>(await nsmIn(['nco', 'list', ...flags, '--json'], { store })).map((n) => n.id);
    expect(await ids()).toEqual(['N1', 'N2', 'N3']);
    expect(await ids('--precinct', '75')).toEqual(['N1', 'N2']);
    expect(await ids('--sector', '75a')).toEqual(['N1']);
    expect(await ids('--unassigned')).toEqual(['N2', 'N3']);
    expect(await ids('--precinct', '75', '--unassigned')).toEqual(['N2']);
    expect(await ids('--sector', '75B')).toEqual([]);
  });

  it('edit changes only the given fields; an empty --email clears it', async () => {
    const store = initializedStore();
    await addNco(store, 'Maria Lopez', '12345', 75, ['--email', 'm@example.org', '--phone', '718-555-0100']);
    const edited = await run(store, 'nco', 'edit', 'N1', '--rank', 'Sergeant', '--email', '');
    expect(edited).toMatchObject({
      name: 'Maria Lopez',
      rank: 'Sergeant',
      email: null,
      phone: '718-555-0100',
      shield: '12345',
    });
    expect(await run(store, 'nco', 'show', 'N1')).toEqual(edited);
    await refused(['nco', 'edit', 'N1'], store, 2);
    await refused(['nco', 'edit', 'N1', '--email', 'nope'], store, 2);
    await refused(['nco', 'edit', 'N9', '--rank', 'Sergeant'], store, 4);
  });

  it('ids are never reused, even after undo (and undo still goes back step by step)', async () => {
    const store = initializedStore();
    await addNco(store, 'A', '1', 75);
    await addNco(store, 'B', '2', 75);
    expect((await nsmIn(['undo'], { store })).status).toBe(0);
    expect((await nsmIn(['undo'], { store })).status).toBe(0);
    expect(json(await nsmIn(['nco', 'list', '--json'], { store }))).toEqual([]);
    expect((await addNco(store, 'C', '3', 75)).id).toBe('N3');
  });
});

describe('nsm nco assign / unassign', () => {
  async function withNco() {
    const store = initializedStore();
    await addNco(store, 'Maria Lopez', '12345', 75);
    return store;
  }

  it('assign from today makes it the NCO\u2019s sector and the sector\u2019s NCO', async () => {
    const store = await withNco();
    const n = await run(store, 'nco', 'assign', 'n1', '75a');
    expect(n.sector).toBe('75A');
    expect(n.assignments).toEqual([{ sector: '75A', from: '2026-11-26', to: null }]);
    expect(
      json<{ ncos: string[] }>(await nsmIn(['sector', 'show', '75A', '--json'], { store })).ncos,
    ).toEqual(['N1']);
  });

  it('reassigning from a later date ends the first assignment the day before', async () => {
    const store = await withNco();
    await run(store, 'nco', 'assign', 'N1', '75A');
    const r = await nsmIn(['nco', 'assign', 'N1', '75B', '--from', '2026-12-01', '--json'], { store });
    const n = json<NcoJson>(r);
    expect(n.assignments).toEqual([
      { sector: '75A', from: '2026-11-26', to: '2026-11-30' },
      { sector: '75B', from: '2026-12-01', to: null },
    ]);
    expect(n.sector).toBe('75A'); // still 75A today
    expect(r.stderr).toMatch(/assignment to 75A ends 2026-11-30/);
    const history = (await nsmIn(['nco', 'show', 'N1'], { store })).stdout;
    // A later assignment is "from <date>", never "(current)".
    expect(history).toMatch(/^75A\t2026-11-26\t2026-11-30\tcurrent\n75B\t2026-12-01\t\tfrom 2026-12-01$/m);
    expect(history).not.toContain('current)');
  });

  it('an assignment that has not started is replaced, not kept with an end before its start', async () => {
    const store = await withNco();
    await run(store, 'nco', 'assign', 'N1', '75A', '--from', '2026-12-01');
    const n = await run(store, 'nco', 'assign', 'N1', '75B', '--from', '2026-12-01');
    expect(n.assignments).toEqual([{ sector: '75B', from: '2026-12-01', to: null }]);
  });

  it('unassign ends today\u2019s assignment yesterday; --on takes a date', async () => {
    const store = await withNco();
    await run(store, 'nco', 'assign', 'N1', '75A', '--from', '2026-11-01');
    const n = await run(store, 'nco', 'unassign', 'N1', '--on', 'tomorrow');
    expect(n.assignments).toEqual([{ sector: '75A', from: '2026-11-01', to: '2026-11-26' }]);
    expect(n.sector).toBe('75A');
    await refused(['nco', 'unassign', 'N1', '--on', '2026-12-01'], store, 3);
  });

  it.each([
    [['nco', 'assign', 'N1', '14A'], 3, /precinct 75.*14A.*precinct 14/],
    [['nco', 'assign', 'N1', '75A', '--from', '2026-13-40'], 2, /--from/],
    [['nco', 'assign', 'N1', '75Z'], 4, /no sector 75Z/],
    [['nco', 'assign', 'N9', '75A'], 4, /no NCO N9.*nsm nco list/],
    [['nco', 'assign', 'X1', '75A'], 2, /not an NCO id/],
    [['nco', 'unassign', 'N1'], 3, /no sector on 2026-11-26/],
    [['nco', 'show', 'N9'], 4, /no NCO N9/],
  ])('%j → exit %d', async (args, code, message) => {
    expect((await refused(args, await withNco(), code)).stderr).toMatch(message);
  });

  it('same-sector reassignment and going back before the current start are refused', async () => {
    const store = await withNco();
    await run(store, 'nco', 'assign', 'N1', '75A');
    expect((await refused(['nco', 'assign', 'N1', '75A', '--from', '2026-12-01'], store, 3)).stderr).toMatch(
      /already assigned/,
    );
    expect((await refused(['nco', 'assign', 'N1', '75B', '--from', '2026-11-01'], store, 3)).stderr).toMatch(
      /starts 2026-11-26/,
    );
  });
});

describe('nsm doctor on staffing', () => {
  it('points out sectors with fewer than two NCOs in a precinct with NCOs, and still exits 0', async () => {
    const store = initializedStore();
    for (const [i, s] of ['75A', '75A', '75B', '75B', '75C', '75C', '75D'].entries()) {
      await addNco(store, `Officer ${i}`, String(100 + i), 75);
      await nsmIn(['nco', 'assign', `N${i + 1}`, s], { store });
    }
    const r = await nsmIn(['doctor', '--json'], { store });
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as {
      ok: boolean;
      findings: Array<{ level: string; code: string; message: string }>;
    };
    expect(report.ok).toBe(true);
    const short = report.findings.filter((f) => f.code === 'sectors-below-two-ncos');
    expect(short).toHaveLength(1);
    expect(short[0]!.message).toMatch(/^precinct 75: 75D \(1\), 75E \(0\) have fewer than two NCOs/);
    expect((await nsmIn(['doctor'], { store })).stdout).toMatch(
      /warning\tsectors-below-two-ncos\tprecinct 75: 75D \(1\), 75E \(0\)/,
    );
  });
});
