import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDuration } from '../../src/domain/duration.js';
import { UsageError } from '../../src/errors.js';
import { parseSettingValue, resolveKey, SETTING_KEYS, type Places } from '../../src/settings/keys.js';
import { calendarDomain, venueFor } from '../../src/settings/values.js';

const places: Places = { from: 'the store', precincts: [14, 75], sectors: ['14A', '75A', '75B'] };
const set = (key: string, value: string) => parseSettingValue(resolveKey(key), value, places);
const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return `${(error as UsageError).message} — ${(error as UsageError).hint}`;
  }
  throw new Error('not refused');
};

describe('setting keys', () => {
  it('lists the keys and patterns for completion', () => {
    expect(SETTING_KEYS).toEqual([
      'precinct',
      'duration',
      'venue.<sector>',
      'address.<sector>',
      'calendar.domain',
      'store',
      'agent',
    ]);
  });

  // prettier-ignore
  it.each([
    ['precinct', 'precinct'],
    ['PRECINCT', 'precinct'],
    ['Calendar.Domain', 'calendar.domain'],
    ['venue.75a', 'venue.75A'],
    ['VENUE.075A', 'venue.75A'],
    ['address.14a', 'address.14A'],
  ])('%s is stored as %s', (typed, key) => expect(resolveKey(typed).key).toBe(key));

  // prettier-ignore
  it.each([
    ['nosuchkey', /"nosuchkey" is not a setting — the settings are precinct, duration, venue.<sector>, address.<sector>, calendar.domain, store and agent/],
    ['venue', /"venue" is set per sector — write venue.<sector>, for example venue.75A/],
    ['venue.xyz', /venue.<sector> "xyz" is not a sector id/],
    ['precinct.75', /is not a setting/],
  ])('refuses the key %s', (key, message) => expect(refusal(() => resolveKey(key))).toMatch(message));
});

describe('setting values', () => {
  // prettier-ignore
  it.each([
    ['precinct', ' 075 ', '75'],
    ['precinct', '14th', '14'],
    ['duration', '90', '1h30m'],
    ['duration', '1.5h', '1h30m'],
    ['duration', '45m', '45m'],
    ['duration', '2h', '2h'],
    ['venue.75A', '  Community Room ', 'Community Room'],
    ['address.75A', '1000 Sutter Avenue', '1000 Sutter Avenue'],
    ['calendar.domain', 'NSM.Example.ORG.', 'nsm.example.org'],
    ['calendar.domain', 'localhost', 'localhost'],
    ['store', 'stores/s.json', resolve('stores/s.json')],
    ['store', '~/nsm/store.json', join(homedir(), 'nsm/store.json')],
    ['agent', 'OFF', 'off'],
    ['agent', ' on', 'on'],
  ])('%s %j is stored as %j', (key, value, stored) => expect(set(key, value)).toBe(stored));

  it('stores a duration that the --duration parser reads back as the same minutes', () => {
    for (const typed of ['1', '59', '60', '61', '90', '1.25h', '12h'])
      expect(parseDuration(set('duration', typed))).toBe(parseDuration(typed));
  });

  // prettier-ignore
  it.each([
    ['precinct', '999', /there is no precinct 999 in the store — give one that exists/],
    ['precinct', 'all', /precinct "all" is not a value for the setting — .*nsm config unset precinct/],
    ['precinct', 'abc', /precinct "abc" is not a precinct number/],
    ['duration', 'forever', /duration "forever" is not a duration — write minutes or hours/],
    ['duration', '13h', /longer than 12 hours/],
    ['venue.75C', 'Hall', /there is no sector 75C in the store — precinct 75 has 75A, 75B/],
    ['venue.99A', 'Hall', /there is no sector 99A in the store — list the sectors with: nsm sector list/],
    ['venue.75A', '   ', /venue.75A is empty/],
    ['venue.75A', 'x'.repeat(121), /venue.75A is 121 characters long — keep it to 120/],
    ['address.75A', 'x'.repeat(201), /address.75A is 201 characters long — keep it to 200/],
    ['calendar.domain', 'http://x', /calendar.domain "http:\/\/x" is not a host name — .*no scheme, path or port/],
    ['calendar.domain', 'example.org/cal', /not a host name/],
    ['calendar.domain', '-bad.example.org', /not a host name/],
    ['calendar.domain', 'a..b', /not a host name/],
    ['calendar.domain', '', /not a host name/],
    ['store', 'postgres://pat:s3cret@db.example.org/nsm', /the URL holds a password, which the settings file must not keep/],
    ['store', 'postgresql://pat:@localhost/nsm', /the URL holds a password/],
    ['store', ' ', /store is empty/],
    ['agent', 'no', /agent "no" is not on or off — use one of: on, off/],
  ])('%s %j is refused', (key, value, message) => expect(refusal(() => set(key, value))).toMatch(message));
});

describe('settings where they are used', () => {
  it('gives a sector its venue and address, and nulls when none are set', () => {
    const settings = {
      'venue.75A': 'Community Room',
      'address.75A': '1000 Sutter Avenue',
      'venue.75B': 'Library',
    };
    expect(venueFor(settings, '75A')).toEqual({ location: 'Community Room', address: '1000 Sutter Avenue' });
    expect(venueFor(settings, '75B')).toEqual({ location: 'Library', address: null });
    expect(venueFor(settings, '14A')).toEqual({ location: null, address: null });
  });

  it('reads the calendar domain, with a default that can be nobody’s domain', () => {
    expect(calendarDomain({})).toBe('nsm.invalid');
    expect(calendarDomain({ 'calendar.domain': 'NSM.example.org' })).toBe('nsm.example.org');
  });

  it('checks a value edited by hand when it is used, and says how to fix it', () => {
    expect(refusal(() => calendarDomain({ 'calendar.domain': 'https://x' }))).toMatch(
      /the calendar.domain setting is not valid: .* — set it again with: nsm config set calendar.domain/,
    );
    expect(refusal(() => venueFor({ 'venue.75A': 'x'.repeat(500) }, '75A'))).toMatch(
      /venue.75A setting is not valid/,
    );
  });
});
