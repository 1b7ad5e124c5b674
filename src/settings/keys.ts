import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { requiredText } from '../commands/text-input.js';
import { DEFAULT_DURATION, formatDuration, parseDuration } from '../domain/duration.js';
import { parsePrecinctNumber, parseSectorId } from '../domain/ids.js';
import { UsageError } from '../errors.js';
import { parseChoice } from '../domain/choice.js';
import { isDatabaseUrl, resolveStorePath, withoutPassword } from '../store/paths.js';

/**
 * Every setting `nsm config` knows: what it means, an example, and how a value is checked and
 * normalised (by the same parsers the flags use). Pure but for the store key's default path.
 */

/** The precincts and sectors a setting may name, and where that list came from. */
export interface Places {
  /** "the store" or "the bundled reference data", for messages. */
  from: string;
  precincts: readonly number[];
  sectors: readonly string[];
}

export interface SettingKey {
  /** The key as typed: `precinct`, or a per-sector pattern `venue.<sector>`. */
  name: string;
  /** What it does; `<sector>` is replaced by the sector of a per-sector key. */
  description: string;
  /** A value that `nsm config set` accepts, as typed in a shell (quoted when it has spaces). */
  example: string;
  /** A key per sector (`venue.75A`): the sector is part of the key and must exist. */
  perSector?: boolean;
  /** The value names a precinct, so the store (or the reference data) is consulted. */
  namesPlace?: boolean;
  /** The value in effect when the key is not set; none means "no default". */
  default?: (env: NodeJS.ProcessEnv) => string | Promise<string>;
  /** Checks a value and returns it as stored; throws UsageError naming why and how. */
  parse(value: string, key: string, places: Places): string;
}

/** Calendar UIDs end in this name until `calendar.domain` is set: `.invalid` can be nobody's domain (RFC 2606). */
export const DEFAULT_CALENDAR_DOMAIN = 'nsm.invalid';
export const VENUE_MAX = 120;
export const ADDRESS_MAX = 200;

export const KEYS: readonly SettingKey[] = [
  {
    name: 'precinct',
    description: 'the default precinct of lists, doctor, reports and calendars (--precinct all widens)',
    example: '75',
    namesPlace: true,
    parse: parsePrecinctSetting,
  },
  {
    name: 'duration',
    description: 'the length of a new meeting when meeting schedule gets no --duration',
    example: '90m',
    default: () => compactDuration(DEFAULT_DURATION),
    parse: (value, key) => compactDuration(parseDuration(value, key)),
  },
  {
    name: 'venue.<sector>',
    description: 'the venue of sector <sector> meetings when meeting schedule gets no --location or --online',
    example: '"Community Room"',
    perSector: true,
    parse: (value, key) => requiredText(value, key, VENUE_MAX),
  },
  {
    name: 'address.<sector>',
    description: "the street address of sector <sector>'s default venue",
    example: '"1000 Sutter Avenue"',
    perSector: true,
    parse: (value, key) => requiredText(value, key, ADDRESS_MAX),
  },
  {
    name: 'calendar.domain',
    description:
      'the domain that ends calendar event UIDs (changing it makes every event new to subscribers)',
    example: 'nsm.example.org',
    default: () => DEFAULT_CALENDAR_DOMAIN,
    parse: parseHostName,
  },
  {
    name: 'store',
    description:
      'the store used when neither --store nor NSM_STORE is given: a file, or a postgres:// URL without its password',
    example: '~/nsm/store.json',
    default: (env) => resolveStorePath(undefined, { ...env, NSM_STORE: undefined }),
    parse: parseStorePath,
  },
  {
    name: 'agent',
    description:
      'on a postgres:// store, keep a background nsm agent between commands, holding the connection (on or off)',
    example: 'off',
    default: () => 'on',
    parse: (value, key) => parseChoice(value, key, ['on', 'off'], 'on or off'),
  },
];

/** The key names and patterns, for help and shell completion. */
export const SETTING_KEYS: readonly string[] = KEYS.map((k) => k.name);

/** A key as stored: `venue.75A` for `Venue.75a`, with its definition and sector. */
export interface ResolvedKey {
  key: string;
  spec: SettingKey;
  sector: { id: string; precinct: number } | null;
}

