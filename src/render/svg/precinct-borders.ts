import type { FeatureCollection, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';

/**
 * The lines where sectors of two different precincts meet, so the map can draw precinct borders
 * over the thin sector ones without precinct shapes in the data. The boundary file is topological
 * (neighbouring sectors share their vertices exactly), so a shared edge is the same pair of points
 * in both sectors. Coastlines and the city limit belong to one sector only and are left out.
 */
export function precinctBorders(
  sectors: FeatureCollection<Polygon | MultiPolygon, { precinct: number }>,
): MultiLineString {
  const owners = new Map<string, Set<number>>();
  for (const { ring, precinct } of rings(sectors)) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const key = edgeKey(ring[i]!, ring[i + 1]!);
      owners.set(key, (owners.get(key) ?? new Set()).add(precinct));
    }
  }
  const drawn = new Set<string>();
  const lines: Position[][] = [];
  for (const { ring } of rings(sectors)) {
    let line: Position[] | null = null;
    for (let i = 0; i + 1 < ring.length; i++) {
      const key = edgeKey(ring[i]!, ring[i + 1]!);
      if (owners.get(key)!.size < 2 || drawn.has(key)) {
        line = null;
        continue;
      }
      drawn.add(key);
      if (line === null) lines.push((line = [ring[i]!]));
      line.push(ring[i + 1]!);
    }
  }
  return { type: 'MultiLineString', coordinates: lines };
}

function* rings(
  sectors: FeatureCollection<Polygon | MultiPolygon, { precinct: number }>,
): Generator<{ ring: Position[]; precinct: number }> {
  for (const feature of sectors.features) {
    const polygons =
      feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
    for (const polygon of polygons) {
      for (const ring of polygon) yield { ring, precinct: feature.properties.precinct };
    }
  }
}

/** The same key whichever way the edge is walked. */
function edgeKey(a: Position, b: Position): string {
  const [p, q] = [`${a[0]},${a[1]}`, `${b[0]},${b[1]}`];
  return p < q ? `${p} ${q}` : `${q} ${p}`;
}
