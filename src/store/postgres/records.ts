import type { Client } from 'pg';
import type { Store } from '../../domain/schema.js';
import { publicCopy } from '../../domain/minutes.js';

/**
 * How each kind of record of the store is kept in the database: its main table (one row per
 * record) and the tables of its parts (histories, assignments, amendments: rows in their order).
 * A change to the store is applied as what it did to records: those created and changed are
 * written (the row, and its parts anew), those retired are deleted. The domain decides what
 * changes, once, for both stores; this only writes it down.
 */

type Column = readonly [name: string, type: string];
type Row = readonly unknown[];

interface Table<R> {
  name: string;
  columns: readonly Column[];
  /** The rows one record gives this table. */
  rows(record: R, index: number): Row[];
}

interface Kind<R> {
  records(store: Store): readonly R[];
  /** What identifies a record (the main table's first column). */
  key(record: R, index: number): string | number;
  keyType: string;
  main: Table<R>;
  /** The tables of its parts; their first column is the record's key. */
  parts: readonly Table<R>[];
  /**
   * The precinct whose records it is part of (looked up in `store` for a record that names its
   * precinct through another); none for reference data, which only the administrator changes.
   */
  precinct?(record: R, store: Store): number | undefined;
}

type HistoryEntry = {
  on: string;
  status: string;
  note: string;
  meetingId: string | null;
  edit?: unknown;
};

const historyTable = <R extends { id: string; history: readonly HistoryEntry[] }>(
  name: string,
  owner: string,
): Table<R> => ({
  name,
  columns: [
    [owner, 'text'],
    ['position', 'integer'],
    ['on_date', 'date'],
    ['status', 'text'],
    ['note', 'text'],
    ['meeting_id', 'text'],
    ['edit', 'json'],
  ],
  rows: (r) =>
    r.history.map((h, i) => [
      r.id,
      i,
      h.on,
      h.status,
      h.note,
      h.meetingId,
      h.edit === undefined ? null : JSON.stringify(h.edit),
    ]),
});

const kind = <R>(k: Kind<R>): Kind<R> => k;

