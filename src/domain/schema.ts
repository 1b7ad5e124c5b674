import * as v from 'valibot';
import { hasStoreShape } from './shape-check.js';
import { ISSUE_STATUSES, MEETING_STATUSES, SOLUTION_STATUSES } from './statuses.js';

export { ISSUE_STATUSES, MEETING_STATUSES, SOLUTION_STATUSES };

/** The store format this nsm writes. A store with a higher number was written by a newer nsm. */
export const SCHEMA_VERSION = 6;

/** A day that exists: 2027-02-30 and 2027-99-99 match the pattern but name no day. */
function realDay(text: string): boolean {
  const [y, m, d] = text.slice(0, 10).split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * The schema, built on first use: every read and write is decided by the plain check in
 * shape-check.ts, so most commands never need it (building it cost milliseconds at every start).
 * It is the specification the plain check mirrors, and it explains what is wrong with a store.
 */
function buildSchemas() {
  const isoDate = v.pipe(
    v.string(),
    v.regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD'),
    v.check(realDay, 'expected a date that exists'),
  );
  const nullableText = v.nullable(v.string());

  const PrecinctSchema = v.object({
    precinct: v.pipe(v.number(), v.integer(), v.minValue(1)),
    name: v.string(),
    commonName: nullableText,
    borough: v.string(),
    patrolBorough: nullableText,
    patrolBoroughCode: nullableText,
    address: nullableText,
    phone: nullableText,
    url: nullableText,
    rollout: v.object({
      startDate: v.nullable(isoDate),
      phase: v.nullable(v.pipe(v.number(), v.integer())),
    }),
    opened: v.nullable(isoDate),
    notes: nullableText,
  });

  const SectorSchema = v.object({
    id: v.pipe(v.string(), v.regex(/^\d+[A-Z]$/, 'expected a sector id such as 75A')),
    precinct: v.pipe(v.number(), v.integer()),
    letter: v.pipe(v.string(), v.regex(/^[A-Z]$/)),
    description: nullableText,
    sqMiles: v.nullable(v.number()),
  });

  const AssignmentSchema = v.object({
    sector: v.string(),
    from: isoDate,
    to: v.nullable(isoDate),
  });

  const NcoSchema = v.object({
    id: v.pipe(v.string(), v.regex(/^N\d+$/, 'expected an NCO id such as N1')),
    name: v.string(),
    shield: v.pipe(v.string(), v.regex(/^\d+$/)),
    rank: v.string(),
    precinct: v.pipe(v.number(), v.integer()),
    email: nullableText,
    phone: nullableText,
    assignments: v.array(AssignmentSchema),
  });

  const PhaseSchema = v.object({
    phase: v.pipe(v.number(), v.integer()),
    startDate: isoDate,
    precincts: v.array(v.number()),
  });

  const PsaSchema = v.object({
    psa: v.pipe(v.number(), v.integer()),
    name: v.string(),
    address: nullableText,
    borough: v.string(),
  });

  const wallTime = v.pipe(
    v.string(),
    v.regex(/^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/, 'expected a New York time YYYY-MM-DDTHH:mm'),
    v.check(realDay, 'expected a date that exists'),
  );

  const MeetingSchema = v.object({
    id: v.pipe(v.string(), v.regex(/^M\d+$/, 'expected a meeting id such as M1')),
    /** Random, given once at creation: calendar UIDs are `<uuid>@<calendar.domain>`. */
    uuid: v.pipe(v.string(), v.uuid('expected a UUID')),
    precinct: v.pipe(v.number(), v.integer()),
    sector: v.string(),
    title: v.string(),
    /** New York wall-clock start; the instant follows from the zone rules. */
    start: wallTime,
    durationMinutes: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(720)),
    location: nullableText,
    address: nullableText,
    onlineUrl: nullableText,
    seriesId: v.nullable(v.string()),
    status: v.picklist(MEETING_STATUSES),
    /** Raised by every reschedule and cancellation, so calendar clients replace their copy. */
    revision: v.pipe(v.number(), v.integer(), v.minValue(0)),
    attendance: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0))),
    notes: nullableText,
    cancelReason: nullableText,
    createdAt: v.string(),
    updatedAt: v.string(),
  });

  /** One field corrected by an edit; values are the stored text (null for an empty field). */
  const FieldChangeSchema = v.object({
    field: v.string(),
    from: v.nullable(v.string()),
    to: v.nullable(v.string()),
  });

  const HistoryEntrySchema = <S extends readonly [string, ...string[]]>(statuses: S) =>
    v.object({
      on: isoDate,
      status: v.picklist(statuses),
      note: v.string(),
      meetingId: v.nullable(v.string()),
      /**
       * Set on a correction (`issue edit`, `solution edit`): what was changed, old → new. Such an
       * entry keeps the status and names no meeting, so it never counts as a discussion.
       */
      edit: v.optional(v.array(FieldChangeSchema)),
    });

  const IssueSchema = v.object({
    id: v.pipe(v.string(), v.regex(/^I\d+$/, 'expected an issue id such as I1')),
    /** The meeting where the issue was raised; its sector and precinct are the issue's. */
    meetingId: v.string(),
    precinct: v.pipe(v.number(), v.integer()),
    sector: v.string(),
    category: v.string(),
    summary: v.string(),
    details: nullableText,
    location: nullableText,
    raisedBy: nullableText,
    /** Holds text (a resident's name, a home address) that public outputs must leave out. */
    private: v.boolean(),
    status: v.picklist(ISSUE_STATUSES),
    raisedOn: isoDate,
    history: v.array(HistoryEntrySchema(ISSUE_STATUSES)),
    createdAt: v.string(),
  });

  const SolutionSchema = v.object({
    id: v.pipe(v.string(), v.regex(/^S\d+$/, 'expected a solution id such as S1')),
    issueId: v.string(),
    summary: v.string(),
    owner: nullableText,
    ownerKind: v.nullable(v.picklist(['nco', 'agency', 'community'])),
    due: v.nullable(isoDate),
    status: v.picklist(SOLUTION_STATUSES),
    /** The meeting where it was agreed, if any. */
    agreedAt: v.nullable(v.string()),
    history: v.array(HistoryEntrySchema(SOLUTION_STATUSES)),
    createdAt: v.string(),
  });

  const instant = v.pipe(
    v.string(),
    v.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/, 'expected ISO 8601 with an offset'),
  );

  const MinutesSolutionSchema = v.object({
    id: v.string(),
    issueId: v.string(),
    /** Null in a public copy when the issue is private. */
    summary: nullableText,
    owner: nullableText,
    due: v.nullable(isoDate),
    /** As it stood at the end of the meeting's day. */
    status: v.picklist(SOLUTION_STATUSES),
  });

  /**
   * The minutes of a held meeting: what was decided, as it stood at the end of the meeting's day.
   * Approval stores exactly this (the content, not a flag), so later ledger changes never alter it.
   * Private text is kept in the snapshot; a public copy sets it to null.
   */
  const MinutesViewSchema = v.object({
    meetingId: v.string(),
    title: v.string(),
    precinct: v.pipe(v.number(), v.integer()),
    precinctName: v.string(),
    sector: v.string(),
    start: instant,
    end: instant,
    location: nullableText,
    address: nullableText,
    onlineUrl: nullableText,
    hosts: v.array(v.object({ id: v.string(), rank: v.string(), name: v.string(), shield: v.string() })),
    attendance: v.nullable(v.number()),
    /** The sector's previous held meeting: "what changed" counts from its day. */
    previous: v.nullable(v.object({ id: v.string(), start: instant })),
    oldBusiness: v.array(
      v.object({
        id: v.string(),
        category: v.string(),
        summary: nullableText,
        location: nullableText,
        private: v.boolean(),
        /** Carried in with this status, and left the meeting's day with the other. */
        statusBefore: v.picklist(ISSUE_STATUSES),
        status: v.picklist(ISSUE_STATUSES),
        raisedOn: isoDate,
        raisedAt: v.string(),
        daysOpen: v.number(),
        meetingsOpen: v.number(),
        /** Status changes and notes of the issue and its solutions since the previous meeting. */
        changes: v.array(
          v.object({ on: isoDate, record: v.string(), status: v.string(), note: nullableText }),
        ),
        solutions: v.array(MinutesSolutionSchema),
      }),
    ),
    /** Issues not carried in nor raised here that the meeting noted as discussed. */
    discussed: v.array(
      v.object({
        id: v.string(),
        category: v.string(),
        summary: nullableText,
        private: v.boolean(),
        status: v.picklist(ISSUE_STATUSES),
        notes: v.array(nullableText),
      }),
    ),
    raised: v.array(
      v.object({
        id: v.string(),
        category: v.string(),
        summary: nullableText,
        location: nullableText,
        private: v.boolean(),
        status: v.picklist(ISSUE_STATUSES),
      }),
    ),
    /** Solutions agreed at this meeting, for issues old and new. */
    agreed: v.array(v.object({ ...MinutesSolutionSchema.entries, private: v.boolean() })),
    next: v.nullable(v.object({ id: v.string(), start: instant, venue: v.string() })),
  });

  /** Minutes approved at a later meeting: the frozen snapshot and the corrections made since. */
  const ApprovedMinutesSchema = v.object({
    meetingId: v.string(),
    approvedAt: v.string(),
    /** The day of the meeting that approved them. */
    approvedOn: isoDate,
    recordedAt: v.string(),
    snapshot: MinutesViewSchema,
    amendments: v.array(v.object({ on: isoDate, note: v.string(), recordedAt: v.string() })),
  });

  const StoreSchema = v.object({
    schemaVersion: v.literal(SCHEMA_VERSION),
    createdAt: v.string(),
    /** The next number of each id series; ids are never reused, even after undo or deletion. */
    nextId: v.object({
      nco: v.pipe(v.number(), v.integer(), v.minValue(1)),
      meeting: v.pipe(v.number(), v.integer(), v.minValue(1)),
      series: v.pipe(v.number(), v.integer(), v.minValue(1)),
      issue: v.pipe(v.number(), v.integer(), v.minValue(1)),
      solution: v.pipe(v.number(), v.integer(), v.minValue(1)),
    }),
    precincts: v.array(PrecinctSchema),
    sectors: v.array(SectorSchema),
    phases: v.array(PhaseSchema),
    psas: v.array(PsaSchema),
    ncos: v.array(NcoSchema),
    meetings: v.array(MeetingSchema),
    issues: v.array(IssueSchema),
    solutions: v.array(SolutionSchema),
    minutes: v.array(ApprovedMinutesSchema),
  });
  return {
    PrecinctSchema,
    SectorSchema,
    AssignmentSchema,
    NcoSchema,
    PhaseSchema,
    PsaSchema,
    MeetingSchema,
    FieldChangeSchema,
    IssueSchema,
    SolutionSchema,
    MinutesViewSchema,
    ApprovedMinutesSchema,
    StoreSchema,
  };
}

