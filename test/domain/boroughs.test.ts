import { describe, expect, it } from 'vitest';
import { parseBorough, parsePatrolBorough } from '../../src/domain/boroughs.js';
import { parseCoordinate } from '../../src/domain/coordinates.js';
import { UsageError } from '../../src/errors.js';

describe('parseBorough', () => {
  it.each([
    ['Brooklyn', 'Brooklyn'],
    ['brooklyn', 'Brooklyn'],
    ['  QUEENS ', 'Queens'],
    ['staten island', 'Staten Island'],
    ['the bronx', 'Bronx'],
    ['MN', 'Manhattan'],
    ['bx', 'Bronx'],
    ['BK', 'Brooklyn'],
    ['qn', 'Queens'],
    ['SI', 'Staten Island'],
  ])('%j → %s', (input, expected) => {
    expect(parseBorough(input)).toBe(expected);
  });

  it.each(['Kings', 'Jersey City', '', 'Staten', 'constructor', '__proto__', 'toString'])(
    '%j → UsageError listing the boroughs',
    (input) => {
      expect(() => parseBorough(input)).toThrow(UsageError);
      try {
        parseBorough(input, '--borough');
      } catch (error) {
        expect((error as UsageError).message).toContain('--borough');
        expect((error as UsageError).hint).toContain('Manhattan, Bronx, Brooklyn, Queens, Staten Island');
      }
    },
  );
});

describe('parsePatrolBorough', () => {
  it.each([
    ['PBQS', 'PBQS', 'Patrol Borough Queens South'],
    ['pbqs', 'PBQS', 'Patrol Borough Queens South'],
    ['Queens South', 'PBQS', 'Patrol Borough Queens South'],
    ['patrol borough brooklyn north', 'PBBN', 'Patrol Borough Brooklyn North'],
    ['  Manhattan   South ', 'PBMS', 'Patrol Borough Manhattan South'],
    ['staten island', 'PBSI', 'Patrol Borough Staten Island'],
    ['Bronx', 'PBBX', 'Patrol Borough Bronx'],
  ])('%j → %s', (input, code, name) => {
    expect(parsePatrolBorough(input)).toEqual({ code, name });
  });

  it.each(['PBXX', 'Queens', 'Brooklyn', ''])('%j → UsageError naming the flag', (input) => {
    expect(() => parsePatrolBorough(input)).toThrow(UsageError);
    expect(() => parsePatrolBorough(input)).toThrow(/--patrol-borough/);
  });
});

describe('parseCoordinate', () => {
  it.each([
    ['40.7484', '--lat', 40.7484],
    ['-73.9857', '--lon', -73.9857],
    ['+90', '--lat', 90],
    ['-180', '--lon', -180],
    ['.5', '--lat', 0.5],
    ['0', '--lon', 0],
  ] as const)('%j %s → %d', (input, flag, expected) => {
    expect(parseCoordinate(input, flag)).toBe(expected);
  });

  it.each([
    ['200', '--lat'],
    ['90.0001', '--lat'],
    ['181', '--lon'],
    ['abc', '--lat'],
    ['1e1', '--lon'],
    ['40,7', '--lat'],
    ['NaN', '--lat'],
    ['', '--lon'],
    [undefined, '--lat'],
  ] as const)('%j %s → UsageError naming the flag', (input, flag) => {
    expect(() => parseCoordinate(input, flag)).toThrow(UsageError);
    expect(() => parseCoordinate(input, flag)).toThrow(new RegExp(flag));
  });
});
