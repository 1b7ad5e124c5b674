import { integrityProblems, type Store } from './schema.js';
import { understaffedSectors } from './records.js';

export interface Finding {
  level: 'error' | 'warning';
  code: string;
  message: string;
}

function duplicates<T>(items: T[], key: (item: T) => string | number): Array<string | number> {
  const seen = new Set<string | number>();
  const repeated = new Set<string | number>();
  for (const item of items) {
    const k = key(item);
    if (seen.has(k)) repeated.add(k);
    seen.add(k);
  }
  return [...repeated];
}

/**
 * Checks what the schema cannot: duplicates, references between records and id counters (the
 * same checks that make reads and writes refuse the store, see integrityProblems), then records
 * that disagree with each other, and staffing. The integrity checks always cover the whole store;
 * the staffing checks only `precinct` when given.
 */
export function checkStore(store: Store, today: string, precinct?: number): Finding[] {
  const findings: Finding[] = [];
  const error = (code: string, message: string) => findings.push({ level: 'error', code, message });
  const warn = (code: string, message: string) => findings.push({ level: 'warning', code, message });

  for (const problem of integrityProblems(store)) error(problem.code, problem.message);

  for (const shield of duplicates(store.ncos, (n) => n.shield)) {
    const holders = store.ncos.filter((n) => n.shield === shield).map((n) => n.id);
    error('duplicate-shield', `shield ${shield} is carried by ${holders.join(' and ')}`);
  }
  const sectors = new Map(store.sectors.map((s) => [s.id, s]));
  for (const s of store.sectors)
    if (`${s.precinct}${s.letter}` !== s.id)
      error('sector-id', `sector ${s.id} says precinct ${s.precinct} letter ${s.letter}`);
  for (const n of store.ncos) {
    n.assignments.forEach((a, i) => {
      const sector = sectors.get(a.sector);
      if (sector && sector.precinct !== n.precinct)
        error(
          'assignment-precinct',
          `${n.id} (precinct ${n.precinct}) is assigned to ${a.sector} of precinct ${sector.precinct}`,
        );
      if (a.to !== null && a.to < a.from)
        error(
          'assignment-dates',
          `${n.id}'s assignment to ${a.sector} ends (${a.to}) before it starts (${a.from})`,
        );
      const next = n.assignments[i + 1];
      if (next && (a.to === null || a.to >= next.from)) {
        error(
          'assignment-overlap',
          `${n.id} is assigned to ${a.sector} and ${next.sector} at the same time (from ${next.from})`,
        );
      }
    });
  }
  for (const m of store.meetings) {
    const sector = sectors.get(m.sector);
    if (sector && sector.precinct !== m.precinct)
      error(
        'meeting-precinct',
        `${m.id} says precinct ${m.precinct}, but sector ${m.sector} is in precinct ${sector.precinct}`,
      );
  }

  const checked = store.precincts.filter((p) => precinct === undefined || p.precinct === precinct);
  for (const p of checked) {
    if (!store.sectors.some((s) => s.precinct === p.precinct))
      warn(
        'precinct-without-sectors',
        `precinct ${p.precinct} has no sectors (add them with nsm sector add ${p.precinct}A)`,
      );
  }
  const short = understaffedSectors(store, today, precinct);
  const staffed = new Set(store.ncos.map((n) => n.precinct));
  const byPrecinct = new Map<number, string[]>();
  for (const s of short) {
    const pct = Number(s.sector.slice(0, -1));
    if (staffed.has(pct)) byPrecinct.set(pct, [...(byPrecinct.get(pct) ?? []), `${s.sector} (${s.ncos})`]);
  }
  for (const [pct, list] of byPrecinct) {
    warn(
      'sectors-below-two-ncos',
      `precinct ${pct}: ${list.join(', ')} ${list.length === 1 ? 'has' : 'have'} fewer than two NCOs today`,
    );
  }
  const unstaffed = checked.filter(
    (p) => !staffed.has(p.precinct) && store.sectors.some((s) => s.precinct === p.precinct),
  );
  if (unstaffed.length > 0) {
    warn(
      'precincts-without-ncos',
      `${unstaffed.length} precinct(s) have no NCOs on the roster yet, so all their sectors are below two NCOs: ${unstaffed.map((p) => p.precinct).join(', ')}`,
    );
  }
  return findings;
}

/** Each id series and the letter its ids start with. */
const ID_LETTERS = { nco: 'N', meeting: 'M', series: 'R', issue: 'I', solution: 'S' } as const;
type IdSeries = keyof typeof ID_LETTERS;

/**
 * The lowest next number of each id series that would reuse no id a store's text shows, read from
 * text however damaged (a bit flip, a cut, duplicates): its `nextId` counters where they can still
 * be read, and every quoted id such as "N12" or "R3". Text that merely looks like an id only raises
 * a counter, which skips numbers but never reuses one.
 */
export function idFloors(text: string): Partial<Record<IdSeries, number>> {
  const floors: Partial<Record<IdSeries, number>> = {};
  const raise = (series: IdSeries, next: number) => {
    if (Number.isSafeInteger(next) && next > (floors[series] ?? 0)) floors[series] = next;
  };
  const byLetter = new Map<string, IdSeries>(
    Object.entries(ID_LETTERS).map(([series, letter]) => [letter, series as IdSeries]),
  );
  for (const [, letter, digits] of text.matchAll(/"([NMRIS])(\d{1,15})"/g))
    raise(byLetter.get(letter!)!, Number(digits) + 1);
  const counters = /"nextId"\s*:\s*\{([^{}]*)\}/.exec(text)?.[1] ?? '';
  for (const [, series, value] of counters.matchAll(
    /"(nco|meeting|series|issue|solution)"\s*:\s*(\d{1,15})/g,
  ))
    raise(series as IdSeries, Number(value));
  return floors;
}

/** Raises `store`'s id counters to at least `floors`; true when one was raised. */
export function raiseIdCounters(store: Store, floors: Partial<Record<IdSeries, number>>): boolean {
  let raised = false;
  for (const series of Object.keys(ID_LETTERS) as IdSeries[]) {
    const floor = floors[series] ?? 0;
    if (floor > store.nextId[series]) {
      store.nextId[series] = floor;
      raised = true;
    }
  }
  return raised;
}
