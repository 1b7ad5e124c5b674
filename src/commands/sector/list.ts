import type { Context } from '../../context.js';
import { dateInNewYork } from '../../domain/dates.js';
import { compareSectors, sectorRecord } from '../../domain/records.js';
import { loadStore } from '../../store/load.js';
import { table, type Output } from '../../render/view.js';
import type { Options } from '../../cli/define.js';
import type { list } from '../../cli/sector.js';
import { assertScopeExists, inScope, parseScope } from '../scope.js';

export async function run(ctx: Context, options: Options<typeof list>): Promise<Output> {
  const scope = parseScope({ precinct: options.precinct });
  const store = await loadStore(ctx);
  assertScopeExists(store, scope);
  const today = dateInNewYork(ctx.now());
  const names = new Map(store.ncos.map((n) => [n.id, n.name]));
  const records = store.sectors
    .filter((s) => inScope(scope, { precinct: s.precinct }))
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
        scope.precinct === undefined
          ? 'No sectors.'
          : `Precinct ${scope.precinct} has no sectors yet: add them with nsm sector add ${scope.precinct}A`,
      ),
    ],
  };
}
