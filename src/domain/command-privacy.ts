import type { Store } from './schema.js';

/** The flags whose values are a ledger record's text: a private issue's text must not be shown. */
const TEXT_FLAGS = ['summary', 'details', 'location', 'raised-by', 'note', 'owner'];
const VALUE = `'(?:[^']|'\\\\'')*'|[^\\s']+`;
const TEXT_VALUE = new RegExp(`(--(?:${TEXT_FLAGS.join('|')}))(=|\\s+)(${VALUE})`, 'g');

/**
 * A recorded command line as `undo --list` and `doctor` show it: the text given to a private
 * issue or its solutions (`--private` on the line, or an id of a private issue or of one of its
 * solutions, as the store says now) replaced by "…". Without a store, every ledger text is hidden.
 */
export function shownCommand(command: string, store: Store | null): string {
  return mentionsPrivate(command, store) ? command.replace(TEXT_VALUE, '$1$2…') : command;
}

function mentionsPrivate(command: string, store: Store | null): boolean {
  if (/(^|\s)--private(\s|$)/.test(command)) return true;
  if (store === null) return /(^|\s)nsm (issue|solution) /.test(command);
  const privateIssues = new Set(store.issues.filter((i) => i.private).map((i) => i.id));
  for (const [, letter, number] of command.matchAll(/\b([IiSs])0*(\d+)\b/g)) {
    const id = `${letter!.toUpperCase()}${number}`;
    if (privateIssues.has(id)) return true;
    const solution = letter!.toUpperCase() === 'S' ? store.solutions.find((s) => s.id === id) : undefined;
    if (solution && privateIssues.has(solution.issueId)) return true;
  }
  return false;
}
