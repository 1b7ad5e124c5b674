import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { loadSettings, type Settings } from '../../settings/file.js';
import { resolveKey, type ResolvedKey } from '../../settings/keys.js';
import { saveSettings } from '../../settings/save.js';
import { fields, type Output } from '../../render/view.js';
import type { Options } from '../../cli/define.js';
import type { unset } from '../../cli/config.js';
import { settingRow, type SettingRow } from './row.js';

export async function run(ctx: Context, options: Options<typeof unset>): Promise<Output> {
  const current = await loadSettings(ctx.env);
  const known = knownKey(options.key, current);
  const key = known?.key ?? options.key;
  const was = Object.hasOwn(current, key) ? current[key] : undefined;
  if (was !== undefined) await saveSettings(ctx.env, without(current, key));
  const row: SettingRow = known
    ? await settingRow(ctx, known, {})
    : { key, value: null, source: 'unset', description: 'not a setting nsm knows' };
  return {
    json: row,
    blocks: [
      fields([
        ['Key', row.key],
        ['Value', row.value],
        ['Source', row.source],
      ]),
    ],
    notices: [was === undefined ? `${key} was not set; nothing changed.` : `Unset ${key} (it was ${was}).`],
  };
}

/** The key's definition; null for a key written by hand that nsm does not know, which can still be removed. */
function knownKey(typed: string, current: Settings): ResolvedKey | null {
  try {
    return resolveKey(typed);
  } catch (error) {
    if (error instanceof UsageError && Object.hasOwn(current, typed)) return null;
    throw error;
  }
}

function without(settings: Settings, key: string): Settings {
  return Object.fromEntries(Object.entries(settings).filter(([k]) => k !== key));
}