type Schemas = ReturnType<typeof buildSchemas>;
let built: Schemas | undefined;
export const schemas = (): Schemas => (built ??= buildSchemas());

export type Store = v.InferOutput<Schemas['StoreSchema']>;
export type Precinct = v.InferOutput<Schemas['PrecinctSchema']>;
export type Sector = v.InferOutput<Schemas['SectorSchema']>;
export type Nco = v.InferOutput<Schemas['NcoSchema']>;
export type Assignment = v.InferOutput<Schemas['AssignmentSchema']>;
export type Phase = v.InferOutput<Schemas['PhaseSchema']>;
export type Psa = v.InferOutput<Schemas['PsaSchema']>;
export type Meeting = v.InferOutput<Schemas['MeetingSchema']>;
export type Issue = v.InferOutput<Schemas['IssueSchema']>;
export type Solution = v.InferOutput<Schemas['SolutionSchema']>;
export type MinutesView = v.InferOutput<Schemas['MinutesViewSchema']>;
export type ApprovedMinutes = v.InferOutput<Schemas['ApprovedMinutesSchema']>;
export type FieldChange = v.InferOutput<Schemas['FieldChangeSchema']>;
export type IssueStatus = (typeof ISSUE_STATUSES)[number];
export type SolutionStatus = (typeof SOLUTION_STATUSES)[number];

