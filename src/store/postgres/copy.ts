import { createHash } from 'node:crypto';
import type { Client } from 'pg';
import { RuleError, StoreUnreadableError } from '../../errors.js';
import { SCHEMA_VERSION, storeProblem, type Store } from '../../domain/schema.js';
import { checkSchema } from './connect.js';
import { withoutPassword } from '../paths.js';
import { applyChange, emptyLike, SERIES } from './records.js';

/**
 * Moving a whole store between a JSON file and a PostgreSQL database, record for record: ids,
 * histories (in their order), approved minutes and id counters are kept as they are. Each
 * direction is one transaction, so a copy cut off part-way leaves nothing behind.
 */

const RECORD_TABLES = [
  'precincts',
  'sectors',
  'phases',
  'psas',
  'ncos',
  'meetings',
  'issues',
  'solutions',
  'minutes',
] as const;

/** How many records of each kind the database holds (all zero for an empty one). */
async function counts(client: Client): Promise<Record<string, number>> {
  const parts = RECORD_TABLES.map((t) => `(SELECT count(*) FROM ${t})::integer AS ${t}`).join(', ');
  return (await client.query<Record<string, number>>(`SELECT ${parts}`)).rows[0]!;
}

/** Refuses to copy over records: a copy goes into an empty database only. */
export async function checkEmpty(client: Client, url: string): Promise<void> {
  const held = Object.entries(await counts(client)).filter(([, n]) => n > 0);
  if (held.length > 0)
    throw new RuleError(
      `the database at ${withoutPassword(url)} already holds a store (${held.map(([t, n]) => `${n} ${t}`).join(', ')})`,
      'copy into a new, empty database (createdb), or copy this one out with: nsm --store <url> store copy --to <file.json>',
    );
}

/** Writes every record of `store` into the (migrated, empty) database, inside the caller's transaction. */
export async function writeStore(client: Client, store: Store): Promise<void> {
  await client.query(`INSERT INTO store_meta (key, value) VALUES ('createdAt', $1)`, [store.createdAt]);
  await applyChange(client, emptyLike(store), store);
}

/**
 * Records in the order of their ids' numbers: the order nsm made them in (approved minutes: in the
 * order they were approved, which is when nsm recorded them).
 */
const BY_ID = 'substring(t.id from 2)::bigint, t.id';

/** The rows of every table, as `readRows` gives them. */
interface Rows {
  created_at: string | null;
  next_id: Store['nextId'];
  phase_precincts: Array<{ step: number; precinct: number }>;
  nco_assignments: Array<{ nco: string; sector: string; from_date: string; to_date: string | null }>;
  issue_history: HistoryRow[];
  solution_history: HistoryRow[];
  minutes_amendments: Array<{ meeting_id: string; on_date: string; note: string; recorded_at: string }>;
  precincts: PrecinctRow[];
  sectors: Array<{
    id: string;
    precinct: number;
    letter: string;
    description: string | null;
    sq_miles: number | null;
  }>;
  phases: Array<{ step: number; phase: number; start_date: string }>;
  psas: Array<{ psa: number; name: string; address: string | null; borough: string }>;
  ncos: NcoRow[];
  meetings: MeetingRow[];
  issues: IssueRow[];
  solutions: SolutionRow[];
  minutes: MinutesRow[];
}

/**
 * Every table's rows (or a part's) in one query, each table's as one JSON array: one round trip,
 * and rows decoded by JSON.parse rather than field by field, which is most of a short command's
 * time. Dates come as YYYY-MM-DD text, JSON columns (edits, snapshots) as they were written.
 * Private text is read through the masking views (see fences.ts): a role sees the private text of
 * its own precincts, and a placeholder for the others'.
 */
