import { describe, expect, it } from 'vitest';
import { initializedStore } from '../helpers/cli.js';
import { nsmIn } from '../helpers/in-process.js';
import { list, ok, refused, schedule, type MeetingJson } from './helpers.js';

const get = (store: string, id: string) => ok<MeetingJson>(store, ['meeting', 'show', id]);
/** A moment after the meetings of December 2026. */
const LATER = { NSM_NOW: '2026-12-20T12:00:00Z' };

/** One store for the refusals (each leaves it byte-identical): M1 scheduled, M2 cancelled, both Dec 8 2026. */
let shared: Promise<string> | undefined;
function oneOfEach(): Promise<string> {
  shared ??= (async () => {
    const store = initializedStore();
    await schedule(store, '--sector', '75A', '--at', '2026-12-08 19:00');
    await schedule(store, '--sector', '75B', '--at', '2026-12-08 19:00');
    await ok(store, ['meeting', 'cancel', 'M2']);
    return store;
  })();
  return shared;
}

describe('nsm meeting reschedule', () => {
  it('moves a meeting, raises its revision each time and keeps the rest', async () => {
    const store = initializedStore();
    await schedule(
      store,
      '--sector',
      '75A',
      '--at',
      '2026-12-08 19:00',
      '--location',
      'Community Room',
      '--duration',
      '90',
    );
    const moved = await ok<MeetingJson>(store, ['meeting', 'reschedule', 'M1', '--at', '2026-12-08 19:30']); // overlaps its old self: fine
    expect(moved).toMatchObject({
      id: 'M1',
      start: '2026-12-08T19:30:00-05:00',
      end: '2026-12-08T21:00:00-05:00',
      revision: 1,
      location: 'Community Room',
      status: 'scheduled',
    });
    const again = await ok<MeetingJson>(store, [
      'meeting',
      'reschedule',
      'm1',
      '--at',
      '2027-04-06 7pm',
      '--duration',
      '1h',
      '--location',
      'Library',
    ]);
    expect(again).toMatchObject({
      start: '2027-04-06T19:00:00-04:00',
      end: '2027-04-06T20:00:00-04:00',
      revision: 2,
      location: 'Library',
    });
    expect(await list(store)).toEqual([again]);
  });

  it('checks conflicts again: exit 3 naming the other meeting, --force overrides with a warning', async () => {
    const store = initializedStore();
    await schedule(store, '--sector', '75A', '--at', '2026-12-08 19:00');
    await schedule(store, '--sector', '75A', '--at', '2026-12-10 19:00');
    expect(
      (await refused(store, ['meeting', 'reschedule', 'M1', '--at', '2026-12-10 19:30'], 3)).stderr,
    ).toMatch(/M2/);
    expect(
      (await refused(store, ['meeting', 'reschedule', 'M1', '--at', '2026-11-25 19:00'], 3)).stderr,
    ).toMatch(/past/);
    const run = await nsmIn(
      ['meeting', 'reschedule', 'M1', '--at', '2026-12-10 19:30', '--force', '--json'],
      {
        store,
      },
    );
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/warning.*M2/);
    expect(await get(store, 'M1')).toMatchObject({ start: '2026-12-10T19:30:00-05:00', revision: 1 });
  });

  it.each([
    [['M1'], 2],
    [['M1', '--at', 'next tuesday'], 2],
    [['M1', '--at', '2026-12-09 19:00', '--duration', '13h'], 2],
    [['M9', '--at', '2026-12-09 19:00'], 4],
    [['M2', '--at', '2026-12-09 19:00'], 3], // cancelled
  ])('%j → exit %i', async (args, code) => {
    await refused(await oneOfEach(), ['meeting', 'reschedule', ...args], code);
  });
});

