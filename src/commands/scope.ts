import { parsePrecinctNumber, parseSectorId } from '../domain/ids.js';
import { findPrecinct } from '../domain/precincts.js';
import type { Store } from '../domain/schema.js';
import { findSector } from '../domain/sectors.js';

/** The `--precinct` and `--sector` filters of the list commands. */
export interface Scope {
  precinct?: number;
  sector?: string;
}

/**
 * `--precinct all` widens a list past the default precinct (the `precinct` setting fills
 * `--precinct` when neither flag is given).
 */
export function parseScope(options: { precinct?: string; sector?: string }): Scope {
  return {
    ...(options.precinct === undefined || options.precinct.trim().toLowerCase() === 'all'
      ? {}
      : { precinct: parsePrecinctNumber(options.precinct, '--precinct') }),
    ...(options.sector === undefined ? {} : { sector: parseSectorId(options.sector, '--sector').id }),
  };
}

/** A filter naming a precinct or sector that does not exist is an error (exit 4), not an empty list. */
export function assertScopeExists(store: Store, scope: Scope): void {
  if (scope.precinct !== undefined) findPrecinct(store, scope.precinct);
  if (scope.sector !== undefined) findSector(store, scope.sector);
}

export function inScope(scope: Scope, record: { precinct?: number; sector?: string }): boolean {
  return (
    (scope.precinct === undefined || record.precinct === scope.precinct) &&
    (scope.sector === undefined || record.sector === scope.sector)
  );
}
