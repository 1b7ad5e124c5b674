import { describe, expect, it } from 'vitest';
import { definitions } from '../../src/cli/commands.js';
import { resolveKey, SETTING_KEYS } from '../../src/settings/keys.js';
import { nsmIn } from '../helpers/in-process.js';
import { setup, withDemo, type Meeting } from './helpers.js';

withDemo();

describe('settings fill the flags of other commands', () => {
  it('the precinct setting scopes meeting list; --precinct all widens it, --sector looks past it', async () => {
    const { run, json } = setup();
    const everywhere = await json<Meeting[]>('meeting', 'list');
    // The demo has meetings in two precincts, so a scope that did nothing would show.
    expect(new Set(everywhere.map((m) => m.precinct))).toEqual(new Set([14, 75]));

    expect((await run('config', 'set', 'precinct', '14')).status).toBe(0);
    const scoped = await json<Meeting[]>('meeting', 'list');
    expect(scoped.length).toBeGreaterThan(0);
    expect(scoped.every((m) => m.precinct === 14)).toBe(true);
    expect(scoped).toEqual(everywhere.filter((m) => m.precinct === 14));

    expect(await json<Meeting[]>('meeting', 'list', '--precinct', 'all')).toEqual(everywhere);
    const sector = await json<Meeting[]>('meeting', 'list', '--sector', '75A');
    expect(sector.length).toBeGreaterThan(0);
    expect(sector.every((m) => m.sector === '75A')).toBe(true);
  });

  it('the duration setting is the length of a meeting scheduled without --duration', async () => {
    const { run, json } = setup();
    expect((await run('config', 'set', 'duration', '1.5h')).status).toBe(0);
    const made = await json<Meeting | Meeting[]>(
      'meeting',
      'schedule',
      '--sector',
      '75A',
      '--at',
      '2027-03-03 18:00',
      '--location',
      'Library',
      '--force',
    );
    const meeting = Array.isArray(made) ? made[0]! : made;
    expect(new Date(meeting.end).getTime() - new Date(meeting.start).getTime()).toBe(90 * 60_000);
  });

  it('the store setting chooses the store when neither --store nor NSM_STORE is given', async () => {
    const { run, store, env } = setup();
    expect((await run('config', 'set', 'store', store)).status).toBe(0);
    const listed = await nsmIn(['meeting', 'list', '--json'], { env });
    expect(listed.status, listed.stderr).toBe(0);
    expect(JSON.parse(listed.stdout)).toEqual(JSON.parse((await run('meeting', 'list', '--json')).stdout));
  });
});

describe('settings and command definitions cannot drift', () => {
  const named = definitions.flatMap((d) =>
    Object.entries(d.spec.flags)
      .filter(([, flag]) => flag.setting !== undefined)
      .map(([key, flag]) => ({ command: `${d.spec.path.join(' ')} --${key}`, setting: flag.setting! })),
  );

  it('some flags take their default from a setting', () => {
    expect(named.map((n) => n.setting)).toEqual(expect.arrayContaining(['precinct', 'duration']));
  });

  it.each(named)('$command: its setting "$setting" is a key nsm config knows', ({ setting }) => {
    expect(SETTING_KEYS).toContain(setting);
    expect(resolveKey(setting).key).toBe(setting);
  });

  it('config commands complete their key argument with the settings', () => {
    const config = definitions.filter((d) => d.spec.path[0] === 'config');
    expect(config.map((d) => d.spec.path[1])).toEqual(['get', 'set', 'unset', 'list']);
    for (const d of config.filter((d) => d.spec.args?.length))
      expect(d.spec.args![0]).toMatchObject({ name: 'key', complete: 'setting' });
  });
});
