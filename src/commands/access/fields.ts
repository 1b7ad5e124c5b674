import { parsePrecinctNumber } from '../../domain/ids.js';
import { UsageError } from '../../errors.js';

/** The role and precinct of `access grant` and `access revoke`, checked before the database is asked. */
export function accessOptions(options: { role: string; precinct?: string }): {
  role: string;
  precinct: number;
} {
  const role = options.role;
  // PostgreSQL names are at most 63 bytes; control characters are never part of a login's name.
  if (role.trim() === '' || Buffer.byteLength(role) > 63 || /\p{Cc}/u.test(role))
    throw new UsageError(
      `"${role}" is not a PostgreSQL role name`,
      'give the login role of the coordinator, as created with createuser (at most 63 bytes)',
    );
  if (options.precinct === undefined)
    throw new UsageError('missing --precinct', 'give the precinct, for example --precinct 75');
  return { role, precinct: parsePrecinctNumber(options.precinct, '--precinct') };
}
