import type { Context } from '../../context.js';
import { dateInNewYork } from '../../domain/dates.js';
import { parseNcoId } from '../../domain/ids.js';
import { findNco } from '../../domain/ncos.js';
import { ncoRecord } from '../../domain/records.js';
import { loadStore } from '../../store/load.js';
import type { Output } from '../../render/view.js';
import type { Options } from '../../cli/define.js';
import type { show } from '../../cli/nco.js';
import { ncoBlocks } from './fields.js';

export async function run(ctx: Context, options: Options<typeof show>): Promise<Output> {
  const id = parseNcoId(options.nco);
  const store = await loadStore(ctx);
  const today = dateInNewYork(ctx.now());
  const record = ncoRecord(findNco(store, id), today);
  return { json: record, blocks: ncoBlocks(record, today) };
}
