import type { Context } from '../../context.js';
import { NotFoundError } from '../../errors.js';
import { resolveKey } from '../../settings/keys.js';
import { text, type Output } from '../../render/view.js';
import type { Options } from '../../cli/define.js';
import type { get } from '../../cli/config.js';
import { settingRow } from './row.js';

export async function run(ctx: Context, options: Options<typeof get>): Promise<Output> {
  const resolved = resolveKey(options.key);
  const row = await settingRow(ctx, resolved, ctx.settings);
  if (row.value === null)
    throw new NotFoundError(
      `${row.key} is not set`,
      `set it with: nsm config set ${row.key} ${resolved.spec.example} (see every setting with: nsm config list)`,
    );
  // The bare value, so `$(nsm config get duration)` needs no parsing.
  return { json: row, blocks: [text(row.value)] };
}
