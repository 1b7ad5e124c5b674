import { RuleError } from '../errors.js';
import { parseDateFlag } from './dates.js';
import type { FieldChange } from './schema.js';

/** What every history entry has, issues' and solutions' alike. */
type HistoryEntry = { on: string; status: string; edit?: FieldChange[] | undefined };

/**
 * Corrections to the ledger (`issue edit`, `solution edit`) and status changes recorded after the
 * fact (`--on`). Both keep the history in date order, so the status of the latest entry is the
 * record's status and an agenda reads the status of any past day from the history.
 */

/** The fields whose value differs from the record's, in the order asked; unchanged ones drop out. */
export function fieldChanges(
  current: Record<string, string | null>,
  wanted: Record<string, string | null | undefined>,
): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const [field, to] of Object.entries(wanted)) {
    if (to === undefined) continue;
    const from = current[field] ?? null;
    if (from !== to) changes.push({ field, from, to });
  }
  return changes;
}

const quoted = (value: string | null) => (value === null ? '(none)' : `"${value}"`);

/**
 * The history note of an edit: `corrected category "traffic" → "noise"`. The values of `withheld`
 * fields (a private issue's text, long details) are not repeated in the note, which a public
 * document might one day quote; they stay in the entry's `edit`, which only the coordinator sees.
 */
export function editNote(changes: FieldChange[], withheld: readonly string[]): string {
  const parts = changes.map((c) =>
    withheld.includes(c.field) ? c.field : `${c.field} ${quoted(c.from)} → ${quoted(c.to)}`,
  );
  return `corrected ${parts.join('; ')}`;
}

/** A confirmation line: `I3: corrected summary, category.` */
export function editNotice(id: string, changes: FieldChange[]): string {
  return `${id}: corrected ${changes.map((c) => c.field).join(', ')}.`;
}

/** An edit that asks for the values already recorded: refused, so the history holds no empty entry. */
export function nothingChanged(id: string, issueId: string): RuleError {
  return new RuleError(`${id} already reads so: nothing changed`, `see it with: nsm issue show ${issueId}`);
}

/**
 * The day a status change is recorded on: today, or the `--on` date of a change recorded after
 * the fact. That day cannot be in the future, before the issue was raised, or before the record's
 * latest status change or note (inserting among those would leave them naming a stale status).
 */
export function recordedOn(
  input: string | undefined,
  today: string,
  record: { id: string; issueId: string; raisedOn: string; history: readonly HistoryEntry[] },
): string {
  if (input === undefined) return today;
  const on = parseDateFlag(input, '--on', today);
  if (on > today)
    throw new RuleError(
      `--on ${on} is in the future`,
      `record a change on or after the day it happened, with a date up to today (${today})`,
    );
  if (on < record.raisedOn)
    throw new RuleError(
      `--on ${on} is before ${record.issueId} was raised (${record.raisedOn})`,
      `give a date from ${record.raisedOn} to ${today}`,
    );
  const latest = record.history.filter((h) => !h.edit).at(-1)?.on;
  if (latest !== undefined && on < latest)
    throw new RuleError(
      `--on ${on} is before the latest entry in ${record.id}'s history (${latest})`,
      `the history stays in date order: give a date from ${latest} to ${today} (nsm issue show ${record.issueId})`,
    );
  return on;
}

/**
 * Adds a status change to a history in date order. Only corrections can follow it (see
 * `recordedOn`); they took place after the change, so they now carry its status, and the
 * latest entry's status stays the record's.
 */
export function insertInOrder<E extends HistoryEntry>(history: E[], entry: E): void {
  let at = history.length;
  while (at > 0 && history[at - 1]!.on > entry.on) at--;
  history.splice(at, 0, entry);
  for (const later of history.slice(at + 1)) later.status = entry.status;
}