/** In the order their references allow: a record is written after those it names. */
const KINDS = [
  kind<Store['precincts'][number]>({
    records: (s) => s.precincts,
    key: (p) => p.precinct,
    keyType: 'integer',
    main: {
      name: 'precincts',
      columns: [
        ['precinct', 'integer'],
        ['name', 'text'],
        ['common_name', 'text'],
        ['borough', 'text'],
        ['patrol_borough', 'text'],
        ['patrol_borough_code', 'text'],
        ['address', 'text'],
        ['phone', 'text'],
        ['url', 'text'],
        ['rollout_start', 'date'],
        ['rollout_phase', 'integer'],
        ['opened', 'date'],
        ['notes', 'text'],
      ],
      rows: (p) => [
        [
          p.precinct,
          p.name,
          p.commonName,
          p.borough,
          p.patrolBorough,
          p.patrolBoroughCode,
          p.address,
          p.phone,
          p.url,
          p.rollout.startDate,
          p.rollout.phase,
          p.opened,
          p.notes,
        ],
      ],
    },
    parts: [],
    precinct: (p) => p.precinct,
  }),
  kind<Store['sectors'][number]>({
    records: (s) => s.sectors,
    key: (s) => s.id,
    keyType: 'text',
    main: {
      name: 'sectors',
      columns: [
        ['id', 'text'],
        ['precinct', 'integer'],
        ['letter', 'text'],
        ['description', 'text'],
        ['sq_miles', 'double precision'],
      ],
      rows: (s) => [[s.id, s.precinct, s.letter, s.description, s.sqMiles]],
    },
    parts: [],
    precinct: (s) => s.precinct,
  }),
  kind<Store['phases'][number]>({
    records: (s) => s.phases,
    // A phase number may start on two dates (phase 3 did): a phase is its step in the rollout.
    key: (_, step) => step,
    keyType: 'integer',
    main: {
      name: 'phases',
      columns: [
        ['step', 'integer'],
        ['phase', 'integer'],
        ['start_date', 'date'],
      ],
      rows: (p, step) => [[step, p.phase, p.startDate]],
    },
    parts: [
      {
        name: 'phase_precincts',
        columns: [
          ['step', 'integer'],
          ['position', 'integer'],
          ['precinct', 'integer'],
        ],
        rows: (p, step) => p.precincts.map((precinct, i) => [step, i, precinct]),
      },
    ],
  }),
  kind<Store['psas'][number]>({
    records: (s) => s.psas,
    key: (p) => p.psa,
    keyType: 'integer',
    main: {
      name: 'psas',
      columns: [
        ['psa', 'integer'],
        ['name', 'text'],
        ['address', 'text'],
        ['borough', 'text'],
      ],
      rows: (p) => [[p.psa, p.name, p.address, p.borough]],
    },
    parts: [],
  }),
  kind<Store['ncos'][number]>({
    records: (s) => s.ncos,
    key: (n) => n.id,
    keyType: 'text',
    main: {
      name: 'ncos',
      columns: [
        ['id', 'text'],
        ['name', 'text'],
        ['shield', 'text'],
        ['rank', 'text'],
        ['precinct', 'integer'],
        ['email', 'text'],
        ['phone', 'text'],
      ],
      rows: (n) => [[n.id, n.name, n.shield, n.rank, n.precinct, n.email, n.phone]],
    },
    parts: [
      {
        name: 'nco_assignments',
        columns: [
          ['nco', 'text'],
          ['position', 'integer'],
          ['sector', 'text'],
          ['from_date', 'date'],
          ['to_date', 'date'],
        ],
        rows: (n) => n.assignments.map((a, i) => [n.id, i, a.sector, a.from, a.to]),
      },
    ],
    precinct: (n) => n.precinct,
  }),
  kind<Store['meetings'][number]>({
    records: (s) => s.meetings,
    key: (m) => m.id,
    keyType: 'text',
    main: {
      name: 'meetings',
      columns: [
        ['id', 'text'],
        ['uuid', 'uuid'],
        ['precinct', 'integer'],
        ['sector', 'text'],
        ['title', 'text'],
        ['start', 'timestamp'],
        ['duration_minutes', 'integer'],
        ['location', 'text'],
        ['address', 'text'],
        ['online_url', 'text'],
        ['series_id', 'text'],
        ['status', 'text'],
        ['revision', 'integer'],
        ['attendance', 'integer'],
        ['notes', 'text'],
        ['cancel_reason', 'text'],
        ['created_at', 'text'],
        ['updated_at', 'text'],
      ],
      rows: (m) => [
        [
          m.id,
          m.uuid,
          m.precinct,
          m.sector,
          m.title,
          m.start,
          m.durationMinutes,
          m.location,
          m.address,
          m.onlineUrl,
          m.seriesId,
          m.status,
          m.revision,
          m.attendance,
          m.notes,
          m.cancelReason,
          m.createdAt,
          m.updatedAt,
        ],
      ],
    },
    parts: [],
    precinct: (m) => m.precinct,
  }),
  kind<Store['issues'][number]>({
    records: (s) => s.issues,
    key: (i) => i.id,
    keyType: 'text',
    main: {
      name: 'issues',
      columns: [
        ['id', 'text'],
        ['meeting_id', 'text'],
        ['precinct', 'integer'],
        ['sector', 'text'],
        ['category', 'text'],
        ['summary', 'text'],
        ['details', 'text'],
        ['location', 'text'],
        ['raised_by', 'text'],
        ['private', 'boolean'],
        ['status', 'text'],
        ['raised_on', 'date'],
        ['created_at', 'text'],
      ],
      rows: (i) => [
        [
          i.id,
          i.meetingId,
          i.precinct,
          i.sector,
          i.category,
          i.summary,
          i.details,
          i.location,
          i.raisedBy,
          i.private,
          i.status,
          i.raisedOn,
          i.createdAt,
        ],
      ],
    },
    parts: [historyTable('issue_history', 'issue_id')],
    precinct: (i) => i.precinct,
  }),
  kind<Store['solutions'][number]>({
    records: (s) => s.solutions,
    key: (s) => s.id,
    keyType: 'text',
    main: {
      name: 'solutions',
      columns: [
        ['id', 'text'],
        ['issue_id', 'text'],
        ['summary', 'text'],
        ['owner', 'text'],
        ['owner_kind', 'text'],
        ['due', 'date'],
        ['status', 'text'],
        ['agreed_at', 'text'],
        ['created_at', 'text'],
      ],
      rows: (s) => [
        [s.id, s.issueId, s.summary, s.owner, s.ownerKind, s.due, s.status, s.agreedAt, s.createdAt],
      ],
    },
    parts: [historyTable('solution_history', 'solution_id')],
    precinct: (s, store) => store.issues.find((i) => i.id === s.issueId)?.precinct,
  }),
  kind<Store['minutes'][number]>({
    records: (s) => s.minutes,
    key: (m) => m.meetingId,
    keyType: 'text',
    main: {
      name: 'minutes',
      columns: [
        ['meeting_id', 'text'],
        ['approved_at', 'text'],
        ['approved_on', 'date'],
        ['recorded_at', 'text'],
        ['snapshot', 'json'],
        ['public_snapshot', 'json'],
      ],
      // The public copy too: what a role that may not read the precinct's private text is shown.
      rows: (m) => [
        [
          m.meetingId,
          m.approvedAt,
          m.approvedOn,
          m.recordedAt,
          JSON.stringify(m.snapshot),
          JSON.stringify(publicCopy(m.snapshot)),
        ],
      ],
    },
    parts: [
      {
        name: 'minutes_amendments',
        columns: [
          ['meeting_id', 'text'],
          ['position', 'integer'],
          ['on_date', 'date'],
          ['note', 'text'],
          ['recorded_at', 'text'],
        ],
        rows: (m) => m.amendments.map((a, i) => [m.meetingId, i, a.on, a.note, a.recordedAt]),
      },
    ],
    precinct: (m, store) => store.meetings.find((meeting) => meeting.id === m.meetingId)?.precinct,
  }),
] as const;

