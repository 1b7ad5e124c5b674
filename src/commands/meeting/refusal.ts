import type { Conflict } from '../../domain/conflicts.js';
import { friendly, wallOf } from '../../domain/time.js';
import { RuleError } from '../../errors.js';

/**
 * The error for a meeting that cannot be scheduled or moved as asked. A time in the past is
 * about time alone; any other conflict names the meeting in the way.
 */
export function refusal(conflicts: Conflict[], now: Date): RuleError {
  const past = conflicts.find((c) => c.kind === 'past');
  if (past)
    return new RuleError(
      `${past.message} (it is now ${friendly(wallOf(now))} in New York)`,
      'give a later date and time, or add --force to record a meeting that already took place',
    );
  const more = conflicts.length > 1 ? ` (and ${conflicts.length - 1} more)` : '';
  return new RuleError(
    `${conflicts[0]!.message}${more}`,
    'pick another time or venue, or add --force to schedule it anyway',
  );
}
