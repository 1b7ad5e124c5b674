import type { Context } from '../../context.js';
import { RuleError, UsageError } from '../../errors.js';
import { dateInNewYork, parsePlannedDate } from '../../domain/dates.js';
import { parsePrecinctNumber } from '../../domain/ids.js';
import { findPrecinct } from '../../domain/precincts.js';
import { precinctRecord } from '../../domain/records.js';
import { changeStore } from '../../store/store.js';
import type { Output } from '../../render/view.js';
import type { Options } from '../../cli/define.js';
import type { rollout } from '../../cli/precinct.js';
import { precinctFields } from './fields.js';

export async function run(ctx: Context, options: Options<typeof rollout>): Promise<Output> {
  const number = parsePrecinctNumber(options.pct, 'precinct');
  const today = dateInNewYork(ctx.now());
  if (options.date === undefined)
    throw new UsageError('missing --date', 'give the start date, for example --date 2018-10-01');
  const date = parsePlannedDate(options.date, '--date', today);
  const phase = options.phase === undefined ? null : parsePhase(options.phase);
  const record = await changeStore(ctx, (store) => {
    const precinct = findPrecinct(store, number);
    if (precinct.opened !== null && date < precinct.opened) {
      throw new RuleError(
        `precinct ${number} opened on ${precinct.opened}, after ${date}`,
        `give a date on or after ${precinct.opened}`,
      );
    }
    precinct.rollout = { startDate: date, phase };
    return precinctRecord(store, precinct, today);
  });
  return {
    json: record,
    blocks: [precinctFields(record, [['Sectors', record.sectors.join(' ') || 'none yet']])],
    notices: [
      `Recorded Neighborhood Policing in precinct ${number} from ${date}${phase === null ? '' : ` (phase ${phase})`}.`,
    ],
  };
}

function parsePhase(input: string): number {
  const phase = Number(input);
  if (!/^\d{1,3}$/.test(input.trim()) || phase < 1) {
    throw new UsageError(
      `--phase "${input}" is not a phase number`,
      'give a whole number, for example --phase 15',
    );
  }
  return phase;
}
