import type { Completion } from '../cli/define.js';

/**
 * How a completion script asks nsm for store values while the user presses Tab:
 *
 *   nsm __complete <kind> [<prefix>] [--store <file>]
 *
 * prints one value per line, optionally followed by a tab and a description. It never prompts,
 * never writes, and on any problem prints nothing and exits 0. The scripts treat each line as
 * data: a value is offered as a completion, never run.
 */
export const COMPLETE_COMMAND = '__complete';

/** The completions read from the store (files and folders are the shell's own). */
export type StoreKind = Exclude<Completion, 'file' | 'folder'>;

export function isStoreKind(kind: Completion): kind is StoreKind {
  return kind !== 'file' && kind !== 'folder';
}
