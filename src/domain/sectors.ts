import type { Sector, Store } from './schema.js';
import { NotFoundError } from '../errors.js';
import { sectorsOf } from './records.js';

export function findSector(store: Store, id: string): Sector {
  const found = store.sectors.find((s) => s.id === id);
  if (found) return found;
  const precinct = Number(id.slice(0, -1));
  const siblings = sectorsOf(store, precinct).map((s) => s.id);
  throw new NotFoundError(
    `there is no sector ${id}`,
    siblings.length > 0
      ? `precinct ${precinct} has ${siblings.join(', ')} (nsm sector list --precinct ${precinct})`
      : `list the sectors with: nsm sector list`,
  );
}
