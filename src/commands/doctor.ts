import { readFile } from 'node:fs/promises';
import { dirname, relative } from 'node:path';
import type { Context } from '../context.js';
import { NotFoundError, StoreUnreadableError, UsageError } from '../errors.js';
import { dateInNewYork } from '../domain/dates.js';
import { checkStore, idFloors, raiseIdCounters, type Finding } from '../domain/doctor.js';
import { SCHEMA_VERSION, type Store } from '../domain/schema.js';
import { friendly, isoWithOffset, wallOf } from '../domain/time.js';
import {
  findBackup,
  leftoverFiles,
  listBackups,
  readJournal,
  type BackupInfo,
  type JournalEntry,
} from '../store/history.js';
import { keepingIdCounters, replaceStore, serializeStore } from '../store/store.js';
import { loadStore, readStoreText } from '../store/load.js';
import { abandonedLock } from '../store/lock.js';
import { parseStore } from '../store/parse.js';
import { fields, heading, table, text, when, type Block, type Output } from '../render/view.js';
import type { Options } from '../cli/define.js';
import type { doctor } from '../cli/store-commands.js';
import { parseScope } from './scope.js';
import { shownCommand } from '../domain/command-privacy.js';
import { fileStoreOnly, isDatabaseUrl, withoutPassword } from '../store/paths.js';

