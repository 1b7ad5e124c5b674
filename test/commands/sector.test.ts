import { beforeAll, describe, expect, it } from 'vitest';
import { initializedStore, json } from '../helpers/cli.js';
import { nsmIn } from '../helpers/in-process.js';
import { addNco, refused } from '../helpers/e2e.js';

interface SectorJson {
  id: string;
  precinct: number;
  letter: string;
  ncos: string[];
}

interface LocateJson {
  lat: number;
  lon: number;
  sector: string;
  precinct: number;
  precinctName: string | null;
  ncos: string[];
}

describe('nsm sector list / show / locate', () => {
  let store: string;
  beforeAll(async () => {
    store = initializedStore();
    for (const [i, s] of ['14B', '14B'].entries()) {
      const n = await addNco(store, `Officer ${i}`, String(500 + i), 14);
      await nsmIn(['nco', 'assign', n.id, s], { store });
    }
  });

  it('list --precinct 75 gives its five sectors in order with the contract fields', async () => {
    const sectors = json<SectorJson[]>(
      await nsmIn(['sector', 'list', '--precinct', '75', '--json'], { store }),
    );
    expect(sectors.map((s) => s.id)).toEqual(['75A', '75B', '75C', '75D', '75E']);
    expect(sectors[0]).toMatchObject({ id: '75A', precinct: 75, letter: 'A', ncos: [] });
  });

  it('list without a precinct gives all 302 sectors, sorted by precinct then letter', async () => {
    const ids = json<SectorJson[]>(await nsmIn(['sector', 'list', '--json'], { store })).map((s) => s.id);
    expect(ids).toHaveLength(302);
    expect(ids.slice(0, 2)).toEqual(['1A', '1B']);
    expect(ids.indexOf('9A')).toBeLessThan(ids.indexOf('10A')); // numeric, not alphabetical
  });

  it('list of the 116th (no sectors) is an empty array', async () => {
    expect(json(await nsmIn(['sector', 'list', '--precinct', '116', '--json'], { store }))).toEqual([]);
  });

  it('show 14b lists the NCOs assigned today', async () => {
    const s = json<SectorJson>(await nsmIn(['sector', 'show', '14b', '--json'], { store }));
    expect(s).toMatchObject({ id: '14B', precinct: 14, letter: 'B', ncos: ['N1', 'N2'] });
  });

  it('show of a sector with fewer than two NCOs warns', async () => {
    expect((await nsmIn(['sector', 'show', '75A'], { store })).stdout).toMatch(
      /75A has 0 NCOs; a sector needs two/,
    );
    expect((await nsmIn(['sector', 'show', '14B'], { store })).stdout).not.toMatch(/needs two/);
  });

  it.each([
    ['Empire State Building', '40.7484', '-73.9857', '14B', 14],
    ['Central Park Great Lawn', '40.7812', '-73.9665', '22D', 22],
    ['Flushing Main Street', '40.7596', '-73.8303', '109B', 109],
    ['St George, Staten Island', '40.6437', '-74.0736', '120B', 120],
  ])('locate %s (%s, %s) → %s', async (_place, lat, lon, sector, precinct) => {
    const found = json<LocateJson>(
      await nsmIn(['sector', 'locate', '--lat', lat, '--lon', lon, '--json'], { store }),
    );
    expect(found).toMatchObject({ lat: Number(lat), lon: Number(lon), sector, precinct });
  });

  it('locate names the NCOs of the sector it finds', async () => {
    const found = json<LocateJson>(
      await nsmIn(['sector', 'locate', '--lat', '40.7484', '--lon', '-73.9857', '--json'], { store }),
    );
    expect(found.ncos).toEqual(['N1', 'N2']);
    expect(found.precinctName).toBe('Midtown South Precinct');
  });

  it('a point in the Atlantic is not found (exit 4)', async () => {
    const run = await refused(['sector', 'locate', '--lat', '40.5', '--lon', '-73.5'], store, 4);
    expect(run.stderr).toMatch(/no sector contains/);
  });

  it.each([
    [['--lat', '200', '--lon', '-73.9857'], '--lat'],
    [['--lat', '40.7484', '--lon', 'west'], '--lon'],
    [['--lon', '-73.9857'], '--lat'],
    [['--lat', '40.7484'], '--lon'],
  ])('locate %j is a usage error naming %s', async (flags, flag) => {
    expect((await refused(['sector', 'locate', ...flags], store, 2)).stderr).toContain(flag);
  });

  it.each([
    [['sector', 'list', '--precinct', '750'], 4, /no precinct 750.*nsm precinct list/],
    [['sector', 'show', '75Z'], 4, /no sector 75Z.*75A, 75B, 75C, 75D, 75E/],
    [['sector', 'show', '99A'], 4, /no sector 99A.*nsm sector list/],
    [['sector', 'show', 'A75'], 2, /not a sector id/],
    [['sector', 'add', '75A'], 3, /already exists/],
  ])('%j → exit %d', async (args, code, message) => {
    expect((await refused(args, store, code)).stderr).toMatch(message);
  });
});
