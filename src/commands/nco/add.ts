import type { Context } from '../../context.js';
import { dateInNewYork } from '../../domain/dates.js';
import { parsePrecinctNumber } from '../../domain/ids.js';
import { assertShieldFree, parseEmail, parseName, parseShield } from '../../domain/ncos.js';
import { findPrecinct } from '../../domain/precincts.js';
import { ncoRecord } from '../../domain/records.js';
import { changeStore } from '../../store/store.js';
import { loadStore } from '../../store/load.js';
import type { Output } from '../../render/view.js';
import type { Options } from '../../cli/define.js';
import type { add } from '../../cli/nco.js';
import { need } from '../prompt.js';
import { optionalText, requiredText } from '../text-input.js';
import { ncoBlocks } from './fields.js';

export async function run(ctx: Context, options: Options<typeof add>): Promise<Output> {
  // Read once before prompting so a precinct or shield typed at the prompt is checked as it is typed.
  const known = ctx.interactive ? await loadStore(ctx) : null;
  const name = await need(ctx, options.name, {
    flag: '--name',
    message: "Officer's name:",
    parse: (t) => parseName(t),
    example: '"Maria Lopez"',
  });
  const shield = await need(ctx, options.shield, {
    flag: '--shield',
    message: 'Shield number:',
    parse: (t) => {
      const s = parseShield(t);
      if (known) assertShieldFree(known, s);
      return s;
    },
    example: '12345',
  });
  const precinct = await need(ctx, options.precinct, {
    flag: '--precinct',
    message: 'Precinct number:',
    parse: (t) => {
      const n = parsePrecinctNumber(t, '--precinct');
      if (known) findPrecinct(known, n);
      return n;
    },
    example: '75',
  });
  const rank = requiredText(options.rank ?? 'Police Officer', '--rank', 60);
  const email = options.email === undefined ? null : parseEmail(options.email);
  const phone = optionalText(options.phone, '--phone', 40);

  const today = dateInNewYork(ctx.now());
  const record = await changeStore(ctx, (store) => {
    findPrecinct(store, precinct);
    assertShieldFree(store, shield);
    const nco = { id: `N${store.nextId.nco++}`, name, shield, rank, precinct, email, phone, assignments: [] };
    store.ncos.push(nco);
    return ncoRecord(nco, today);
  });
  return {
    json: record,
    blocks: ncoBlocks(record, today),
    notices: [
      `Added ${record.id} ${record.name} (shield ${record.shield}) to precinct ${record.precinct}. Assign a sector with: nsm nco assign ${record.id} ${precinct}A`,
    ],
  };
}
