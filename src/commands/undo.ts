import type { Context } from '../context.js';
import { readJournal, listBackups, hashOf } from '../store/history.js';
import { readStoreText, undoLastChange } from '../store/store.js';
import { table, type Output } from '../render/view.js';

export interface UndoOptions {
  list?: boolean;
}

export async function run(ctx: Context, options: UndoOptions): Promise<Output> {
  if (options.list) return list(ctx);
  const undone = await undoLastChange(ctx);
  return {
    json: { undone },
    blocks: [],
    notices: [`Undid change #${undone.seq} of ${undone.at}: ${undone.command}`],
  };
}

async function list(ctx: Context): Promise<Output> {
  const journal = await readJournal(ctx.storePath);
  const kept = new Set((await listBackups(ctx.storePath)).map((b) => b.name));
  const current = await readStoreText(ctx.storePath).then(hashOf, () => null);
  // Only the newest change can be undone next; older ones follow in turn while their backups last.
  const entries = [...journal.entries].reverse().map((e, i) => ({
    ...e,
    undoable: e.backup !== null && kept.has(e.backup) && (i > 0 || e.afterHash === current),
  }));
  return {
    json: entries,
    blocks: [
      table(
        ['#', 'When', 'Command', 'Undoable'],
        entries.map((e) => [e.seq, e.at, e.command, e.undoable ? 'yes' : 'no']),
        'No changes recorded yet.',
      ),
    ],
  };
}
