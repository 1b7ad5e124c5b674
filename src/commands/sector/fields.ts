import type { Nco, Precinct, Sector } from '../../domain/schema.js';
import { fields, type Block } from '../../render/view.js';

/** A sector's own details, as show prints them and add confirms them. */
export function sectorFields(sector: Sector, precinct: Precinct, ncos?: Nco[]): Block {
  return fields([
    ['Sector', sector.id],
    ['Precinct', `${precinct.precinct} — ${precinct.name}`],
    ['Borough', precinct.borough],
    ['Description', sector.description],
    ['Area', sector.sqMiles === null ? null : `${sector.sqMiles.toFixed(2)} sq mi`],
    ...(ncos
      ? [['NCOs today', ncos.map((n) => `${n.id} ${n.name}`).join(', ') || 'none'] as [string, string]]
      : []),
  ]);
}
