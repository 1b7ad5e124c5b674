import type { Context } from '../../context.js';
import { dateInNewYork } from '../../domain/dates.js';
import { parsePrecinctNumber } from '../../domain/ids.js';
import { ncosOfSector } from '../../domain/ncos.js';
import { findPrecinct } from '../../domain/precincts.js';
import { sectorsOf } from '../../domain/records.js';
import type { Store } from '../../domain/schema.js';
import { UsageError } from '../../errors.js';
import { choose, need } from '../prompt.js';

/** The questions `meeting schedule` asks on a terminal for what its flags left out. */

export async function askSector(ctx: Context, store: Store | null): Promise<string> {
  if (!store) throw new UsageError('missing --sector', 'give it, for example --sector 75A');
  const precinct = await need(ctx, undefined, {
    flag: '--sector',
    message: 'Precinct number:',
    parse: (t) => {
      const n = parsePrecinctNumber(t);
      findPrecinct(store, n);
      if (sectorsOf(store, n).length === 0)
        throw new UsageError(`precinct ${n} has no sectors`, `add them with: nsm sector add ${n}A`);
      return n;
    },
    example: '75A',
  });
  const today = dateInNewYork(ctx.now());
  return choose(
    ctx,
    'Sector:',
    sectorsOf(store, precinct).map((s) => {
      const ncos = ncosOfSector(store, s.id, today).map((n) => n.name);
      return { value: s.id, name: `${s.id}${ncos.length ? ` — ${ncos.join(', ')}` : ''}` };
    }),
  );
}

/** The venue name; the sector's default venue (a setting) is offered as the answer. */
export async function askVenue(ctx: Context, suggested: string | null): Promise<string> {
  const { input } = await import('@inquirer/prompts');
  return input(
    {
      message: 'Venue (leave empty to decide later):',
      ...(suggested ? { default: suggested } : {}),
    },
    { output: ctx.stderr },
  );
}
