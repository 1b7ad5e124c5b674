// The printed results of bench/run.mjs: a header line, the table of cases against their floors
// and budgets, and the scaling table (how time grows with the store). Markdown, for issues and PRs.

import { FLAT } from './paths.mjs';

const ms = (x) => (x === null || x === undefined ? '—' : x >= 100 ? String(Math.round(x)) : x.toFixed(1));
const times = (x) => (x === null || x === undefined ? '—' : `${x.toFixed(2)}×`);
export const mb = (bytes) => `${(bytes / 1048576).toFixed(bytes < 10 * 1048576 ? 2 : 1)} MB`;

/** One markdown table row. */
function row(cells) {
  return `| ${cells.join(' | ')} |`;
}

/** A store's size and record counts, for the header. */
function describeStore(name, facts) {
  const c = facts.counts;
  return `${name} ${mb(facts.bytes)} (${c.ncos} NCOs, ${c.meetings} meetings, ${c.issues} issues [${c.openIssues} open], ${c.solutions} solutions, ${c.minutes} approved minutes)`;
}

/** The header line: Node, CPUs, runs, and every store measured on. */
export function header({ node, cpus, warmups, runs, stores, roundTripMs }) {
  const list = Object.entries(stores).map(([name, facts]) => describeStore(name, facts));
  const trip =
    roundTripMs === null ? '' : `; one round trip to the PostgreSQL server: ${roundTripMs.toFixed(2)} ms`;
  return `node ${node}, ${cpus} CPUs, ${warmups} warm-up + ${runs} runs per case (median, each run alternating with its floor)${trip}; stores: ${list.join('; ')}`;
}

/** The verdict of a ratio against a budget: ok, OVER, or info when there is no budget. */
export function verdict(ratio, budget) {
  if (budget === null) return 'info';
  return ratio <= budget ? 'ok' : 'OVER';
}

/** The main table: one row per case result (see run.mjs for their shape). */
export function casesTable(results) {
  const lines = [
    row([
      'case',
      'store',
      'median ms',
      'floor',
      'floor median ms',
      'ratio',
      'budget',
      'peak RSS MB',
      'verdict',
    ]),
    row(['---', '---', '---:', '---', '---:', '---:', '---:', '---:', '---']),
  ];
  for (const r of results)
    lines.push(
      row([
        r.label,
        r.store,
        r.median === null ? '—' : ms(r.median),
        r.floor,
        typeof r.floorMedian === 'string' ? r.floorMedian : ms(r.floorMedian),
        times(r.ratio),
        r.budget === null ? '—' : `≤ ${r.budget}×`,
        r.peakRssMb === null ? '—' : String(Math.round(r.peakRssMb)),
        r.verdict,
      ]),
    );
  return lines.join('\n');
}

/**
 * The scaling table: each store case's median at every scale, and between neighbouring scales
 * the growth of its time against the growth of the store (ok when time grows no faster).
 */
export function scalingTable(scaling) {
  const { scales, sizes, rows } = scaling;
  const pairs = scales.slice(1).map((s, k) => [scales[k], s]);
  const lines = [
    `Store sizes: ${scales.map((s) => `scale ${s} = ${mb(sizes[s])}`).join(', ')}.`,
    '',
    row([
      'case',
      ...scales.map((s) => `${s} ms`),
      ...pairs.map(([a, b]) => `t(${b})/t(${a}) vs size`),
      'verdict',
    ]),
    row(['---', ...scales.map(() => '---:'), ...pairs.map(() => '---:'), '---']),
  ];
  for (const r of rows)
    lines.push(
      row([
        r.label,
        ...scales.map((s) => ms(r.medians[s])),
        ...r.growth.map((g) => `${times(g.time)} vs ${r.flat ? `flat (≤ ${FLAT}×)` : times(g.size)}`),
        r.verdict,
      ]),
    );
  return lines.join('\n');
}
