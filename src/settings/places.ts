import type { Context } from '../context.js';
import { loadReference } from '../reference/reference.js';
import { loadStore } from '../store/load.js';
import type { Places } from './keys.js';

/**
 * The precincts and sectors a setting may name: the store's, or the bundled reference data's
 * when there is no readable store yet (settings may be chosen before `nsm init`).
 */
export async function loadPlaces(ctx: Context): Promise<Places> {
  try {
    const store = await loadStore(ctx);
    return {
      from: 'the store',
      precincts: store.precincts.map((p) => p.precinct),
      sectors: store.sectors.map((s) => s.id),
    };
  } catch {
    const reference = await loadReference();
    return {
      from: 'the bundled reference data',
      precincts: reference.precincts.map((p) => p.precinct),
      sectors: reference.sectors.map((s) => s.id),
    };
  }
}