async function readRows(client: Client, part?: Part): Promise<Rows> {
  const where = (condition: string) => (part === undefined ? '' : ` WHERE ${condition}`);
  const list = (select: string, order: string) =>
    `(SELECT coalesce(json_agg(t ORDER BY ${order}), '[]')::text FROM (${select}) t)`;
  // The ledger's tables a part reads; the others' rows are not even named in the query, which a
  // new connection would otherwise spend time planning, and the server time reading.
  const ledger = part?.ledger ?? 'all';
  const reads = {
    issues: ledger !== 'none',
    issueHistory: ledger === 'all' || ledger === 'issues',
    solutions: ledger === 'all' || ledger === 'issues',
    rest: ledger === 'all',
  };
  const table = (read: boolean, select: string, condition: string, order: string) =>
    read ? list(`${select}${where(condition)}`, order) : `'[]'`;
  const partIssues = 'SELECT id FROM issues WHERE sector = ANY($1)';
  const partMeetings = 'SELECT id FROM meetings WHERE sector = ANY($1)';
  // The meetings of the days the command names ($4), a day either side, in every sector (the
  // condition is left out when it names none: it would look at every meeting's day).
  const days = (part?.days.length ?? 0) > 0;
  const onDays = `start::date IN (SELECT d + k FROM unnest($4::date[]) d, generate_series(-1, 1) k)`;
  // The NCOs who served the part's sectors (or those of its meetings on those days), own its
  // solutions, or the command names ($3); all of them when one it names does not exist, so that
  // the domain's error can say if there are any.
  const partNcos = `SELECT nco FROM nco_assignments
      WHERE sector = ANY($1)${days ? ` OR sector IN (SELECT sector FROM meetings WHERE ${onDays})` : ''}
    ${reads.solutions ? `UNION SELECT owner FROM solutions_read WHERE owner_kind = 'nco' AND issue_id IN (${partIssues})` : ''}
    UNION SELECT unnest($3::text[])
    UNION SELECT id FROM ncos WHERE EXISTS (SELECT unnest($3::text[]) EXCEPT SELECT id FROM ncos)`;
  const history = (read: boolean, table_: string, owner: string, condition: string) =>
    table(
      read,
      `SELECT ${owner} AS owner, position, on_date, status, note, meeting_id, edit FROM ${table_}`,
      condition,
      't.owner, t.position',
    );
  const lists: Record<Exclude<keyof Rows, 'created_at' | 'next_id'>, string> = {
    phase_precincts: list('SELECT step, position, precinct FROM phase_precincts', 't.step, t.position'),
    nco_assignments: list(
      `SELECT nco, position, sector, from_date, to_date FROM nco_assignments${where(`nco IN (${partNcos})`)}`,
      't.nco, t.position',
    ),
    issue_history: history(
      reads.issueHistory,
      'issue_history_read',
      'issue_id',
      `issue_id IN (${partIssues})`,
    ),
    solution_history: history(
      reads.rest,
      'solution_history_read',
      'solution_id',
      `solution_id IN (SELECT id FROM solutions WHERE issue_id IN (${partIssues}))`,
    ),
    minutes_amendments: table(
      reads.rest,
      'SELECT meeting_id, position, on_date, note, recorded_at FROM minutes_amendments',
      `meeting_id IN (${partMeetings})`,
      't.meeting_id, t.position',
    ),
    precincts: list('SELECT * FROM precincts', 't.precinct'),
    sectors: list('SELECT * FROM sectors', 't.precinct, t.letter'),
    phases: list('SELECT * FROM phases', 't.step'),
    psas: list('SELECT * FROM psas', 't.psa'),
    ncos: list(`SELECT * FROM ncos${where(`id IN (${partNcos})`)}`, BY_ID),
    meetings: list(
      `SELECT *, to_char(start, 'YYYY-MM-DD"T"HH24:MI') AS start_text FROM meetings${where(`sector = ANY($1) OR id = ANY($2)${days ? ` OR ${onDays}` : ''}`)}`,
      BY_ID,
    ),
    issues: table(reads.issues, 'SELECT * FROM issues_read', 'sector = ANY($1)', BY_ID),
    solutions: table(reads.solutions, 'SELECT * FROM solutions_read', `issue_id IN (${partIssues})`, BY_ID),
    minutes: table(
      reads.rest,
      'SELECT meeting_id, approved_at, approved_on, recorded_at, snapshot FROM minutes_read',
      `meeting_id IN (${partMeetings})`,
      't.recorded_at, t.meeting_id',
    ),
  };
  const counters = SERIES.map(
    ([key, seq]) =>
      `'${key}', (SELECT CASE WHEN is_called THEN last_value + 1 ELSE last_value END FROM ${seq})`,
  );
  const sql = `SELECT (SELECT value FROM store_meta WHERE key = 'createdAt') AS created_at,
    json_build_object(${counters.join(', ')})::text AS next_id,
    ${Object.entries(lists)
      .map(([name, select]) => `${select} AS ${name}`)
      .join(',\n    ')}`;
  const values =
    part === undefined ? [] : [part.sectors, part.meetings, part.ncos, ...(days ? [part.days] : [])];
  // Named, so that a connection the agent keeps plans each shape of read once (agent/pool.ts).
  const name = `nsm-read-${createHash('sha1').update(sql).digest('hex').slice(0, 16)}`;
  const row = (await client.query<Record<string, string | null>>({ name, text: sql, values })).rows[0]!;
  return Object.fromEntries(
    Object.entries(row).map(([name, text]) => [name, name === 'created_at' ? text : JSON.parse(text!)]),
  ) as Rows;
}

