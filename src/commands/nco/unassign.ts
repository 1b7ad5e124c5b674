import type { Context } from '../../context.js';
import { dateInNewYork, parsePlannedDate } from '../../domain/dates.js';
import { parseNcoId } from '../../domain/ids.js';
import { findNco, unassign } from '../../domain/ncos.js';
import { ncoRecord } from '../../domain/records.js';
import { changeStore } from '../../store/store.js';
import type { Output } from '../../render/view.js';
import type { Options } from '../../cli/define.js';
import type { unassign as unassignSpec } from '../../cli/nco.js';
import { ncoBlocks } from './fields.js';
import { describeEnded } from './assign.js';

export async function run(ctx: Context, options: Options<typeof unassignSpec>): Promise<Output> {
  const id = parseNcoId(options.nco);
  const today = dateInNewYork(ctx.now());
  const on = options.on === undefined ? today : parsePlannedDate(options.on, '--on', today);
  const { record, change } = await changeStore(ctx, (store) => {
    const nco = findNco(store, id);
    const change = unassign(nco, on);
    return { record: ncoRecord(nco, today), change };
  });
  return {
    json: record,
    blocks: ncoBlocks(record, today),
    notices: [`${record.id} ${record.name} has no sector from ${on}.${describeEnded(change)}`],
  };
}