/**
 * Validates the shape of a parsed store; returns the first problem as "path: message", or null.
 * The plain check decides (it is fast enough for every read of a city's store); the schema, which
 * it mirrors, explains what is wrong.
 */
export function schemaProblem(data: unknown): string | null {
  if (hasStoreShape(data, SCHEMA_VERSION)) return null;
  const result = v.safeParse(schemas().StoreSchema, data);
  if (result.success) return '(top level): not the shape of an nsm store';
  const issue = result.issues[0];
  const path = v.getDotPath(issue) ?? '(top level)';
  return `${path}: ${issue.message}`;
}

/**
 * Validates a parsed store: its shape, then that every id is unique, every reference resolves and
 * no id counter would hand out an id that exists. Returns the first problem, or null when valid.
 * Reads and writes refuse a store with any of these (nsm once gave an id twice after a counter was
 * lowered by hand); `nsm doctor` reads leniently and lists them all.
 */
export function storeProblem(data: unknown): string | null {
  const shape = schemaProblem(data);
  if (shape) return shape;
  const problems = integrityProblems(data as Store);
  if (problems.length === 0) return null;
  const more = problems.length - 1;
  return (
    problems[0]!.message +
    (more > 0 ? `; and ${more} more problem${more === 1 ? '' : 's'} (nsm doctor lists them)` : '')
  );
}