/** A part of the store: the records of some sectors, and some other meetings. */
export interface Part {
  sectors: readonly string[];
  meetings: readonly string[];
  ncos: readonly string[];
  /** Days whose meetings, a day either side, are read wherever they are (and their NCOs). */
  days: readonly string[];
  /**
   * How much of the sectors' ledger: all of it; their issues with their histories and their
   * solutions without theirs; their issues alone; or none (their meetings only).
   */
  ledger: Ledger;
}

/** The ledger a part reads (see Part): the less a command shows, the less is read. */
export type Ledger = 'all' | 'issues' | 'issue-rows' | 'none';

/**
 * Reads the store out of the database, in one snapshot (REPEATABLE READ, inside the caller's
 * transaction): the whole store, or a part: its sectors' meetings, issues, solutions and minutes,
 * its other meetings (a meeting of another sector given with an issue is refused by the domain,
 * which must see it to say so) and any meeting those records name, with every reference record
 * and the NCOs those records name. A database without nsm's schema, or with an older or newer
 * one, is refused.
 */
export async function readStore(client: Client, url: string, part?: Part): Promise<Store> {
  await checkSchema(client, url);
  const data = await readRows(client, part);
  const phasePrecincts = groupRows(data.phase_precincts, (r) => r.step);
  const assignments = groupRows(data.nco_assignments, (r) => r.nco);
  const issueHistory = groupRows(data.issue_history, (r) => r.owner);
  const solutionHistory = groupRows(data.solution_history, (r) => r.owner);
  const amendments = groupRows(data.minutes_amendments, (r) => r.meeting_id);

  const store: Store = {
    schemaVersion: SCHEMA_VERSION,
    createdAt: data.created_at ?? '',
    nextId: data.next_id,
    precincts: data.precincts.map((p) => ({
      precinct: p.precinct,
      name: p.name,
      commonName: p.common_name,
      borough: p.borough,
      patrolBorough: p.patrol_borough,
      patrolBoroughCode: p.patrol_borough_code,
      address: p.address,
      phone: p.phone,
      url: p.url,
      rollout: { startDate: p.rollout_start, phase: p.rollout_phase },
      opened: p.opened,
      notes: p.notes,
    })),
    sectors: data.sectors.map((s) => ({
      id: s.id,
      precinct: s.precinct,
      letter: s.letter,
      description: s.description,
      sqMiles: s.sq_miles,
    })),
    phases: data.phases.map((p) => ({
      phase: p.phase,
      startDate: p.start_date,
      precincts: (phasePrecincts.get(p.step) ?? []).map((r) => r.precinct),
    })),
    psas: data.psas.map((p) => ({ psa: p.psa, name: p.name, address: p.address, borough: p.borough })),
    ncos: data.ncos.map((n) => ({
      id: n.id,
      name: n.name,
      shield: n.shield,
      rank: n.rank,
      precinct: n.precinct,
      email: n.email,
      phone: n.phone,
      assignments: (assignments.get(n.id) ?? []).map((a) => ({
        sector: a.sector,
        from: a.from_date,
        to: a.to_date,
      })),
    })),
    meetings: data.meetings.map(meetingOf),
    issues: data.issues.map((i) => ({
      id: i.id,
      meetingId: i.meeting_id,
      precinct: i.precinct,
      sector: i.sector,
      category: i.category,
      summary: i.summary,
      details: i.details,
      location: i.location,
      raisedBy: i.raised_by,
      private: i.private,
      status: i.status as Store['issues'][number]['status'],
      raisedOn: i.raised_on,
      history: (issueHistory.get(i.id) ?? []).map((h) =>
        historyEntry(h),
      ) as Store['issues'][number]['history'],
      createdAt: i.created_at,
    })),
    solutions: data.solutions.map((s) => ({
      id: s.id,
      issueId: s.issue_id,
      summary: s.summary,
      owner: s.owner,
      ownerKind: s.owner_kind as Store['solutions'][number]['ownerKind'],
      due: s.due,
      status: s.status as Store['solutions'][number]['status'],
      agreedAt: s.agreed_at,
      history: (solutionHistory.get(s.id) ?? []).map((h) =>
        historyEntry(h),
      ) as Store['solutions'][number]['history'],
      createdAt: s.created_at,
    })),
    minutes: data.minutes.map((m) => ({
      meetingId: m.meeting_id,
      approvedAt: m.approved_at,
      approvedOn: m.approved_on,
      recordedAt: m.recorded_at,
      snapshot: m.snapshot,
      amendments: (amendments.get(m.meeting_id) ?? []).map((a) => ({
        on: a.on_date,
        note: a.note,
        recordedAt: a.recorded_at,
      })),
    })),
  };
  if (part !== undefined) {
    await addNamedMeetings(client, store);
    // A part is not checked here: every change nsm commits was checked first, and the schema's
    // constraints hold whoever writes. A change checks the part it makes before it writes it.
    return store;
  }
  const problem = storeProblem(store);
  if (problem)
    throw new StoreUnreadableError(
      `the database at ${withoutPassword(url)} does not hold a valid nsm store (${problem})`,
      'nothing was written; check it with psql',
    );
  return store;
}

