import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { geoConicConformal, geoPath, type GeoPath, type GeoProjection } from 'd3-geo';
import { forD3 } from './geometry.js';
import { mapLegend } from './map-legend.js';
import {
  ACTIVE_UNPHASED,
  NOT_YET,
  NOT_YET_OUTLINE,
  PENDING,
  UNKNOWN,
  phaseColor,
  unknownPattern,
} from './palette.js';
import { precinctBorders } from './precinct-borders.js';
import { plural } from '../text.js';
import { MUTED, element, escapeXml, monthDayYear, svgDocument, text } from './svg.js';

/**
 * `nsm report rollout --format svg`: the city's sectors coloured by their precinct's rollout status
 * on a date, with title, counts and legend, sized for a slide (4:3, map left, legend right).
 */

export interface MapInput {
  asOf: string; // YYYY-MM-DD
  /** Each precinct that existed on asOf, its status then and its rollout phase (null if unknown). */
  precincts: Array<{ precinct: number; status: 'active' | 'pending' | 'unknown'; phase: number | null }>;
  /** The sector boundaries (data/sectors.geojson): properties { sector: '75A', precinct: 75 }. */
  sectors: FeatureCollection<Polygon | MultiPolygon, { sector: string; precinct: number }>;
}

type Precinct = MapInput['precincts'][number];
type Sector = Feature<Polygon | MultiPolygon, { sector: string; precinct: number }>;

const WIDTH = 960;
const HEIGHT = 720;
const MAP_EXTENT: [[number, number], [number, number]] = [
  [16, 100],
  [640, 708],
];

/**
 * Where the boroughs' names go (longitude, latitude), placed by eye: Manhattan's on the Hudson
 * beside it, the others inside the borough, so the city reads at a glance.
 */
const BOROUGHS: Array<{ name: string; at: [number, number]; anchor?: 'end' }> = [
  { name: 'MANHATTAN', at: [-74.012, 40.792], anchor: 'end' },
  { name: 'BRONX', at: [-73.862, 40.85] },
  { name: 'QUEENS', at: [-73.805, 40.727] },
  { name: 'BROOKLYN', at: [-73.945, 40.644] },
  { name: 'STATEN ISLAND', at: [-74.148, 40.583] },
];

/** How a sector is filled and what its hover text says. */
interface Look {
  fill: string;
  stroke?: string;
  status: string;
}

export function renderRolloutMap(input: MapInput): string {
  const byNumber = new Map(input.precincts.map((p) => [p.precinct, p]));
  const phases = Math.max(1, ...input.precincts.map((p) => p.phase ?? 0));
  const looks = input.sectors.features.map((sector) =>
    lookOf(byNumber.get(sector.properties.precinct), phases),
  );
  const n = (status: Precinct['status']) => input.precincts.filter((p) => p.status === status).length;
  const title = `Neighborhood Policing rollout, as of ${monthDayYear(input.asOf)}`;
  const sectors = forD3(input.sectors);
  const projection = geoConicConformal()
    .parallels([40 + 40 / 60, 41 + 2 / 60])
    .rotate([74, 0])
    .fitExtent(MAP_EXTENT, sectors);
  const path = geoPath(projection).digits(1);
  return svgDocument(WIDTH, HEIGHT, title, [
    element('defs', {}, unknownPattern()),
    text(32, 50, title, { 'font-size': 26, 'font-weight': 'bold' }),
    text(32, 80, summary(input.precincts), { 'font-size': 17, fill: MUTED }),
    sectorShapes(sectors.features, looks, path),
    element('path', {
      id: 'precinct-borders',
      d: path(precinctBorders(input.sectors)) ?? '',
      fill: 'none',
      stroke: '#ffffff',
      'stroke-width': 1.8,
      'stroke-linejoin': 'round',
      'stroke-linecap': 'round',
    }),
    boroughNames(projection),
    ...mapLegend({
      active: n('active'),
      pending: n('pending'),
      unknown: n('unknown'),
      total: input.precincts.length,
      phases,
      showsUnphased: looks.some((l) => l.fill === ACTIVE_UNPHASED),
      showsNotYet: looks.some((l) => l.fill === NOT_YET),
      undrawn: undrawn(input),
    }),
  ]);
}

function lookOf(precinct: Precinct | undefined, phases: number): Look {
  if (precinct === undefined) return { fill: NOT_YET, stroke: NOT_YET_OUTLINE, status: 'not yet a precinct' };
  if (precinct.status === 'pending') return { fill: PENDING, status: 'pending' };
  if (precinct.status === 'unknown') return { fill: UNKNOWN, status: 'start date unknown' };
  return precinct.phase === null
    ? { fill: ACTIVE_UNPHASED, status: 'active (no phase recorded)' }
    : { fill: phaseColor(precinct.phase, phases), status: `active (phase ${precinct.phase})` };
}

/** Precincts in the counts that have no shape on the map. */
function undrawn(input: MapInput): number[] {
  const drawn = new Set(input.sectors.features.map((sector) => sector.properties.precinct));
  return input.precincts
    .map((p) => p.precinct)
    .filter((n) => !drawn.has(n))
    .sort((a, b) => a - b);
}

/** `51 of 77 precincts active (66%) · 25 pending · 1 with no known start date` */
function summary(precincts: Precinct[]): string {
  const n = (status: Precinct['status']) => precincts.filter((p) => p.status === status).length;
  const total = precincts.length;
  const share = total === 0 ? 0 : Math.round((100 * n('active')) / total);
  const parts = [
    `${n('active')} of ${plural(total, 'precinct')} active (${share}%)`,
    `${n('pending')} pending`,
  ];
  if (n('unknown') > 0) parts.push(`${n('unknown')} with no known start date`);
  return parts.join(' · ');
}

/** One path per sector, in the order of the boundaries file, with its status as hover text. */
function sectorShapes(sectors: Sector[], looks: Look[], path: GeoPath): string {
  const shapes = sectors.map((sector, i) => {
    const look = looks[i]!;
    const { sector: id, precinct } = sector.properties;
    const hover = `Sector ${id} · Precinct ${precinct} · ${look.status}`;
    const attrs = { id: `sector-${id}`, d: path(sector) ?? '', fill: look.fill };
    return element(
      'path',
      look.stroke ? { ...attrs, stroke: look.stroke } : attrs,
      element('title', {}, escapeXml(hover)),
    );
  });
  return element(
    'g',
    { id: 'sectors', stroke: '#ffffff', 'stroke-width': 0.5, 'stroke-linejoin': 'round' },
    `\n${shapes.join('\n')}\n`,
  );
}

/** Borough names with a white halo (drawn under the text) so they read on any fill. */
function boroughNames(projection: GeoProjection): string {
  const labels = BOROUGHS.map(({ name, at, anchor }) => {
    const [x, y] = projection(at)!.map((v) => Math.round(v));
    const attrs = { 'text-anchor': anchor ?? 'middle' };
    return [
      text(x!, y!, name, { ...attrs, stroke: '#ffffff', 'stroke-width': 3.5, 'stroke-linejoin': 'round' }),
      text(x!, y!, name, attrs),
    ].join('');
  });
  const style = { 'font-size': 12, 'font-weight': 'bold', 'letter-spacing': 1.5, 'pointer-events': 'none' };
  return element('g', { id: 'boroughs', ...style }, labels.join(''));
}
