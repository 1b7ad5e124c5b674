import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BACKUPS_KEPT, readJournal } from '../../src/store/history.js';
import { initializedStore } from '../helpers/cli.js';
import { nsmIn } from '../helpers/in-process.js';
import { snapshot } from '../store/store-helpers.js';
import { figure, scale } from './battery.js';

/**
 * R5 (issue #11): random command sequences against an in-memory model.
 *
 * fast-check draws sequences of nsm commands (NCOs added, assigned and unassigned; meetings
 * scheduled alone or as a short series, moved, held and cancelled; issues raised and moved; solutions
 * agreed and moved; undo; a few typing slips and agenda prints). Each runs in-process against a
 * real store, and a small model says what the command must do: which exit code, which ids it hands
 * out, what every record looks like afterwards. After each step the store on disk must match the
 * model; a refused command must leave every file byte-identical; no id is ever handed out twice,
 * even after undo; and `nsm doctor` finds nothing at the end of a run.
 *
 * The model follows the rules as the commands' help and errors state them (no overlapping meetings
 * of a sector, issues raised at meetings that took place, the status moves, the last 10 states kept
 * for undo): where nsm disagrees, the step fails and fast-check shrinks the sequence to the few
 * commands that show it; the report gives a seed to replay it with.
 */

const [RUNS, STEPS] = scale([40, 30], [2_000, 50]);

/** The test clock (NSM_NOW, 2026-11-26T17:00Z) in New York, where meeting times are written. */
const TODAY = '2026-11-26';
const NOW_WALL = `${TODAY}T12:00`;

const SECTORS = ['75A', '75B', '14A'] as const;
const PRECINCTS = [75, 14] as const;
const SHIELDS = ['1001', '1002', '1003', '1004', '1005', '1006'];
/** Four past days, today (evening: still to come), and two Tuesdays ahead. */
const DAYS = ['2026-11-03', '2026-11-10', '2026-11-17', '2026-11-24', TODAY, '2026-12-01', '2026-12-08'];
const TIMES = ['18:00', '19:00'];
const DURATIONS = [60, 90];
const ATTENDANCE = [0, 12, 40];
const ASSIGN_DATES = [undefined, '2026-11-01', '2026-12-01', '2027-01-01'];
const DUE_DATES = [undefined, '2026-11-01', '2027-01-15'];
const ISSUE_STATUSES = ['open', 'in-progress', 'resolved', 'closed'] as const;
const SOLUTION_STATUSES = ['agreed', 'in-progress', 'done', 'dropped'] as const;
/** Where each status may go next (the help of issue update and solution update). */
const ISSUE_MOVES: Record<string, string[]> = {
  open: ['in-progress', 'resolved', 'closed'],
  'in-progress': ['open', 'resolved', 'closed'],
  resolved: ['open', 'closed'],
  closed: ['open'],
};
const SOLUTION_MOVES: Record<string, string[]> = {
  agreed: ['in-progress', 'done', 'dropped'],
  'in-progress': ['agreed', 'done', 'dropped'],
  done: ['in-progress'],
  dropped: ['agreed', 'in-progress'],
};
/** Typing slips: each is a usage error (exit 2) whatever the store holds. */
const SLIPS: string[][] = [
  ['nco', 'add', '--name', 'X', '--shield', 'abc', '--precinct', '75'],
  ['nco', 'assign', 'N1', '75A', '--from', '2026-02-30'],
  ['meeting', 'schedule', '--sector', '75A', '--at', '2026-13-45 19:00'],
  ['meeting', 'held', 'M1', '--attendance', 'lots'],
  ['issue', 'update', 'I1', '--status', 'resolved'],
  ['solution', 'update', 'S1', '--status', 'finished', '--note', 'x'],
  ['issue', 'raise', '--meeting', 'M1'],
];

// ---------------------------------------------------------------------------------------------
// The model

interface Assignment {
  sector: string;
  from: string;
  to: string | null;
}
interface NcoModel {
  id: string;
  shield: string;
  precinct: number;
  assignments: Assignment[];
}
interface MeetingModel {
  id: string;
  sector: string;
  start: string;
  durationMinutes: number;
  status: string;
  attendance: number | null;
  seriesId: string | null;
  revision: number;
}
interface Entry {
  on: string;
  status: string;
}
interface IssueModel {
  id: string;
  meetingId: string;
  sector: string;
  status: string;
  private: boolean;
  raisedOn: string;
  history: Entry[];
}
interface SolutionModel {
  id: string;
  issueId: string;
  status: string;
  due: string | null;
  history: string[];
}
interface Records {
  ncos: NcoModel[];
  meetings: MeetingModel[];
  issues: IssueModel[];
  solutions: SolutionModel[];
}
type Counter = 'nco' | 'meeting' | 'issue' | 'solution' | 'series';

