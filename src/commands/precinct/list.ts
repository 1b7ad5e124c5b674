import type { Context } from '../../context.js';
import { parseChoice } from '../../domain/choice.js';
import { parseBorough, parsePatrolBorough } from '../../domain/boroughs.js';
import { dateInNewYork } from '../../domain/dates.js';
import { rolloutStatus, sortedPrecincts, type RolloutStatus } from '../../domain/precincts.js';
import { precinctRecord } from '../../domain/records.js';
import { loadStore } from '../../store/store.js';
import { table, type Output } from '../../render/view.js';

export interface PrecinctListOptions {
  borough?: string;
  patrolBorough?: string;
  rollout?: string;
}

const STATUSES: RolloutStatus[] = ['active', 'pending', 'unknown'];

export async function run(ctx: Context, options: PrecinctListOptions): Promise<Output> {
  const borough = options.borough === undefined ? undefined : parseBorough(options.borough);
  const patrol = options.patrolBorough === undefined ? undefined : parsePatrolBorough(options.patrolBorough);
  const rollout =
    options.rollout === undefined
      ? undefined
      : parseChoice(options.rollout, '--rollout', STATUSES, 'a rollout status');
  const store = await loadStore(ctx);
  const today = dateInNewYork(ctx.now());
  const precincts = sortedPrecincts(store).filter(
    (p) =>
      (borough === undefined || p.borough === borough) &&
      (patrol === undefined || p.patrolBoroughCode === patrol.code) &&
      (rollout === undefined || rolloutStatus(p, today) === rollout),
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
          r.rollout.startDate,
          r.rollout.phase,
          r.sectors.map((id) => id.slice(-1)).join(' '),
        ]),
        'No precinct matches.',
      ),
    ],
  };
}
