import type { Context } from '../../context.js';
import type { Options } from '../../cli/define.js';
import type { revoke } from '../../cli/access.js';
import { withoutPassword } from '../../store/paths.js';
import { fields, type Output } from '../../render/view.js';
import { accessOptions } from './fields.js';

export async function run(ctx: Context, options: Options<typeof revoke>): Promise<Output> {
  const { role, precinct } = accessOptions(options);
  const { revokeAccess } = await import('../../store/postgres/access.js');
  const result = await revokeAccess(ctx.storePath, role, precinct, ctx.env);
  const left =
    result.precincts.length > 0
      ? `it keeps precinct${result.precincts.length > 1 ? 's' : ''} ${result.precincts.join(', ')}`
      : 'it holds no precinct now, so it can no longer read the store';
  return {
    json: result,
    blocks: [
      fields([
        ['Role', result.role],
        ['Precincts', result.precincts.join(' ') || 'none'],
      ]),
    ],
    notices: [
      result.changed
        ? `Revoked precinct ${precinct} from role ${role} in ${withoutPassword(ctx.storePath)}; ${left}.`
        : `Role ${role} had no grant of precinct ${precinct}; nothing changed.`,
    ],
  };
}
