import { dateInNewYork } from '../domain/dates.js';
import { friendly, wallOf } from '../domain/time.js';
import type * as Relative from './relative.js';
import { cell } from './text.js';
import type { Cell } from './view.js';

/**
 * How a cell reads. `person`: friendly New York times and relative dates ("in 3 days");
 * `absolute`: ISO 8601 instants with offsets and plain dates, for files and scripts;
 * `document`: friendly but absolute, for Markdown that is read later.
 */
export type CellMode =
  { kind: 'person'; today: string; relative: typeof Relative } | { kind: 'absolute' } | { kind: 'document' };

/** Relative dates come from date-fns, loaded only for a person at a terminal (it costs tens of ms). */
export async function personMode(now: Date): Promise<CellMode> {
  return { kind: 'person', today: dateInNewYork(now), relative: await import('./relative.js') };
}

/** One cell as text on one line (control characters made visible). */
export function cellText(value: Cell, mode: CellMode): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'object' && 'when' in value) {
    if (mode.kind === 'absolute') return cell(value.when);
    const instant = new Date(value.when);
    const shown = friendly(wallOf(instant));
    return mode.kind === 'person'
      ? `${shown} (${mode.relative.relativeDay(dateInNewYork(instant), mode.today)})`
      : shown;
  }
  if (typeof value === 'object') {
    if (mode.kind !== 'person') return cell(value.day);
    const { dueDay, relativeDay } = mode.relative;
    return `${value.day} (${value.due ? dueDay(value.day, mode.today) : relativeDay(value.day, mode.today)})`;
  }
  return cell(value);
}
