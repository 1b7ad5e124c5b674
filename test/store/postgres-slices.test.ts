import { copyFileSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempStore } from '../helpers/cli.js';
import { nsmIn } from '../helpers/in-process.js';
import { sameUuids, storesWithSameUuids } from '../helpers/uuids.js';
import { freshDatabase, testCluster, type FreshDatabase } from '../helpers/postgres.js';
import { loadDatabaseStore } from '../../src/store/postgres/store.js';
import { NotFoundError } from '../../src/errors.js';

/**
 * Commands about one sector, meeting, issue or solution read only that part of a database store
 * (src/store/slice.ts), yet must answer exactly as they do with the whole store in hand. The demo
 * store has two precincts (75 and 14) of five sectors each, so every slice leaves records out.
 */

const databases: FreshDatabase[] = [];
afterAll(async () => {
  await Promise.all(databases.map((db) => db.drop()));
});

let demo: string;
let db: FreshDatabase;
beforeAll(async () => {
  demo = tempStore();
  expect((await nsmIn(['demo', '--store', demo])).status).toBe(0);
  db = await freshDatabase(testCluster());
  databases.push(db);
  const copied = await nsmIn(['store', 'copy', '--to', db.url], { store: demo });
  expect(copied.status, copied.stderr).toBe(0);
});

const ids = (records: readonly { id: string }[]) => records.map((r) => r.id).sort();

describe('a slice of a database store', () => {
  it("holds one sector's meetings, issues and solutions, with the reference records and its NCOs", async () => {
    const whole = JSON.parse(readFileSync(demo, 'utf8')) as Awaited<ReturnType<typeof loadDatabaseStore>>;
    const slice = await loadDatabaseStore(db.url, undefined, { sector: '14B' });
    expect(ids(slice.meetings)).toEqual(ids(whole.meetings.filter((m) => m.sector === '14B')));
    expect(ids(slice.issues)).toEqual(['I7']);
    expect(ids(slice.solutions)).toEqual(['S10', 'S9']);
    expect(slice.precincts).toEqual(whole.precincts);
    expect(slice.sectors).toEqual(whole.sectors);
    // The NCOs who served 14B (none of 75's), and no others.
    const served = whole.ncos.filter((n) => n.assignments.some((a) => a.sector === '14B'));
    expect(served.length).toBeGreaterThan(0);
    expect(slice.ncos).toEqual(served);
    expect(slice.nextId).toEqual(whole.nextId);
    const meetingsOnly = await loadDatabaseStore(db.url, undefined, { sector: '14B', meetingsOnly: true });
    expect(meetingsOnly.meetings).toEqual(slice.meetings);
    expect([meetingsOnly.issues, meetingsOnly.solutions, meetingsOnly.minutes]).toEqual([[], [], []]);
  });

  it('is found from a precinct, a meeting, an issue or a solution, with the other meetings named', async () => {
    const sectorsOf = async (slice: Parameters<typeof loadDatabaseStore>[2]) =>
      [...new Set((await loadDatabaseStore(db.url, undefined, slice)).meetings.map((m) => m.sector))].sort();
    expect(await sectorsOf({ precinct: 14 })).toEqual(['14A', '14B', '14C', '14D', '14E']);
    expect(await sectorsOf({ meeting: 'M27' })).toEqual(['14A']);
    expect(await sectorsOf({ issue: 'I2' })).toEqual(['75B']);
    expect(await sectorsOf({ solution: 'S12' })).toEqual(['14D']);
    const named = await loadDatabaseStore(db.url, undefined, {
      issue: 'I6',
      meetings: ['M2', null, 'M999'],
      ncos: ['N1', undefined],
    });
    expect(named.meetings.filter((m) => m.sector !== '14A').map((m) => m.id)).toEqual(['M2']);
    expect(named.ncos.map((n) => n.id)).toContain('N1');
    expect(named.ncos.every((n) => n.id === 'N1' || n.precinct === 14)).toBe(true);
    // An NCO it names that does not exist: every NCO, so the domain's error can say there are some.
    const missing = await loadDatabaseStore(db.url, undefined, { issue: 'I6', ncos: ['N999'] });
    const whole = JSON.parse(readFileSync(demo, 'utf8')) as { ncos: unknown[] };
    expect(missing.ncos).toHaveLength(whole.ncos.length);
  });

  it("refuses a record that does not exist with the domain's own error", async () => {
    const missing = (slice: Parameters<typeof loadDatabaseStore>[2]) =>
      loadDatabaseStore(db.url, undefined, slice).then(
        () => null,
        (e: unknown) => e,
      );
    for (const [slice, message] of [
      [{ meeting: 'M999' }, 'there is no meeting M999'],
      [{ issue: 'I999' }, 'there is no issue I999'],
      [{ solution: 'S999' }, 'there is no solution S999'],
    ] as const) {
      const error = await missing(slice);
      expect(error).toBeInstanceOf(NotFoundError);
      expect((error as Error).message).toBe(message);
    }
  });
});

