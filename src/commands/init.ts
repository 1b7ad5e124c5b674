import type { Context } from '../context.js';
import { RuleError, UsageError } from '../errors.js';
import type { Store } from '../domain/schema.js';
import { isDatabaseUrl, withoutPassword } from '../store/paths.js';
import { initialStore } from '../domain/initial-store.js';
import { loadReference } from '../reference/reference.js';
import { replaceStore, serializeStore } from '../store/store.js';
import { text, type Output } from '../render/view.js';
import type { Options } from '../cli/define.js';
import type { init } from '../cli/store-commands.js';

export async function run(ctx: Context, options: Options<typeof init>): Promise<Output> {
  const store = initialStore(options.empty ? null : await loadReference(), ctx.now().toISOString());
  if (isDatabaseUrl(ctx.storePath)) return initDatabase(ctx, store, options);
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

/** A PostgreSQL store: the schema and the reference data go into an empty database, in one transaction. */
async function initDatabase(ctx: Context, store: Store, options: Options<typeof init>): Promise<Output> {
  const url = withoutPassword(ctx.storePath);
  if (options.force)
    throw new UsageError(
      'nsm init --force does not replace a database store',
      'to start over, drop the database and create it again (dropdb, createdb), then nsm init',
    );
  await (await import('../store/postgres/store.js')).createDatabaseStore(ctx.storePath, store, ctx.env);
  return {
    json: {
      store: url,
      precincts: store.precincts.length,
      sectors: store.sectors.length,
      psas: store.psas.length,
      phases: store.phases.length,
      replaced: null,
    },
    blocks: [text(url)],
    notices: [
      `Created the store in ${url} with ${store.precincts.length} precincts, ${store.sectors.length} sectors, ${store.psas.length} housing PSAs and ${store.phases.length} rollout phases.`,
      'Next: nsm precinct list, or add your NCOs with nsm nco add.',
    ],
  };
}
