import type { Client } from 'pg';
import { publicCopy } from '../../domain/minutes.js';
import type { MinutesView } from '../../domain/schema.js';
import type { Migration } from './schema.js';

/**
 * Migration 2: each precinct fenced off. A coordinator logs in with a role of their own, and the
 * store's administrator (the role that owns its tables) grants it precincts (`nsm access grant`,
 * recorded in precinct_grants). Row-level security then lets the role change only the records of
 * its precincts, whoever writes the SQL; every role reads every record, but the private text of a
 * private issue (and of its history, its solutions and approved minutes) only through the masking
 * views below, which show it to the roles of that precinct and a placeholder to the others. The
 * roles are given SELECT on the public columns only (access.ts), so the tables themselves do not
 * show it either.
 *
 * The helper functions run as the caller (so current_user is the coordinator, in a policy as in a
 * view) with their search_path pinned to nsm's schema: a role that puts a schema of its own first
 * cannot swap in a function that sees what a view passes it.
 */

/** What a role that may not read a private issue's text sees instead (the store requires text). */
export const WITHHELD = '(withheld: private)';

/** The statements that let only the roles of `precinct`'s records change them. */
function fence(table: string, precinct: string): string {
  const may = `nsm_may_change(${precinct})`;
  return `
ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
CREATE POLICY nsm_read ON ${table} FOR SELECT USING (true);
CREATE POLICY nsm_add ON ${table} FOR INSERT WITH CHECK (${may});
CREATE POLICY nsm_change ON ${table} FOR UPDATE USING (${may}) WITH CHECK (${may});
CREATE POLICY nsm_remove ON ${table} FOR DELETE USING (${may});`;
}

/** Reference data (the rollout, housing PSAs, the store's own facts): the administrator's alone. */
function adminOnly(table: string): string {
  return `
ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
CREATE POLICY nsm_read ON ${table} FOR SELECT USING (true);
CREATE POLICY nsm_admin ON ${table} FOR ALL USING (nsm_is_admin()) WITH CHECK (nsm_is_admin());`;
}

/**
 * Whether the connected role may read the private text of a record of `precinct` whose issue is
 * `isPrivate`. The functions are scalar subqueries, so each runs once per query, not once per row.
 */
const shown = (precinct: string, isPrivate: string) =>
  `(NOT ${isPrivate} OR (SELECT nsm_is_admin()) OR ${precinct} = ANY ((SELECT nsm_granted_precincts())::integer[]))`;

const text = (column: string) => `CASE WHEN v.shown THEN ${column} ELSE '${WITHHELD}' END`;
const nullableText = (column: string) =>
  `CASE WHEN v.shown OR ${column} IS NULL THEN ${column} ELSE '${WITHHELD}' END`;
const edit = (column: string) =>
  `CASE WHEN v.shown OR ${column} IS NULL THEN ${column} ELSE nsm_withheld_edit(${column}) END`;