/**
 * A part's records may name meetings of other sectors (the meetings the command names are read
 * with the part): those meetings are read too, so that the part holds every record it names.
 */
async function addNamedMeetings(client: Client, store: Store): Promise<void> {
  const held = new Set(store.meetings.map((m) => m.id));
  const named = new Set<string>();
  const name = (id: string | null) => {
    if (id !== null && !held.has(id)) named.add(id);
  };
  for (const i of store.issues) {
    name(i.meetingId);
    for (const h of i.history) name(h.meetingId);
  }
  for (const s of store.solutions) {
    name(s.agreedAt);
    for (const h of s.history) name(h.meetingId);
  }
  for (const m of store.minutes) name(m.approvedAt);
  if (named.size === 0) return;
  const extra = await client.query<MeetingRow>(
    `SELECT *, to_char(start, 'YYYY-MM-DD"T"HH24:MI') AS start_text FROM meetings WHERE id = ANY($1)`,
    [[...named]],
  );
  store.meetings = [...store.meetings, ...extra.rows.map(meetingOf)].sort(
    (a, b) => Number(a.id.slice(1)) - Number(b.id.slice(1)),
  );
}

function meetingOf(m: MeetingRow): Store['meetings'][number] {
  return {
    id: m.id,
    uuid: m.uuid,
    precinct: m.precinct,
    sector: m.sector,
    title: m.title,
    start: m.start_text,
    durationMinutes: m.duration_minutes,
    location: m.location,
    address: m.address,
    onlineUrl: m.online_url,
    seriesId: m.series_id,
    status: m.status as Store['meetings'][number]['status'],
    revision: m.revision,
    attendance: m.attendance,
    notes: m.notes,
    cancelReason: m.cancel_reason,
    createdAt: m.created_at,
    updatedAt: m.updated_at,
  };
}

interface HistoryRow {
  owner: string;
  on_date: string;
  status: string;
  note: string;
  meeting_id: string | null;
  edit: unknown;
}

function historyEntry(h: HistoryRow) {
  return {
    on: h.on_date,
    status: h.status,
    note: h.note,
    meetingId: h.meeting_id,
    ...(h.edit === null
      ? {}
      : { edit: h.edit as Array<{ field: string; from: string | null; to: string | null }> }),
  };
}

function groupRows<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

interface PrecinctRow {
  precinct: number;
  name: string;
  common_name: string | null;
  borough: string;
  patrol_borough: string | null;
  patrol_borough_code: string | null;
  address: string | null;
  phone: string | null;
  url: string | null;
  rollout_start: string | null;
  rollout_phase: number | null;
  opened: string | null;
  notes: string | null;
}

interface NcoRow {
  id: string;
  name: string;
  shield: string;
  rank: string;
  precinct: number;
  email: string | null;
  phone: string | null;
}

interface MeetingRow {
  id: string;
  uuid: string;
  precinct: number;
  sector: string;
  title: string;
  start_text: string;
  duration_minutes: number;
  location: string | null;
  address: string | null;
  online_url: string | null;
  series_id: string | null;
  status: string;
  revision: number;
  attendance: number | null;
  notes: string | null;
  cancel_reason: string | null;
  created_at: string;
  updated_at: string;
}

interface IssueRow {
  id: string;
  meeting_id: string;
  precinct: number;
  sector: string;
  category: string;
  summary: string;
  details: string | null;
  location: string | null;
  raised_by: string | null;
  private: boolean;
  status: string;
  raised_on: string;
  created_at: string;
}

interface SolutionRow {
  id: string;
  issue_id: string;
  summary: string;
  owner: string | null;
  owner_kind: string | null;
  due: string | null;
  status: string;
  agreed_at: string | null;
  created_at: string;
}

interface MinutesRow {
  meeting_id: string;
  approved_at: string;
  approved_on: string;
  recorded_at: string;
  snapshot: Store['minutes'][number]['snapshot'];
}
