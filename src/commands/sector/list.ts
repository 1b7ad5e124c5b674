import type { Context } from '../../context.js';
import { dateInNewYork } from '../../domain/dates.js';
import { parsePrecinctNumber } from '../../domain/ids.js';
import { findPrecinct } from '../../domain/precincts.js';
import { compareSectors, sectorRecord } from '../../domain/records.js';
import { loadStore } from '../../store/store.js';
import { table, type Output } from '../../render/view.js';

export interface SectorListOptions {
  precinct?: string;
}

export async function run(ctx: Context, options: SectorListOptions): Promise<Output> {
  const number =
    options.precinct === undefined ? undefined : parsePrecinctNumber(options.precinct, '--precinct');
  const store = await loadStore(ctx);
  if (number !== undefined) findPrecinct(store, number);
  const today = dateInNewYork(ctx.now());
  const names = new Map(store.ncos.map((n) => [n.id, n.name]));
  const records = store.sectors
    .filter((s) => number === undefined || s.precinct === number)
    .sort(compareSectors)
    .map((s) => sectorRecord(store, s, today));
  return {
    json: records,
    blocks: [
      table(
        ['Sector', 'Pct', 'NCOs today', 'Description'],
        records.map((r) => [
          r.id,
          r.precinct,
          r.ncos.map((id) => `${id} ${names.get(id)}`).join(', '),
          r.description,
        ]),
        number === undefined
          ? 'No sectors.'
          : `Precinct ${number} has no sectors yet: add them with nsm sector add ${number}A`,
      ),
    ],
  };
}
