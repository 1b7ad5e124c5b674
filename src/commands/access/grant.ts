import type { Context } from '../../context.js';
import type { Options } from '../../cli/define.js';
import type { grant } from '../../cli/access.js';
import { withoutPassword } from '../../store/paths.js';
import { fields, type Output } from '../../render/view.js';
import { accessOptions } from './fields.js';

export async function run(ctx: Context, options: Options<typeof grant>): Promise<Output> {
  const { role, precinct } = accessOptions(options);
  const { grantAccess } = await import('../../store/postgres/access.js');
  const result = await grantAccess(ctx.storePath, role, precinct, ctx.env);
  return {
    json: result,
    blocks: [
      fields([
        ['Role', result.role],
        ['Precincts', result.precincts.join(' ')],
      ]),
    ],
    notices: [
      result.changed
        ? `Granted precinct ${precinct} to role ${role} in ${withoutPassword(ctx.storePath)}: it may change that precinct's records and read its private text.`
        : `Role ${role} already had precinct ${precinct}; its privileges are renewed, nothing else changed.`,
    ],
  };
}
