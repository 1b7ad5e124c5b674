import type { Context } from '../../context.js';
import { NotFoundError } from '../../errors.js';
import { parseCoordinate } from '../../domain/coordinates.js';
import { dateInNewYork } from '../../domain/dates.js';
import { ncosOfSector } from '../../domain/ncos.js';
import { loadStore } from '../../store/load.js';
import { locateSector } from '../../reference/boundaries.js';
import { fields, type Output } from '../../render/view.js';
import type { Options } from '../../cli/define.js';
import type { locate } from '../../cli/sector.js';

export async function run(ctx: Context, options: Options<typeof locate>): Promise<Output> {
  const lat = parseCoordinate(options.lat, '--lat');
  const lon = parseCoordinate(options.lon, '--lon');
  const store = await loadStore(ctx);
  const found = await locateSector(lat, lon);
  if (!found) {
    throw new NotFoundError(
      `no sector contains ${lat}, ${lon}`,
      'the bundled boundaries cover the five boroughs of New York City; check the coordinates (latitude first)',
    );
  }
  const precinct = store.precincts.find((p) => p.precinct === found.precinct);
  const today = dateInNewYork(ctx.now());
  const ncos = store.sectors.some((s) => s.id === found.sector)
    ? ncosOfSector(store, found.sector, today)
    : [];
  return {
    json: {
      lat,
      lon,
      sector: found.sector,
      precinct: found.precinct,
      precinctName: precinct?.name ?? null,
      ncos: ncos.map((n) => n.id),
    },
    blocks: [
      fields([
        ['Sector', found.sector],
        ['Precinct', `${found.precinct}${precinct ? ` — ${precinct.name}` : ''}`],
        ['NCOs today', ncos.map((n) => `${n.id} ${n.name}`).join(', ')],
      ]),
    ],
  };
}
