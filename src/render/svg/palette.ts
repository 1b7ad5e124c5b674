/**
 * Rollout colours. Active precincts run from dark navy (the first phase, 2015) to light teal (the
 * last), a ramp that stays distinct from the light grey of pending precincts and prints in greyscale
 * as dark-to-light. Sampled from ColorBrewer's YlGnBu (Cynthia Brewer, Apache-2.0).
 */
const RAMP = ['#081d58', '#253494', '#225ea8', '#1d91c0', '#41b6c4', '#7fcdbb'];

export const PENDING = '#dfe3e8';
export const UNKNOWN_PATTERN = 'unknown-hatch';
export const UNKNOWN = `url(#${UNKNOWN_PATTERN})`;
/** Active, but no phase recorded (a start date typed in by hand). */
export const ACTIVE_UNPHASED = '#7a5195';
export const NOT_YET = '#ffffff';
export const NOT_YET_OUTLINE = '#9aa5b1';
export const ACCENT = '#d95f02';
export const LINE = RAMP[2]!;

/** The fill of an active precinct in `phase` of `phases` (1-based). */
export function phaseColor(phase: number, phases: number): string {
  const t = phases <= 1 ? 0 : Math.min(Math.max((phase - 1) / (phases - 1), 0), 1);
  const at = t * (RAMP.length - 1);
  const i = Math.min(Math.floor(at), RAMP.length - 2);
  return mix(RAMP[i]!, RAMP[i + 1]!, at - i);
}

function mix(from: string, to: string, t: number): string {
  const channel = (hex: string, k: number) => parseInt(hex.slice(1 + 2 * k, 3 + 2 * k), 16);
  const parts = [0, 1, 2].map((k) => Math.round(channel(from, k) + (channel(to, k) - channel(from, k)) * t));
  return `#${parts.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}

/** Diagonal grey hatching for "start date unknown": reads as "no data" on screen and in print. */
export function unknownPattern(): string {
  return [
    `<pattern id="${UNKNOWN_PATTERN}" width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">`,
    '<rect width="5" height="5" fill="#f5f7fa"/>',
    '<line x1="0" y1="0" x2="0" y2="5" stroke="#7b8794" stroke-width="2.2"/>',
    '</pattern>',
  ].join('');
}