/** A change in the undo journal: its number, the backup of the state before it, and that state. */
interface JournalModel {
  nextSeq: number;
  entries: Array<{ seq: number; backup: number | null; before: Records | null }>;
  /** The numbers of the backups kept beside the store. */
  backups: number[];
}

interface Model {
  records: Records;
  nextId: Record<Counter, number>;
  journal: JournalModel;
  /** Every id nsm ever handed out in this run: none may come back. */
  issued: Set<string>;
  /** The calendar UUID each meeting id was first seen with: an id given again would come with another. */
  uuids: Map<string, string>;
}

interface Real {
  store: string;
}

/** What a command must do: be refused with an exit code, or succeed and change the records so. */
type Outcome =
  | { refused: 2 | 3 | 4 }
  | {
      change: (model: Model) => void;
      check?: (json: unknown, model: Model) => void;
      /** Undo keeps its own books: it takes a change off the journal rather than adding one. */
      unrecorded?: true;
    };

const refuse = (code: 2 | 3 | 4): Outcome => ({ refused: code });

function clone<T>(value: T): T {
  return structuredClone(value);
}

function newId(model: Model, counter: Counter, prefix: string): string {
  const id = `${prefix}${model.nextId[counter]++}`;
  expect(model.issued.has(id), `the model handed out ${id} twice`).toBe(false);
  model.issued.add(id);
  return id;
}

/** An id of the kind that is not in the store (and was never handed out). */
function missingId(model: Model, counter: Counter, prefix: string): string {
  return `${prefix}${model.nextId[counter] + 500}`;
}

function pick<T>(list: readonly T[], n: number): T | undefined {
  return list.length === 0 ? undefined : list[n % list.length];
}

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Minutes since the epoch of a New York wall time; all the test's dates share one UTC offset. */
function minutes(wall: string): number {
  return Date.parse(`${wall}Z`) / 60_000;
}

function overlaps(a: { start: string; durationMinutes: number }, b: typeof a): boolean {
  return (
    minutes(a.start) < minutes(b.start) + b.durationMinutes &&
    minutes(b.start) < minutes(a.start) + a.durationMinutes
  );
}

/** Ends the assignment open on `on` the day before; one that would end before it began is dropped. */
function endOpenAssignment(nco: NcoModel, on: string): boolean {
  const last = nco.assignments.at(-1);
  if (!last || (last.to !== null && last.to < on)) return false;
  const to = addDays(on, -1);
  if (to < last.from) nco.assignments.pop();
  else last.to = to;
  return true;
}

/** The status an issue had when `day` began: what an agenda for that day carries. */
function statusBefore(issue: IssueModel, day: string): string | null {
  let status: string | null = null;
  for (const entry of issue.history) if (entry.on < day) status = entry.status;
  return status;
}

function findById<T extends { id: string }>(list: T[], id: string): T | undefined {
  return list.find((r) => r.id === id);
}

// ---------------------------------------------------------------------------------------------
// The real store, seen the way the model sees it

interface StoreJson {
  nextId: Record<string, number>;
  ncos: Array<NcoModel & Record<string, unknown>>;
  meetings: Array<MeetingModel & Record<string, unknown>>;
  issues: Array<{ history: Array<Entry & Record<string, unknown>> } & IssueModel & Record<string, unknown>>;
  solutions: Array<{ id: string; history: Array<{ status: string }> } & Record<string, unknown>>;
}

function readStoreJson(store: string): StoreJson {
  return JSON.parse(readFileSync(store, 'utf8')) as StoreJson;
}

function project(json: StoreJson): Records {
  return {
    ncos: json.ncos.map((n) => ({
      id: n.id,
      shield: n.shield,
      precinct: n.precinct,
      assignments: n.assignments.map((a) => ({ sector: a.sector, from: a.from, to: a.to })),
    })),
    meetings: json.meetings.map((m) => ({
      id: m.id,
      sector: m.sector,
      start: m.start,
      durationMinutes: m.durationMinutes,
      status: m.status,
      attendance: m.attendance,
      seriesId: m.seriesId,
      revision: m.revision,
    })),
    issues: json.issues.map((i) => ({
      id: i.id,
      meetingId: i.meetingId,
      sector: i.sector,
      status: i.status,
      private: i.private,
      raisedOn: i.raisedOn,
      history: i.history.map((h) => ({ on: h.on, status: h.status })),
    })),
    solutions: json.solutions.map((s) => ({
      id: s.id,
      issueId: s.issueId as string,
      status: s.status as string,
      due: s.due as string | null,
      history: s.history.map((h) => h.status),
    })),
  };
}

