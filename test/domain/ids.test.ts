import { describe, expect, it } from 'vitest';
import {
  parseIssueId,
  parseMeetingId,
  parseNcoId,
  parsePrecinctNumber,
  parseSectorId,
  parseSolutionId,
} from '../../src/domain/ids.js';
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

  it('keeps the digits as typed, however many leading zeros', () => {
    expect(parseNcoId('N000000000000000000000000123456789')).toBe('N123456789');
    expect(parseNcoId('n000')).toBe('N0');
  });
});

describe('an id with more digits than any record has', () => {
  // Through Number, M99999999999999999999 became M100000000000000000000 in "there is no meeting …".
  it.each([
    [parseMeetingId, 'M99999999999999999999', 'a meeting'],
    [parseNcoId, 'N1234567890', 'an NCO'],
    [parseIssueId, 'i9007199254740993', 'an issue'],
    [parseSolutionId, `S${'9'.repeat(400)}`, 'a solution'],
  ])('%#: %s is a usage error that quotes it as typed', (parse, input, noun) => {
    expect(() => parse(input)).toThrow(UsageError);
    expect(() => parse(input)).toThrow(`"${input}" is not ${noun} id: its number is longer than 9 digits`);
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
