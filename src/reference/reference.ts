import { readFile } from 'node:fs/promises';
import type { Phase, Precinct, Psa, Sector } from '../domain/schema.js';

/** The bundled New York City reference data (see data/SOURCES.md). */
export interface Reference {
  precincts: Array<Omit<Precinct, 'rollout'> & { rollout: Precinct['rollout'] }>;
  sectors: Array<Omit<Sector, 'description'>>;
  phases: Phase[];
  psas: Psa[];
}

export function dataFile(name: string): URL {
  return new URL(`../../data/${name}`, import.meta.url);
}

export async function loadReference(): Promise<Reference> {
  return JSON.parse(await readFile(dataFile('reference.json'), 'utf8')) as Reference;
}