/** The store on disk holds exactly the model's records, with unique ids below their counters. */
function expectStoreMatches(model: Model, real: Real): void {
  const json = readStoreJson(real.store);
  expect(project(json)).toEqual(model.records);
  for (const m of json.meetings) {
    const uuid = m.uuid as string;
    expect(model.uuids.get(m.id) ?? uuid, `${m.id} was given to another meeting before`).toBe(uuid);
    model.uuids.set(m.id, uuid);
  }
  for (const counter of Object.keys(model.nextId) as Counter[])
    expect(json.nextId[counter], `nextId.${counter}`).toBe(model.nextId[counter]);
  const kinds: Array<[string, Array<{ id: string }>, Counter]> = [
    ['nco', json.ncos, 'nco'],
    ['meeting', json.meetings, 'meeting'],
    ['issue', json.issues, 'issue'],
    ['solution', json.solutions, 'solution'],
  ];
  for (const [kind, list, counter] of kinds) {
    const ids = list.map((r) => r.id);
    expect(new Set(ids).size, `${kind} ids are unique`).toBe(ids.length);
    for (const id of ids)
      expect(Number(id.slice(1)), `${id} is below nextId.${counter}`).toBeLessThan(json.nextId[counter]!);
  }
}

// ---------------------------------------------------------------------------------------------
// Running one command

/** Runs a command the model has an outcome for, and brings the model along. */
async function step(model: Model, real: Real, args: string[], outcome: Outcome): Promise<void> {
  const before = 'refused' in outcome ? snapshot(real.store) : null;
  const run = await nsmIn([...args, '--json'], { store: real.store });
  if ('refused' in outcome) {
    expect(run.status, `${args.join(' ')} must be refused: ${run.stderr}`).toBe(outcome.refused);
    expect(run.stderr).toMatch(/^nsm: [^\n]+ — [^\n]+\n$/);
    expect(run.stdout).toBe('');
    expect(snapshot(real.store), 'a refused command changed files').toEqual(before);
    tally(args, `exit ${outcome.refused}`);
  } else {
    expect(run.status, `${args.join(' ')} must succeed: ${run.stderr}`).toBe(0);
    const records = clone(model.records);
    outcome.change(model);
    // A change that leaves the store as it was writes nothing, so it is not recorded for undo.
    if (!outcome.unrecorded && JSON.stringify(model.records) !== JSON.stringify(records))
      recordChange(model.journal, records);
    outcome.check?.(JSON.parse(run.stdout), model);
    tally(args, 'ok');
  }
  expectStoreMatches(model, real);
}

/** How often each command ran and how it ended, so a run that never reaches a case shows it. */
const outcomes = new Map<string, number>();

function tally(args: string[], ending: string): void {
  const command = args[0] === 'undo' || args[0] === 'agenda' ? args[0] : `${args[0]} ${args[1]}`;
  const key = `${command}: ${ending}`;
  outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
}

/** A recorded change: the state it replaced becomes the newest backup; the oldest beyond the limit go. */
function recordChange(journal: JournalModel, before: Records): void {
  const seq = journal.nextSeq++;
  keepBackup(journal, seq, BACKUPS_KEPT);
  journal.entries.push({ seq, backup: seq, before });
}

function keepBackup(journal: JournalModel, seq: number, kept: number): void {
  journal.backups.push(seq);
  journal.backups.sort((a, b) => a - b);
  journal.backups.splice(0, Math.max(0, journal.backups.length - kept));
}

// ---------------------------------------------------------------------------------------------
// The commands

/** One drawn command: its choices are indexes, resolved against the model when it runs. */
class Step implements fc.AsyncCommand<Model, Real> {
  private shown: string | undefined;
  constructor(
    private readonly label: string,
    /** The command line and what it must do; null for a step that only checks the store. */
    private readonly plan: (model: Model) => { args: string[]; outcome: Outcome } | null,
  ) {}
  check(): boolean {
    return true;
  }
  async run(model: Model, real: Real): Promise<void> {
    const planned = this.plan(model);
    if (!planned) return expectStoreMatches(model, real);
    const { args, outcome } = planned;
    this.shown = `nsm ${args.map((a) => (/[\s"]/.test(a) ? JSON.stringify(a) : a)).join(' ')}`;
    await step(model, real, args, outcome);
  }
  toString(): string {
    return this.shown ?? this.label;
  }
}

const index = fc.nat({ max: 1_000 });
/** One draw in ten names a record that does not exist. */
const missing = fc.nat({ max: 9 }).map((n) => n === 0);

