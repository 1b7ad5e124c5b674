import type { RolloutWave } from '../domain/reports/rollout.js';

/**
 * The rollout's waves as a text bar chart for a terminal: one line per wave, its bar the number
 * of precincts active once it had started. Waves after the report's date are drawn light, under
 * a rule that marks the date. Full block and light shade are in every terminal font.
 */

const COUNTED = '█';
const LATER = '░';
const RULE = '─';
/** Past this, longer bars only make the lines harder to follow across. */
const MAX_WIDTH = 100;
const DATE_WIDTH = 'YYYY-MM-DD'.length;

export function waveName(wave: RolloutWave): string {
  return wave.phase === null ? 'no phase' : `Phase ${wave.phase}`;
}

export function rolloutTimeline(waves: RolloutWave[], asOf: string, width: number): string {
  if (waves.length === 0) return 'No precinct has a recorded start date.';
  const names = waves.map(waveName);
  const nameWidth = Math.max(...names.map((n) => n.length));
  const most = Math.max(1, ...waves.map((w) => w.activeAfter));
  const lineWidth = Math.min(width, MAX_WIDTH);
  const room = Math.max(5, lineWidth - (DATE_WIDTH + 2 + nameWidth + 2) - 1 - String(most).length);
  const lines = waves.map((wave, i) => {
    const length = wave.activeAfter === 0 ? 0 : Math.max(1, Math.round((wave.activeAfter / most) * room));
    const bar = (wave.afterAsOf ? LATER : COUNTED).repeat(length);
    return `${wave.startDate}  ${names[i]!.padEnd(nameWidth)}  ${bar} ${wave.activeAfter}`;
  });
  const firstLater = waves.findIndex((w) => w.afterAsOf);
  if (firstLater !== -1) {
    const label = `${RULE.repeat(2)} as of ${asOf}; later waves not counted `;
    lines.splice(firstLater, 0, label + RULE.repeat(Math.max(2, lineWidth - label.length)));
  }
  return lines.join('\n');
}
