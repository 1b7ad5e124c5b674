import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tempStore } from '../helpers/cli.js';
import { demoStore } from '../helpers/demo.js';
import { nsmIn } from '../helpers/in-process.js';

/** Shared builders for the calendar tests, and the files the outside validators (libical, khal) check. */

/** Text that would break a careless iCalendar writer: separators, a line break that opens a component, controls. */
export const HOSTILE = {
  title: 'Town hall; budget, "safety" & C:\\temp\nEND:VEVENT\nBEGIN:VEVENT\nSUMMARY:injected',
  location: 'Room 1, 2; annex\\back\r\nLOCATION:evil',
  summary: 'Bell\u0007 and\u0000 nul\u001b[31m red; a,b\\c\nDTSTART:19700101T000000Z',
} as const;

/** Runs nsm in-process and fails loudly, with its stderr, unless it succeeds. */
export async function must(args: string[], store: string, env: Record<string, string> = {}) {
  const run = await nsmIn(args, { store, env });
  if (run.status !== 0) throw new Error(`nsm ${args.join(' ')} failed (${run.status}): ${run.stderr}`);
  return run;
}

interface MeetingJson {
  id: string;
  sector: string;
  status: string;
  start: string;
  end: string;
  uuid: string;
  revision: number;
}

/** Every meeting of the store, as `nsm meeting list --json --precinct all` gives them. */
export async function meetingsOf(store: string): Promise<MeetingJson[]> {
  const run = await must(['meeting', 'list', '--json', '--precinct', 'all'], store);
  return JSON.parse(run.stdout) as MeetingJson[];
}

/** The first scheduled and the first held meeting of a sector. */
export async function meetingsOfSector(store: string, sector: string) {
  const all = (await meetingsOf(store)).filter((m) => m.sector === sector);
  const scheduled = all.filter((m) => m.status === 'scheduled');
  const held = all.find((m) => m.status === 'held');
  if (scheduled.length < 2 || !held) throw new Error(`the demo store has too few meetings in ${sector}`);
  return { scheduled, held };
}

/** When changedDemoStore moves and cancels its meetings (after the demo's clock, 2026-11-26T17:00Z). */
export const CHANGED_AT = { moved: '2026-11-30T15:00:00Z', cancelled: '2026-12-01T15:30:00Z' } as const;

/** A demo store where 75A's next meeting was moved to a new time and venue and the one after it cancelled. */
export async function changedDemoStore(): Promise<string> {
  const store = await demoStore();
  const { scheduled } = await meetingsOfSector(store, '75A');
  const [moved, cancelled] = [scheduled[0]!, scheduled[1]!];
  await must(['meeting', 'reschedule', moved.id, '--at', `${moved.start.slice(0, 10)} 18:30`], store, {
    NSM_NOW: CHANGED_AT.moved,
  });
  await must(
    [
      'meeting',
      'reschedule',
      moved.id,
      '--location',
      'P.S. 190 Auditorium',
      '--address',
      '590 Sheffield Ave',
    ],
    store,
    { NSM_NOW: CHANGED_AT.moved },
  );
  await must(['meeting', 'cancel', cancelled.id, '--reason', 'venue unavailable'], store, {
    NSM_NOW: CHANGED_AT.cancelled,
  });
  return store;
}

/**
 * A demo store with hostile text in a 75B meeting (title, venue) and in a public issue raised at
 * 75B's held meeting, so the next 75B meeting's description carries it too.
 */
export async function hostileDemoStore(): Promise<string> {
  const store = await demoStore();
  const { held } = await meetingsOfSector(store, '75B');
  await must(
    [
      'meeting',
      'schedule',
      '--sector',
      '75B',
      '--at',
      '2027-05-18 19:00',
      '--title',
      HOSTILE.title,
      '--location',
      HOSTILE.location,
      '--force',
    ],
    store,
  );
  await must(
    ['issue', 'raise', '--meeting', held.id, '--summary', HOSTILE.summary, '--category', 'noise'],
    store,
  );
  return store;
}

/**
 * Writes a few calendars for validators nobody here wrote (libical, khal): the whole demo store,
 * one sector, one with a moved and a cancelled meeting, one with hostile text. Returns their paths.
 */
export async function writeDemoCalendars(): Promise<string[]> {
  const folder = mkdtempSync(join(tmpdir(), 'nsm-calendars-'));
  const jobs: Array<[string, Promise<string>, string[]]> = [
    ['demo-all.ics', demoStore(), ['--precinct', 'all']],
    ['demo-75A.ics', demoStore(), ['--sector', '75A']],
    ['changed-75.ics', changedDemoStore(), ['--precinct', '75']],
    ['hostile-75B.ics', hostileDemoStore(), ['--sector', '75B']],
  ];
  const paths: string[] = [];
  for (const [name, storeReady, scope] of jobs) {
    const file = join(folder, name);
    await must(['calendar', ...scope, '-o', file], await storeReady);
    paths.push(file);
  }
  return paths;
}

export { tempStore };