/** Checks the store against the model without running anything: what shrinking turns idle steps into. */
const look = fc.constant(0).map(() => new Step('look', () => null));

const ncoAdd = fc.record({ shield: index, precinct: fc.constantFrom(75, 75, 14, 750) }).map(
  ({ shield: s, precinct }) =>
    new Step('nco add', (model) => {
      const shield = pick(SHIELDS, s)!;
      const args = [
        'nco',
        'add',
        '--name',
        `Officer ${shield}`,
        '--shield',
        shield,
        '--precinct',
        `${precinct}`,
      ];
      if (!PRECINCTS.includes(precinct as 75)) return { args, outcome: refuse(4) };
      if (model.records.ncos.some((n) => n.shield === shield)) return { args, outcome: refuse(3) };
      let id = '';
      return {
        args,
        outcome: {
          change: (m) => {
            id = newId(m, 'nco', 'N');
            m.records.ncos.push({ id, shield, precinct, assignments: [] });
          },
          check: (json) => expect(json).toMatchObject({ id, shield, precinct, assignments: [] }),
        },
      };
    }),
);

/** The NCO an assign or unassign names: one of the model's, or now and then one that does not exist. */
function ncoFor(model: Model, n: number, absent: boolean): { id: string; nco?: NcoModel } {
  const nco = absent ? undefined : pick(model.records.ncos, n);
  return nco ? { id: nco.id, nco } : { id: missingId(model, 'nco', 'N') };
}

const ncoAssign = fc.record({ nco: index, absent: missing, sector: index, from: index }).map(
  (c) =>
    new Step('nco assign', (model) => {
      const { id, nco } = ncoFor(model, c.nco, c.absent);
      const sector = pick(SECTORS, c.sector)!;
      const given = pick(ASSIGN_DATES, c.from);
      const args = ['nco', 'assign', id, sector, ...(given ? ['--from', given] : [])];
      if (!nco) return { args, outcome: refuse(4) };
      const from = given ?? TODAY;
      const last = nco.assignments.at(-1);
      if (Number.parseInt(sector) !== nco.precinct) return { args, outcome: refuse(3) };
      if (last && last.from > from) return { args, outcome: refuse(3) };
      if (last && last.sector === sector && (last.to === null || last.to >= from))
        return { args, outcome: refuse(3) };
      return {
        args,
        outcome: {
          change: (m) => {
            const target = findById(m.records.ncos, id)!;
            endOpenAssignment(target, from);
            target.assignments.push({ sector, from, to: null });
          },
          check: (json, m) =>
            expect(json).toMatchObject({ id, assignments: findById(m.records.ncos, id)!.assignments }),
        },
      };
    }),
);

const ncoUnassign = fc.record({ nco: index, absent: missing, on: index }).map(
  (c) =>
    new Step('nco unassign', (model) => {
      const { id, nco } = ncoFor(model, c.nco, c.absent);
      const given = pick(ASSIGN_DATES, c.on);
      const args = ['nco', 'unassign', id, ...(given ? ['--on', given] : [])];
      if (!nco) return { args, outcome: refuse(4) };
      const on = given ?? TODAY;
      // Unassigning an NCO with no sector on that day is refused.
      if (!endOpenAssignment(clone(nco), on)) return { args, outcome: refuse(3) };
      return {
        args,
        outcome: {
          change: (m) => void endOpenAssignment(findById(m.records.ncos, id)!, on),
          check: (json, m) =>
            expect(json).toMatchObject({ id, assignments: findById(m.records.ncos, id)!.assignments }),
        },
      };
    }),
);

