/**
 * The PostgreSQL store's schema, as versioned migrations applied in order. Each table holds one
 * kind of record of the JSON store (src/domain/schema.ts) and mirrors its rules: the shapes of
 * ids, the statuses, the ranges, and the references the JSON store's integrity checks require
 * (integrityProblems) as foreign keys. Histories are rows of their own, in their order. Id counters
 * are sequences: ids are handed out by nextval and never again, whatever is rolled back or deleted.
 *
 * A migration is never changed once released: a new rule is a new migration. `schema_migrations`
 * records which have been applied; a database holding one this nsm does not know was set up by a
 * newer nsm and is refused.
 */
import type { Client } from 'pg';
import { FENCED_PRECINCTS } from './fences.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** Fills what the SQL cannot compute (nsm's own rules, in JavaScript), inside the same transaction. */
  fill?: (client: Client) => Promise<void>;
  /** SQL run after `fill` (a column made NOT NULL once it is filled). */
  afterFill?: string;
}

const ID = (letter: string) => `text PRIMARY KEY CHECK (id ~ '^${letter}[0-9]+$')`;
const MEETING_REF = 'text REFERENCES meetings (id)';

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'records, histories and id counters',
    sql: `
CREATE TABLE store_meta (
  key text PRIMARY KEY,
  value text NOT NULL
);

CREATE TABLE precincts (
  precinct integer PRIMARY KEY CHECK (precinct >= 1),
  name text NOT NULL,
  common_name text,
  borough text NOT NULL,
  patrol_borough text,
  patrol_borough_code text,
  address text,
  phone text,
  url text,
  rollout_start date,
  rollout_phase integer,
  opened date,
  notes text
);

CREATE TABLE sectors (
  id text PRIMARY KEY CHECK (id ~ '^[0-9]+[A-Z]$'),
  precinct integer NOT NULL REFERENCES precincts (precinct),
  letter text NOT NULL CHECK (letter ~ '^[A-Z]$'),
  description text,
  sq_miles double precision
);

-- The rollout in its steps; a phase number may have more than one start date (phase 3 did).
CREATE TABLE phases (
  step integer PRIMARY KEY,
  phase integer NOT NULL,
  start_date date NOT NULL
);

CREATE TABLE phase_precincts (
  step integer NOT NULL REFERENCES phases (step) ON DELETE CASCADE,
  position integer NOT NULL,
  precinct integer NOT NULL REFERENCES precincts (precinct),
  PRIMARY KEY (step, position)
);

CREATE TABLE psas (
  psa integer PRIMARY KEY,
  name text NOT NULL,
  address text,
  borough text NOT NULL
);

CREATE TABLE ncos (
  id ${ID('N')},
  name text NOT NULL,
  shield text NOT NULL CHECK (shield ~ '^[0-9]+$'),
  rank text NOT NULL,
  precinct integer NOT NULL REFERENCES precincts (precinct),
  email text,
  phone text
);

CREATE TABLE nco_assignments (
  nco text NOT NULL REFERENCES ncos (id) ON DELETE CASCADE,
  position integer NOT NULL,
  sector text NOT NULL REFERENCES sectors (id),
  from_date date NOT NULL,
  to_date date,
  PRIMARY KEY (nco, position)
);

CREATE TABLE meetings (
  id ${ID('M')},
  uuid uuid NOT NULL UNIQUE,
  precinct integer NOT NULL,
  sector text NOT NULL REFERENCES sectors (id),
  title text NOT NULL,
  start timestamp(0) NOT NULL,
  duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 1 AND 720),
  location text,
  address text,
  online_url text,
  series_id text CHECK (series_id ~ '^R[0-9]+$'),
  status text NOT NULL CHECK (status IN ('scheduled', 'held', 'cancelled')),
  revision integer NOT NULL CHECK (revision >= 0),
  attendance integer CHECK (attendance >= 0),
  notes text,
  cancel_reason text,
  created_at text NOT NULL,
  updated_at text NOT NULL
);

CREATE TABLE issues (
  id ${ID('I')},
  meeting_id text NOT NULL REFERENCES meetings (id),
  precinct integer NOT NULL,
  sector text NOT NULL REFERENCES sectors (id),
  category text NOT NULL,
  summary text NOT NULL,
  details text,
  location text,
  raised_by text,
  private boolean NOT NULL,
  status text NOT NULL CHECK (status IN ('open', 'in-progress', 'resolved', 'closed')),
  raised_on date NOT NULL,
  created_at text NOT NULL
);

CREATE TABLE issue_history (
  issue_id text NOT NULL REFERENCES issues (id) ON DELETE CASCADE,
  position integer NOT NULL,
  on_date date NOT NULL,
  status text NOT NULL CHECK (status IN ('open', 'in-progress', 'resolved', 'closed')),
  note text NOT NULL,
  meeting_id ${MEETING_REF},
  edit json,
  PRIMARY KEY (issue_id, position)
);

CREATE TABLE solutions (
  id ${ID('S')},
  issue_id text NOT NULL REFERENCES issues (id),
  summary text NOT NULL,
  owner text,
  owner_kind text CHECK (owner_kind IN ('nco', 'agency', 'community')),
  due date,
  status text NOT NULL CHECK (status IN ('agreed', 'in-progress', 'done', 'dropped')),
  agreed_at ${MEETING_REF},
  created_at text NOT NULL
);

CREATE TABLE solution_history (
  solution_id text NOT NULL REFERENCES solutions (id) ON DELETE CASCADE,
  position integer NOT NULL,
  on_date date NOT NULL,
  status text NOT NULL CHECK (status IN ('agreed', 'in-progress', 'done', 'dropped')),
  note text NOT NULL,
  meeting_id ${MEETING_REF},
  edit json,
  PRIMARY KEY (solution_id, position)
);

CREATE TABLE minutes (
  meeting_id text PRIMARY KEY REFERENCES meetings (id),
  approved_at text NOT NULL REFERENCES meetings (id),
  approved_on date NOT NULL,
  recorded_at text NOT NULL,
  -- The minutes as approved: a frozen document, kept as the JSON text it was approved as.
  snapshot json NOT NULL
);

CREATE TABLE minutes_amendments (
  meeting_id text NOT NULL REFERENCES minutes (meeting_id) ON DELETE CASCADE,
  position integer NOT NULL,
  on_date date NOT NULL,
  note text NOT NULL,
  recorded_at text NOT NULL,
  PRIMARY KEY (meeting_id, position)
);

CREATE INDEX meetings_sector_start ON meetings (sector, start);
CREATE INDEX issues_sector_status ON issues (sector, status);
CREATE INDEX issues_meeting ON issues (meeting_id);
CREATE INDEX solutions_issue ON solutions (issue_id);

-- Every change, by whom, and the records it changed as they were before and after: what undo
-- reverses (the connected role's own last change, if nobody has changed those records since).
CREATE TABLE change_log (
  seq bigserial PRIMARY KEY,
  role name NOT NULL DEFAULT current_user,
  at timestamptz NOT NULL DEFAULT now(),
  command text NOT NULL,
  changes json NOT NULL,
  undoes bigint REFERENCES change_log (seq),
  undone_by bigint REFERENCES change_log (seq)
);
CREATE INDEX change_log_role ON change_log (role, seq);

-- The next number of each id series (the JSON store's nextId).
CREATE SEQUENCE nco_id_seq MINVALUE 1;
CREATE SEQUENCE meeting_id_seq MINVALUE 1;
CREATE SEQUENCE series_id_seq MINVALUE 1;
CREATE SEQUENCE issue_id_seq MINVALUE 1;
CREATE SEQUENCE solution_id_seq MINVALUE 1;
`,
  },
  FENCED_PRECINCTS,
];

/** The newest schema version this nsm knows. */
export const LATEST_VERSION = MIGRATIONS.at(-1)!.version;
