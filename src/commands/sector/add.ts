import type { Context } from '../../context.js';
import { RuleError } from '../../errors.js';
import { parseSectorId } from '../../domain/ids.js';
import { findPrecinct } from '../../domain/precincts.js';
import { sectorRecord, sectorsOf } from '../../domain/records.js';
import { dateInNewYork } from '../../domain/dates.js';
import { changeStore } from '../../store/store.js';
import type { Output } from '../../render/view.js';
import type { Options } from '../../cli/define.js';
import type { add } from '../../cli/sector.js';
import { optionalText } from '../text-input.js';
import { sectorFields } from './fields.js';

/** Neighborhood Policing splits a precinct into three to five sectors. */
const MOST_SECTORS = 5;

export async function run(ctx: Context, options: Options<typeof add>): Promise<Output> {
  const { id, precinct, letter } = parseSectorId(options.sector);
  const description = optionalText(options.description, '--description', 200);
  const result = await changeStore(ctx, (store) => {
    const owner = findPrecinct(store, precinct);
    if (store.sectors.some((s) => s.id === id)) {
      throw new RuleError(`sector ${id} already exists`, `see it with: nsm sector show ${id}`);
    }
    const sector = { id, precinct, letter, description, sqMiles: null };
    store.sectors.push(sector);
    return {
      record: sectorRecord(store, sector, dateInNewYork(ctx.now())),
      shown: sectorFields(sector, owner, []),
      count: sectorsOf(store, precinct).length,
    };
  });
  return {
    json: result.record,
    blocks: [result.shown],
    notices: [`Added sector ${id} to precinct ${precinct}.`],
    warnings:
      result.count > MOST_SECTORS
        ? [`precinct ${precinct} now has ${result.count} sectors; Neighborhood Policing uses three to five`]
        : [],
  };
}