const meetingSchedule = fc
  .record({
    sector: index,
    day: index,
    time: index,
    duration: index,
    // Meetings in the past need --force; they are the ones that can be held and raise issues.
    force: fc.constantFrom(true, true, false),
    count: fc.constantFrom(0, 0, 2, 3),
  })
  .map(
    (c) =>
      new Step('meeting schedule', (model) => {
        const sector = pick(SECTORS, c.sector)!;
        const day = pick(DAYS, c.day)!;
        const time = pick(TIMES, c.time)!;
        const durationMinutes = pick(DURATIONS, c.duration)!;
        const args = ['meeting', 'schedule', '--sector', sector, '--at', `${day} ${time}`];
        args.push('--duration', `${durationMinutes}`);
        if (c.count > 0) args.push('--repeat', 'weekly', '--count', `${c.count}`);
        if (c.force) args.push('--force');
        const starts = Array.from(
          { length: Math.max(1, c.count) },
          (_, k) => `${addDays(day, 7 * k)}T${time}`,
        );
        // Refused unless --force: a start in the past, or the sector already meeting at an overlapping time.
        const conflict = starts.some(
          (start) => conflictsOf(model, sector, start, durationMinutes).length > 0,
        );
        if (conflict && !c.force) return { args, outcome: refuse(3) };
        const ids: string[] = [];
        let seriesId: string | null = null;
        return {
          args,
          outcome: {
            change: (m) => {
              seriesId = c.count > 0 ? newId(m, 'series', 'R') : null;
              for (const start of starts) {
                const id = newId(m, 'meeting', 'M');
                ids.push(id);
                m.records.meetings.push({
                  id,
                  sector,
                  start,
                  durationMinutes,
                  status: 'scheduled',
                  attendance: null,
                  seriesId,
                  revision: 0,
                });
              }
            },
            check: (json) => {
              const made = (c.count > 0 ? json : [json]) as Array<{ id: string; seriesId: string | null }>;
              expect(made.map((r) => r.id)).toEqual(ids);
              for (const r of made) expect(r).toMatchObject({ sector, status: 'scheduled', seriesId });
            },
          },
        };
      }),
  );

/** The meeting a command names: one of the model's, or now and then one that does not exist. */
function meetingFor(model: Model, n: number, absent: boolean): { id: string; meeting?: MeetingModel } {
  const meeting = absent ? undefined : pick(model.records.meetings, n);
  return meeting ? { id: meeting.id, meeting } : { id: missingId(model, 'meeting', 'M') };
}

/**
 * What stands in the way of a meeting of `sector` at `start` (keyed, so a reschedule can tell the
 * conflicts it brings from those the meeting already had): a start in the past, or another meeting
 * of the sector, not cancelled, at an overlapping time.
 */
function conflictsOf(
  model: Model,
  sector: string,
  start: string,
  durationMinutes: number,
  self?: string,
): string[] {
  const others = model.records.meetings.filter(
    (m) =>
      m.id !== self &&
      m.sector === sector &&
      m.status !== 'cancelled' &&
      overlaps(m, { start, durationMinutes }),
  );
  return [...(start < NOW_WALL ? [`past ${start}`] : []), ...others.map((m) => `sector ${m.id}`)];
}

/** Moving a scheduled meeting: refused only for conflicts it did not have before, unless --force. */
const meetingReschedule = fc
  .record({
    meeting: index,
    absent: missing,
    day: index,
    time: index,
    duration: fc.option(index),
    force: fc.boolean(),
  })
  .map(
    (c) =>
      new Step('meeting reschedule', (model) => {
        const { id, meeting } = meetingFor(model, c.meeting, c.absent);
        const start = `${pick(DAYS, c.day)!}T${pick(TIMES, c.time)!}`;
        const given = c.duration === null ? undefined : pick(DURATIONS, c.duration)!;
        const args = ['meeting', 'reschedule', id, '--at', start.replace('T', ' ')];
        if (given !== undefined) args.push('--duration', `${given}`);
        if (c.force) args.push('--force');
        if (!meeting) return { args, outcome: refuse(4) };
        if (meeting.status !== 'scheduled') return { args, outcome: refuse(3) };
        const durationMinutes = given ?? meeting.durationMinutes;
        // Nothing to change: it succeeds and writes nothing.
        if (start === meeting.start && durationMinutes === meeting.durationMinutes)
          return { args, outcome: { change: () => {}, check: (json) => expect(json).toMatchObject({ id }) } };
        const had = conflictsOf(model, meeting.sector, meeting.start, meeting.durationMinutes, id);
        const brought = conflictsOf(model, meeting.sector, start, durationMinutes, id).filter(
          (k) => !had.includes(k),
        );
        if (brought.length > 0 && !c.force) return { args, outcome: refuse(3) };
        const revision = meeting.revision + 1;
        return {
          args,
          outcome: {
            change: (m) =>
              Object.assign(findById(m.records.meetings, id)!, { start, durationMinutes, revision }),
            check: (json) =>
              expect(json).toMatchObject({ id, status: 'scheduled', durationMinutes, revision }),
          },
        };
      }),
  );

const meetingHeld = fc.record({ meeting: index, absent: missing, attendance: index }).map(
  (c) =>
    new Step('meeting held', (model) => {
      const { id, meeting } = meetingFor(model, c.meeting, c.absent);
      const attendance = pick(ATTENDANCE, c.attendance)!;
      const args = ['meeting', 'held', id, '--attendance', `${attendance}`];
      if (!meeting) return { args, outcome: refuse(4) };
      if (meeting.status === 'cancelled' || meeting.start > NOW_WALL) return { args, outcome: refuse(3) };
      return {
        args,
        outcome: {
          change: (m) => Object.assign(findById(m.records.meetings, id)!, { status: 'held', attendance }),
          check: (json) => expect(json).toMatchObject({ id, status: 'held', attendance }),
        },
      };
    }),
);