/** Finds the definition of a key typed in any case; an unknown key is a usage error naming the valid ones. */
export function resolveKey(input: string): ResolvedKey {
  const typed = input.trim();
  const lower = typed.toLowerCase();
  const fixed = KEYS.find((k) => !k.perSector && k.name === lower);
  if (fixed) return { key: fixed.name, spec: fixed, sector: null };
  for (const spec of KEYS.filter((k) => k.perSector)) {
    const prefix = spec.name.slice(0, spec.name.indexOf('.'));
    if (lower === prefix)
      throw new UsageError(`"${typed}" is set per sector`, `write ${spec.name}, for example ${prefix}.75A`);
    if (!lower.startsWith(`${prefix}.`)) continue;
    const sector = parseSectorId(typed.slice(prefix.length + 1), spec.name);
    return { key: `${prefix}.${sector.id}`, spec, sector };
  }
  throw new UsageError(
    `"${typed}" is not a setting`,
    `the settings are ${listing()}; see them with: nsm config list`,
  );
}

/** Checks and normalises a value for a resolved key. */
export function parseSettingValue(resolved: ResolvedKey, value: string, places: Places): string {
  if (resolved.sector) assertSectorExists(resolved.sector, places);
  return resolved.spec.parse(value, resolved.key, places);
}

/** The description of one key, with its sector filled in. */
export function describe(resolved: ResolvedKey): string {
  return resolved.spec.description.replace('<sector>', resolved.sector?.id ?? '<sector>');
}

/** `precinct, duration, … and store`. */
function listing(): string {
  return `${SETTING_KEYS.slice(0, -1).join(', ')} and ${SETTING_KEYS.at(-1)}`;
}

function parsePrecinctSetting(value: string, key: string, places: Places): string {
  if (value.trim().toLowerCase() === 'all')
    throw new UsageError(
      `${key} "all" is not a value for the setting`,
      `lists cover every precinct when it is not set: nsm config unset ${key}`,
    );
  const number = parsePrecinctNumber(value, key);
  if (!places.precincts.includes(number))
    throw new UsageError(
      `there is no precinct ${number} in ${places.from}`,
      'give one that exists, for example 75; list them with: nsm precinct list',
    );
  return String(number);
}

function assertSectorExists(sector: { id: string; precinct: number }, places: Places): void {
  if (places.sectors.includes(sector.id)) return;
  const siblings = places.sectors.filter((s) => parseSectorId(s).precinct === sector.precinct);
  throw new UsageError(
    `there is no sector ${sector.id} in ${places.from}`,
    siblings.length > 0
      ? `precinct ${sector.precinct} has ${siblings.join(', ')}`
      : 'list the sectors with: nsm sector list',
  );
}

/** `1h30m`: the contract's own spelling, which parseDuration reads back. */
function compactDuration(minutes: number): string {
  return formatDuration(minutes).replace(' ', '');
}

const HOST_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/** A DNS host name (RFC 1123 labels), lower-cased, without a trailing dot. */
export function parseHostName(value: string, key: string): string {
  const host = value.trim().toLowerCase().replace(/\.$/, '');
  if (host.length > 253 || !host.split('.').every((label) => HOST_LABEL.test(label)))
    throw new UsageError(
      `${key} "${value}" is not a host name`,
      'give a domain name alone (letters, digits, hyphens and dots; no scheme, path or port), for example nsm.example.org',
    );
  return host;
}

function parseStorePath(value: string, key: string): string {
  const path = value.trim();
  if (isDatabaseUrl(path)) {
    // The settings file is plain text that `nsm config list` prints: no password goes in it.
    if (withoutPassword(path) !== path)
      throw new UsageError(
        `${key}: the URL holds a password, which the settings file must not keep`,
        `leave it out (${withoutPassword(path).replace(':***@', '@')}) and keep it in ~/.pgpass or PGPASSWORD`,
      );
    return path;
  }
  if (path === '')
    throw new UsageError(`${key} is empty`, `give the path of a store file, or: nsm config unset ${key}`);
  // A quoted "~/nsm/store.json" reaches nsm unexpanded; it means what it would in the shell.
  const home = /^~(?=$|\/)/.test(path) ? join(homedir(), path.slice(1)) : path;
  return resolve(home);
}
