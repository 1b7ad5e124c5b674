import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../src/domain/schema.js';
import { checkStore } from '../../src/domain/doctor.js';
import { migrations, uuidFrom } from '../../src/store/migrations.js';
import { json, tempStore } from '../helpers/cli.js';
import { nsmIn } from '../helpers/in-process.js';
import { meeting, smallCity } from '../helpers/store-factory.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
type MeetingJson = { id: string; uuid: string };

/** A format-3 store: the same store with the meetings' UUIDs taken out. */
async function formatThreeStore(): Promise<string> {
  const store = tempStore();
  expect((await nsmIn(['init'], { store })).status).toBe(0);
  for (const at of ['2026-12-08 19:00', '2027-01-12 19:00'])
    expect((await nsmIn(['meeting', 'schedule', '--sector', '75A', '--at', at], { store })).status).toBe(0);
  const current = JSON.parse(readFileSync(store, 'utf8')) as {
    schemaVersion: number;
    meetings: Array<Record<string, unknown>>;
  };
  current.schemaVersion = 3;
  for (const m of current.meetings) delete m.uuid;
  writeFileSync(store, JSON.stringify(current));
  return store;
}

describe('meeting UUIDs (store format 4)', () => {
  it('every new meeting gets its own random UUID, shown in its JSON', async () => {
    const store = tempStore();
    await nsmIn(['init'], { store });
    const series = json<MeetingJson[]>(
      await nsmIn(
        [
          'meeting',
          'schedule',
          '--sector',
          '75A',
          '--at',
          '2026-12-08 19:00',
          '--repeat',
          'monthly',
          '--count',
          '3',
          '--json',
        ],
        { store },
      ),
    );
    expect(series.map((m) => m.uuid).every((u) => /^[0-9a-f-]{36}$/.test(u))).toBe(true);
    expect(new Set(series.map((m) => m.uuid)).size).toBe(3);
    expect(json<MeetingJson>(await nsmIn(['meeting', 'show', series[0]!.id, '--json'], { store })).uuid).toBe(
      series[0]!.uuid,
    );
  });

  it('a format-3 store is read with the same UUIDs every time until its next write keeps them', async () => {
    const store = await formatThreeStore();
    const before = readFileSync(store);
    const first = json<MeetingJson[]>(
      await nsmIn(['meeting', 'list', '--json', '--precinct', 'all'], { store }),
    );
    const second = json<MeetingJson[]>(
      await nsmIn(['meeting', 'list', '--json', '--precinct', 'all'], { store }),
    );
    expect(first.map((m) => m.uuid)).toEqual(second.map((m) => m.uuid));
    for (const m of first) expect(m.uuid).toMatch(UUID);
    expect(readFileSync(store).equals(before), 'a read never rewrites the store').toBe(true);

    expect(
      (await nsmIn(['nco', 'add', '--name', 'A', '--shield', '1', '--precinct', '75'], { store })).status,
    ).toBe(0);
    const written = JSON.parse(readFileSync(store, 'utf8')) as {
      schemaVersion: number;
      meetings: MeetingJson[];
    };
    expect(written.schemaVersion).toBe(SCHEMA_VERSION);
    expect(written.meetings.map((m) => m.uuid)).toEqual(first.map((m) => m.uuid));
  });

  it('the migration is deterministic, keeps a UUID already there, and differs per meeting', () => {
    const step = migrations[3]!;
    const store = {
      meetings: [
        { id: 'M1', sector: '75A', createdAt: 'x' },
        { id: 'M2', sector: '75A', createdAt: 'x', uuid: 'kept' },
      ],
    };
    const once = step(store).meetings as MeetingJson[];
    expect(step(store).meetings).toEqual(once);
    expect(once[0]!.uuid).toBe(uuidFrom('nsm meeting|M1|75A|x'));
    expect(once[0]!.uuid).toMatch(UUID);
    expect(once[1]!.uuid).toBe('kept');
  });

  it('doctor finds two meetings sharing a UUID', () => {
    const store = smallCity();
    store.meetings.push(
      meeting({ id: 'M1', sector: '75A', start: '2026-12-08T19:00', uuid: uuidFrom('same') }),
      meeting({ id: 'M2', sector: '75B', start: '2026-12-09T19:00', uuid: uuidFrom('same') }),
    );
    store.nextId.meeting = 3;
    const findings = checkStore(store, '2026-11-26');
    expect(findings).toContainEqual(
      expect.objectContaining({ level: 'error', code: 'duplicate-meeting-uuid' }),
    );
  });
});
