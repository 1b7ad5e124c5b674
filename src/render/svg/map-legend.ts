import { ACTIVE_UNPHASED, NOT_YET, NOT_YET_OUTLINE, PENDING, UNKNOWN, phaseColor } from './palette.js';
import { MUTED, element, text } from './svg.js';

/**
 * The rollout map's legend, a small table: the phase ramp with the active count, then one swatch
 * row per other status with its count, and the total. Rows for looks that only hand-edited data
 * produces (an active precinct without a phase, a sector whose precinct did not exist yet) appear
 * only when the map shows them.
 */

export interface LegendFacts {
  active: number;
  pending: number;
  unknown: number;
  total: number;
  /** The highest phase number: the ramp has one cell per phase. */
  phases: number;
  showsUnphased: boolean;
  showsNotYet: boolean;
  /** Precincts counted but absent from the boundaries (the 116th, opened after they were drawn). */
  undrawn: number[];
}

const X = 668;
const WIDTH = 264;
const RIGHT = X + WIDTH;
const SWATCH_OUTLINE = '#cbd2d9';

interface Row {
  id: string;
  fill: string;
  stroke?: string;
  label: string;
  count?: number;
}

export function mapLegend(facts: LegendFacts): string[] {
  const rows: Row[] = [];
  if (facts.showsUnphased)
    rows.push({ id: 'active-unphased', fill: ACTIVE_UNPHASED, label: 'Active, no phase' });
  rows.push({ id: 'pending', fill: PENDING, label: 'Pending', count: facts.pending });
  rows.push({ id: 'unknown', fill: UNKNOWN, label: 'Start date unknown', count: facts.unknown });
  if (facts.showsNotYet)
    rows.push({ id: 'not-yet', fill: NOT_YET, stroke: NOT_YET_OUTLINE, label: 'Not yet a precinct' });
  const totalY = 262 + 36 * rows.length;
  const bold = { 'font-size': 16, 'font-weight': 'bold' };
  const note = { 'font-size': 13, fill: MUTED };
  return [
    text(X, 120, 'Precincts', { ...note, 'font-weight': 'bold' }),
    text(X, 148, 'Active', bold),
    text(RIGHT, 148, String(facts.active), { ...bold, 'text-anchor': 'end' }),
    text(X, 168, 'coloured by rollout phase', note),
    ...phaseRamp(facts.phases, 180),
    ...rows.map((row, i) => swatchRow(row, 262 + 36 * i)),
    element('line', { x1: X, y1: totalY - 18, x2: RIGHT, y2: totalY - 18, stroke: SWATCH_OUTLINE }),
    text(X, totalY + 4, 'Total', bold),
    text(RIGHT, totalY + 4, String(facts.total), { ...bold, 'text-anchor': 'end' }),
    text(X, totalY + 44, 'Each sector shows its precinct’s', note),
    text(X, totalY + 62, 'status on that date. Thick lines:', note),
    text(X, totalY + 80, 'precinct borders; thin: sectors.', note),
    ...undrawnNote(facts.undrawn, totalY + 106, note),
  ];
}

function undrawnNote(undrawn: number[], y: number, style: Record<string, string | number>): string[] {
  if (undrawn.length === 0) return [];
  const which =
    undrawn.length <= 3
      ? `${undrawn.length === 1 ? 'Precinct' : 'Precincts'} ${undrawn.join(', ')}`
      : `${undrawn.length} precincts`;
  return [
    text(X, y, `${which} counted but not drawn:`, style),
    text(X, y + 18, 'no sector boundaries yet.', style),
  ];
}

/** One cell per phase, darkest (first) to lightest (last), labelled at both ends. */
function phaseRamp(phases: number, y: number): string[] {
  const cell = WIDTH / phases;
  const cells = Array.from({ length: phases }, (_, i) =>
    element(
      'rect',
      {
        id: `legend-phase-${i + 1}`,
        x: tenth(X + i * cell),
        y,
        width: tenth(tenth(X + (i + 1) * cell) - tenth(X + i * cell)),
        height: 22,
        fill: phaseColor(i + 1, phases),
      },
      element('title', {}, `Phase ${i + 1}`),
    ),
  );
  const label = { 'font-size': 13, fill: MUTED };
  return [
    ...cells,
    text(X, y + 40, 'phase 1 (first)', label),
    text(RIGHT, y + 40, `phase ${phases}`, { ...label, 'text-anchor': 'end' }),
  ];
}

function swatchRow(row: Row, y: number): string {
  const label = { 'font-size': 15 };
  return [
    element('rect', {
      id: `legend-${row.id}`,
      x: X,
      y: y - 16,
      width: 28,
      height: 20,
      fill: row.fill,
      stroke: row.stroke ?? SWATCH_OUTLINE,
    }),
    text(X + 40, y, row.label, label),
    row.count === undefined ? '' : text(RIGHT, y, String(row.count), { ...label, 'text-anchor': 'end' }),
  ].join('');
}

function tenth(value: number): number {
  return Math.round(value * 10) / 10;
}
