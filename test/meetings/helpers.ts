import { afterAll, beforeAll, expect } from 'vitest';
import { initialStore } from '../../src/domain/initial-store.js';
import type { Nco, Store } from '../../src/domain/schema.js';
import { json, type Run } from '../helpers/cli.js';
import { onTerminal as onTerminalE2e, refused as refusedE2e, type PtyStep } from '../helpers/e2e.js';
import { nsmIn } from '../helpers/in-process.js';

/** Small helpers shared by the meeting tests. */

export interface MeetingJson {
  id: string;
  precinct: number;
  sector: string;
  title: string;
  start: string;
  end: string;
  durationMinutes: number;
  status: 'scheduled' | 'held' | 'cancelled';
  location: string | null;
  address: string | null;
  onlineUrl: string | null;
  seriesId: string | null;
  revision: number;
  attendance: number | null;
  hosts: string[];
}

type Env = Record<string, string | undefined>;

/** Runs a meeting command (in-process) that must succeed with --json and returns what it printed. */
export async function ok<T = MeetingJson>(store: string, args: string[], env: Env = {}): Promise<T> {
  return json<T>(await nsmIn([...args, '--json'], { store, env }));
}

export function schedule(store: string, ...args: string[]): Promise<MeetingJson> {
  return ok<MeetingJson>(store, ['meeting', 'schedule', ...args]);
}

export function list(store: string, ...args: string[]): Promise<MeetingJson[]> {
  return ok<MeetingJson[]>(store, ['meeting', 'list', ...args]);
}

export const ids = (meetings: Array<{ id: string }>) => meetings.map((m) => m.id);

/** A command that must fail (see helpers/e2e `refused`), with the store first as these tests read best. */
export function refused(store: string, args: string[], code: number, env: Env = {}): Promise<Run> {
  return refusedE2e(args, store, code, env);
}

// ---- in-memory stores for the unit tests ----

/** Precinct 75 with sectors 75A–75C, no NCOs, no meetings. */
export function smallStore(): Store {
  const store = initialStore(null, '2026-01-01T00:00:00.000Z');
  store.precincts.push({
    precinct: 75,
    name: '75th Precinct',
    commonName: null,
    borough: 'Brooklyn',
    patrolBorough: null,
    patrolBoroughCode: null,
    address: '1000 Sutter Avenue',
    phone: null,
    url: null,
    rollout: { startDate: null, phase: null },
    opened: null,
    notes: null,
  });
  for (const letter of ['A', 'B', 'C'])
    store.sectors.push({ id: `75${letter}`, precinct: 75, letter, description: null, sqMiles: null });
  return store;
}

export { meeting } from '../helpers/store-factory.js';

export function nco(id: string, assignments: Nco['assignments']): Nco {
  return {
    id,
    name: `Officer ${id}`,
    shield: id.slice(1),
    rank: 'Police Officer',
    precinct: 75,
    email: null,
    phone: null,
    assignments,
  };
}

// ---- the machine's time zone ----

/** UTC offsets (minutes, as getTimezoneOffset reports them) on 2026-01-01 in each zone. */
export const MACHINE_ZONES = [
  { tz: 'Asia/Tokyo', january: -540 },
  { tz: 'Pacific/Auckland', january: -780 },
  { tz: 'America/Los_Angeles', january: 480 },
] as const;

/** Sets process.env.TZ for the enclosing describe, and checks that Date really follows it. */
export function machineZone(tz: string, january: number): void {
  let saved: string | undefined;
  beforeAll(() => {
    saved = process.env.TZ;
    process.env.TZ = tz;
    expect(new Date(2026, 0, 1).getTimezoneOffset(), `TZ=${tz} did not take effect`).toBe(january);
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  });
}

// ---- a real terminal ----

/** Runs nsm on a pseudo-terminal, answering prompts (see helpers/e2e `onTerminal`). */
export function onTerminal(store: string, args: string[], steps: PtyStep[]) {
  return onTerminalE2e(args, store, steps, { TERM: 'xterm' });
}
