import type { Context } from '../../context.js';
import { dateInNewYork } from '../../domain/dates.js';
import { parsePrecinctNumber } from '../../domain/ids.js';
import { assertShieldFree, parseEmail, parseName, parseShield } from '../../domain/ncos.js';
import { findPrecinct } from '../../domain/precincts.js';
import { ncoRecord } from '../../domain/records.js';
import { changeStore, loadStore } from '../../store/store.js';
import { text, type Output } from '../../render/view.js';
import { need } from '../prompt.js';
import { optionalText, requiredText } from '../text-input.js';

export interface NcoAddOptions {
  name?: string;
  shield?: string;
  precinct?: string;
  rank?: string;
  email?: string;
  phone?: string;
}

export async function run(ctx: Context, options: NcoAddOptions): Promise<Output> {
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

  const record = await changeStore(ctx, (store) => {
    findPrecinct(store, precinct);
    assertShieldFree(store, shield);
    const nco = { id: `N${store.nextId.nco++}`, name, shield, rank, precinct, email, phone, assignments: [] };
    store.ncos.push(nco);
    return ncoRecord(nco, dateInNewYork(ctx.now()));
  });
  return {
    json: record,
    blocks: [text(record.id)],
    notices: [
      `Added ${record.id} ${record.name} (shield ${record.shield}) to precinct ${record.precinct}. Assign a sector with: nsm nco assign ${record.id} ${precinct}A`,
    ],
  };
}
