import type { Context } from '../../context.js';
import { agentStatus } from '../../agent/control.js';
import { agentAllowed } from '../../agent/start.js';
import { fields, when, type Output } from '../../render/view.js';

export async function run(ctx: Context): Promise<Output> {
  const status = await agentStatus(ctx.env);
  if (status === null)
    return {
      json: { running: false },
      blocks: [
        fields(
          agentAllowed(ctx)
            ? [
                ['Agent', 'not running for these database settings'],
                ['Starts', 'with the next everyday command on a postgres:// store'],
              ]
            : [
                ['Agent', ctx.env.NSM_AGENT === 'off' ? 'off (NSM_AGENT=off)' : 'off (the agent setting)'],
                [
                  'Starts',
                  ctx.env.NSM_AGENT === 'off' ? 'once NSM_AGENT is unset' : 'after: nsm config set agent on',
                ],
              ],
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
