import type { Assignment, Nco, Store } from './schema.js';
import { NotFoundError, RuleError, UsageError } from '../errors.js';
import { addDays } from './dates.js';
import { pushTo } from './lookup.js';

export function findNco(store: Store, id: string): Nco {
  const found = store.ncos.find((n) => n.id === id);
  if (!found) throw noSuchNco(id, store.ncos.length > 0);
  return found;
}

/** The error for an NCO id nothing holds; the hint depends on whether there are NCOs at all. */
export function noSuchNco(id: string, anyNcos: boolean): NotFoundError {
  return new NotFoundError(
    `there is no NCO ${id}`,
    anyNcos ? 'list them with: nsm nco list' : 'add one with: nsm nco add',
  );
}

/** The NCO id an owner or argument names (`n05` is N5), if it names one. */
export function ncoIdIn(input: string | undefined): string | undefined {
  const text = input?.trim() ?? '';
  return /^n\d+$/i.test(text) ? `N${Number(text.slice(1))}` : undefined;
}

/** The assignment covering `date`, if any (`to` is the last day of an assignment, inclusive). */
export function assignmentOn(nco: Nco, date: string): Assignment | undefined {
  return nco.assignments.find((a) => a.from <= date && (a.to === null || a.to >= date));
}

export function sectorOn(nco: Nco, date: string): string | null {
  return assignmentOn(nco, date)?.sector ?? null;
}

/** The NCOs working a sector on `date`, by id order. */
export function ncosOfSector(store: Store, sectorId: string, date: string): Nco[] {
  return store.ncos.filter((n) => sectorOn(n, date) === sectorId).sort(byId);
}

/**
 * `ncosOfSector` for the meetings of a list: each sector's NCOs are looked for among those ever
 * assigned to it, found once, rather than in the whole roster for every meeting (quadratic on a
 * city's store).
 */
export function sectorRoster(store: Store): (sectorId: string, date: string) => Nco[] {
  const assigned = new Map<string, Nco[]>();
  for (const nco of [...store.ncos].sort(byId))
    for (const sector of new Set(nco.assignments.map((a) => a.sector))) pushTo(assigned, sector, nco);
  return (sectorId, date) => (assigned.get(sectorId) ?? []).filter((n) => sectorOn(n, date) === sectorId);
}

export function byId(a: { id: string }, b: { id: string }): number {
  return Number(a.id.slice(1)) - Number(b.id.slice(1));
}

const SHIELD = /^\d{1,6}$/;

export function parseShield(input: string): string {
  const text = input.trim();
  if (!SHIELD.test(text)) {
    throw new UsageError(
      `--shield "${input}" is not a shield number`,
      'a shield number is 1 to 6 digits, for example 12345',
    );
  }
  return String(Number(text));
}

export function parseName(input: string, flag = '--name'): string {
  const text = input.trim();
  if (text === '')
    throw new UsageError(`${flag} is empty`, 'give the NCO\'s name, for example --name "Maria Lopez"');
  if (text.length > 120)
    throw new UsageError(`${flag} is ${text.length} characters long`, 'keep it to 120 characters');
  return text;
}

export function parseEmail(input: string): string {
  const text = input.trim();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text)) {
    throw new UsageError(`--email "${input}" is not an email address`, 'write it as name@example.org');
  }
  return text;
}

/** Refuses a shield number that another NCO already carries. */
export function assertShieldFree(store: Store, shield: string, exceptId?: string): void {
  const holder = store.ncos.find((n) => n.shield === shield && n.id !== exceptId);
  if (holder) {
    throw new RuleError(
      `shield ${shield} already belongs to ${holder.id} (${holder.name})`,
      `check the number, or see that NCO with: nsm nco show ${holder.id}`,
    );
  }
}

export interface AssignmentChange {
  /** The assignment that was ended, with its new last day, or removed because it never took effect. */
  ended?: { sector: string; to: string | null; removed: boolean };
}

/**
 * Ends the assignment that is open on `on` so that its last day is the day before.
 * An assignment that would end before it started never took effect and is removed from the history.
 */
function endOpenAssignment(nco: Nco, on: string): AssignmentChange['ended'] {
  const last = nco.assignments.at(-1);
  if (!last || (last.to !== null && last.to < on)) return undefined;
  const to = addDays(on, -1);
  if (to < last.from) {
    nco.assignments.pop();
    return { sector: last.sector, to: null, removed: true };
  }
  last.to = to;
  return { sector: last.sector, to, removed: false };
}

/** Assigns an NCO to a sector from a date, ending the current assignment the day before. */
export function assign(nco: Nco, sector: { id: string; precinct: number }, from: string): AssignmentChange {
  if (sector.precinct !== nco.precinct) {
    throw new RuleError(
      `${nco.id} (${nco.name}) belongs to precinct ${nco.precinct}, and sector ${sector.id} is in precinct ${sector.precinct}`,
      `assign ${nco.id} to a sector of precinct ${nco.precinct} (nsm sector list --precinct ${nco.precinct})`,
    );
  }
  const last = nco.assignments.at(-1);
  if (last && last.from > from) {
    throw new RuleError(
      `${nco.id}'s assignment to ${last.sector} starts ${last.from}, after ${from}`,
      `assign from ${last.from} or later, or undo the last change with: nsm undo`,
    );
  }
  if (last && last.sector === sector.id && (last.to === null || last.to >= from)) {
    throw new RuleError(`${nco.id} is already assigned to ${sector.id} since ${last.from}`, 'nothing to do');
  }
  const ended = endOpenAssignment(nco, from);
  nco.assignments.push({ sector: sector.id, from, to: null });
  return ended ? { ended } : {};
}

/** Ends an NCO's assignment so that from `on` the NCO works no sector. */
export function unassign(nco: Nco, on: string): AssignmentChange {
  const ended = endOpenAssignment(nco, on);
  if (!ended) {
    throw new RuleError(
      `${nco.id} (${nco.name}) has no sector on ${on}`,
      `see the history with: nsm nco show ${nco.id}`,
    );
  }
  return { ended };
}
