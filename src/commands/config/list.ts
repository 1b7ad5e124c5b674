import { existsSync } from 'node:fs';
import type { Context } from '../../context.js';
import { configPath, type Settings } from '../../settings/file.js';
import { KEYS, describe, resolveKey, type ResolvedKey, type SettingKey } from '../../settings/keys.js';
import type { Output } from '../../render/view.js';
import { settingRow, settingsTable, type SettingRow } from './row.js';

export async function run(ctx: Context): Promise<Output> {
  const settings = ctx.settings;
  const written = Object.keys(settings).map((key) => ({ key, resolved: known(key) }));
  const rows: SettingRow[] = [];
  for (const spec of KEYS) {
    if (!spec.perSector) {
      rows.push(await settingRow(ctx, { key: spec.name, spec, sector: null }, settings));
      continue;
    }
    const entries = written.filter((w) => w.resolved?.spec === spec).sort(bySector);
    rows.push(
      ...(entries.length > 0 ? entries.map((w) => setRow(w.key, w.resolved!, settings)) : [pattern(spec)]),
    );
  }
  for (const { key } of written.filter((w) => w.resolved === null))
    rows.push({
      key,
      value: settings[key]!,
      source: 'set',
      description: `not a setting nsm knows: nsm config unset ${key}`,
    });
  const path = configPath(ctx.env);
  return {
    json: rows,
    blocks: [settingsTable(rows)],
    notices: [existsSync(path) ? `Settings file: ${path}` : `Settings file: ${path} (not created yet)`],
  };
}

function known(key: string): ResolvedKey | null {
  try {
    return resolveKey(key);
  } catch {
    return null;
  }
}

function setRow(key: string, resolved: ResolvedKey, settings: Settings): SettingRow {
  return { key, value: settings[key]!, source: 'set', description: describe(resolved) };
}

/** A per-sector key nobody has set yet still shows, so the list tells what can be set. */
function pattern(spec: SettingKey): SettingRow {
  return { key: spec.name, value: null, source: 'unset', description: spec.description };
}

function bySector(a: { resolved: ResolvedKey | null }, b: { resolved: ResolvedKey | null }): number {
  const x = a.resolved!.sector!;
  const y = b.resolved!.sector!;
  return x.precinct - y.precinct || x.id.localeCompare(y.id);
}
