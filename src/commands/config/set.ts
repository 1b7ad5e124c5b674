import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { configPath, loadSettings } from '../../settings/file.js';
import { parseSettingValue, resolveKey, type ResolvedKey } from '../../settings/keys.js';
import { loadPlaces } from '../../settings/places.js';
import { saveSettings } from '../../settings/save.js';
import { fields, type Output } from '../../render/view.js';
import type { Options } from '../../cli/define.js';
import type { set } from '../../cli/config.js';
import { need } from '../prompt.js';
import { settingRow, shellWord } from './row.js';

export async function run(ctx: Context, options: Options<typeof set>): Promise<Output> {
  const resolved = resolveKey(options.key);
  const value = await checkedValue(ctx, resolved, options.value);
  // Read again rather than trust ctx.settings: keep whatever else is in the file now.
  const current = await loadSettings(ctx.env);
  const unchanged = current[resolved.key] === value;
  const path = unchanged
    ? configPath(ctx.env)
    : await saveSettings(ctx.env, { ...current, [resolved.key]: value });
  const row = await settingRow(ctx, resolved, { [resolved.key]: value });
  return {
    json: row,
    blocks: [
      fields([
        ['Key', row.key],
        ['Value', row.value],
      ]),
    ],
    notices: [
      unchanged
        ? `${row.key} was already ${shellWord(value)}.`
        : `Set ${row.key} to ${shellWord(value)} in ${path}.`,
    ],
    warnings: storeOverridden(ctx, resolved),
  };
}

async function checkedValue(ctx: Context, resolved: ResolvedKey, given: string | undefined): Promise<string> {
  if (given === undefined && !ctx.interactive)
    throw new UsageError(
      `nsm config set ${resolved.key} needs a value`,
      `for example: nsm config set ${resolved.key} ${resolved.spec.example}`,
    );
  const places =
    resolved.sector || resolved.spec.namesPlace
      ? await loadPlaces(ctx)
      : { from: '', precincts: [], sectors: [] };
  return need(ctx, given, {
    flag: resolved.key,
    message: `${resolved.key}:`,
    example: resolved.spec.example,
    parse: (text) => parseSettingValue(resolved, text, places),
  });
}

/** NSM_STORE comes before the store setting; say so when it will hide the value just set. */
function storeOverridden(ctx: Context, resolved: ResolvedKey): string[] {
  if (resolved.key !== 'store' || !ctx.env.NSM_STORE) return [];
  return [`NSM_STORE is set (${ctx.env.NSM_STORE}) and comes before the store setting while it is set`];
}