/** One broken rule between records: a code for scripts (`nsm doctor --json`) and a sentence. */
export interface IntegrityProblem {
  code: string;
  message: string;
}

/**
 * The set of the values `key` gives, calling `repeat` once for each value given more than once, in
 * the order they repeat.
 */
function keysOf<T, K>(items: readonly T[], key: (item: T) => K, repeat: (k: K, item: T) => void): Set<K> {
  const seen = new Set<K>();
  let twice: Set<K> | undefined;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const k = key(item);
    if (!seen.has(k)) seen.add(k);
    else if (!(twice ??= new Set()).has(k)) {
      twice.add(k);
      repeat(k, item);
    }
  }
  return seen;
}

/**
 * An id's key for the sets below: its number when it is written the usual way (M12), which a set
 * finds faster than text, and the text itself otherwise (M012 is another id than M12).
 */
function idKey(id: string, letter: string): number | string {
  if (id[0] !== letter || id.length < 2 || id.length > 10 || id.charCodeAt(1) === 48) return id;
  let n = 0;
  for (let i = 1; i < id.length; i++) {
    const d = id.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return id;
    n = n * 10 + d;
  }
  return n;
}

/** The highest number of ids like `N12` (0 when there are none). */
function highestNumber<T>(items: readonly T[], id: (item: T) => string | null): number {
  let highest = 0;
  for (let i = 0; i < items.length; i++) {
    const text = id(items[i]!);
    if (text) highest = Math.max(highest, Number(text.slice(1)) || 0);
  }
  return highest;
}

/**
 * Duplicate ids of every kind of record, references to records that are not in the store, and id
 * counters at or below an id that exists. Plain loops over Sets: linear in the store, and each set
 * of ids is built once, for finding duplicates and resolving references alike.
 */
