import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { dateInNewYork } from '../../domain/dates.js';
import { assignmentOn, byId } from '../../domain/ncos.js';
import { ncoRecord } from '../../domain/records.js';
import { loadStore } from '../../store/load.js';
import { day, table, type Output } from '../../render/view.js';
import type { Options } from '../../cli/define.js';
import type { list } from '../../cli/nco.js';
import { assertScopeExists, inScope, parseScope } from '../scope.js';

export async function run(ctx: Context, options: Options<typeof list>): Promise<Output> {
  const scope = parseScope(options);
  if (scope.sector !== undefined && options.unassigned) {
    throw new UsageError('--sector and --unassigned contradict each other', 'give one of them');
  }
  const store = await loadStore(ctx);
  assertScopeExists(store, scope);
  const today = dateInNewYork(ctx.now());
  const ncos = [...store.ncos].sort(byId).filter((n) => {
    const current = assignmentOn(n, today)?.sector ?? null;
    return (
      inScope(scope, { precinct: n.precinct, ...(scope.sector ? { sector: current ?? '' } : {}) }) &&
      (!options.unassigned || current === null)
    );
  });
  return {
    json: ncos.map((n) => ncoRecord(n, today)),
    blocks: [
      table(
        ['ID', 'Name', 'Rank', 'Shield', 'Pct', 'Sector', 'Since'],
        ncos.map((n) => {
          const current = assignmentOn(n, today);
          return [
            n.id,
            n.name,
            n.rank,
            n.shield,
            n.precinct,
            current?.sector,
            current ? day(current.from) : null,
          ];
        }),
        store.ncos.length === 0 ? 'No NCOs yet: add one with nsm nco add' : 'No NCO matches.',
      ),
    ],
  };
}
