import type { Precinct, Store } from './schema.js';
import { NotFoundError } from '../errors.js';

/** Where a precinct is in the Neighborhood Policing rollout (`precinct list --rollout`). */
export const ROLLOUT_STATUSES = ['active', 'pending', 'unknown'] as const;
export type RolloutStatus = (typeof ROLLOUT_STATUSES)[number];

/** Whether the precinct existed on `date` (the 116th opened on 2024-12-18; older ones always did). */
export function existedOn(precinct: Precinct, date: string): boolean {
  return precinct.opened === null || precinct.opened <= date;
}

/** Neighborhood Policing status of a precinct on `date`, from its recorded start date. */
export function rolloutStatus(precinct: Precinct, date: string): RolloutStatus {
  const start = precinct.rollout.startDate;
  if (start === null) return 'unknown';
  return start <= date ? 'active' : 'pending';
}

export function findPrecinct(store: Store, number: number): Precinct {
  const found = store.precincts.find((p) => p.precinct === number);
  if (!found) {
    throw new NotFoundError(
      `there is no precinct ${number} in the store`,
      store.precincts.length === 0
        ? 'the store is empty: add it with nsm precinct add, or start over with nsm init'
        : `list them with: nsm precinct list (or add it with: nsm precinct add ${number} --name … --borough …)`,
    );
  }
  return found;
}

export function sortedPrecincts(store: Store): Precinct[] {
  return [...store.precincts].sort((a, b) => a.precinct - b.precinct);
}
