/**
 * The part of the store a command works on: one sector, one precinct, or the sector of one
 * meeting, issue or solution. A database store reads only that part: the reference records, the
 * part's meetings, issues, solutions and minutes, and the NCOs who served its sectors or own its
 * solutions; so those commands take the same time whatever the size of the city's store. A file
 * store is read whole, as always.
 *
 * A command may name a slice only when what it shows and changes lies inside it: everything the
 * domain looks at for a meeting, an issue or a solution (its sector's meetings, carried issues,
 * solutions, minutes and NCOs) is in its sector's slice; other records it names are added.
 */
export type StoreSlice = (
  { sector: string } | { precinct: number } | { meeting: string } | { issue: string } | { solution: string }
) & {
  /** Other meetings the command names (`--meeting`, `--at`), read too wherever they are. */
  meetings?: readonly (string | null | undefined)[];
  /**
   * Days (YYYY-MM-DD) whose meetings anywhere, a day either side, the command must see: a new
   * meeting's conflicts (an NCO booked elsewhere, the venue taken) are city-wide.
   */
  days?: readonly string[];
  /** NCOs the command names (`--owner N3`), read too wherever they serve. */
  ncos?: readonly (string | null | undefined)[];
  /** Only the meetings: none of the slice's issues, solutions or minutes (`meeting next`, `issue raise`). */
  meetingsOnly?: boolean;
  /**
   * Only the meetings and issues (`issue list`): 'issues' with the issues' histories and their
   * solutions (without the solutions' histories), 'issue-rows' without either. No minutes.
   */
  issuesOnly?: 'issues' | 'issue-rows';
};

/** The slice a `--precinct`/`--sector` filter narrows to; none (the whole store) without one. */
export function sliceOfScope(scope: { precinct?: number; sector?: string }): StoreSlice | undefined {
  if (scope.sector !== undefined) return { sector: scope.sector };
  if (scope.precinct !== undefined) return { precinct: scope.precinct };
  return undefined;
}