const SQL = `
-- Which precincts each role may change (and read the private text of).
CREATE TABLE precinct_grants (
  role name NOT NULL,
  precinct integer NOT NULL REFERENCES precincts (precinct) ON DELETE CASCADE,
  granted_by name NOT NULL DEFAULT current_user,
  granted_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (role, precinct)
);

-- The administrator: the role that owns the store's tables, a member of it, or a superuser.
CREATE FUNCTION nsm_is_admin() RETURNS boolean LANGUAGE sql STABLE
  AS $$ SELECT pg_has_role(current_user, relowner, 'USAGE') FROM pg_class WHERE oid = 'issues'::regclass $$;
CREATE FUNCTION nsm_granted_precincts() RETURNS integer[] LANGUAGE sql STABLE
  AS $$ SELECT coalesce(array_agg(precinct ORDER BY precinct), '{}') FROM precinct_grants WHERE role = current_user $$;
CREATE FUNCTION nsm_may_change(integer) RETURNS boolean LANGUAGE sql STABLE
  AS $$ SELECT nsm_is_admin() OR $1 = ANY (nsm_granted_precincts()) $$;
CREATE FUNCTION nsm_may_read_private(integer) RETURNS boolean LANGUAGE sql STABLE
  AS $$ SELECT nsm_is_admin() OR $1 = ANY (nsm_granted_precincts()) $$;
-- A correction of a private record as others see it: which fields, not what they held.
CREATE FUNCTION nsm_withheld_edit(json) RETURNS json LANGUAGE sql IMMUTABLE
  AS $$ SELECT coalesce(json_agg(json_build_object(
           'field', e ->> 'field',
           'from', CASE WHEN e ->> 'from' IS NULL THEN NULL ELSE '${WITHHELD}' END,
           'to', CASE WHEN e ->> 'to' IS NULL THEN NULL ELSE '${WITHHELD}' END)), '[]'::json)
        FROM json_array_elements($1) AS e $$;
DO $$
DECLARE f text;
BEGIN
  FOREACH f IN ARRAY ARRAY['nsm_is_admin()', 'nsm_granted_precincts()', 'nsm_may_change(integer)',
                           'nsm_may_read_private(integer)', 'nsm_withheld_edit(json)'] LOOP
    EXECUTE format('ALTER FUNCTION %s SET search_path = pg_catalog, %I, pg_temp', f, current_schema());
  END LOOP;
END $$;

${fence('precincts', 'precinct')}
${fence('sectors', 'precinct')}
${fence('ncos', 'precinct')}
${fence('nco_assignments', '(SELECT n.precinct FROM ncos n WHERE n.id = nco)')}
${fence('meetings', 'precinct')}
${fence('issues', 'precinct')}
${fence('issue_history', '(SELECT i.precinct FROM issues i WHERE i.id = issue_id)')}
${fence('solutions', '(SELECT i.precinct FROM issues i WHERE i.id = issue_id)')}
${fence('solution_history', '(SELECT i.precinct FROM solutions s JOIN issues i ON i.id = s.issue_id WHERE s.id = solution_id)')}
${fence('minutes', '(SELECT m.precinct FROM meetings m WHERE m.id = meeting_id)')}
${fence('minutes_amendments', '(SELECT m.precinct FROM meetings m WHERE m.id = meeting_id)')}
${adminOnly('phases')}
${adminOnly('phase_precincts')}
${adminOnly('psas')}
${adminOnly('store_meta')}
${adminOnly('precinct_grants')}

-- The change log holds whole records, private text and all: each role sees and marks its own.
ALTER TABLE change_log ENABLE ROW LEVEL SECURITY;
CREATE POLICY nsm_own_read ON change_log FOR SELECT USING (role = current_user);
CREATE POLICY nsm_own_add ON change_log FOR INSERT WITH CHECK (role = current_user);
CREATE POLICY nsm_own_change ON change_log FOR UPDATE USING (role = current_user) WITH CHECK (role = current_user);

-- Approved minutes hold private text: beside each, the public copy nsm makes of it when it writes them.
ALTER TABLE minutes ADD COLUMN public_snapshot json;

-- What nsm reads: the tables, with the private text of a private issue shown only to the roles of
-- its precinct. Owned by the administrator, so they read the tables whole.
CREATE VIEW issues_read AS
SELECT i.id, i.meeting_id, i.precinct, i.sector, i.category, ${text('i.summary')} AS summary,
       ${nullableText('i.details')} AS details, ${nullableText('i.location')} AS location,
       ${nullableText('i.raised_by')} AS raised_by, i.private, i.status, i.raised_on, i.created_at
  FROM issues i CROSS JOIN LATERAL (SELECT ${shown('i.precinct', 'i.private')} AS shown) v;

CREATE VIEW issue_history_read AS
SELECT h.issue_id, h.position, h.on_date, h.status, ${text('h.note')} AS note, h.meeting_id,
       ${edit('h.edit')} AS edit
  FROM issue_history h JOIN issues i ON i.id = h.issue_id
       CROSS JOIN LATERAL (SELECT ${shown('i.precinct', 'i.private')} AS shown) v;

-- A solution's owner is private when it is a resident or group (not an NCO or a city agency).
CREATE VIEW solutions_read AS
SELECT s.id, s.issue_id, ${text('s.summary')} AS summary,
       CASE WHEN v.shown OR s.owner IS NULL OR s.owner_kind IN ('nco', 'agency') THEN s.owner
            ELSE '${WITHHELD}' END AS owner,
       s.owner_kind, s.due, s.status, s.agreed_at, s.created_at
  FROM solutions s JOIN issues i ON i.id = s.issue_id
       CROSS JOIN LATERAL (SELECT ${shown('i.precinct', 'i.private')} AS shown) v;

CREATE VIEW solution_history_read AS
SELECT h.solution_id, h.position, h.on_date, h.status, ${text('h.note')} AS note, h.meeting_id,
       ${edit('h.edit')} AS edit
  FROM solution_history h JOIN solutions s ON s.id = h.solution_id JOIN issues i ON i.id = s.issue_id
       CROSS JOIN LATERAL (SELECT ${shown('i.precinct', 'i.private')} AS shown) v;

CREATE VIEW minutes_read AS
SELECT m.meeting_id, m.approved_at, m.approved_on, m.recorded_at,
       CASE WHEN v.shown THEN m.snapshot ELSE m.public_snapshot END AS snapshot
  FROM minutes m JOIN meetings mt ON mt.id = m.meeting_id
       CROSS JOIN LATERAL (SELECT ${shown('mt.precinct', 'true')} AS shown) v;
`;

/** The public copy of each approved minutes already in the database (nsm writes it with every new one). */
async function fillPublicSnapshots(client: Client): Promise<void> {
  const rows = (
    await client.query<{ meeting_id: string; snapshot: string }>(
      'SELECT meeting_id, snapshot::text AS snapshot FROM minutes',
    )
  ).rows;
  if (rows.length === 0) return;
  await client.query(
    `UPDATE minutes AS m SET public_snapshot = v.public_snapshot
       FROM unnest($1::text[], $2::json[]) AS v (meeting_id, public_snapshot)
      WHERE m.meeting_id = v.meeting_id`,
    [
      rows.map((r) => r.meeting_id),
      rows.map((r) => JSON.stringify(publicCopy(JSON.parse(r.snapshot) as MinutesView))),
    ],
  );
}

export const FENCED_PRECINCTS: Migration = {
  version: 2,
  name: 'precincts fenced: grants, row-level security, private text masked',
  sql: SQL,
  fill: fillPublicSnapshots,
  afterFill: 'ALTER TABLE minutes ALTER COLUMN public_snapshot SET NOT NULL;',
};
