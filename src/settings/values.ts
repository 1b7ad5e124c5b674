import { requiredText } from '../commands/text-input.js';
import { UsageError } from '../errors.js';
import { ADDRESS_MAX, DEFAULT_CALENDAR_DOMAIN, VENUE_MAX, parseHostName } from './keys.js';
import type { Settings } from './file.js';

/**
 * Settings read where they are used. The file can be edited by hand, so each value is checked
 * again here with the parser `nsm config set` uses, and a bad one says how to fix it.
 */

export interface Venue {
  location: string | null;
  address: string | null;
}

/** The default venue of a sector's meetings (`venue.75A`, `address.75A`); `sectorId` as stored, e.g. `75A`. */
export function venueFor(settings: Settings, sectorId: string): Venue {
  return {
    location: checked(settings, `venue.${sectorId}`, (v, key) => requiredText(v, key, VENUE_MAX)),
    address: checked(settings, `address.${sectorId}`, (v, key) => requiredText(v, key, ADDRESS_MAX)),
  };
}

/** The domain that ends calendar UIDs: the `calendar.domain` setting, else `nsm.invalid`. */
export function calendarDomain(settings: Settings): string {
  return checked(settings, 'calendar.domain', parseHostName) ?? DEFAULT_CALENDAR_DOMAIN;
}

function checked(
  settings: Settings,
  key: string,
  parse: (value: string, key: string) => string,
): string | null {
  const value = settings[key];
  if (value === undefined) return null;
  try {
    return parse(value, key);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    throw new UsageError(
      `the ${key} setting is not valid: ${error.message}`,
      `set it again with: nsm config set ${key} <value>, or: nsm config unset ${key}`,
    );
  }
}
