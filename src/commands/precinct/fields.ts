import type { precinctRecord } from '../../domain/records.js';
import { day, fields, type Block } from '../../render/view.js';

export type PrecinctRecord = ReturnType<typeof precinctRecord>;

/** A precinct's own details, as show prints them and add and rollout confirm them. */
export function precinctFields(record: PrecinctRecord, extra: Array<[string, string | number]> = []): Block {
  const { rollout } = record;
  return fields([
    ['Precinct', `${record.precinct} — ${record.name}${record.commonName ? ` (${record.commonName})` : ''}`],
    ['Borough', record.borough],
    ['Patrol borough', record.patrolBorough],
    ['Station house', record.address],
    ['Phone', record.phone],
    ['Opened', record.opened === null ? null : day(record.opened)],
    ['Rollout', rollout.status === 'unknown' ? 'start date unknown' : rollout.status],
    ['Rollout since', rollout.startDate === null ? null : day(rollout.startDate)],
    ['Rollout phase', rollout.phase],
    ...extra,
    ...(record.notes ? [['Notes', record.notes] as [string, string]] : []),
  ]);
}
