import { readFile, readdir } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import type { Context } from '../context.js';
import { NotFoundError, StoreUnreadableError } from '../errors.js';
import { dateInNewYork } from '../domain/dates.js';
import { checkStore, type Finding } from '../domain/doctor.js';
import { SCHEMA_VERSION } from '../domain/schema.js';
import { isTemporaryName } from '../store/durable.js';
import { findBackup, listBackups, readJournal } from '../store/history.js';
import { keepingIdCounters, loadStore, replaceStore } from '../store/store.js';
import { fields, heading, table, text, type Block, type Output } from '../render/view.js';

export interface DoctorOptions {
  restore?: string;
}

export async function run(ctx: Context, options: DoctorOptions): Promise<Output> {
  if (options.restore !== undefined) return restore(ctx, options.restore);
  const findings: Finding[] = [];
  let counts: Record<string, number> | null = null;
  try {
    const store = await loadStore(ctx);
    counts = { precincts: store.precincts.length, sectors: store.sectors.length, ncos: store.ncos.length };
    findings.push(...checkStore(store, dateInNewYork(ctx.now())));
  } catch (error) {
    if (!(error instanceof StoreUnreadableError)) throw error;
    findings.push({ level: 'error', code: 'unreadable', message: error.message });
  }
  const leftovers = (await readdir(dirname(ctx.storePath)).catch(() => [] as string[])).filter((name) =>
    isTemporaryName(basename(ctx.storePath), name),
  );
  if (leftovers.length > 0) {
    findings.push({
      level: 'warning',
      code: 'leftover-temporary-files',
      message: `${leftovers.length} temporary file(s) from an interrupted write are beside the store (${leftovers.join(', ')}); the store is intact and they can be deleted`,
    });
  }
  const backups = await backupList(ctx);
  const errors = findings.filter((f) => f.level === 'error').length;
  const blocks: Block[] = [
    fields([
      ['Store', ctx.storePath],
      ['Format', `${SCHEMA_VERSION}`],
      ...(counts ? (Object.entries(counts) as Array<[string, number]>) : []),
      ['Result', errors > 0 ? `${errors} error(s)` : findings.length > 0 ? 'ok, with warnings' : 'ok'],
    ]),
    heading('Findings'),
    table(
      ['Level', 'Check', 'Finding'],
      findings.map((f) => [f.level, f.code, f.message]),
      'Nothing to report.',
    ),
    heading(`Backups (${backups.length}, newest last)`),
    table(
      ['Backup', 'Saved', 'Replaced by'],
      backups.map((b) => [b.name, b.savedAt, b.replacedBy]),
      'No backups yet.',
    ),
  ];
  if (backups.length > 0)
    blocks.push(text(`Put one back with: nsm doctor --restore ${backups.at(-1)!.name}`));
  return {
    json: {
      store: ctx.storePath,
      schemaVersion: SCHEMA_VERSION,
      ok: errors === 0,
      counts,
      findings,
      backups,
    },
    blocks,
    exitCode: errors > 0 ? 6 : 0,
  };
}

async function backupList(ctx: Context) {
  const journal = await readJournal(ctx.storePath);
  const commandOf = new Map(journal.entries.filter((e) => e.backup).map((e) => [e.backup, e.command]));
  return (await listBackups(ctx.storePath)).map((b) => ({
    name: b.name.replace(/\.json$/, ''),
    savedAt: b.savedAt.toISOString(),
    bytes: b.size,
    replacedBy: commandOf.get(b.name) ?? null,
  }));
}

async function restore(ctx: Context, name: string): Promise<Output> {
  const backup = await findBackup(ctx.storePath, name);
  if (!backup) {
    const names = (await listBackups(ctx.storePath)).map((b) => b.name.replace(/\.json$/, ''));
    throw new NotFoundError(
      `there is no backup "${name}"`,
      names.length > 0 ? `the backups are: ${names.join(', ')}` : 'this store has no backups yet',
    );
  }
  const bytes = await readFile(backup.path, 'utf8');
  const entry = await replaceStore(ctx, (current) => keepingIdCounters(bytes, backup.path, current));
  return {
    json: { store: ctx.storePath, restored: backup.name, replacedKeptAs: entry.backup },
    blocks: [],
    notices: [
      `Restored backup ${backup.name} (saved ${backup.savedAt.toISOString()}).` +
        (entry.backup
          ? ` The state it replaced is kept as backup ${entry.backup}; nsm undo reverses this.`
          : ''),
    ],
  };
}
