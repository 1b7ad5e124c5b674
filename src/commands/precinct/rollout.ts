import type { Context } from '../../context.js';
import { RuleError, UsageError } from '../../errors.js';
import { dateInNewYork, parseDateFlag } from '../../domain/dates.js';
import { parsePrecinctNumber } from '../../domain/ids.js';
import { findPrecinct } from '../../domain/precincts.js';
import { precinctRecord } from '../../domain/records.js';
import { changeStore } from '../../store/store.js';
import { text, type Output } from '../../render/view.js';

export interface PrecinctRolloutOptions {
  precinct: string;
  date?: string;
  phase?: string;
}

export async function run(ctx: Context, options: PrecinctRolloutOptions): Promise<Output> {
  const number = parsePrecinctNumber(options.precinct, 'precinct');
  const today = dateInNewYork(ctx.now());
  if (options.date === undefined)
    throw new UsageError('missing --date', 'give the start date, for example --date 2018-10-01');
  const date = parseDateFlag(options.date, '--date', today);
  let phase: number | null = null;
  if (options.phase !== undefined) {
    phase = Number(options.phase);
    if (!/^\d{1,3}$/.test(options.phase.trim()) || phase < 1) {
      throw new UsageError(
        `--phase "${options.phase}" is not a phase number`,
        'give a whole number, for example --phase 15',
      );
    }
  }
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
    blocks: [text(`${record.precinct}\t${record.rollout.status}\t${record.rollout.startDate}`)],
    notices: [
      `Recorded Neighborhood Policing in precinct ${number} from ${date}${phase === null ? '' : ` (phase ${phase})`}.`,
    ],
  };
}
