import type { Solution, SolutionStatus, Store } from './schema.js';
import { NotFoundError, RuleError, UsageError } from '../errors.js';
import { findNco, ncoIdIn } from './ncos.js';

/** City agencies a solution is often handed to; anything else is a resident or community group. */
export const AGENCIES = [
  'DOT',
  'DSNY',
  'Parks',
  'HPD',
  'DEP',
  'DOB',
  'DOHMH',
  'DHS',
  'DYCD',
  'NYCHA',
  'MTA',
  'SBS',
  'NYPD',
  '311',
  'Community Board',
];

export function findSolution(store: Store, id: string): Solution {
  const found = store.solutions.find((s) => s.id === id);
  if (!found) throw noSuchSolution(id);
  return found;
}

export function noSuchSolution(id: string): NotFoundError {
  return new NotFoundError(`there is no solution ${id}`, 'list them with: nsm solution list');
}

/** An owner is an NCO (N3), a city agency (DOT, DSNY, Parks, HPD, …), or a resident or group by name. */
export function parseOwner(
  store: Store,
  input: string,
): { owner: string; ownerKind: 'nco' | 'agency' | 'community' } {
  const text = input.trim();
  if (text === '')
    throw new UsageError(
      '--owner is empty',
      'give an NCO id (N3), an agency (DOT, DSNY, Parks, HPD) or a name',
    );
  if (text.length > 120)
    throw new UsageError(`--owner is ${text.length} characters long`, 'keep it to 120 characters');
  const nco = ncoIdIn(text);
  if (nco !== undefined) return { owner: findNco(store, nco).id, ownerKind: 'nco' };
  const agency = AGENCIES.find((a) => a.toLowerCase() === text.toLowerCase());
  if (agency) return { owner: agency, ownerKind: 'agency' };
  return { owner: text, ownerKind: 'community' };
}

/**
 * Where a solution may go next: from agreed, work starts or it is done or dropped. Done and
 * dropped are final unless reopened, and reopening (like every change) carries a note.
 */
const SOLUTION_MOVES: Record<SolutionStatus, SolutionStatus[]> = {
  agreed: ['in-progress', 'done', 'dropped'],
  'in-progress': ['agreed', 'done', 'dropped'],
  done: ['in-progress'],
  dropped: ['agreed', 'in-progress'],
};

export function assertSolutionMove(solution: Solution, to: SolutionStatus): void {
  if (solution.status === to)
    throw new RuleError(`${solution.id} is already ${to}`, `see it with: nsm solution list --status ${to}`);
  if (!SOLUTION_MOVES[solution.status].includes(to)) {
    throw new RuleError(
      `${solution.id} cannot go from ${solution.status} to ${to}`,
      `from ${solution.status} it can go to: ${SOLUTION_MOVES[solution.status].join(', ')}`,
    );
  }
}

/** Agreed and in-progress solutions are still to be done; done and dropped ones are finished. */
export function isOpen(status: SolutionStatus): boolean {
  return status === 'agreed' || status === 'in-progress';
}

export function isOverdue(solution: Solution, today: string): boolean {
  return solution.due !== null && solution.due < today && isOpen(solution.status);
}
