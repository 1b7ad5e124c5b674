import { describe, expect, it } from 'vitest';
import { bytes, initializedStore } from '../helpers/cli.js';
import { nsmIn } from '../helpers/in-process.js';
import { ok, refused, schedule } from '../meetings/helpers.js';

/** 75A on Tue Dec 8 2026 at 7 pm in the Community Room, 1000 Sutter Avenue, 90 minutes (M1). */
async function withM1(): Promise<string> {
  const store = initializedStore();
  // prettier-ignore
  await schedule(store, '--sector', '75A', '--at', '2026-12-08 19:00', '--location', 'Community Room', '--address', '1000 Sutter Avenue', '--duration', '90');
  return store;
}

const reschedule = (store: string, ...args: string[]) =>
  nsmIn(['meeting', 'reschedule', 'M1', ...args], { store });

describe('nsm meeting reschedule changes the venue without --at', () => {
  it('keeps the time, raises the revision by one and says what changed', async () => {
    const store = await withM1();
    // prettier-ignore
    const run = await reschedule(store, '--location', 'P.S. 190 Auditorium', '--address', '590 Sheffield Avenue', '--json');
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      id: 'M1',
      start: '2026-12-08T19:00:00-05:00',
      end: '2026-12-08T20:30:00-05:00',
      durationMinutes: 90,
      location: 'P.S. 190 Auditorium',
      address: '590 Sheffield Avenue',
      onlineUrl: null,
      revision: 1,
    });
    expect(run.stderr).toBe(
      'Rescheduled M1 (75A): venue now P.S. 190 Auditorium, 590 Sheffield Avenue (was Community Room, 1000 Sutter Avenue); revision 1.\n',
    );
  });

  it('--address alone keeps the venue name; --online adds a link and keeps the place', async () => {
    const store = await withM1();
    expect(await ok(store, ['meeting', 'reschedule', 'M1', '--address', '1001 Sutter Avenue'])).toMatchObject(
      {
        location: 'Community Room',
        address: '1001 Sutter Avenue',
        revision: 1,
      },
    );
    const run = await reschedule(store, '--online', 'https://meet.example.org/75a', '--json');
    expect(JSON.parse(run.stdout)).toMatchObject({
      location: 'Community Room',
      address: '1001 Sutter Avenue',
      onlineUrl: 'https://meet.example.org/75a',
      revision: 2,
    });
    expect(run.stderr).toBe(
      'Rescheduled M1 (75A): online link now https://meet.example.org/75a; revision 2.\n',
    );
    expect(await ok(store, ['meeting', 'reschedule', 'M1', '--online', ''])).toMatchObject({
      onlineUrl: null,
      revision: 3,
    });
  });

  it('a new venue name alone drops the old address, with a warning that says so', async () => {
    const store = await withM1();
    const run = await reschedule(store, '--location', 'Library', '--json');
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ location: 'Library', address: null, revision: 1 });
    expect(run.stderr).toMatch(
      /nsm: warning: the address "1000 Sutter Avenue" went with the old venue; give --address/,
    );
    expect(run.stderr).toMatch(/venue now Library \(was Community Room, 1000 Sutter Avenue\)/);
  });

  it('names the time, the length and the venue when all change at once', async () => {
    const store = await withM1();
    const run = await reschedule(
      store,
      '--at',
      '2026-12-15 18:30',
      '--duration',
      '1h',
      '--location',
      'Library',
    );
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain(
      'Rescheduled M1 (75A): moved from Tue Dec 8 2026, 7:00 PM to Tue Dec 15 2026, 6:30 PM; length now 1h (was 1h 30m); venue now Library (was Community Room, 1000 Sutter Avenue); revision 1.',
    );
  });

  it('values it already has change nothing: no new revision, the store untouched', async () => {
    const store = await withM1();
    const before = bytes(store);
    const run = await reschedule(store, '--at', '2026-12-08 7pm', '--location', 'Community Room', '--json');
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ revision: 0 });
    expect(run.stderr).toMatch(/Nothing to change: M1/);
    expect(bytes(store).equals(before)).toBe(true);
  });

  it('checks the new venue for conflicts: a room booked then is refused (exit 3) unless --force', async () => {
    const store = await withM1();
    await schedule(store, '--sector', '75B', '--at', '2026-12-08 19:30', '--location', 'Library');
    const run = await refused(store, ['meeting', 'reschedule', 'M1', '--location', 'library'], 3);
    expect(run.stderr).toMatch(/M2/);
    const forced = await reschedule(store, '--location', 'library', '--force');
    expect(forced.status, forced.stderr).toBe(0);
    expect(forced.stderr).toMatch(
      /warning: rescheduled despite a conflict \(--force\): the venue is booked for M2/,
    );
  });

  it('a venue change to a meeting whose time has passed is allowed; a move into the past is not', async () => {
    const store = await withM1();
    const later = { NSM_NOW: '2026-12-10T12:00:00Z' };
    const run = await nsmIn(['meeting', 'reschedule', 'M1', '--location', 'Library', '--json'], {
      store,
      env: later,
    });
    expect(run.status, run.stderr).toBe(0);
    const past = await refused(store, ['meeting', 'reschedule', 'M1', '--at', '2026-12-09 19:00'], 3, later);
    expect(past.stderr).toMatch(/in the past/);
  });
});

describe('nsm meeting reschedule needs something to change', () => {
  it.each([[[]], [['--force']]])('%j → exit 2, one line naming the flags', async (args) => {
    const store = await withM1();
    const run = await refused(store, ['meeting', 'reschedule', 'M1', ...args], 2);
    expect(run.stderr).toBe(
      'nsm: nothing to change for M1 — give at least one of --at, --duration, --location, --address or --online\n',
    );
  });
});

describe('held and reschedule print the record as fields, like meeting show', () => {
  it('reschedule: a page of fields on stdout, times ISO 8601 in a pipe', async () => {
    const store = await withM1();
    const run = await reschedule(store, '--at', '2026-12-15 19:00');
    expect(run.status, run.stderr).toBe(0);
    const fields = Object.fromEntries(
      run.stdout
        .trimEnd()
        .split('\n')
        .map((l) => l.split('\t')),
    );
    expect(fields).toMatchObject({
      Meeting: 'M1 — Sector 75A Neighborhood Safety Meeting',
      When: '2026-12-15T19:00:00-05:00',
      Length: '1h 30m',
      Where: 'Community Room',
      Address: '1000 Sutter Avenue',
      Status: 'scheduled',
      Revision: '1',
    });
  });

  it('held: a page of fields on a terminal, the time as people say it', async () => {
    const store = await withM1();
    const run = await nsmIn(['meeting', 'held', 'M1', '--attendance', '31', '--notes', 'Captain attended'], {
      store,
      env: { NSM_NOW: '2026-12-09T12:00:00Z' },
      terminal: 80,
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/When\s+Tue Dec 8 2026, 7:00 PM \(yesterday\)/);
    expect(run.stdout).toMatch(/Status\s+held/);
    expect(run.stdout).toMatch(/Attendance\s+31/);
    expect(run.stdout).toMatch(/Notes\s+Captain attended/);
    expect(run.stdout).not.toMatch(/^M1\theld/m); // not the old raw tab row
    expect(run.stderr).toBe('Recorded M1 as held, attendance 31.\n');
  });
});