/** The next number of each id series, as the sequence that hands it out. */
export const SERIES = [
  ['nco', 'nco_id_seq'],
  ['meeting', 'meeting_id_seq'],
  ['series', 'series_id_seq'],
  ['issue', 'issue_id_seq'],
  ['solution', 'solution_id_seq'],
] as const;

/** One record a change touched, as it was before and after (null: not there). */
export interface RecordChange {
  kind: string;
  key: string | number;
  before: unknown;
  after: unknown;
}

/** What a change does to one kind of record: those written (created or changed) and those retired. */
interface KindPlan {
  kind: Kind<unknown>;
  created: Array<[unknown, number]>;
  changed: Array<[unknown, number]>;
  retired: Array<string | number>;
}

function planKind(k: Kind<unknown>, before: Store, after: Store, changes: RecordChange[]): KindPlan {
  const old = new Map<string | number, { text: string; record: unknown }>();
  k.records(before).forEach((r, i) => old.set(k.key(r, i), { text: JSON.stringify(r), record: r }));
  const plan: KindPlan = { kind: k, created: [], changed: [], retired: [] };
  const kept = new Set<string | number>();
  k.records(after).forEach((r, i) => {
    const key = k.key(r, i);
    kept.add(key);
    const was = old.get(key);
    if (was?.text === JSON.stringify(r)) return;
    (was ? plan.changed : plan.created).push([r, i]);
    changes.push({ kind: k.main.name, key, before: was?.record ?? null, after: r });
  });
  plan.retired = [...old.keys()].filter((key) => !kept.has(key));
  for (const key of plan.retired)
    changes.push({ kind: k.main.name, key, before: old.get(key)!.record, after: null });
  return plan;
}

/**
 * Writes to the database what turned `before` into `after`, inside the caller's transaction:
 * records created are inserted and records changed updated (compared whole; their parts written
 * anew), and records gone are deleted. Id counters only ever go up. `guard` sees every change
 * before anything is written, and may refuse it.
 */
export async function applyChange(
  client: Client,
  before: Store,
  after: Store,
  guard?: (changes: readonly RecordChange[]) => Promise<void>,
): Promise<RecordChange[]> {
  const changes: RecordChange[] = [];
  const plans = (KINDS as readonly Kind<unknown>[]).map((k) => planKind(k, before, after, changes));
  await guard?.(changes);
  for (const { kind: k, created, changed } of plans) {
    if (created.length + changed.length === 0) continue;
    await update(client, k.main, changed);
    await insert(client, k.main, created);
    const keys = [...changed, ...created].map(([r, i]) => k.key(r, i));
    for (const part of k.parts) {
      await client.query(`DELETE FROM ${part.name} WHERE ${part.columns[0]![0]} = ANY($1::${k.keyType}[])`, [
        keys,
      ]);
      await insert(client, part, [...changed, ...created]);
    }
  }
  // Retired records go last, those that name others first (their parts go with them).
  for (const { kind: k, retired } of [...plans].reverse()) {
    if (retired.length === 0) continue;
    const deleted = await client.query(
      `DELETE FROM ${k.main.name} WHERE ${k.main.columns[0]![0]} = ANY($1::${k.keyType}[])`,
      [retired],
    );
    checkAllRows(k.main.name, deleted.rowCount, retired.length);
  }
  for (const [key, sequence] of SERIES)
    if (after.nextId[key] !== before.nextId[key])
      await client.query(
        `SELECT setval('${sequence}', greatest($1::bigint,
           (SELECT CASE WHEN is_called THEN last_value + 1 ELSE last_value END FROM ${sequence})), false)`,
        [after.nextId[key]],
      );
  return changes;
}

/** Every table that holds records, parents first. */
export const TABLES: readonly string[] = (KINDS as readonly Kind<unknown>[]).flatMap((k) => [
  k.main.name,
  ...k.parts.map((p) => p.name),
]);

