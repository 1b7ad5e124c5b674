import type { Nco, Store } from './schema.js';
import { assign } from './ncos.js';
import { sectorsOf } from './records.js';

/**
 * A clearly fictional roster for the demo: every name ends in "(sample)" and shields start at 90001,
 * so sample officers can never be mistaken for real ones.
 */
const FIRST = [
  'Avery',
  'Jordan',
  'Riley',
  'Casey',
  'Morgan',
  'Quinn',
  'Rowan',
  'Skyler',
  'Emerson',
  'Harper',
  'Reese',
  'Dakota',
];
const LAST = ['Sample', 'Example', 'Placeholder', 'Testa', 'Demo', 'Fictive'];

/** Adds two sample NCOs to each sector of the given precincts, leaving the last sector one short. */
export function addSampleRoster(store: Store, precincts: number[], from: string): Nco[] {
  const added: Nco[] = [];
  for (const precinct of precincts) {
    const sectors = sectorsOf(store, precinct);
    sectors.forEach((sector, i) => {
      const perSector = i === sectors.length - 1 ? 1 : 2;
      for (let k = 0; k < perSector; k++) {
        const n = store.nextId.nco++;
        const nco: Nco = {
          id: `N${n}`,
          name: `${FIRST[n % FIRST.length]} ${LAST[Math.floor(n / FIRST.length) % LAST.length]} (sample)`,
          shield: String(90000 + n),
          rank: 'Police Officer',
          precinct,
          email: null,
          phone: null,
          assignments: [],
        };
        assign(nco, sector, from);
        store.ncos.push(nco);
        added.push(nco);
      }
    });
  }
  return added;
}
