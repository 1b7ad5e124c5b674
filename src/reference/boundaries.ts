import { readFile } from 'node:fs/promises';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { dataFile } from './reference.js';

type SectorFeature = Feature<Polygon | MultiPolygon, { sector: string; precinct: number }>;

interface Indexed {
  feature: SectorFeature;
  box: [number, number, number, number];
}

let index: Indexed[] | undefined;

function boxOf(feature: SectorFeature): [number, number, number, number] {
  const rings: Position[][] =
    feature.geometry.type === 'Polygon' ? feature.geometry.coordinates : feature.geometry.coordinates.flat();
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const ring of rings) {
    for (const [x, y] of ring as Array<[number, number]>) {
      minX = Math.min(minX, x);
      minY = Math.min(minY, y);
      maxX = Math.max(maxX, x);
      maxY = Math.max(maxY, y);
    }
  }
  return [minX, minY, maxX, maxY];
}

async function sectorIndex(): Promise<Indexed[]> {
  if (!index) {
    const collection = JSON.parse(await readFile(dataFile('sectors.geojson'), 'utf8')) as FeatureCollection<
      Polygon | MultiPolygon,
      { sector: string; precinct: number }
    >;
    index = collection.features.map((feature) => ({ feature, box: boxOf(feature) }));
  }
  return index;
}

/** The 2018 NYPD sector containing a point, from the bundled boundaries, or null outside them. */
export async function locateSector(
  lat: number,
  lon: number,
): Promise<{ sector: string; precinct: number } | null> {
  for (const { feature, box } of await sectorIndex()) {
    if (lon < box[0] || lon > box[2] || lat < box[1] || lat > box[3]) continue;
    if (booleanPointInPolygon([lon, lat], feature)) return { ...feature.properties };
  }
  return null;
}
