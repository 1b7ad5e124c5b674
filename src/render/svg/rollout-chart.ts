import { daysBetween, shortDate } from '../../domain/calendar.js';
import { ACCENT, LINE } from './palette.js';
import { plural } from '../text.js';
import { MUTED, element, escapeXml, monthDayYear, svgDocument, text } from './svg.js';

/**
 * `nsm report rollout --format svg --chart`: active precincts over time as a step line (the count
 * only changes on a wave's start date), up to the as-of date, with the number of precincts that
 * existed then as the ceiling. Sized for a 16:9 slide.
 */

export interface ChartInput {
  asOf: string;
  /** Precincts existing on asOf (the top of the y axis). */
  total: number;
  /** Active precincts at each date, oldest first (the wave dates up to asOf, and asOf). */
  points: Array<{ date: string; active: number }>;
}

const WIDTH = 960;
const HEIGHT = 540;
const PLOT = { left: 72, right: 912, top: 130, bottom: 476 };
const GRID = '#e4e7eb';
const AXIS = '#9aa5b1';

/** Date and count to page coordinates over the years shown. */
interface Scales {
  from: string;
  years: number[];
  x: (date: string) => number;
  y: (active: number) => number;
}

export function renderRolloutChart(input: ChartInput): string {
  const scales = scalesFor(input);
  const last = input.points.at(-1)?.active ?? 0;
  const share = input.total === 0 ? 0 : Math.round((100 * last) / input.total);
  const title = `Neighborhood Policing rollout, as of ${monthDayYear(input.asOf)}`;
  const subtitle = `Precincts with Neighborhood Policing: ${last} of ${input.total} (${share}%) on that date`;
  return svgDocument(WIDTH, HEIGHT, title, [
    text(32, 50, title, { 'font-size': 26, 'font-weight': 'bold' }),
    text(32, 80, subtitle, { 'font-size': 17, fill: MUTED }),
    ...countAxis(input.total, scales),
    ...yearAxis(scales),
    ...stepLine(input, scales),
    ...asOfMarker(input.asOf, last, scales),
  ]);
}

/**
 * Whole calendar years, from the first of January before the first point to the one after the
 * as-of date, so the axis ends on a year boundary and the line stops visibly at the as-of date.
 */
function scalesFor(input: ChartInput): Scales {
  const firstYear = Number((input.points[0]?.date ?? input.asOf).slice(0, 4));
  const lastYear = Number(input.asOf.slice(0, 4)) + 1;
  const years = Array.from({ length: lastYear - firstYear + 1 }, (_, i) => firstYear + i);
  const from = `${firstYear}-01-01`;
  const span = daysBetween(from, `${lastYear}-01-01`);
  const top = Math.max(input.total, 1);
  return {
    from,
    years,
    x: (date) => tenth(PLOT.left + ((PLOT.right - PLOT.left) * daysBetween(from, date)) / span),
    y: (active) => tenth(PLOT.bottom - ((PLOT.bottom - PLOT.top) * active) / top),
  };
}

/**
 * Count gridlines at a round step, and the ceiling (every precinct that existed) dashed, labelled
 * below the line at the left, where the count is still low.
 */
function countAxis(total: number, scales: Scales): string[] {
  const step = [1, 2, 5, 10, 20, 25, 50, 100, 200, 500].find((s) => total / s <= 8) ?? 1000;
  const ticks = Array.from({ length: Math.floor(total / step) + 1 }, (_, i) => i * step);
  const label = { 'font-size': 13, fill: MUTED, 'text-anchor': 'end' };
  return [
    ...ticks.flatMap((tick) => [
      element('line', {
        x1: PLOT.left,
        y1: scales.y(tick),
        x2: PLOT.right,
        y2: scales.y(tick),
        stroke: GRID,
      }),
      text(PLOT.left - 10, scales.y(tick) + 4, String(tick), label),
    ]),
    element('line', {
      id: 'ceiling',
      x1: PLOT.left,
      y1: scales.y(total),
      x2: PLOT.right,
      y2: scales.y(total),
      stroke: MUTED,
      'stroke-dasharray': '6 4',
    }),
    text(PLOT.left + 8, scales.y(total) + 17, `all ${plural(total, 'precinct')}`, {
      'font-size': 13,
      fill: MUTED,
    }),
  ];
}

/** A tick on each first of January, the year's name centred in its span (every nth when crowded). */
function yearAxis(scales: Scales): string[] {
  const every = Math.ceil((scales.years.length - 1) / 12);
  const tick = (year: number) => scales.x(`${year}-01-01`);
  return [
    element('line', { x1: PLOT.left, y1: PLOT.bottom, x2: PLOT.right, y2: PLOT.bottom, stroke: AXIS }),
    ...scales.years.map((year) =>
      element('line', { x1: tick(year), y1: PLOT.bottom, x2: tick(year), y2: PLOT.bottom + 6, stroke: AXIS }),
    ),
    ...scales.years
      .slice(0, -1)
      .filter((_, i) => i % every === 0)
      .map((year) =>
        text(tenth((tick(year) + tick(year + 1)) / 2), PLOT.bottom + 24, String(year), {
          'font-size': 14,
          fill: MUTED,
          'text-anchor': 'middle',
        }),
      ),
  ];
}

/** The count is zero before the first wave, then holds each value until the next date. */
function stepLine(input: ChartInput, scales: Scales): string[] {
  const steps = input.points.map((p) => `H${scales.x(p.date)}V${scales.y(p.active)}`).join('');
  const end = scales.x(input.asOf);
  const line = `M${scales.x(scales.from)},${scales.y(0)}${steps}H${end}`;
  const waves = input.points.filter((p) => p.date !== input.asOf);
  return [
    element('path', { d: `${line}V${scales.y(0)}Z`, fill: LINE, 'fill-opacity': 0.12 }),
    element('path', {
      id: 'active-line',
      d: line,
      fill: 'none',
      stroke: LINE,
      'stroke-width': 2.5,
      'stroke-linejoin': 'round',
    }),
    ...waves.map((p) =>
      element(
        'circle',
        { cx: scales.x(p.date), cy: scales.y(p.active), r: 3, fill: LINE },
        element('title', {}, `${shortDate(p.date)}: ${p.active} active`),
      ),
    ),
  ];
}

/**
 * A dashed rule at the as-of date, its count as a dot on the line, and a flag above the plot
 * (clear of the line whatever its height) naming the date and count: to the right when there is
 * room, else to the left.
 */
function asOfMarker(asOf: string, active: number, scales: Scales): string[] {
  const x = scales.x(asOf);
  const roomRight = PLOT.right - x > 200;
  const flag = {
    x: x + (roomRight ? 6 : -6),
    y: PLOT.top - 14,
    'text-anchor': roomRight ? 'start' : 'end',
    'font-size': 14,
    fill: ACCENT,
  };
  return [
    element('line', {
      id: 'as-of',
      x1: x,
      y1: PLOT.top - 30,
      x2: x,
      y2: PLOT.bottom,
      stroke: ACCENT,
      'stroke-width': 1.5,
      'stroke-dasharray': '4 3',
    }),
    element('circle', {
      cx: x,
      cy: scales.y(active),
      r: 5,
      fill: ACCENT,
      stroke: '#ffffff',
      'stroke-width': 1.5,
    }),
    element(
      'text',
      flag,
      element('tspan', { 'font-weight': 'bold' }, escapeXml(shortDate(asOf))) +
        escapeXml(`: ${active} active`),
    ),
  ];
}

function tenth(value: number): number {
  return Math.round(value * 10) / 10;
}
