import { resolve } from 'node:path';
import type { Context } from '../../context.js';
import type { Options } from '../../cli/define.js';
import type { copy } from '../../cli/store-commands.js';
import { RuleError, UsageError } from '../../errors.js';
import type { Output } from '../../render/view.js';
import { loadStore } from '../../store/load.js';
import { isDatabaseUrl, withoutPassword } from '../../store/paths.js';
import { replaceStore, serializeStore } from '../../store/store.js';
import { loadDatabaseStore, createDatabaseStore } from '../../store/postgres/store.js';
import type { Store } from '../../domain/schema.js';

/** Copies the store, whole, from a JSON file into an empty database or from a database into a new file. */
export async function run(ctx: Context, options: Options<typeof copy>): Promise<Output> {
  const to = options.to;
  if (!to)
    throw new UsageError(
      '--to is empty',
      'say where to copy the store: --to postgres://… (an empty database) or --to <file.json> (a new file)',
    );
  const from = ctx.storePath;
  if (isDatabaseUrl(from) === isDatabaseUrl(to))
    throw new UsageError(
      isDatabaseUrl(to)
        ? 'the store and --to are both databases; nsm copies between a database and a JSON file'
        : 'the store and --to are both files; copy a JSON store with cp, or give --to a postgres:// URL',
      isDatabaseUrl(to)
        ? 'copy through a file: nsm store copy --to <file.json>, then nsm --store <file.json> store copy --to <url>'
        : 'for example: nsm store copy --to postgres://coordinator@localhost/nsm',
    );
  const store = isDatabaseUrl(to) ? await loadStore(ctx) : await toFile(ctx, from, to);
  // Into an empty database: its schema is set up and the records written in one transaction.
  if (isDatabaseUrl(to)) await createDatabaseStore(to, store, ctx.env);
  const shown = withoutPassword(isDatabaseUrl(to) ? to : resolve(to));
  const counts = {
    precincts: store.precincts.length,
    sectors: store.sectors.length,
    ncos: store.ncos.length,
    meetings: store.meetings.length,
    issues: store.issues.length,
    solutions: store.solutions.length,
    approvedMinutes: store.minutes.length,
  };
  return {
    json: { from: withoutPassword(from), to: shown, ...counts, nextId: store.nextId },
    blocks: [],
    notices: [
      `Copied the store to ${shown}: ${counts.precincts} precincts, ${counts.sectors} sectors, ${counts.ncos} NCOs, ` +
        `${counts.meetings} meetings, ${counts.issues} issues, ${counts.solutions} solutions, ` +
        `${counts.approvedMinutes} approved minutes.`,
    ],
  };
}

/** Out of a database, as one consistent snapshot, into a new JSON file written as every store is. */
async function toFile(ctx: Context, url: string, file: string): Promise<Store> {
  const store = await loadDatabaseStore(url, ctx.env);
  const storePath = resolve(file);
  await replaceStore({ ...ctx, storePath }, (current) => {
    if (current !== null)
      throw new RuleError(`${storePath} already exists`, 'copy into a new file; nothing was changed');
    return serializeStore(store);
  });
  return store;
}