/** Sliced commands, across both precincts, with refusals that need records outside the slice to word. */
const STEPS: string[][] = [
  ['meeting', 'held', 'M27', '--attendance', '12'],
  // Conflicts are city-wide: the same sector, and another sector's meeting at the same venue.
  ['meeting', 'schedule', '--sector', '14A', '--at', '2027-03-09 7pm'],
  [
    'meeting',
    'schedule',
    '--sector',
    '14B',
    '--at',
    '2027-03-09 8pm',
    '--location',
    '75th Precinct Community Room',
  ],
  [
    'meeting',
    'schedule',
    '--sector',
    '14B',
    '--at',
    '2027-03-09 8pm',
    '--address',
    '1000 Sutter Ave.',
    '--force',
  ],
  ['meeting', 'schedule', '--sector', '14C', '--at', '2027-04-06 7pm', '--repeat', 'monthly', '--count', '3'],
  ['meeting', 'schedule', '--sector', '76A', '--at', '2027-01-12 7pm'],
  ['meeting', 'reschedule', 'M29', '--at', '2027-03-09 7:30pm', '--location', '75th Precinct Community Room'],
  ['meeting', 'reschedule', 'M29', '--at', '2027-03-09 7:30pm', '--address', '1000 Sutter Avenue', '--force'],
  ['meeting', 'reschedule', 'M29', '--address', '1000 Sutter Avenue'],
  ['meeting', 'reschedule', 'M34', '--location', 'Sutter Room', '--address', '1000 sutter avenue'],
  ['meeting', 'reschedule', 'M999', '--at', '2027-03-09 7pm'],
  ['meeting', 'cancel', 'M33', '--series', '--reason', 'Room closed for repairs'],
  ['meeting', 'cancel', 'M33'],
  ['issue', 'raise', '--meeting', 'M27', '--summary', 'Streetlight out on Avenue P', '--private'],
  ['issue', 'update', 'I11', '--status', 'in-progress', '--note', 'Seen', '--meeting', 'M2'],
  ['issue', 'update', 'I11', '--status', 'in-progress', '--note', 'DOT ticket open'],
  ['issue', 'note', 'I6', '--note', 'Parks walked the site'],
  ['issue', 'edit', 'I11', '--location', 'Avenue P & E 7th St'],
  ['solution', 'add', 'I11', '--summary', 'File a 311 report', '--owner', 'DOT', '--due', '2027-01-15'],
  ['solution', 'add', 'I11', '--summary', 'Walk it at night', '--meeting', 'M2'],
  ['solution', 'add', 'I11', '--summary', 'Night patrol from the 75th', '--owner', 'n1'],
  ['solution', 'add', 'I11', '--summary', 'Nobody', '--owner', 'N999'],
  ['solution', 'edit', 'S9', '--owner', 'N2'],
  ['solution', 'update', 'S10', '--status', 'in-progress', '--note', 'DSNY booked'],
  ['solution', 'edit', 'S10', '--due', '2027-02-01'],
  ['minutes', 'approve', 'M26', '--at', 'M2'],
  ['minutes', 'approve', 'M26'],
  ['minutes', 'amend', 'M26', '--note', 'Attendance was 14, not 12.'],
  ['issue', 'raise', '--meeting', 'M999', '--summary', 'Nowhere'],
  ['issue', 'raise', '--meeting', 'M28', '--summary', 'Too early'],
  ['issue', 'show', 'I11'],
  ['issue', 'show', 'I999'],
  ['meeting', 'show', 'M27'],
  ['meeting', 'show', 'M999'],
  ['solution', 'update', 'S999', '--status', 'done', '--note', 'Done'],
  ['solution', 'add', 'I999', '--summary', 'Nothing to solve'],
  ['issue', 'list', '--sector', '14A'],
  ['issue', 'list', '--precinct', '14'],
  ['issue', 'list', '--meeting', 'M27'],
  ['issue', 'list', '--sector', '75A', '--meeting', 'M27'],
  ['issue', 'list', '--sector', '76A'],
  ['issue', 'list', '--precinct', '75', '--status', 'in-progress', '--json'],
  ['meeting', 'list', '--precinct', '14', '--json'],
  ['meeting', 'list', '--sector', '76A'],
  ['meeting', 'list', '--sector', '75Z'],
  ['meeting', 'next', '--sector', '14A', '--json'],
  ['meeting', 'next', '--sector', '76A'],
  ['solution', 'list', '--sector', '14B'],
  ['solution', 'list', '--precinct', '14', '--json'],
  ['agenda', 'M28', '--format', 'md'],
  ['minutes', 'M26', '--format', 'md'],
  ['minutes', 'M27', '--format', 'md'],
  ['report', 'issues', '--precinct', '14', '--json'],
  ['report', 'issues', '--sector', '14A', '--format', 'md'],
  ['report', 'issues', '--precinct', '76'],
  ['calendar', '--precinct', '14'],
  ['calendar', '--sector', '75A'],
  ['calendar', '--meeting', 'M28'],
  ['calendar', '--meeting', 'M999'],
  ['calendar', '--precinct', '999'],
];