const meetingCancel = fc.record({ meeting: index, absent: missing, series: fc.boolean() }).map(
  (c) =>
    new Step('meeting cancel', (model) => {
      const { id, meeting } = meetingFor(model, c.meeting, c.absent);
      const args = ['meeting', 'cancel', id, ...(c.series ? ['--series'] : [])];
      if (!meeting) return { args, outcome: refuse(4) };
      if (meeting.status !== 'scheduled') return { args, outcome: refuse(3) };
      // --series: this meeting and the later scheduled ones of its series, soonest first.
      const targets =
        c.series && meeting.seriesId
          ? model.records.meetings
              .filter(
                (m) =>
                  m.seriesId === meeting.seriesId && m.status === 'scheduled' && m.start >= meeting.start,
              )
              .sort(
                (a, b) =>
                  minutes(a.start) - minutes(b.start) || Number(a.id.slice(1)) - Number(b.id.slice(1)),
              )
              .map((m) => m.id)
          : [id];
      return {
        args,
        outcome: {
          change: (m) => {
            for (const target of targets) {
              const record = findById(m.records.meetings, target)!;
              Object.assign(record, { status: 'cancelled', revision: record.revision + 1 });
            }
          },
          check: (json) => {
            const cancelled = (c.series ? json : [json]) as Array<{ id: string; status: string }>;
            expect(cancelled.map((r) => [r.id, r.status])).toEqual(targets.map((t) => [t, 'cancelled']));
          },
        },
      };
    }),
);

const issueRaise = fc.record({ meeting: index, absent: missing, private: fc.boolean() }).map(
  (c) =>
    new Step('issue raise', (model) => {
      const { id: meetingId, meeting } = meetingFor(model, c.meeting, c.absent);
      const args = ['issue', 'raise', '--meeting', meetingId, '--summary', 'Double parking at dismissal'];
      if (c.private) args.push('--private');
      if (!meeting) return { args, outcome: refuse(4) };
      // Raised at a meeting that took place: not a cancelled one, nor one still to come.
      if (meeting.status === 'cancelled' || meeting.start > NOW_WALL) return { args, outcome: refuse(3) };
      const raisedOn = meeting.start.slice(0, 10);
      let id = '';
      return {
        args,
        outcome: {
          change: (m) => {
            id = newId(m, 'issue', 'I');
            m.records.issues.push({
              id,
              meetingId,
              sector: meeting.sector,
              status: 'open',
              private: c.private,
              raisedOn,
              history: [{ on: raisedOn, status: 'open' }],
            });
          },
          check: (json) =>
            expect(json).toMatchObject({ id, meetingId, sector: meeting.sector, status: 'open', raisedOn }),
        },
      };
    }),
);

function issueFor(model: Model, n: number, absent: boolean): { id: string; issue?: IssueModel } {
  const issue = absent ? undefined : pick(model.records.issues, n);
  return issue ? { id: issue.id, issue } : { id: missingId(model, 'issue', 'I') };
}

const issueUpdate = fc
  .record({ issue: index, absent: missing, status: fc.constantFrom(...ISSUE_STATUSES) })
  .map(
    (c) =>
      new Step('issue update', (model) => {
        const { id, issue } = issueFor(model, c.issue, c.absent);
        const args = ['issue', 'update', id, '--status', c.status, '--note', 'Discussed with DOT'];
        if (!issue) return { args, outcome: refuse(4) };
        if (!ISSUE_MOVES[issue.status]!.includes(c.status)) return { args, outcome: refuse(3) };
        return {
          args,
          outcome: {
            change: (m) => {
              const record = findById(m.records.issues, id)!;
              record.status = c.status;
              record.history.push({ on: TODAY, status: c.status });
            },
            check: (json) => expect(json).toMatchObject({ id, status: c.status }),
          },
        };
      }),
  );