export async function run(ctx: Context, options: Options<typeof doctor>): Promise<Output> {
  if (options.migrate) return migrate(ctx, options);
  const database = isDatabaseUrl(ctx.storePath);
  // A database keeps no backups of nsm's: PostgreSQL's own tools (pg_dump) back it up.
  if (database && options.restore !== undefined) throw fileStoreOnly(ctx.storePath, ['doctor', '--restore']);
  if (options.restore !== undefined) return restore(ctx, options.restore);
  const { precinct } = parseScope({ precinct: options.precinct });
  const findings: Finding[] = [];
  let counts: { precincts: number; sectors: number; ncos: number } | null = null;
  let read: Store | null = null;
  try {
    // Leniently: a store that reads and writes refuse (duplicate ids, broken references) is
    // still opened here, so that every problem in it can be listed. A database's own constraints
    // keep most of those out; what they cannot is reported as the store being unreadable.
    const store = database
      ? await loadStore(ctx)
      : parseStore(await readStoreText(ctx.storePath), ctx.storePath, { lenient: true });
    read = store;
    counts = { precincts: store.precincts.length, sectors: store.sectors.length, ncos: store.ncos.length };
    findings.push(
      ...unknownPrecinct(store, precinct),
      ...checkStore(store, dateInNewYork(ctx.now()), precinct),
    );
  } catch (error) {
    if (!(error instanceof StoreUnreadableError)) throw error;
    findings.push({ level: 'error', code: 'unreadable', message: error.message });
  }
  if (!database) findings.push(...(await leftovers(ctx)));
  const backups = database ? [] : await backupList(ctx, read);
  const errors = findings.filter((f) => f.level === 'error').length;
  const blocks: Block[] = [
    fields([
      ['Store', withoutPassword(ctx.storePath)],
      ['Format', `${SCHEMA_VERSION}`],
      ...(counts
        ? ([
            ['Precincts', counts.precincts],
            ['Sectors', counts.sectors],
            ['NCOs', counts.ncos],
          ] as Array<[string, number]>)
        : []),
      [
        'Staffing checked',
        precinct === undefined ? 'every precinct' : `precinct ${precinct} (every precinct: --precinct all)`,
      ],
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
      ['Backup', 'Saved (New York)', 'Replaced by'],
      backups.map((b) => [b.name, when(b.savedAt), b.replacedBy]),
      database ? 'None: back a database up with pg_dump; nsm undo takes back a change.' : 'No backups yet.',
    ),
  ];
  if (backups.length > 0)
    blocks.push(text(`Put one back with: nsm doctor --restore ${backups.at(-1)!.name}`));
  return {
    json: {
      store: withoutPassword(ctx.storePath),
      schemaVersion: SCHEMA_VERSION,
      ok: errors === 0,
      // The precinct whose staffing was checked; null for every precinct.
      precinct: precinct ?? null,
      counts,
      findings,
      backups,
    },
    blocks,
    exitCode: errors > 0 ? 6 : 0,
  };
}

/** A default precinct the store lacks is worth saying, but doctor still checks everything else. */
function unknownPrecinct(store: Store, precinct: number | undefined): Finding[] {
  if (precinct === undefined || store.precincts.some((p) => p.precinct === precinct)) return [];
  return [
    {
      level: 'warning',
      code: 'unknown-precinct',
      message: `precinct ${precinct} is not in the store, so no staffing was checked (nsm doctor --precinct all checks every precinct)`,
    },
  ];
}

async function leftovers(ctx: Context): Promise<Finding[]> {
  const findings: Finding[] = [];
  const lock = await abandonedLock(ctx.storePath);
  if (lock)
    findings.push({
      level: 'warning',
      code: 'abandoned-lock',
      message: `the store's lock was left by "${lock.command}" (process ${lock.pid}, since ${isoWithOffset(new Date(lock.since))}), which has ended; the store is intact, and the next change takes the lock over`,
    });
  const found = await leftoverFiles(ctx.storePath);
  if (found.length === 0) return findings;
  const names = found.map((path) => relative(dirname(ctx.storePath), path));
  return [
    ...findings,
    {
      level: 'warning',
      code: 'leftover-temporary-files',
      message: `${found.length} temporary file(s) from an interrupted write are beside the store or among its backups (${names.join(', ')}); the store is intact, and the next change deletes them (or delete them yourself)`,
    },
  ];
}

async function backupList(ctx: Context, store: Store | null) {
  const changes = await changesByBackup(ctx.storePath);
  return (await listBackups(ctx.storePath)).map((b) => {
    const change = changes.get(b.name);
    return {
      name: b.name.replace(/\.json$/, ''),
      savedAt: isoWithOffset(savedAt(b, changes)),
      bytes: b.size,
      // A private issue's text stays out of the list, as it does out of every shared output.
      replacedBy: change ? shownCommand(change.command, store) : null,
    };
  });
}

type Floors = ReturnType<typeof idFloors>;

/** The highest id counters any recorded change left behind. */
function journalFloors(journal: { entries: JournalEntry[] }): Floors {
  return journal.entries.reduce<Floors>((floors, e) => highest(floors, (e.nextId ?? {}) as Floors), {});
}

function highest(a: Floors, b: Floors): Floors {
  const out: Floors = { ...a };
  for (const [series, value] of Object.entries(b) as Array<[keyof Floors, number]>)
    if (Number.isSafeInteger(value) && value > (out[series] ?? 0)) out[series] = value;
  return out;
}

/** The recorded change that saved each backup (the state it replaced). */
async function changesByBackup(storePath: string): Promise<Map<string, JournalEntry>> {
  const journal = await readJournal(storePath);
  return new Map(journal.entries.flatMap((e) => (e.backup ? [[e.backup, e] as const] : [])));
}

/** A backup is saved by the change that replaced it, at the time the journal recorded; else its file's time. */
function savedAt(backup: BackupInfo, changes: Map<string, JournalEntry>): Date {
  const change = changes.get(backup.name);
  return change ? new Date(change.at) : backup.savedAt;
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
  const saved = savedAt(backup, await changesByBackup(ctx.storePath));
  const bytes = await readFile(backup.path, 'utf8');
  // The counters each recorded change left: they outlive a store too damaged to show its own.
  const recorded = journalFloors(await readJournal(ctx.storePath));
  const entry = await replaceStore(ctx, (current) => {
    const kept = keepingIdCounters(bytes, backup.path, current);
    // The state being replaced may be damaged (a cut, a flipped bit, duplicate ids) so that it no
    // longer parses: the ids it still shows, and those the journal recorded, are never handed
    // out again either.
    const restored = parseStore(kept, backup.path);
    const floors = current === null ? recorded : highest(recorded, idFloors(current));
    return raiseIdCounters(restored, floors) ? serializeStore(restored) : kept;
  });
  return {
    json: { store: ctx.storePath, restored: backup.name, replacedKeptAs: entry.backup },
    blocks: [],
    notices: [
      `Restored backup ${backup.name} (saved ${friendly(wallOf(saved))}).` +
        (entry.backup
          ? ` The state it replaced is kept as backup ${entry.backup}; nsm undo reverses this.`
          : ''),
    ],
  };
}

/** A database store's schema brought up to date (a JSON file is, by nsm itself, whenever it is written). */
async function migrate(ctx: Context, options: Options<typeof doctor>): Promise<Output> {
  if (options.restore !== undefined)
    throw new UsageError('--migrate and --restore do not go together', 'give one of them');
  if (!isDatabaseUrl(ctx.storePath))
    throw new UsageError(
      `--migrate is for a PostgreSQL store, and ${ctx.storePath} is a JSON file`,
      'nsm brings a store file of an older format up to date itself, on its next change: nothing to do',
    );
  const { migrateDatabase } = await import('../store/postgres/upgrade.js');
  const report = await migrateDatabase(ctx.storePath, ctx.env);
  const where = withoutPassword(ctx.storePath);
  return {
    json: { store: where, ...report },
    blocks: [
      table(
        ['Migration', 'What it does'],
        report.applied.map((m) => [m.version, m.name]),
        `Nothing to do: the schema is ${report.to}.`,
      ),
    ],
    notices: [
      report.applied.length === 0
        ? `The database at ${where} is up to date (schema ${report.to}).`
        : `Migrated the database at ${where} from schema ${report.from} to ${report.to}, in one transaction.`,
    ],
  };
}
