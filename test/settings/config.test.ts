import {
  lstatSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { setup, withDemo, type Row } from './helpers.js';

withDemo();

describe('nsm config set, get, unset', () => {
  it('round-trips a setting, normalised, and says what it did on stderr', async () => {
    const { run, file } = setup();
    const set = await run('config', 'set', 'duration', '1.5h');
    expect(set).toMatchObject({ status: 0, stdout: 'Key\tduration\nValue\t1h30m\n' });
    expect(set.stderr).toMatch(/^Set duration to 1h30m in .*config\.json\.\n$/);
    expect(file()).toEqual({ duration: '1h30m' });
    expect(await run('config', 'get', 'duration')).toMatchObject({
      status: 0,
      stdout: '1h30m\n',
      stderr: '',
    });

    const unset = await run('config', 'unset', 'duration');
    expect(unset).toMatchObject({ status: 0, stderr: 'Unset duration (it was 1h30m).\n' });
    expect(file()).toEqual({});
    // Back to the default, which get prints.
    expect(await run('config', 'get', 'duration')).toMatchObject({ status: 0, stdout: '1h\n' });

    expect(await run('config', 'unset', 'duration')).toMatchObject({
      status: 0,
      stderr: 'duration was not set; nothing changed.\n',
    });
  });

  it('exits 4 from get, printing nothing, for a setting that is not set and has no default', async () => {
    const { run } = setup();
    expect(await run('config', 'get', 'precinct')).toEqual({
      status: 4,
      stdout: '',
      stderr:
        'nsm: precinct is not set — set it with: nsm config set precinct 75 (see every setting with: nsm config list)\n',
    });
  });

  it('keeps the other keys, including ones written by hand, and normalises keys typed in any case', async () => {
    const { run, file } = setup('{"calendar.domain":"nsm.example.org","my.note":"hello"}');
    expect((await run('config', 'set', 'Venue.75a', 'Community Room')).status).toBe(0);
    expect((await run('config', 'set', 'PRECINCT', '075')).status).toBe(0);
    expect(file()).toEqual({
      'calendar.domain': 'nsm.example.org',
      'my.note': 'hello',
      'venue.75A': 'Community Room',
      precinct: '75',
    });
    // A key nsm does not know can still be removed by its exact name.
    expect((await run('config', 'unset', 'my.note')).status).toBe(0);
    expect(Object.keys(file())).not.toContain('my.note');
  });

  it('prints JSON from all four verbs', async () => {
    const { json } = setup();
    expect(await json('config', 'set', 'calendar.domain', 'NSM.Example.org')).toEqual({
      key: 'calendar.domain',
      value: 'nsm.example.org',
      source: 'set',
      description: expect.stringContaining('calendar event UIDs'),
    });
    expect(await json('config', 'get', 'calendar.domain')).toMatchObject({
      value: 'nsm.example.org',
      source: 'set',
    });
    expect(await json('config', 'get', 'duration')).toMatchObject({
      key: 'duration',
      value: '1h',
      source: 'default',
    });
    expect(await json('config', 'unset', 'calendar.domain')).toMatchObject({
      key: 'calendar.domain',
      value: 'nsm.invalid',
      source: 'default',
    });
    expect(await json('config', 'unset', 'precinct')).toMatchObject({
      key: 'precinct',
      value: null,
      source: 'unset',
    });
  });

  it('does not rewrite the file when the value is already set', async () => {
    const { run, config } = setup('{ "precinct": "75" }');
    const result = await run('config', 'set', 'precinct', '75th');
    expect(result).toMatchObject({ status: 0, stderr: 'precinct was already 75.\n' });
    expect(readFileSync(config, 'utf8')).toBe('{ "precinct": "75" }');
  });

  it('names the store setting that NSM_STORE hides', async () => {
    const { run, file } = setup();
    const result = await run('config', 'set', 'store', 'elsewhere/store.json');
    expect(result.status).toBe(0);
    expect(file().store).toBe(join(process.cwd(), 'elsewhere/store.json'));
    expect(result.stderr).toMatch(
      /^nsm: warning: NSM_STORE is set \(.*\) and comes before the store setting/,
    );
  });
});

describe('nsm config list', () => {
  it('lists every key with its value, source and description, then the per-sector keys that are set', async () => {
    const { run, json } = setup();
    await run('config', 'set', 'venue.75B', 'Library');
    await run('config', 'set', 'venue.14A', 'Online hall');
    await run('config', 'set', 'precinct', '14');
    const rows = await json<Row[]>('config', 'list');
    expect(rows.map((r) => [r.key, r.value, r.source])).toEqual([
      ['precinct', '14', 'set'],
      ['duration', '1h', 'default'],
      ['venue.14A', 'Online hall', 'set'],
      ['venue.75B', 'Library', 'set'],
      ['address.<sector>', null, 'unset'],
      ['calendar.domain', 'nsm.invalid', 'default'],
      ['store', expect.stringMatching(/nsm[/\\]store\.json$/), 'default'],
      ['agent', 'on', 'default'],
    ]);
    expect(rows[3]!.description).toContain('sector 75B');
    for (const row of rows) expect(row.description).not.toBe('');
  });

  it('prints a table with a header in a pipe and names the settings file on stderr', async () => {
    const { run, config } = setup();
    const result = await run('config', 'list');
    expect(result.status).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe('Key\tValue\tSource\tDescription');
    expect(result.stdout).toMatch(/^calendar\.domain\tnsm\.invalid\tdefault\t/m);
    expect(result.stderr).toBe(`Settings file: ${config} (not created yet)\n`);
  });

  it('shows keys written by hand that nsm does not know, with how to remove them', async () => {
    const { json } = setup('{"colour":"blue"}');
    const rows = await json<Row[]>('config', 'list');
    expect(rows.at(-1)).toEqual({
      key: 'colour',
      value: 'blue',
      source: 'set',
      description: 'not a setting nsm knows: nsm config unset colour',
    });
  });
});

describe('the settings file', () => {
  it('is created mode 0600 in a folder created 0700, and stays 0600 when replaced', async () => {
    const { run, config } = setup();
    expect((await run('config', 'set', 'precinct', '75')).status).toBe(0);
    expect(statSync(config).mode & 0o777).toBe(0o600);
    expect(statSync(dirname(config)).mode & 0o777).toBe(0o700);
    expect((await run('config', 'set', 'duration', '45')).status).toBe(0);
    expect(statSync(config).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(config, 'utf8'))).toEqual({ precinct: '75', duration: '45m' });
  });

  it('is written where a link points, keeping the link', async () => {
    const { run, config } = setup('{}');
    const real = join(dirname(config), 'real.json');
    writeFileSync(real, '{"precinct":"14"}');
    unlinkSync(config);
    symlinkSync(real, config);
    expect((await run('config', 'set', 'duration', '2h')).status).toBe(0);
    expect(lstatSync(config).isSymbolicLink()).toBe(true);
    expect(readlinkSync(config)).toBe(real);
    expect(JSON.parse(readFileSync(real, 'utf8'))).toEqual({ precinct: '14', duration: '2h' });
  });
});
