import type { Context } from '../../context.js';
import { dateInNewYork } from '../../domain/dates.js';
import { parsePrecinctNumber } from '../../domain/ids.js';
import { ncosOfSector } from '../../domain/ncos.js';
import { findPrecinct } from '../../domain/precincts.js';
import { precinctRecord, sectorRecord, sectorsOf, understaffedSectors } from '../../domain/records.js';
import { loadStore } from '../../store/store.js';
import { fields, heading, table, warning, type Output } from '../../render/view.js';

export interface PrecinctShowOptions {
  precinct: string;
}

export async function run(ctx: Context, options: PrecinctShowOptions): Promise<Output> {
  const number = parsePrecinctNumber(options.precinct, 'precinct');
  const store = await loadStore(ctx);
  const precinct = findPrecinct(store, number);
  const today = dateInNewYork(ctx.now());
  const record = precinctRecord(store, precinct, today);
  const sectors = sectorsOf(store, number);
  const short = understaffedSectors(store, today, number);
  const roster = store.ncos.filter((n) => n.precinct === number);

  return {
    json: {
      ...record,
      sectorDetails: sectors.map((s) => sectorRecord(store, s, today)),
      ncos: roster.map((n) => n.id),
      understaffedSectors: short,
    },
    blocks: [
      fields([
        ['Precinct', `${record.precinct} — ${record.name}${record.commonName ? ` (${record.commonName})` : ''}`],
        ['Borough', record.borough],
        ['Patrol borough', record.patrolBorough],
        ['Station house', record.address],
        ['Phone', record.phone],
        ['Opened', record.opened],
        [
          'Rollout',
          record.rollout.status === 'unknown'
            ? 'start date unknown'
            : `${record.rollout.status} since ${record.rollout.startDate}${record.rollout.phase === null ? '' : ` (phase ${record.rollout.phase})`}`,
        ],
        ['NCOs on roster', roster.length],
        ...(record.notes ? [['Notes', record.notes] as [string, string]] : []),
      ]),
      heading(`Sectors (${sectors.length})`),
      table(
        ['Sector', 'NCOs today', 'Description'],
        sectors.map((s) => [
          s.id,
          ncosOfSector(store, s.id, today)
            .map((n) => `${n.id} ${n.name}`)
            .join(', '),
          s.description,
        ]),
        `No sectors yet: add them with nsm sector add ${number}A`,
      ),
      ...(short.length > 0
        ? [warning(`Below two NCOs: ${short.map((s) => `${s.sector} (${s.ncos})`).join(', ')}`)]
        : []),
    ],
  };
}
