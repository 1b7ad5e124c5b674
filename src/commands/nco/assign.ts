import type { Context } from '../../context.js';
import { dateInNewYork, parsePlannedDate } from '../../domain/dates.js';
import { parseNcoId, parseSectorId } from '../../domain/ids.js';
import { assign, findNco, type AssignmentChange } from '../../domain/ncos.js';
import { ncoRecord } from '../../domain/records.js';
import { findSector } from '../../domain/sectors.js';
import { changeStore } from '../../store/store.js';
import type { Output } from '../../render/view.js';
import type { Options } from '../../cli/define.js';
import type { assign as assignSpec } from '../../cli/nco.js';
import { ncoBlocks } from './fields.js';

export async function run(ctx: Context, options: Options<typeof assignSpec>): Promise<Output> {
  const id = parseNcoId(options.nco);
  const sectorId = parseSectorId(options.sector).id;
  const today = dateInNewYork(ctx.now());
  const from = options.from === undefined ? today : parsePlannedDate(options.from, '--from', today);
  const { record, change } = await changeStore(ctx, (store) => {
    const nco = findNco(store, id);
    const change = assign(nco, findSector(store, sectorId), from);
    return { record: ncoRecord(nco, today), change };
  });
  return {
    json: record,
    blocks: ncoBlocks(record, today),
    notices: [`Assigned ${record.id} ${record.name} to ${sectorId} from ${from}.${describeEnded(change)}`],
  };
}

export function describeEnded(change: AssignmentChange): string {
  if (!change.ended) return '';
  return change.ended.removed
    ? ` The assignment to ${change.ended.sector} had not started yet and was removed.`
    : ` The assignment to ${change.ended.sector} ends ${change.ended.to}.`;
}
