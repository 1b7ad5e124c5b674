import type { Options } from '../../cli/define.js';
import type { next as nextSpec } from '../../cli/meeting.js';
import type { Context } from '../../context.js';
import { NotFoundError, UsageError } from '../../errors.js';
import { parseCoordinate } from '../../domain/coordinates.js';
import { parseSectorId } from '../../domain/ids.js';
import { meetingRecord, upcomingMeetings, venueOf } from '../../domain/meetings.js';
import { findSector } from '../../domain/sectors.js';
import { friendly } from '../../domain/time.js';
import { loadStore } from '../../store/load.js';
import { locateSector } from '../../reference/boundaries.js';
import { text, type Output } from '../../render/view.js';

export async function run(ctx: Context, options: Options<typeof nextSpec>): Promise<Output> {
  const byPoint = options.lat !== undefined || options.lon !== undefined;
  if (byPoint === (options.sector !== undefined)) {
    throw new UsageError(
      'give either --sector or --lat and --lon',
      'for example: nsm meeting next --sector 75A, or --lat 40.6752 --lon -73.8803',
    );
  }
  let sectorId: string;
  if (byPoint) {
    const lat = parseCoordinate(options.lat, '--lat');
    const lon = parseCoordinate(options.lon, '--lon');
    const found = await locateSector(lat, lon);
    if (!found)
      throw new NotFoundError(
        `no sector contains ${lat}, ${lon}`,
        'the bundled boundaries cover the five boroughs of New York City',
      );
    sectorId = found.sector;
  } else {
    sectorId = parseSectorId(options.sector!, '--sector').id;
  }
  const store = await loadStore(ctx, { sector: sectorId, meetingsOnly: true });
  findSector(store, sectorId);
  const next = upcomingMeetings(store, ctx.now(), (m) => m.sector === sectorId)[0];
  if (!next) {
    throw new NotFoundError(
      `sector ${sectorId} has no upcoming meeting`,
      `schedule one with: nsm meeting schedule --sector ${sectorId} --at "YYYY-MM-DD 19:00"`,
    );
  }
  const where = venueOf(next) || 'venue to be announced';
  return {
    json: meetingRecord(store, next),
    blocks: [text(`${sectorId}: ${friendly(next.start)} — ${where} (${next.id})`)],
  };
}
