import type { Context } from '../../context.js';
import { dateInNewYork } from '../../domain/dates.js';
import { parseNcoId } from '../../domain/ids.js';
import { findNco } from '../../domain/ncos.js';
import { ncoRecord } from '../../domain/records.js';
import { loadStore } from '../../store/store.js';
import { fields, heading, table, type Output } from '../../render/view.js';

export interface NcoShowOptions {
  nco: string;
}

export async function run(ctx: Context, options: NcoShowOptions): Promise<Output> {
  const id = parseNcoId(options.nco);
  const store = await loadStore(ctx);
  const record = ncoRecord(findNco(store, id), dateInNewYork(ctx.now()));
  return {
    json: record,
    blocks: [
      fields([
        ['NCO', `${record.id} — ${record.rank} ${record.name}`],
        ['Shield', record.shield],
        ['Precinct', record.precinct],
        ['Sector today', record.sector ?? 'none'],
        ['Email', record.email],
        ['Phone', record.phone],
      ]),
      heading('Assignments'),
      table(
        ['Sector', 'From', 'To'],
        record.assignments.map((a) => [a.sector, a.from, a.to ?? '(current)']),
        `Never assigned: nsm nco assign ${record.id} ${record.precinct}A`,
      ),
    ],
  };
}
