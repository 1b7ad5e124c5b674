import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type {
  Issue,
  IssueStatus,
  Meeting,
  Solution,
  SolutionStatus,
  Store,
} from '../../src/domain/schema.js';
import { json, type Run } from '../helpers/cli.js';
import { refused } from '../helpers/e2e.js';
import { nsmIn } from '../helpers/in-process.js';
import { meeting as baseMeeting, nco, smallCity } from '../helpers/store-factory.js';

/** Shared builders for the ledger tests: in-memory records for unit tests, and CLI helpers (run in-process). */

const STAMP = '2026-11-01T00:00:00.000Z';

/** A meeting of precinct 75; `start` is New York wall time (YYYY-MM-DDTHH:mm). */
export function meeting(
  id: string,
  sector: string,
  start: string,
  overrides: Partial<Meeting> = {},
): Meeting {
  return baseMeeting({
    id,
    sector,
    start,
    location: '75 Pct community room',
    address: '1000 Sutter Avenue',
    createdAt: STAMP,
    updatedAt: STAMP,
    ...overrides,
  });
}

export function entry<S extends string>(
  on: string,
  status: S,
  note = 'note',
  meetingId: string | null = null,
) {
  return { on, status, note, meetingId };
}

/** An issue raised at `at`, open since that meeting's day; extra history entries set its current status. */
export function issue(
  id: string,
  at: Meeting,
  later: Array<{ on: string; status: IssueStatus; note: string; meetingId: string | null }> = [],
  overrides: Partial<Issue> = {},
): Issue {
  const day = at.start.slice(0, 10);
  const history = [entry(day, 'open' as IssueStatus, `raised at ${at.id}`, at.id), ...later];
  return {
    id,
    meetingId: at.id,
    precinct: at.precinct,
    sector: at.sector,
    category: 'traffic',
    summary: `Summary of ${id}`,
    details: null,
    location: null,
    raisedBy: null,
    private: false,
    status: history.at(-1)!.status,
    raisedOn: day,
    history,
    createdAt: STAMP,
    ...overrides,
  };
}

export function solution(
  id: string,
  issueId: string,
  status: SolutionStatus = 'agreed',
  overrides: Partial<Solution> = {},
): Solution {
  return {
    id,
    issueId,
    summary: `Summary of ${id}`,
    owner: 'DOT',
    ownerKind: 'agency',
    due: null,
    status,
    agreedAt: null,
    history: [entry('2027-03-09', status)],
    createdAt: STAMP,
    ...overrides,
  };
}

/** Precinct 75 (75A–75C) and 14A; N1 and N2 assigned to 75A, N3 to 75B; plus the given ledger. */
export function ledgerStore(
  parts: { meetings?: Meeting[]; issues?: Issue[]; solutions?: Solution[] } = {},
): Store {
  const s = smallCity([
    nco('N1', 75, [['75A', '2026-01-01', null]], { name: 'Maria Lopez' }),
    nco('N2', 75, [['75A', '2026-01-01', null]], { name: 'Sam Ortiz', rank: 'Sergeant' }),
    nco('N3', 75, [['75B', '2026-01-01', null]], { name: 'Kim Park' }),
  ]);
  s.meetings = parts.meetings ?? [];
  s.issues = parts.issues ?? [];
  s.solutions = parts.solutions ?? [];
  // The id counters stay above every id given, as nsm keeps them (a store with a counter at or
  // below an existing id is refused as damaged).
  const after = (ids: string[], counter: number) =>
    Math.max(counter, ...ids.map((id) => Number(id.slice(1)) + 1));
  s.nextId.meeting = after(
    s.meetings.map((m) => m.id),
    s.nextId.meeting,
  );
  s.nextId.issue = after(
    s.issues.map((i) => i.id),
    s.nextId.issue,
  );
  s.nextId.solution = after(
    s.solutions.map((x) => x.id),
    s.nextId.solution,
  );
  return s;
}

// ---- through the command line ----

export type Env = Record<string, string | undefined>;

/** Clocks for the loop (UTC instants; New York is UTC−5 in winter, UTC−4 in summer). */
export const CLOCK = {
  scheduling: '2027-01-04T15:00:00Z',
  afterMarch: '2027-03-10T15:00:00Z',
  april: '2027-04-15T15:00:00Z',
  afterJune: '2027-06-09T15:00:00Z',
  juneMorning: '2027-06-08T14:00:00Z',
} as const;

export const at = (clock: string): Env => ({ NSM_NOW: clock });

/** A command (run in-process) that must succeed; returns its --json output. */
export async function ok<T = Record<string, unknown>>(
  store: string,
  args: string[],
  env: Env = {},
): Promise<T> {
  return json<T>(await nsmIn([...args, '--json'], { store, env }));
}

/** helpers/e2e `refused`, with a clock. */
export function refusedAt(args: string[], store: string, code: number, env: Env): Promise<Run> {
  return refused(args, store, code, env);
}

/**
 * The start of the loop through the CLI: two NCOs assigned to 75A, a quarterly series from
 * Tue 2027-03-09 19:00 (M1 March, M2 June, M3 September, M4 December), M1 marked held.
 */
export async function loopStore(store: string): Promise<void> {
  const steps: Array<[string[], Env]> = [
    [['nco', 'add', '--name', 'Maria Lopez', '--shield', '1111', '--precinct', '75'], {}],
    [['nco', 'add', '--name', 'Sam Ortiz', '--shield', '2222', '--precinct', '75', '--rank', 'Sergeant'], {}],
    [['nco', 'assign', 'N1', '75A'], {}],
    [['nco', 'assign', 'N2', '75a'], {}],
    [
      ['meeting', 'schedule', '--sector', '75A', '--at', '2027-03-09 19:00', '--repeat', 'quarterly'],
      at(CLOCK.scheduling),
    ],
    [['meeting', 'held', 'M1', '--attendance', '31'], at(CLOCK.afterMarch)],
  ];
  for (const [args, env] of steps) {
    const run = await nsmIn(args, { store, env });
    if (run.status !== 0) throw new Error(`nsm ${args.join(' ')}: ${run.stderr}`);
  }
}

/** A copy of a store file in a new temporary folder, so each test starts from the same state. */
export function cloneStore(store: string): string {
  const copy = join(mkdtempSync(join(tmpdir(), 'nsm-ledger-')), 'store.json');
  copyFileSync(store, copy);
  return copy;
}

/** Output with no raw control characters (the terminal-escape check). */
export function expectNoRawControls(text: string): void {
  expect(text).not.toContain('\u001b');
  expect(text).not.toContain('\u0007');
  expect(text).not.toContain('\u009b');
}
