import type { Context } from '../../context.js';
import { table, type Output } from '../../render/view.js';

export async function run(ctx: Context): Promise<Output> {
  const { listAccess } = await import('../../store/postgres/access.js');
  const grants = await listAccess(ctx.storePath, ctx.env);
  return {
    json: grants,
    blocks: [
      table(
        ['Role', 'Precincts'],
        grants.map((g) => [g.role, g.precincts.join(' ')]),
        'No role holds a precinct yet; grant one with: nsm access grant <role> --precinct <pct>',
      ),
    ],
  };
}
