import { describe, expect, it } from 'vitest';
import { parseNcoId, parsePrecinctNumber, parseSectorId } from '../../src/domain/ids.js';
import { UsageError } from '../../src/errors.js';

describe('parseNcoId', () => {
  it.each([
    ['n7', 'N7'],
    ['N7', 'N7'],
    [' n12 ', 'N12'],
    ['N007', 'N7'],
    ['n1000', 'N1000'],
  ])('%j → %s', (input, expected) => {
    expect(parseNcoId(input)).toBe(expected);
  });

  it.each(['7', 'M7', 'N', 'N7a', 'N-1', 'NN7', '', 'N 7x'])('%j → UsageError', (input) => {
    expect(() => parseNcoId(input)).toThrow(UsageError);
  });
});

describe('parsePrecinctNumber', () => {
  it.each([
    ['75', 75],
    ['075', 75],
    ['75th', 75],
    ['1st', 1],
    ['22nd', 22],
    ['123RD', 123],
    [' 116 ', 116],
  ])('%j → %d', (input, expected) => {
    expect(parsePrecinctNumber(input)).toBe(expected);
  });

  it.each(['0', '000', 'abc', '75A', '-5', '7.5', '', '1234'])('%j → UsageError naming the flag', (input) => {
    expect(() => parsePrecinctNumber(input, '--precinct')).toThrow(UsageError);
    expect(() => parsePrecinctNumber(input, '--precinct')).toThrow(/--precinct/);
  });
});

describe('parseSectorId', () => {
  it.each([
    ['75a', { id: '75A', precinct: 75, letter: 'A' }],
    ['75A', { id: '75A', precinct: 75, letter: 'A' }],
    ['075b', { id: '75B', precinct: 75, letter: 'B' }],
    ['1c', { id: '1C', precinct: 1, letter: 'C' }],
    [' 116 a ', { id: '116A', precinct: 116, letter: 'A' }],
  ])('%j → %o', (input, expected) => {
    expect(parseSectorId(input)).toEqual(expected);
  });

  it.each(['75', 'A75', '75AA', '75-A', '', '75Ä', '1234A'])('%j → UsageError', (input) => {
    expect(() => parseSectorId(input, '--sector')).toThrow(UsageError);
    expect(() => parseSectorId(input, '--sector')).toThrow(/--sector/);
  });
});
