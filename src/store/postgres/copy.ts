import type { Client } from 'pg';
import { RuleError, StoreUnreadableError } from '../../errors.js';
import { SCHEMA_VERSION, storeProblem, type Store } from '../../domain/schema.js';
import { LATEST_VERSION } from './schema.js';
import { UPGRADE_HINT } from './connect.js';
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
const BY_ID = 'substring(id from 2)::bigint, id';

/**
 * Reads the whole store out of the database, in one snapshot (REPEATABLE READ, inside the caller's
 * transaction). A database without nsm's schema, or with an older or newer one, is refused.
 * Private text is read through the masking views (see fences.ts): a role sees the private text of
 * its own precincts, and a placeholder for the others'.
 */
export async function readStore(client: Client, url: string): Promise<Store> {
  const version = await client.query<{ version: number | null }>(
    `SELECT CASE WHEN to_regclass('schema_migrations') IS NULL THEN NULL
                 ELSE (SELECT max(version) FROM schema_migrations) END AS version`,
  );
  const v = version.rows[0]!.version;
  if (v === null)
    throw new StoreUnreadableError(
      `the database at ${withoutPassword(url)} holds no nsm store`,
      'copy a store into it with: nsm store copy --to <url>',
    );
  if (v !== LATEST_VERSION)
    throw new StoreUnreadableError(
      `the database at ${withoutPassword(url)} has schema ${v}, and this nsm reads schema ${LATEST_VERSION}`,
      v > LATEST_VERSION ? 'upgrade nsm to use it' : UPGRADE_HINT,
    );
  const rows = async <T>(sql: string) => (await client.query<T & Record<string, unknown>>(sql)).rows;
  const createdAt = await rows<{ value: string }>(`SELECT value FROM store_meta WHERE key = 'createdAt'`);

  const phasePrecincts = groupRows(
    await rows<{ step: number; precinct: number }>(
      'SELECT step, precinct FROM phase_precincts ORDER BY step, position',
    ),
    (r) => r.step,
  );
  const assignments = groupRows(
    await rows<{ nco: string; sector: string; from_date: string; to_date: string | null }>(
      'SELECT nco, sector, from_date, to_date FROM nco_assignments ORDER BY nco, position',
    ),
    (r) => r.nco,
  );
  const history = async (table: string, owner: string) =>
    groupRows(
      await rows<HistoryRow>(
        `SELECT ${owner} AS owner, on_date, status, note, meeting_id, edit::text AS edit FROM ${table} ORDER BY ${owner}, position`,
      ),
      (r) => r.owner,
    );
  const issueHistory = await history('issue_history_read', 'issue_id');
  const solutionHistory = await history('solution_history_read', 'solution_id');
  const amendments = groupRows(
    await rows<{ meeting_id: string; on_date: string; note: string; recorded_at: string }>(
      'SELECT meeting_id, on_date, note, recorded_at FROM minutes_amendments ORDER BY meeting_id, position',
    ),
    (r) => r.meeting_id,
  );
  const counters = await rows<Record<string, string>>(
    `SELECT ${SERIES.map(([key, seq]) => `(SELECT CASE WHEN is_called THEN last_value + 1 ELSE last_value END FROM ${seq})::text AS ${key}`).join(', ')}`,
  );
  const nextId = Object.fromEntries(
    SERIES.map(([key]) => [key, Number(counters[0]![key])]),
  ) as Store['nextId'];

  const store: Store = {
    schemaVersion: SCHEMA_VERSION,
    createdAt: createdAt[0]?.value ?? '',
    nextId,
    precincts: (await rows<PrecinctRow>('SELECT * FROM precincts ORDER BY precinct')).map((p) => ({
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
    sectors: (
      await rows<{
        id: string;
        precinct: number;
        letter: string;
        description: string | null;
        sq_miles: number | null;
      }>('SELECT * FROM sectors ORDER BY precinct, letter')
    ).map((s) => ({
      id: s.id,
      precinct: s.precinct,
      letter: s.letter,
      description: s.description,
      sqMiles: s.sq_miles,
    })),
    phases: (
      await rows<{ step: number; phase: number; start_date: string }>('SELECT * FROM phases ORDER BY step')
    ).map((p) => ({
      phase: p.phase,
      startDate: p.start_date,
      precincts: (phasePrecincts.get(p.step) ?? []).map((r) => r.precinct),
    })),
    psas: (
      await rows<{ psa: number; name: string; address: string | null; borough: string }>(
        'SELECT * FROM psas ORDER BY psa',
      )
    ).map((p) => ({ psa: p.psa, name: p.name, address: p.address, borough: p.borough })),
    ncos: (await rows<NcoRow>(`SELECT * FROM ncos ORDER BY ${BY_ID}`)).map((n) => ({
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
    meetings: (
      await rows<MeetingRow>(
        `SELECT *, to_char(start, 'YYYY-MM-DD"T"HH24:MI') AS start_text FROM meetings ORDER BY ${BY_ID}`,
      )
    ).map((m) => ({
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
    })),
    issues: (await rows<IssueRow>(`SELECT * FROM issues_read ORDER BY ${BY_ID}`)).map((i) => ({
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
    solutions: (await rows<SolutionRow>(`SELECT * FROM solutions_read ORDER BY ${BY_ID}`)).map((s) => ({
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
    minutes: (
      await rows<MinutesRow>(
        `SELECT meeting_id, approved_at, approved_on, recorded_at, snapshot::text AS snapshot FROM minutes_read
         ORDER BY recorded_at, meeting_id`,
      )
    ).map((m) => ({
      meetingId: m.meeting_id,
      approvedAt: m.approved_at,
      approvedOn: m.approved_on,
      recordedAt: m.recorded_at,
      snapshot: JSON.parse(m.snapshot) as Store['minutes'][number]['snapshot'],
      amendments: (amendments.get(m.meeting_id) ?? []).map((a) => ({
        on: a.on_date,
        note: a.note,
        recordedAt: a.recorded_at,
      })),
    })),
  };
  const problem = storeProblem(store);
  if (problem)
    throw new StoreUnreadableError(
      `the database at ${withoutPassword(url)} does not hold a valid nsm store (${problem})`,
      'nothing was written; check it with psql',
    );
  return store;
}

interface HistoryRow {
  owner: string;
  on_date: string;
  status: string;
  note: string;
  meeting_id: string | null;
  edit: string | null;
}

function historyEntry(h: HistoryRow) {
  return {
    on: h.on_date,
    status: h.status,
    note: h.note,
    meetingId: h.meeting_id,
    ...(h.edit === null
      ? {}
      : { edit: JSON.parse(h.edit) as Array<{ field: string; from: string | null; to: string | null }> }),
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
  snapshot: string;
}
