import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';

/**
 * GeoJSON (RFC 7946) winds outer rings counterclockwise; d3-geo draws on the sphere and reads a
 * counterclockwise ring as "everything except this area", which fills the whole page. So each
 * ring is rewound to d3's convention (outer clockwise, holes counterclockwise), on a copy.
 */
export function forD3<P>(
  collection: FeatureCollection<Polygon | MultiPolygon, P>,
): FeatureCollection<Polygon | MultiPolygon, P> {
  return { ...collection, features: collection.features.map(rewoundFeature) };
}

function rewoundFeature<P>(feature: Feature<Polygon | MultiPolygon, P>): Feature<Polygon | MultiPolygon, P> {
  const geometry: Polygon | MultiPolygon =
    feature.geometry.type === 'Polygon'
      ? { type: 'Polygon', coordinates: rewoundPolygon(feature.geometry.coordinates) }
      : { type: 'MultiPolygon', coordinates: feature.geometry.coordinates.map(rewoundPolygon) };
  return { ...feature, geometry };
}

function rewoundPolygon(rings: Position[][]): Position[][] {
  return rings.map((ring, i) => {
    const clockwise = planarArea(ring) < 0;
    return clockwise === (i === 0) ? ring : [...ring].reverse();
  });
}

/** Shoelace area in longitude/latitude, positive when the ring turns counterclockwise. */
function planarArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    sum += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
  }
  return sum / 2;
}
