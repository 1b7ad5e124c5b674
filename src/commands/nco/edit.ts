import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { dateInNewYork } from '../../domain/dates.js';
import { parseNcoId } from '../../domain/ids.js';
import { findNco, parseEmail, parseName } from '../../domain/ncos.js';
import { ncoRecord } from '../../domain/records.js';
import { changeStore } from '../../store/store.js';
import type { Output } from '../../render/view.js';
import type { Options } from '../../cli/define.js';
import type { edit } from '../../cli/nco.js';
import { optionalText, requiredText } from '../text-input.js';
import { ncoBlocks } from './fields.js';

export async function run(ctx: Context, options: Options<typeof edit>): Promise<Output> {
  const id = parseNcoId(options.nco);
  const changes: { name?: string; rank?: string; email?: string | null; phone?: string | null } = {};
  if (options.name !== undefined) changes.name = parseName(options.name);
  if (options.rank !== undefined) changes.rank = requiredText(options.rank, '--rank', 60);
  // An empty --email or --phone clears it.
  if (options.email !== undefined)
    changes.email = options.email.trim() === '' ? null : parseEmail(options.email);
  if (options.phone !== undefined) changes.phone = optionalText(options.phone, '--phone', 40);
  if (Object.keys(changes).length === 0) {
    throw new UsageError(
      'nothing to change',
      `give at least one of --name, --rank, --email, --phone (nsm nco edit ${id} --rank Sergeant)`,
    );
  }
  const today = dateInNewYork(ctx.now());
  const record = await changeStore(ctx, (store) => {
    const nco = findNco(store, id);
    Object.assign(nco, changes);
    return ncoRecord(nco, today);
  });
  return {
    json: record,
    blocks: ncoBlocks(record, today),
    notices: [`Updated ${record.id} ${record.name}: ${Object.keys(changes).join(', ')}.`],
  };
}