const solutionAdd = fc.record({ issue: index, absent: missing, due: index }).map(
  (c) =>
    new Step('solution add', (model) => {
      const { id: issueId, issue } = issueFor(model, c.issue, c.absent);
      const due = pick(DUE_DATES, c.due) ?? null;
      const args = [
        'solution',
        'add',
        issueId,
        '--summary',
        'Directed patrols',
        ...(due ? ['--due', due] : []),
      ];
      if (!issue) return { args, outcome: refuse(4) };
      // A closed issue takes no new solution; nothing is due before its issue was raised.
      if (issue.status === 'closed' || (due !== null && due < issue.raisedOn))
        return { args, outcome: refuse(3) };
      let id = '';
      return {
        args,
        outcome: {
          change: (m) => {
            id = newId(m, 'solution', 'S');
            m.records.solutions.push({ id, issueId, status: 'agreed', due, history: ['agreed'] });
          },
          check: (json) => expect(json).toMatchObject({ id, issueId, status: 'agreed', due }),
        },
      };
    }),
);

const solutionUpdate = fc
  .record({ solution: index, absent: missing, status: fc.constantFrom(...SOLUTION_STATUSES) })
  .map(
    (c) =>
      new Step('solution update', (model) => {
        const solution = c.absent ? undefined : pick(model.records.solutions, c.solution);
        const id = solution?.id ?? missingId(model, 'solution', 'S');
        const args = ['solution', 'update', id, '--status', c.status, '--note', 'Checked on site'];
        if (!solution) return { args, outcome: refuse(4) };
        if (!SOLUTION_MOVES[solution.status]!.includes(c.status)) return { args, outcome: refuse(3) };
        return {
          args,
          outcome: {
            change: (m) => {
              const record = findById(m.records.solutions, id)!;
              record.status = c.status;
              record.history.push(c.status);
            },
            check: (json) => expect(json).toMatchObject({ id, status: c.status }),
          },
        };
      }),
  );

/**
 * Undo puts back the state before the newest recorded change while its backup is kept (the
 * newest BACKUPS_KEPT states); the id counters stay where they were, so no id comes back.
 */
const undo = fc.constant(0).map(
  () =>
    new Step('undo', (model) => {
      const args = ['undo'];
      const { journal } = model;
      const last = journal.entries.at(-1);
      if (!last || last.backup === null || !journal.backups.includes(last.backup))
        return { args, outcome: refuse(3) };
      return {
        args,
        outcome: {
          change: (m) => {
            // The state undone becomes a backup itself (one more is kept for it), and the one put back goes.
            keepBackup(m.journal, m.journal.nextSeq++, BACKUPS_KEPT + 1);
            m.journal.entries.pop();
            m.journal.backups = m.journal.backups.filter((b) => b !== last.backup);
            m.records = clone(last.before!);
          },
          check: (json) => expect(json).toMatchObject({ undone: { seq: last.seq } }),
          unrecorded: true,
        },
      };
    }),
);

const slip = index.map((n) => new Step('typing slip', () => ({ args: pick(SLIPS, n)!, outcome: refuse(2) })));

/** The agenda of a meeting carries every issue of its sector raised earlier and still outstanding that morning. */
const agenda = fc.record({ meeting: index, absent: missing }).map(
  (c) =>
    new Step('agenda', (model) => {
      const { id, meeting } = meetingFor(model, c.meeting, c.absent);
      const args = ['agenda', id];
      if (!meeting) return { args, outcome: refuse(4) };
      if (meeting.status !== 'scheduled') return { args, outcome: refuse(3) };
      const byId = new Map(model.records.meetings.map((m) => [m.id, m]));
      const day = meeting.start.slice(0, 10);
      const carried = model.records.issues
        .filter((i) => {
          const raisedAt = byId.get(i.meetingId)!;
          const status = statusBefore(i, day);
          return (
            i.sector === meeting.sector &&
            i.meetingId !== meeting.id &&
            raisedAt.start < meeting.start &&
            (status === 'open' || status === 'in-progress')
          );
        })
        .sort((a, b) => a.raisedOn.localeCompare(b.raisedOn) || Number(a.id.slice(1)) - Number(b.id.slice(1)))
        .map((i) => [i.id, statusBefore(i, day)]);
      return {
        args,
        outcome: {
          change: () => {},
          check: (json) => {
            const view = json as { meetingId: string; oldBusiness: Array<{ id: string; status: string }> };
            expect(view.meetingId).toBe(id);
            expect(view.oldBusiness.map((o) => [o.id, o.status])).toEqual(carried);
          },
        },
      };
    }),
);

/**
 * Idle steps come first: with cross-shrinking, a failing sequence shrinks its irrelevant steps to
 * `look`, so a counterexample reads as the few commands that matter.
 */