describe('sliced commands on a database store', () => {
  it('give the same outputs, exit codes and records as on the whole JSON file', async () => {
    const file = tempStore();
    copyFileSync(demo, file);
    const target = await freshDatabase(testCluster());
    databases.push(target);
    expect((await nsmIn(['store', 'copy', '--to', target.url], { store: demo })).status).toBe(0);
    const env = { NSM_NOW: '2026-12-10T17:00:00Z' };
    const codes: number[] = [];
    for (const args of STEPS) {
      const onFile = await nsmIn(args, { store: file, env });
      const onDb = await nsmIn(['--store', target.url, ...args], { env });
      const step = `${args.join(' ')}: ${onFile.stderr}`;
      expect(onDb.status, step).toBe(onFile.status);
      expect(sameUuids(onDb.stdout), step).toBe(sameUuids(onFile.stdout));
      expect(onDb.stderr.replace(target.url.replace(/:[^:@/]*@/, ':***@'), '<store>'), step).toBe(
        onFile.stderr.replace(file, '<store>'),
      );
      codes.push(onFile.status ?? -1);
    }
    // The steps include refusals by rule (3) and of missing records (4), not only successes.
    expect(new Set(codes)).toEqual(new Set([0, 3, 4]));
    const out = join(dirname(tempStore()), 'sliced.json');
    expect((await nsmIn(['--store', target.url, 'store', 'copy', '--to', out])).status).toBe(0);
    // The same records, each new meeting with its own random UUID on either side.
    const [fromFile, fromDb] = storesWithSameUuids(file, out);
    expect(fromDb).toEqual(fromFile);
  });
});