/** Which precincts `changes` touch records of, and which kinds of reference data they change. */
export function changedPrecincts(
  changes: readonly RecordChange[],
  before: Store,
  after: Store,
): { precincts: Set<number>; reference: Set<string> } {
  const precincts = new Set<number>();
  const reference = new Set<string>();
  for (const c of changes) {
    const k = (KINDS as readonly Kind<unknown>[]).find((kind) => kind.main.name === c.kind)!;
    if (!k.precinct) {
      reference.add(c.kind);
      continue;
    }
    // A record moved from one precinct to another changes both.
    for (const [record, store] of [
      [c.before, before],
      [c.after, after],
    ] as const) {
      if (record === null) continue;
      const precinct = k.precinct(record, store) ?? k.precinct(record, store === after ? before : after);
      if (precinct !== undefined) precincts.add(precinct);
    }
  }
  return { precincts, reference };
}

/**
 * A statement that left rows alone: row-level security hides from an UPDATE or DELETE the rows the
 * role may not change, so it would succeed having done less. Refused, as a write that was refused.
 */
function checkAllRows(table: string, done: number | null, expected: number): void {
  if (done === expected) return;
  throw Object.assign(
    new Error(
      `permission denied: ${expected - (done ?? 0)} row(s) of ${table} may not be changed by this role`,
    ),
    { code: '42501' },
  );
}

/**
 * The store with `changes` taken back: each record put back as it was before (or removed, if the
 * change created it). Id counters are left as they are: an id once handed out stays used.
 */
export function withChangesUndone(store: Store, changes: readonly RecordChange[]): Store {
  const next = structuredClone(store);
  for (const k of KINDS as readonly Kind<unknown>[]) {
    const mine = changes.filter((c) => c.kind === k.main.name);
    if (mine.length === 0) continue;
    const records = k.records(next) as unknown[];
    for (const c of mine) {
      const at = records.findIndex((r, i) => k.key(r, i) === c.key);
      if (c.before === null) records.splice(at, 1);
      else if (at === -1) records.push(c.before);
      else records[at] = c.before;
    }
  }
  return next;
}

/** The records `changes` touched that are no longer as the change left them (changed since). */
export function changedSince(store: Store, changes: readonly RecordChange[]): RecordChange[] {
  return changes.filter((c) => {
    const k = (KINDS as readonly Kind<unknown>[]).find((kind) => kind.main.name === c.kind)!;
    const now = k.records(store).find((r, i) => k.key(r, i) === c.key) ?? null;
    return canonical(now) !== canonical(c.after);
  });
}

/** A record as text with its keys in one order: two records with the same fields give the same text. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** Inserts the rows of many records with one statement: each column travels as one array. */
async function insert<R>(client: Client, table: Table<R>, records: ReadonlyArray<[R, number]>) {
  const rows = records.flatMap(([r, i]) => table.rows(r, i));
  if (rows.length === 0) return;
  const names = table.columns.map(([name]) => name);
  const arrays = table.columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ');
  const values = table.columns.map((_, i) => rows.map((row) => row[i] ?? null));
  await client.query(
    `INSERT INTO ${table.name} (${names.join(', ')}) SELECT * FROM unnest(${arrays})`,
    values,
  );
}

/**
 * Replaces the rows of records already there, one statement for them all. An UPDATE, not an
 * INSERT … ON CONFLICT: that reads the table's columns, and a coordinator may not read the
 * private ones.
 */
async function update<R>(client: Client, table: Table<R>, records: ReadonlyArray<[R, number]>) {
  const rows = records.flatMap(([r, i]) => table.rows(r, i));
  if (rows.length === 0) return;
  const names = table.columns.map(([name]) => name);
  const [key, ...rest] = names;
  const arrays = table.columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ');
  const values = table.columns.map((_, i) => rows.map((row) => row[i] ?? null));
  const updated = await client.query(
    `UPDATE ${table.name} AS t SET ${rest.map((name) => `${name} = v.${name}`).join(', ')}
       FROM unnest(${arrays}) AS v (${names.join(', ')}) WHERE t.${key} = v.${key}`,
    values,
  );
  checkAllRows(table.name, updated.rowCount, rows.length);
}

/** A store with no records: what a change to an empty database starts from. */
export function emptyLike(store: Store): Store {
  return {
    ...store,
    nextId: { nco: 1, meeting: 1, series: 1, issue: 1, solution: 1 },
    precincts: [],
    sectors: [],
    phases: [],
    psas: [],
    ncos: [],
    meetings: [],
    issues: [],
    solutions: [],
    minutes: [],
  };
}
