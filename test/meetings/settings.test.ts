import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { initializedStore } from '../helpers/cli.js';
import { nsmIn } from '../helpers/in-process.js';
import { refused, type MeetingJson } from '../meetings/helpers.js';

/** A settings file of the test's own, as `nsm config set` would write it. */
function config(settings: Record<string, string>): { NSM_CONFIG: string } {
  const path = join(mkdtempSync(join(tmpdir(), 'nsm-meeting-config-')), 'config.json');
  writeFileSync(path, JSON.stringify(settings));
  return { NSM_CONFIG: path };
}

const SETTINGS = {
  duration: '90m',
  'venue.75A': 'Community Room',
  'address.75A': '1000 Sutter Avenue',
};

async function scheduled(env: Record<string, string>, ...args: string[]) {
  const store = initializedStore();
  const run = await nsmIn(
    ['meeting', 'schedule', '--sector', '75A', '--at', '2026-12-08 19:00', ...args, '--json'],
    {
      store,
      env,
    },
  );
  expect(run.status, run.stderr).toBe(0);
  return { meeting: JSON.parse(run.stdout) as MeetingJson, stderr: run.stderr };
}

describe('meeting schedule takes its defaults from the settings', () => {
  it('the duration, venue and address settings fill what the flags leave out, and it says so', async () => {
    const { meeting, stderr } = await scheduled(config(SETTINGS));
    expect(meeting).toMatchObject({
      durationMinutes: 90,
      end: '2026-12-08T20:30:00-05:00',
      location: 'Community Room',
      address: '1000 Sutter Avenue',
      onlineUrl: null,
    });
    expect(stderr).toMatch(/Scheduled M1 for 75A \(venue from the venue\.75A and address\.75A setting\)\./);
  });

  it('without settings: 60 minutes and no venue', async () => {
    const { meeting } = await scheduled(config({}));
    expect(meeting).toMatchObject({ durationMinutes: 60, location: null, address: null });
  });

  it('flags win: --duration, and --location or --online leave the venue settings alone', async () => {
    const env = config(SETTINGS);
    expect((await scheduled(env, '--duration', '45')).meeting.durationMinutes).toBe(45);
    expect((await scheduled(env, '--location', 'Library')).meeting).toMatchObject({
      location: 'Library',
      address: null,
      durationMinutes: 90,
    });
    expect((await scheduled(env, '--online', 'https://meet.example.org/75a')).meeting).toMatchObject({
      location: null,
      address: null,
      onlineUrl: 'https://meet.example.org/75a',
    });
  });

  it('--address alone keeps the venue setting and replaces its address', async () => {
    const { meeting, stderr } = await scheduled(config(SETTINGS), '--address', '1001 Sutter Avenue');
    expect(meeting).toMatchObject({ location: 'Community Room', address: '1001 Sutter Avenue' });
    expect(stderr).toMatch(/\(venue from the venue\.75A setting\)/);
  });

  it("another sector's venue setting is not used", async () => {
    const store = initializedStore();
    const run = await nsmIn(
      ['meeting', 'schedule', '--sector', '75B', '--at', '2026-12-08 19:00', '--json'],
      {
        store,
        env: config(SETTINGS),
      },
    );
    expect(JSON.parse(run.stdout)).toMatchObject({ sector: '75B', location: null, durationMinutes: 90 });
  });

  it('a venue setting edited by hand into something invalid is named (exit 2, store untouched)', async () => {
    const store = initializedStore();
    const run = await refused(
      store,
      ['meeting', 'schedule', '--sector', '75A', '--at', '2026-12-08 19:00'],
      2,
      config({ 'venue.75A': 'x'.repeat(300) }),
    );
    expect(run.stderr).toMatch(/venue\.75A/);
  });
});