describe('nsm meeting cancel', () => {
  it('keeps the meeting, marked cancelled with its reason, at a higher revision; twice is exit 3', async () => {
    const store = initializedStore();
    await schedule(store, '--sector', '75A', '--at', '2026-12-08 19:00', '--location', 'Community Room');
    await ok(store, ['meeting', 'reschedule', 'M1', '--at', '2026-12-08 18:30']);
    const cancelled = await ok<MeetingJson & { cancelReason: string }>(store, [
      'meeting',
      'cancel',
      'M1',
      '--reason',
      'venue unavailable',
    ]);
    expect(cancelled).toMatchObject({
      id: 'M1',
      status: 'cancelled',
      revision: 2,
      start: '2026-12-08T18:30:00-05:00',
      cancelReason: 'venue unavailable',
    });
    expect((await list(store, '--status', 'cancelled')).map((m) => m.id)).toEqual(['M1']);
    expect((await refused(store, ['meeting', 'cancel', 'M1'], 3)).stderr).toMatch(/M1.*cancelled/);
    // its slot and its room are free again
    expect(
      (await schedule(store, '--sector', '75A', '--at', '2026-12-08 18:30', '--location', 'Community Room'))
        .id,
    ).toBe('M2');
  });

  it('--series cancels this and the later meetings of the series only', async () => {
    const store = initializedStore();
    await schedule(
      store,
      '--sector',
      '75A',
      '--at',
      '2026-12-08 19:00',
      '--repeat',
      'monthly',
      '--count',
      '4',
    ); // M1–M4
    await schedule(
      store,
      '--sector',
      '75B',
      '--at',
      '2027-01-12 19:00',
      '--repeat',
      'monthly',
      '--count',
      '2',
    ); // M5–M6
    await schedule(store, '--sector', '75A', '--at', '2027-02-01 19:00'); // M7, a one-off
    const cancelled = await ok<MeetingJson[]>(store, ['meeting', 'cancel', 'M2', '--series']);
    expect(cancelled.map((m) => m.id)).toEqual(['M2', 'M3', 'M4']);
    const all = await list(store);
    expect(all.map((m) => `${m.id} ${m.status} ${m.revision}`)).toEqual([
      'M1 scheduled 0',
      'M2 cancelled 1',
      'M5 scheduled 0',
      'M7 scheduled 0',
      'M3 cancelled 1',
      'M6 scheduled 0',
      'M4 cancelled 1',
    ]);
    expect((await refused(store, ['meeting', 'cancel', 'M3', '--series'], 3)).stderr).toMatch(/M3/);
  });

  it.each([
    [['M9'], 4],
    [['9'], 2],
  ])('%j → exit %i', async (args, code) => {
    await refused(await oneOfEach(), ['meeting', 'cancel', ...args], code);
  });
});

describe('nsm meeting held', () => {
  it('records attendance once the meeting has started, and not before', async () => {
    const store = initializedStore();
    await schedule(store, '--sector', '75A', '--at', '2026-12-08 19:00');
    expect((await refused(store, ['meeting', 'held', 'M1', '--attendance', '30'], 3)).stderr).toMatch(/M1/);
    await refused(store, ['meeting', 'held', 'M1', '--attendance', '30'], 3, {
      NSM_NOW: '2026-12-08T23:59:00Z',
    }); // 6:59 pm New York
    const held = await ok<MeetingJson>(
      store,
      ['meeting', 'held', 'M1', '--attendance', '30', '--notes', 'Captain attended'],
      { NSM_NOW: '2026-12-09T00:00:00Z' },
    );
    expect(held).toMatchObject({ id: 'M1', status: 'held', attendance: 30 });
    expect((await list(store, '--status', 'held')).map((m) => m.attendance)).toEqual([30]);
    // a held meeting can be neither moved nor cancelled
    await refused(store, ['meeting', 'reschedule', 'M1', '--at', '2026-12-22 19:00'], 3, LATER);
    await refused(store, ['meeting', 'cancel', 'M1'], 3, LATER);
  });

  it('refuses an attendance no room holds, naming the limit', async () => {
    const store = initializedStore();
    await schedule(store, '--sector', '75A', '--at', '2026-12-08 19:00');
    for (const absurd of ['99999999999999999999', '10001'])
      expect(
        (await refused(store, ['meeting', 'held', 'M1', '--attendance', absurd], 2, LATER)).stderr,
      ).toMatch(/is more than 10,000 people — give how many came, at most 10,000/);
    expect(
      await ok<MeetingJson>(store, ['meeting', 'held', 'M1', '--attendance', '10000'], LATER),
    ).toMatchObject({
      attendance: 10000,
    });
  });

  it('refuses a cancelled meeting even after its time', async () => {
    const store = initializedStore();
    await schedule(store, '--sector', '75A', '--at', '2026-12-08 19:00');
    await ok(store, ['meeting', 'cancel', 'M1']);
    expect((await refused(store, ['meeting', 'held', 'M1', '--attendance', '30'], 3, LATER)).stderr).toMatch(
      /cancelled/,
    );
    expect(await get(store, 'M1')).toMatchObject({ status: 'cancelled', attendance: null });
  });

  it.each([
    [['M1', '--attendance', '-3'], 2],
    [['M1', '--attendance', 'abc'], 2],
    [['M1', '--attendance', '2.5'], 2],
    [['M1'], 2],
    [['M9', '--attendance', '30'], 4],
  ])('%j → exit %i', async (args, code) => {
    expect((await refused(await oneOfEach(), ['meeting', 'held', ...args], code, LATER)).stderr).toMatch(
      code === 2 ? /--attendance/ : /M9/,
    );
  });
});
