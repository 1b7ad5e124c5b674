import type { Feature, FeatureCollection, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { precinctBorders } from '../../../src/render/svg/precinct-borders.js';

/** Sectors as closed rings (GeoJSON winding), each with its precinct. */
function city(...sectors: Array<[number, Position[]]>): FeatureCollection<Polygon, { precinct: number }> {
  const features = sectors.map(([precinct, ring]): Feature<Polygon, { precinct: number }> => ({
    type: 'Feature',
    properties: { precinct },
    geometry: { type: 'Polygon', coordinates: [[...ring, ring[0]!]] },
  }));
  return { type: 'FeatureCollection', features };
}

const square = (x: number, y: number): Position[] => [
  [x, y],
  [x + 1, y],
  [x + 1, y + 1],
  [x, y + 1],
];

describe('precinct borders', () => {
  it('keeps only edges between two precincts, once, leaving the coast and inner sector edges out', () => {
    const borders = precinctBorders(city([1, square(0, 0)], [1, square(1, 0)], [2, square(2, 0)]));
    expect(borders.coordinates).toEqual([
      [
        [2, 0],
        [2, 1],
      ],
    ]);
  });

  it('joins consecutive border edges into one line', () => {
    // Precinct 2 wraps around the corner of precinct 1's square: two edges, one line.
    const corner: Position[] = [
      [1, 0],
      [2, 0],
      [2, 2],
      [0, 2],
      [0, 1],
      [1, 1],
    ];
    const borders = precinctBorders(city([1, square(0, 0)], [2, corner]));
    expect(borders.coordinates).toHaveLength(1);
    expect(borders.coordinates[0]).toHaveLength(3);
    expect(new Set(borders.coordinates[0]!.map(String))).toEqual(new Set(['1,0', '1,1', '0,1']));
  });
});
