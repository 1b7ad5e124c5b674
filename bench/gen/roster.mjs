// The NCO roster of a benchmark store (see bench/generate.mjs): two posts per sector, each held
// by a succession of officers over the years, with some officers moved to another sector of their
// precinct when replaced. Assignment history follows nsm's rules: one sector at a time, an
// assignment's `to` is the day before the next one's `from`, current ones end with `to: null`.

import { isoOf } from './dates.mjs';
import { FIRST_NAMES, LAST_NAMES } from './text.mjs';

/** Posts per sector: Neighborhood Policing puts two NCOs in every sector. */
const POSTS_PER_SECTOR = 2;
/** Replacements per post per ten years (about 100 across the city's 604 posts). */
const TURNOVER_PER_DECADE = 0.16;
/** Share of replaced officers who move to another sector of the precinct rather than leave. */
const MOVED_ON_SHARE = 0.3;

/**
 * Builds the roster. Returns the NCO records (ids N1.. in order of their first assignment) and,
 * per sector, the spans officers worked it (to find a meeting's hosts and a solution's NCO owner).
 */
export function makeRoster({ store, scale, firstDay, nowDay, random }) {
  const sectorsOf = sectorsByPrecinct(store);
  const drafts = [];
  for (const sector of store.sectors)
    for (let post = 0; post < POSTS_PER_SECTOR; post++)
      drafts.push(...holdersOfPost({ sector, scale, firstDay, nowDay, random, sectorsOf }));

  // Ids in the order officers joined, as `nsm nco add` would have given them (the sort is stable).
  drafts.sort((a, b) => a.firstDay - b.firstDay);
  const shields = new Set();
  const ncos = drafts.map((draft, i) => ncoRecord(draft, `N${i + 1}`, random, shields));
  return { ncos, spans: spansBySector(ncos) };
}

/** The sectors of each precinct, by precinct number. */
function sectorsByPrecinct(store) {
  const map = new Map();
  for (const s of store.sectors) map.set(s.precinct, [...(map.get(s.precinct) ?? []), s]);
  return map;
}

/**
 * The officers who held one post: the first since before the period began, then one per
 * replacement. A replaced officer leaves, or moves to another sector of the precinct.
 */
function holdersOfPost({ sector, scale, firstDay, nowDay, random, sectorsOf }) {
  const turnovers = Math.floor(TURNOVER_PER_DECADE * scale + random.float());
  const changes = [];
  for (let i = 0; i < turnovers; i++) changes.push(random.int(firstDay + 90, nowDay - 30));
  changes.sort((a, b) => a - b);

  const holders = [];
  let from = firstDay - random.int(30, 400);
  for (let k = 0; k <= turnovers; k++) {
    const to = k < turnovers ? changes[k] - 1 : null;
    const assignments = [{ sector: sector.id, from: isoOf(from), to: to === null ? null : isoOf(to) }];
    if (to !== null) moveOn(assignments, { sector, day: to + 1, nowDay, random, sectorsOf });
    holders.push({ precinct: sector.precinct, assignments, firstDay: from });
    if (to !== null) from = to + 1;
  }
  return holders;
}

/** Sometimes a replaced officer goes on to another sector of the precinct, for good or for a while. */
function moveOn(assignments, { sector, day, nowDay, random, sectorsOf }) {
  const others = sectorsOf.get(sector.precinct).filter((s) => s.id !== sector.id);
  if (others.length === 0 || !random.chance(MOVED_ON_SHARE)) return;
  const stays = random.chance(0.5) || day + 60 >= nowDay - 1;
  const to = stays ? null : isoOf(random.int(day + 60, nowDay - 1));
  assignments.push({ sector: random.pick(others).id, from: isoOf(day), to });
}

/** A full NCO record with a made-up name and a shield number no other officer carries. */
function ncoRecord(draft, id, random, shields) {
  const first = random.pick(FIRST_NAMES);
  const last = random.pick(LAST_NAMES);
  let shield;
  do shield = String(random.int(1000, 99999));
  while (shields.has(shield));
  shields.add(shield);
  return {
    id,
    name: `${first} ${last}`,
    shield,
    rank: random.chance(0.9) ? 'Police Officer' : 'Detective',
    precinct: draft.precinct,
    email: random.chance(0.6) ? `${first}.${last}${id.slice(1)}@nypd.example.org`.toLowerCase() : null,
    phone: random.chance(0.5) ? `718-555-${String(random.int(100, 199)).padStart(4, '0')}` : null,
    assignments: draft.assignments,
  };
}

/** Per sector, who worked it when: `{ id, from, to }` with ISO dates (`to` null while current). */
function spansBySector(ncos) {
  const spans = new Map();
  for (const nco of ncos)
    for (const a of nco.assignments) {
      const list = spans.get(a.sector) ?? [];
      list.push({ id: nco.id, from: a.from, to: a.to });
      spans.set(a.sector, list);
    }
  return spans;
}

/** The NCOs working `sector` on the ISO date `day`, by id order. */
export function hostsOn(spans, sector, day) {
  return (spans.get(sector) ?? [])
    .filter((s) => s.from <= day && (s.to === null || s.to >= day))
    .map((s) => s.id);
}