export function integrityProblems(store: Store): IntegrityProblem[] {
  const problems: IntegrityProblem[] = [];
  const add = (code: string, message: string) => problems.push({ code, message });

  const precincts = keysOf(
    store.precincts,
    (p) => p.precinct,
    (p) => add('duplicate-precinct', `precinct ${p} appears more than once`),
  );
  const sectors = keysOf(
    store.sectors,
    (s) => s.id,
    (s) => add('duplicate-sector', `sector ${s} appears more than once`),
  );
  keysOf(
    store.psas,
    (p) => p.psa,
    (p) => add('duplicate-psa', `housing PSA ${p} appears more than once`),
  );
  keysOf(
    store.ncos,
    (n) => n.id,
    (n) => add('duplicate-nco', `NCO id ${n} is used more than once`),
  );
  const meetings = keysOf(
    store.meetings,
    (m) => idKey(m.id, 'M'),
    (_, m) => add('duplicate-meeting', `meeting id ${m.id} is used more than once`),
  );
  // Two meetings with one UUID would be one event to every calendar that imports them.
  keysOf(
    store.meetings,
    (m) => m.uuid,
    (uuid) => {
      const holders = store.meetings.filter((m) => m.uuid === uuid).map((m) => m.id);
      add('duplicate-meeting-uuid', `meetings ${holders.join(' and ')} share the calendar UUID ${uuid}`);
    },
  );
  const issues = keysOf(
    store.issues,
    (i) => idKey(i.id, 'I'),
    (_, i) => add('duplicate-issue', `issue id ${i.id} is used more than once`),
  );
  keysOf(
    store.solutions,
    (s) => idKey(s.id, 'S'),
    (_, s) => add('duplicate-solution', `solution id ${s.id} is used more than once`),
  );
  keysOf(
    store.minutes,
    (m) => m.meetingId,
    (m) => add('duplicate-minutes', `the minutes of ${m} are approved more than once`),
  );

  const missing = 'which is not in the store';

  for (const s of store.sectors)
    if (!precincts.has(s.precinct))
      add('sector-without-precinct', `sector ${s.id} belongs to precinct ${s.precinct}, ${missing}`);
  for (const phase of store.phases)
    for (const p of phase.precincts)
      if (!precincts.has(p))
        add('phase-precinct', `rollout phase ${phase.phase} names precinct ${p}, ${missing}`);
  for (const n of store.ncos) {
    if (!precincts.has(n.precinct))
      add('nco-without-precinct', `${n.id} belongs to precinct ${n.precinct}, ${missing}`);
    for (const a of n.assignments)
      if (!sectors.has(a.sector)) add('assignment-sector', `${n.id} is assigned to ${a.sector}, ${missing}`);
  }
  for (const m of store.meetings)
    if (!sectors.has(m.sector)) add('meeting-sector', `${m.id} is for sector ${m.sector}, ${missing}`);
  for (const i of store.issues) {
    if (!meetings.has(idKey(i.meetingId, 'M')))
      add('issue-meeting', `${i.id} was raised at ${i.meetingId}, ${missing}`);
    if (!sectors.has(i.sector)) add('issue-sector', `${i.id} is for sector ${i.sector}, ${missing}`);
    for (const h of i.history)
      if (h.meetingId !== null && !meetings.has(idKey(h.meetingId, 'M')))
        add('issue-history-meeting', `${i.id}'s history (${h.on}) names meeting ${h.meetingId}, ${missing}`);
  }
  for (const s of store.solutions) {
    if (!issues.has(idKey(s.issueId, 'I')))
      add('solution-issue', `${s.id} is a solution for ${s.issueId}, ${missing}`);
    if (s.agreedAt !== null && !meetings.has(idKey(s.agreedAt, 'M')))
      add('solution-meeting', `${s.id} was agreed at ${s.agreedAt}, ${missing}`);
    for (const h of s.history)
      if (h.meetingId !== null && !meetings.has(idKey(h.meetingId, 'M')))
        add(
          'solution-history-meeting',
          `${s.id}'s history (${h.on}) names meeting ${h.meetingId}, ${missing}`,
        );
  }
  for (const m of store.minutes) {
    if (!meetings.has(idKey(m.meetingId, 'M')))
      add('minutes-meeting', `approved minutes name meeting ${m.meetingId}, ${missing}`);
    if (!meetings.has(idKey(m.approvedAt, 'M')))
      add(
        'minutes-approved-at',
        `the minutes of ${m.meetingId} were approved at ${m.approvedAt}, ${missing}`,
      );
  }

  // A counter at or below an existing id hands that id out again (nsm did, after nextId.issue was lowered).
  const series: Array<[keyof Store['nextId'], string, string, number]> = [
    ['nco', 'NCO', 'N', highestNumber(store.ncos, (n) => n.id)],
    ['meeting', 'meeting', 'M', highestNumber(store.meetings, (m) => m.id)],
    ['series', 'series', 'R', highestNumber(store.meetings, (m) => m.seriesId)],
    ['issue', 'issue', 'I', highestNumber(store.issues, (i) => i.id)],
    ['solution', 'solution', 'S', highestNumber(store.solutions, (s) => s.id)],
  ];
  for (const [key, kind, letter, highest] of series)
    if (store.nextId[key] <= highest)
      add(
        'id-counter',
        `the next ${kind} id would be ${letter}${store.nextId[key]}, but ${letter}${highest} exists; ids must never be reused`,
      );
  return problems;
}
