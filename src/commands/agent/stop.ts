import type { Context } from '../../context.js';
import { stopAgent } from '../../agent/control.js';
import type { Output } from '../../render/view.js';

export async function run(ctx: Context): Promise<Output> {
  const stopped = await stopAgent(ctx.env);
  return {
    json: { stopped: stopped !== null, pid: stopped?.pid ?? null },
    blocks: [],
    notices: [
      stopped === null
        ? 'No agent was running for these database settings.'
        : `Stopped the nsm agent (process ${stopped.pid}); it had run ${stopped.served} command${stopped.served === 1 ? '' : 's'}.`,
    ],
  };
}
