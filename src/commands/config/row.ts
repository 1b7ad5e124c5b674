import type { Context } from '../../context.js';
import type { Settings } from '../../settings/file.js';
import { describe, type ResolvedKey } from '../../settings/keys.js';
import { table, type Block } from '../../render/view.js';

/** One setting as `config` commands print it; `source` says whether the value was set or is the default. */
export interface SettingRow {
  key: string;
  value: string | null;
  source: 'set' | 'default' | 'unset';
  description: string;
}

export async function settingRow(
  ctx: Context,
  resolved: ResolvedKey,
  settings: Settings,
): Promise<SettingRow> {
  const description = describe(resolved);
  const value = Object.hasOwn(settings, resolved.key) ? settings[resolved.key] : undefined;
  if (value !== undefined) return { key: resolved.key, value, source: 'set', description };
  if (resolved.spec.default)
    return { key: resolved.key, value: await resolved.spec.default(ctx.env), source: 'default', description };
  return { key: resolved.key, value: null, source: 'unset', description };
}

export function settingsTable(rows: readonly SettingRow[]): Block {
  return table(
    ['Key', 'Value', 'Source', 'Description'],
    rows.map((r) => [r.key, r.value, r.source, r.description]),
  );
}

/** A value as typed in a shell, for hints. */
export function shellWord(value: string): string {
  return /^[\w@%+=:,./~-]+$/.test(value) ? value : `"${value.replace(/(["\\$`])/g, '\\$1')}"`;
}