const anyStep = fc.oneof(
  { withCrossShrink: true },
  { arbitrary: look, weight: 1 },
  { arbitrary: ncoAdd, weight: 3 },
  { arbitrary: ncoAssign, weight: 3 },
  { arbitrary: ncoUnassign, weight: 2 },
  { arbitrary: meetingSchedule, weight: 6 },
  { arbitrary: meetingReschedule, weight: 3 },
  { arbitrary: meetingHeld, weight: 3 },
  { arbitrary: meetingCancel, weight: 2 },
  { arbitrary: issueRaise, weight: 6 },
  { arbitrary: issueUpdate, weight: 5 },
  { arbitrary: solutionAdd, weight: 4 },
  { arbitrary: solutionUpdate, weight: 4 },
  { arbitrary: undo, weight: 2 },
  { arbitrary: slip, weight: 1 },
  { arbitrary: agenda, weight: 2 },
);

/** Doctor's staffing warnings are about the roster, not the store's health: a fresh store has them too. */
const STAFFING = ['precinct-without-sectors', 'sectors-below-two-ncos', 'precincts-without-ncos'];

async function setup(): Promise<{ model: Model; real: Real }> {
  const store = initializedStore();
  const json = readStoreJson(store);
  expect([json.ncos, json.meetings, json.issues, json.solutions].map((l) => l.length)).toEqual([0, 0, 0, 0]);
  const journal = await readJournal(store);
  // A fresh store: init is its only recorded change, and there is nothing before it.
  expect(journal.entries.map((e) => e.backup)).toEqual([null]);
  const nextId = { nco: 0, meeting: 0, issue: 0, solution: 0, series: 0 };
  for (const counter of Object.keys(nextId) as Counter[]) nextId[counter] = json.nextId[counter]!;
  return {
    model: {
      records: { ncos: [], meetings: [], issues: [], solutions: [] },
      nextId,
      journal: {
        nextSeq: journal.nextSeq,
        entries: journal.entries.map((e) => ({ seq: e.seq, backup: null, before: null })),
        backups: [],
      },
      issued: new Set(),
      uuids: new Map(),
    },
    real: { store },
  };
}

/** NSM_R5_SEED and NSM_R5_PATH replay a counterexample that R5 reported (its seed and path). */
const replay = process.env.NSM_R5_SEED
  ? { seed: Number(process.env.NSM_R5_SEED), path: process.env.NSM_R5_PATH, endOnFailure: true }
  : {};

/** One run: a fresh store, the steps in turn (each checked against the model), then doctor. */
async function runSequence(sequence: Step[]): Promise<void> {
  const { model, real } = await setup();
  await fc.asyncModelRun(() => ({ model, real }), sequence);
  // Whatever the sequence did, doctor finds nothing wrong with the store it left.
  const doctor = await nsmIn(['doctor', '--json'], { store: real.store });
  expect(doctor.status, doctor.stderr).toBe(0);
  const report = JSON.parse(doctor.stdout) as { ok: boolean; findings: Array<{ code: string }> };
  expect(report.ok).toBe(true);
  expect(report.findings.filter((f) => !STAFFING.includes(f.code))).toEqual([]);
}

/**
 * The shrunk counterexample as the command lines it ran (idle steps left out), replayed once so
 * that each step shows the ids it used in this very sequence, with the assertion that failed.
 */
async function explain(result: fc.RunDetails<[Step[]]>): Promise<string> {
  const sequence = result.counterexample?.[0] ?? [];
  let failure: unknown = result.errorInstance;
  try {
    await runSequence(sequence);
  } catch (error) {
    failure = error;
  }
  const lines = sequence.map(String).filter((line) => line !== 'look');
  return [
    `R5 found a counterexample after ${result.numRuns} run(s); replay it with NSM_R5_SEED=${result.seed} NSM_R5_PATH="${result.counterexamplePath ?? ''}":`,
    ...lines.map((line) => `  ${line}`),
    String(failure),
  ].join('\n');
}

describe('R5: random command sequences against a model', () => {
  it(
    `${RUNS} runs of ${STEPS} steps: the store always holds what the model says`,
    async () => {
      const started = performance.now();
      const result = await fc.check(
        fc.asyncProperty(fc.array(anyStep, { minLength: STEPS, maxLength: STEPS }), runSequence),
        { numRuns: RUNS, ...replay },
      );
      if (result.failed) throw new Error(await explain(result));
      const count = (ok: boolean) =>
        [...outcomes].filter(([k]) => k.endsWith(': ok') === ok).reduce((n, [, c]) => n + c, 0);
      figure('R5', 'runs', result.numRuns);
      figure('R5', 'steps per run', STEPS);
      figure('R5', 'commands run: done / refused as the model said', `${count(true)} / ${count(false)}`);
      figure('R5', 'counterexamples', 0);
      figure('R5', 'time', `${((performance.now() - started) / 1000).toFixed(1)} s`);
    },
    scale(120_000, 3_600_000),
  );
});
