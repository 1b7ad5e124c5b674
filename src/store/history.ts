import { link, mkdir, readFile, readdir, rm, stat, unlink } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { backupsDir } from './paths.js';
import { isTemporaryName, processGone, writeFileDurably } from './durable.js';

/** How many earlier states of the store are kept beside it. */
export const BACKUPS_KEPT = 10;
const JOURNAL_KEPT = 50;
const BACKUP_NAME = /^(\d{6,})\.json$/;

export interface JournalEntry {
  seq: number;
  /** ISO instant of the change. */
  at: string;
  /** The command line that made the change. */
  command: string;
  /** The backup holding the state before the change, or null when the change created the store. */
  backup: string | null;
  /** sha256 of the store right after the change: undo only applies to the state it recorded. */
  afterHash: string;
  /**
   * The id counters right after the change: a restore raises its counters to these, so no id is
   * given out twice even when the store that held it is too damaged to read.
   */
  nextId?: Record<string, number>;
}

/**
 * An undo under way: it is written into the journal (with the entry it takes off) just before the
 * store is replaced, so whether it landed can be told afterwards from the store itself.
 */
export interface PendingUndo {
  /** The entry being undone, taken off the list. */
  entry: JournalEntry;
  /** The store's hash once the undo lands. */
  afterHash: string;
  /** The hash the entry before it recorded, before the undo made it the last one. */
  previousAfterHash: string | null;
}

export interface Journal {
  nextSeq: number;
  entries: JournalEntry[];
  pendingUndo?: PendingUndo;
}

/**
 * Settles an undo that was under way when the process ended (killed, or its write failed): if the
 * store holds the state it was writing, it landed; otherwise the entry it took off goes back, as
 * if it had never started. Returns whether the journal changed. `currentText` is the store's text.
 */
export function settlePendingUndo(journal: Journal, currentText: string | Uint8Array | null): boolean {
  const pending = journal.pendingUndo;
  if (!pending) return false;
  delete journal.pendingUndo;
  if (currentText !== null && hashOf(currentText) === pending.afterHash) return true;
  const last = journal.entries.at(-1);
  if (last && pending.previousAfterHash !== null) last.afterHash = pending.previousAfterHash;
  journal.entries.push(pending.entry);
  return true;
}

export function hashOf(bytes: string | Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The sha256 of a file's bytes, read a piece at a time. */
export async function hashOfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function journalPath(storePath: string): string {
  return join(backupsDir(storePath), 'journal.json');
}

/** Reads the undo journal; a missing or damaged journal reads as empty (the store itself is unaffected). */
export async function readJournal(storePath: string): Promise<Journal> {
  try {
    const parsed = JSON.parse(await readFile(journalPath(storePath), 'utf8')) as Journal;
    if (Number.isInteger(parsed.nextSeq) && Array.isArray(parsed.entries)) return parsed;
  } catch {
    // fall through: start a fresh journal
  }
  const seqs = (await listBackups(storePath)).map((b) => b.seq);
  return { nextSeq: Math.max(0, ...seqs) + 1, entries: [] };
}

export async function writeJournal(storePath: string, journal: Journal): Promise<void> {
  journal.entries = journal.entries.slice(-JOURNAL_KEPT);
  await mkdir(backupsDir(storePath), { recursive: true, mode: 0o700 });
  await writeFileDurably(journalPath(storePath), JSON.stringify(journal, null, 1) + '\n');
}

export interface BackupInfo {
  name: string;
  seq: number;
  path: string;
  size: number;
  savedAt: Date;
}

export async function listBackups(storePath: string): Promise<BackupInfo[]> {
  const dir = backupsDir(storePath);
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const found: BackupInfo[] = [];
  for (const name of names) {
    const m = BACKUP_NAME.exec(name);
    if (!m) continue;
    const info = await stat(join(dir, name)).catch(() => null);
    if (info)
      found.push({ name, seq: Number(m[1]), path: join(dir, name), size: info.size, savedAt: info.mtime });
  }
  return found.sort((a, b) => a.seq - b.seq);
}

function backupName(seq: number): string {
  return `${String(seq).padStart(6, '0')}.json`;
}

/** File systems that cannot hard-link (some network and FAT ones) answer with these. */
const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EMLINK', 'EXDEV']);

/**
 * Keeps the store file, as it is now, as backup number `seq`. Every change replaces the store with
 * a new file (a rename), so the file itself, hard-linked among the backups, keeps the earlier state
 * unchanged: no copy of a city's store on every write. Where the file system has no hard links the
 * file is copied (read again: the caller holds the lock and checks the file is still the one it
 * read before replacing it). The caller then writes the journal into the same folder, durably,
 * which makes the new name durable too (the store's bytes already are).
 */
export async function keepBackup(storePath: string, seq: number): Promise<string> {
  const dir = backupsDir(storePath);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const name = backupName(seq);
  const path = join(dir, name);
  // A backup of this number left by a journal that was lost is older than the store: replace it.
  await unlink(path).catch(() => {});
  try {
    await link(storePath, path);
  } catch (error) {
    if (!NO_LINKS.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
    await writeFileDurably(path, await readFile(storePath));
  }
  return name;
}

/** Drops all but the newest `kept` backups: after a change has landed, so a failed one costs none. */
export async function pruneBackups(storePath: string, kept = BACKUPS_KEPT): Promise<void> {
  const all = await listBackups(storePath);
  for (const old of all.slice(0, Math.max(0, all.length - kept))) await unlink(old.path).catch(() => {});
}

/** Finds a backup by its name (`000042`, `000042.json` or `42`). */
export async function findBackup(storePath: string, name: string): Promise<BackupInfo | undefined> {
  const seq = Number(name.replace(/\.json$/, '').replace(/^.*\//, ''));
  return (await listBackups(storePath)).find((b) => b.seq === seq);
}

/**
 * The temporary files of writes that were cut off (killed, power lost) beside the store and among
 * its backups. Only the lock's holder writes these, so while holding it every one found is debris.
 */
export async function leftoverFiles(storePath: string): Promise<string[]> {
  const dir = dirname(storePath);
  const base = basename(storePath);
  const lockTemp = `${base}.lock.`;
  const beside = (await readdir(dir).catch(() => [] as string[]))
    .filter(
      (name) =>
        isTemporaryName(base, name) ||
        (name.startsWith(lockTemp) &&
          name.endsWith('.tmp') &&
          processGone(name.slice(lockTemp.length).split('.')[0])),
    )
    .map((name) => join(dir, name));
  const backups = backupsDir(storePath);
  const among = (await readdir(backups).catch(() => [] as string[]))
    .filter((name) => name.startsWith('.') && name.endsWith('.tmp'))
    .map((name) => join(backups, name));
  return [...beside, ...among];
}

/** Deletes the leftovers of cut-off writes; called by a writer that holds the store's lock. */
export async function removeLeftovers(storePath: string): Promise<void> {
  for (const path of await leftoverFiles(storePath)) await rm(path, { recursive: true, force: true });
}
