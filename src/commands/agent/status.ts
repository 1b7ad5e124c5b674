import type { Context } from '../../context.js';
import { agentStatus } from '../../agent/control.js';
import { fields, text, when, type Output } from '../../render/view.js';

export async function run(ctx: Context): Promise<Output> {
  const status = await agentStatus(ctx.env);
  if (status === null)
    return {
      json: { running: false },
      blocks: [
        text(
          'No agent is running for these database settings. The next everyday command on a postgres:// store starts one.',
        ),
      ],
    };
  return {
    json: { running: true, ...status },
    blocks: [
      fields([
        ['Agent', `running, process ${status.pid}`],
        ['Since', when(status.since)],
        ['Commands run', status.served],
        ['Database connections', status.connections],
        ['Stops after', `${status.idleMinutes} minutes without a command`],
        ['Socket', status.socket],
      ]),
    ],
  };
}
