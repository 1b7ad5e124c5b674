import type { Context } from '../../context.js';
import { parseBorough, parsePatrolBorough } from '../../domain/boroughs.js';
import { dateInNewYork } from '../../domain/dates.js';
import { rolloutStatus, sortedPrecincts } from '../../domain/precincts.js';
import { precinctRecord } from '../../domain/records.js';
import { loadStore } from '../../store/load.js';
import { day, table, type Output } from '../../render/view.js';
import type { Options } from '../../cli/define.js';
import type { list } from '../../cli/precinct.js';
import { assertScopeExists, inScope, parseScope } from '../scope.js';

export async function run(ctx: Context, options: Options<typeof list>): Promise<Output> {
  const scope = parseScope({ precinct: options.precinct });
  const borough = options.borough === undefined ? undefined : parseBorough(options.borough);
  const patrol = options.patrolBorough === undefined ? undefined : parsePatrolBorough(options.patrolBorough);
  const store = await loadStore(ctx);
  assertScopeExists(store, scope);
  const today = dateInNewYork(ctx.now());
  const precincts = sortedPrecincts(store).filter(
    (p) =>
      inScope(scope, { precinct: p.precinct }) &&
      (borough === undefined || p.borough === borough) &&
      (patrol === undefined || p.patrolBoroughCode === patrol.code) &&
      (options.rollout === undefined || rolloutStatus(p, today) === options.rollout),
  );
  const records = precincts.map((p) => precinctRecord(store, p, today));
  return {
    json: records,
    blocks: [
      table(
        ['Pct', 'Name', 'Borough', 'Patrol borough', 'Rollout', 'Since', 'Phase', 'Sectors'],
        records.map((r) => [
          r.precinct,
          r.name,
          r.borough,
          r.patrolBoroughCode,
          r.rollout.status,
          r.rollout.startDate === null ? null : day(r.rollout.startDate),
          r.rollout.phase,
          r.sectors.map((id) => id.slice(-1)).join(' '),
        ]),
        'No precinct matches.',
      ),
    ],
  };
}
