import { isOpen } from '../../domain/solutions.js';
import type { Solution } from '../../domain/schema.js';
import { day, fields, type Block, type Cell } from '../../render/view.js';

/** A solution's due date: an open one reads "overdue by 12 days" on a terminal, a finished one just the date. */
export function dueCell(solution: Solution): Cell {
  return solution.due === null ? null : day(solution.due, isOpen(solution.status));
}

/** A solution as a field list, with its latest change: what add and update print. */
export function solutionFields(solution: Solution): Block {
  const last = solution.history.at(-1);
  return fields([
    ['Solution', `${solution.id} — ${solution.summary}`],
    ['Issue', solution.issueId],
    ['Owner', solution.owner],
    ['Due', dueCell(solution)],
    ['Status', solution.status],
    ['Agreed at', solution.agreedAt],
    ['Recorded', last ? day(last.on) : null],
    ['Note', last?.note],
  ]);
}
