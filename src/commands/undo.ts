import type { Context } from '../context.js';
import { friendly, isoWithOffset, wallOf } from '../domain/time.js';
import { readJournal, listBackups, hashOf, settlePendingUndo } from '../store/history.js';
import { undoLastChange } from '../store/store.js';
import { loadStore, readStoreText } from '../store/load.js';
import { shownCommand } from '../domain/command-privacy.js';
import { table, when, type Output } from '../render/view.js';
import type { Options } from '../cli/define.js';
import type { undo } from '../cli/store-commands.js';
import { isDatabaseUrl } from '../store/paths.js';

export async function run(ctx: Context, options: Options<typeof undo>): Promise<Output> {
  if (isDatabaseUrl(ctx.storePath)) return inDatabase(ctx, options);
  if (options.list) return list(ctx);
  return undoneOutput(ctx, await undoLastChange(ctx));
}

/** What an undo says, for either kind of store: the change it took back, in New York time. */
async function undoneOutput<C extends { seq: number; at: string; command: string }>(
  ctx: Context,
  change: C,
): Promise<Output> {
  const undone = inNewYork(change);
  const command = shownCommand(undone.command, await loadStore(ctx).catch(() => null));
  return {
    json: { undone: { ...undone, command } },
    blocks: [],
    notices: [`Undid change #${undone.seq} of ${friendly(wallOf(new Date(change.at)))}: ${command}`],
  };
}

async function list(ctx: Context): Promise<Output> {
  const journal = await readJournal(ctx.storePath);
  const kept = new Set((await listBackups(ctx.storePath)).map((b) => b.name));
  const text = await readStoreText(ctx.storePath).catch(() => null);
  const current = text === null ? null : hashOf(text);
  // An undo cut off part-way is shown as the next change to write will settle it.
  settlePendingUndo(journal, text);
  const store = await loadStore(ctx).catch(() => null);
  // Only the newest change can be undone next; older ones follow in turn while their backups last.
  const entries = [...journal.entries].reverse().map((e, i) => ({
    ...inNewYork(e),
    command: shownCommand(e.command, store),
    undoable: e.backup !== null && kept.has(e.backup) && (i > 0 || e.afterHash === current),
  }));
  return {
    json: entries,
    blocks: [
      table(
        ['#', 'When (New York)', 'Command', 'Undoable'],
        entries.map((e) => [e.seq, when(e.at), e.command, e.undoable ? 'yes' : 'no']),
        'No changes recorded yet.',
      ),
    ],
  };
}

/** The journal keeps UTC instants; people and scripts get New York time with its offset. */
function inNewYork<E extends { at: string }>(entry: E): E {
  return { ...entry, at: isoWithOffset(new Date(entry.at)) };
}

/**
 * On a PostgreSQL store: the change log holds each change with the records it touched, and undo
 * takes back the connected role's own last change (see src/store/postgres/store.ts).
 */
async function inDatabase(ctx: Context, options: Options<typeof undo>): Promise<Output> {
  const db = await import('../store/postgres/store.js');
  if (options.list) {
    const changes = (await db.listDatabaseChanges(ctx.storePath, ctx.env)).map(inNewYork);
    const store = await loadStore(ctx).catch(() => null);
    const shown = changes.map((c) => ({ ...c, command: shownCommand(c.command, store) }));
    return {
      json: shown,
      blocks: [
        table(
          ['#', 'When (New York)', 'Command', 'Undone'],
          shown.map((c) => [c.seq, when(c.at), c.command, c.undone ? 'yes' : 'no']),
          'You have made no changes to this database yet.',
        ),
      ],
    };
  }
  return undoneOutput(ctx, await db.undoDatabaseChange(ctx.storePath, ctx.commandLine, ctx.env));
}
