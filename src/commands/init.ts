import type { Context } from '../context.js';
import { RuleError } from '../errors.js';
import { initialStore } from '../domain/initial-store.js';
import { loadReference } from '../reference/reference.js';
import { replaceStore, serializeStore } from '../store/store.js';
import { text, type Output } from '../render/view.js';
import type { Options } from '../cli/define.js';
import type { init } from '../cli/store-commands.js';

export async function run(ctx: Context, options: Options<typeof init>): Promise<Output> {
  const store = initialStore(options.empty ? null : await loadReference(), ctx.now().toISOString());
  const entry = await replaceStore(ctx, (current) => {
    if (current !== null && !options.force) {
      throw new RuleError(
        `a store already exists at ${ctx.storePath}`,
        'keep using it, or replace it with nsm init --force (the current one is kept as a backup)',
      );
    }
    return serializeStore(store);
  });
  const counts = {
    precincts: store.precincts.length,
    sectors: store.sectors.length,
    psas: store.psas.length,
    phases: store.phases.length,
  };
  return {
    json: { store: ctx.storePath, ...counts, replaced: entry.backup },
    blocks: [text(ctx.storePath)],
    notices: [
      `Created the store with ${counts.precincts} precincts, ${counts.sectors} sectors, ${counts.psas} housing PSAs and ${counts.phases} rollout phases.` +
        (entry.backup ? ` The previous store is kept as backup ${entry.backup}.` : ''),
      'Next: nsm precinct list, or add your NCOs with nsm nco add.',
    ],
  };
}
