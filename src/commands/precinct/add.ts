import type { Context } from '../../context.js';
import { RuleError } from '../../errors.js';
import { parseBorough, parsePatrolBorough } from '../../domain/boroughs.js';
import { dateInNewYork } from '../../domain/dates.js';
import { parsePrecinctNumber } from '../../domain/ids.js';
import { precinctRecord } from '../../domain/records.js';
import { changeStore } from '../../store/store.js';
import type { Output } from '../../render/view.js';
import type { Options } from '../../cli/define.js';
import type { add } from '../../cli/precinct.js';
import { need } from '../prompt.js';
import { optionalText, requiredText } from '../text-input.js';
import { precinctFields } from './fields.js';

export async function run(ctx: Context, options: Options<typeof add>): Promise<Output> {
  const number = parsePrecinctNumber(options.pct, 'precinct');
  const name = await need(ctx, options.name, {
    flag: '--name',
    message: 'Precinct name:',
    parse: (t) => requiredText(t, '--name', 100),
    example: `"${number}th Precinct"`,
  });
  const borough = await need(ctx, options.borough, {
    flag: '--borough',
    message: 'Borough:',
    parse: (t) => parseBorough(t),
    example: 'Queens',
  });
  const patrol = options.patrolBorough === undefined ? null : parsePatrolBorough(options.patrolBorough);
  const address = optionalText(options.address, '--address', 200);
  const phone = optionalText(options.phone, '--phone', 40);

  const record = await changeStore(ctx, (store) => {
    const existing = store.precincts.find((p) => p.precinct === number);
    if (existing) {
      throw new RuleError(
        `precinct ${number} already exists (${existing.name})`,
        `see it with: nsm precinct show ${number}`,
      );
    }
    const precinct = {
      precinct: number,
      name,
      commonName: null,
      borough,
      patrolBorough: patrol?.name ?? null,
      patrolBoroughCode: patrol?.code ?? null,
      address,
      phone,
      url: null,
      rollout: { startDate: null, phase: null },
      opened: null,
      notes: null,
    };
    store.precincts.push(precinct);
    return precinctRecord(store, precinct, dateInNewYork(ctx.now()));
  });
  return {
    json: record,
    blocks: [precinctFields(record, [['Sectors', 'none yet']])],
    notices: [
      `Added precinct ${record.precinct} (${record.name}, ${record.borough}). Add its sectors with: nsm sector add ${number}A`,
    ],
  };
}
