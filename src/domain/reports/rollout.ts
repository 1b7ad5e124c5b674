import type { Precinct, Store } from '../schema.js';
import { existedOn, rolloutStatus, sortedPrecincts, type RolloutStatus } from '../precincts.js';

/**
 * The rollout report (`nsm report rollout`): how far Neighborhood Policing had reached on a date.
 * A precinct counts only if it existed that day, and is active only from its recorded start
 * date; one with no recorded start is unknown, never guessed. The shapes below are the report's JSON.
 */

/** How the counts are grouped (`--by`). */
export type RolloutGrouping = 'borough' | 'patrol-borough' | 'phase';

export interface RolloutCounts {
  total: number;
  active: number;
  pending: number;
  unknown: number;
  /** Active as a share of the precincts that existed, in percent to one decimal. */
  percentActive: number;
}

export interface RolloutGroup extends RolloutCounts {
  name: string;
}

export interface RolloutPrecinct {
  precinct: number;
  name: string;
  status: RolloutStatus;
  startDate: string | null;
  phase: number | null;
}

/** The precincts that started on one date in one phase, and how many were active once they had. */
export interface RolloutWave {
  phase: number | null;
  startDate: string;
  precincts: number[];
  activeAfter: number;
  /** The wave came after the report's date: shown, but not counted in it. */
  afterAsOf: boolean;
}

export interface RolloutReport extends RolloutCounts {
  asOf: string;
  by: RolloutGrouping;
  groups: RolloutGroup[];
  /** Every precinct that existed on asOf, in number order. */
  precincts: RolloutPrecinct[];
  /** Precincts that opened after asOf, so are not counted (the 116th before 2024-12-18). */
  notYetOpen: Array<{ precinct: number; name: string; opened: string }>;
  /** Every recorded start, in date order, those after asOf included and marked. */
  waves: RolloutWave[];
}

export function rolloutReport(store: Store, asOf: string, by: RolloutGrouping): RolloutReport {
  const all = sortedPrecincts(store);
  const existing = all.filter((p) => existedOn(p, asOf));
  const precincts = existing.map((p) => ({
    precinct: p.precinct,
    name: p.name,
    status: rolloutStatus(p, asOf),
    startDate: p.rollout.startDate,
    phase: p.rollout.phase,
  }));
  return {
    asOf,
    by,
    ...countsOf(precincts),
    groups: groupsOf(existing, precincts, by),
    precincts,
    notYetOpen: all
      .filter((p) => !existedOn(p, asOf))
      .map((p) => ({ precinct: p.precinct, name: p.name, opened: p.opened! })),
    waves: wavesOf(all, asOf),
  };
}

function countsOf(precincts: RolloutPrecinct[]): RolloutCounts {
  const n = (status: RolloutStatus) => precincts.filter((p) => p.status === status).length;
  const total = precincts.length;
  const active = n('active');
  return {
    total,
    active,
    pending: n('pending'),
    unknown: n('unknown'),
    percentActive: total === 0 ? 0 : Math.round((1000 * active) / total) / 10,
  };
}

/** Groups in name order (phases in number order); precincts with no value make a last group. */
function groupsOf(existing: Precinct[], precincts: RolloutPrecinct[], by: RolloutGrouping): RolloutGroup[] {
  const groups = new Map<string, { order: number; members: RolloutPrecinct[] }>();
  existing.forEach((p, i) => {
    const { name, order } = groupKey(p, by);
    const group = groups.get(name) ?? { order, members: [] };
    group.members.push(precincts[i]!);
    groups.set(name, group);
  });
  return [...groups]
    .sort(([a, x], [b, y]) => x.order - y.order || a.localeCompare(b))
    .map(([name, { members }]) => ({ name, ...countsOf(members) }));
}

const LAST = Number.MAX_SAFE_INTEGER;

function groupKey(p: Precinct, by: RolloutGrouping): { name: string; order: number } {
  if (by === 'borough') return { name: p.borough, order: 0 };
  if (by === 'patrol-borough')
    return p.patrolBorough === null
      ? { name: 'no patrol borough', order: LAST }
      : { name: p.patrolBorough, order: 0 };
  return p.rollout.phase === null
    ? { name: 'no phase', order: LAST }
    : { name: `Phase ${p.rollout.phase}`, order: p.rollout.phase };
}

/**
 * The waves come from the precincts' own start dates (what `nsm precinct rollout` records), so
 * they always add up to the counts. Each wave's running total counts the precincts that existed
 * on its date.
 */
function wavesOf(all: Precinct[], asOf: string): RolloutWave[] {
  const started = all
    .filter((p) => p.rollout.startDate !== null)
    .sort(
      (a, b) =>
        a.rollout.startDate!.localeCompare(b.rollout.startDate!) ||
        (a.rollout.phase ?? LAST) - (b.rollout.phase ?? LAST) ||
        a.precinct - b.precinct,
    );
  const waves: RolloutWave[] = [];
  started.forEach((p, i) => {
    const startDate = p.rollout.startDate!;
    const last = waves.at(-1);
    const wave =
      last?.startDate === startDate && last.phase === p.rollout.phase
        ? last
        : { phase: p.rollout.phase, startDate, precincts: [], activeAfter: 0, afterAsOf: startDate > asOf };
    if (wave !== last) waves.push(wave);
    wave.precincts.push(p.precinct);
    wave.activeAfter = started.slice(0, i + 1).filter((q) => existedOn(q, startDate)).length;
  });
  return waves;
}
