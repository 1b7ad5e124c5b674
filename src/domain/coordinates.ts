import { UsageError } from '../errors.js';

/** Parses a latitude or longitude flag in decimal degrees, within its range. */
export function parseCoordinate(input: string | undefined, flag: '--lat' | '--lon'): number {
  const limit = flag === '--lat' ? 90 : 180;
  const example = flag === '--lat' ? '40.7484' : '-73.9857';
  if (input === undefined) {
    throw new UsageError(
      `missing ${flag}`,
      `give both --lat and --lon in decimal degrees, for example ${flag} ${example}`,
    );
  }
  const value = /^\s*[-+]?(\d+(\.\d*)?|\.\d+)\s*$/.test(input) ? Number(input) : NaN;
  if (!Number.isFinite(value) || Math.abs(value) > limit) {
    throw new UsageError(
      `${flag} "${input}" is not a ${flag === '--lat' ? 'latitude' : 'longitude'}`,
      `give decimal degrees between -${limit} and ${limit}, for example ${flag} ${example}`,
    );
  }
  return value;
}
