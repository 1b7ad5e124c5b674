import { describe, expect, it } from 'vitest';
import {
  assertShieldFree,
  assign,
  assignmentOn,
  findNco,
  ncosOfSector,
  parseEmail,
  parseName,
  parseShield,
  sectorOn,
  unassign,
} from '../../src/domain/ncos.js';
import { NotFoundError, RuleError, UsageError } from '../../src/errors.js';
import { nco, sector, smallCity } from '../helpers/store-factory.js';

const S75A = sector('75A');
const S75B = sector('75B');
const S14A = sector('14A');

describe('assign', () => {
  it('a first assignment is open-ended from its date', () => {
    const n = nco('N1', 75);
    expect(assign(n, S75A, '2026-11-26')).toEqual({});
    expect(n.assignments).toEqual([{ sector: '75A', from: '2026-11-26', to: null }]);
  });

  it('ends the current assignment the day before the new one starts', () => {
    const n = nco('N1', 75, [['75A', '2026-11-26', null]]);
    const change = assign(n, S75B, '2026-12-01');
    expect(change.ended).toEqual({ sector: '75A', to: '2026-11-30', removed: false });
    expect(n.assignments).toEqual([
      { sector: '75A', from: '2026-11-26', to: '2026-11-30' },
      { sector: '75B', from: '2026-12-01', to: null },
    ]);
  });

  it('ends across a year boundary', () => {
    const n = nco('N1', 75, [['75A', '2026-06-01', null]]);
    assign(n, S75B, '2027-01-01');
    expect(n.assignments[0]!.to).toBe('2026-12-31');
  });

  it('an assignment that would end before it starts is removed', () => {
    const n = nco('N1', 75, [
      ['75C', '2026-01-01', '2026-11-30'],
      ['75A', '2026-12-01', null],
    ]);
    const change = assign(n, S75B, '2026-12-01');
    expect(change.ended).toEqual({ sector: '75A', to: null, removed: true });
    expect(n.assignments).toEqual([
      { sector: '75C', from: '2026-01-01', to: '2026-11-30' },
      { sector: '75B', from: '2026-12-01', to: null },
    ]);
  });

  it('leaves an assignment that already ended alone', () => {
    const n = nco('N1', 75, [['75A', '2026-01-01', '2026-06-30']]);
    expect(assign(n, S75B, '2026-11-26')).toEqual({});
    expect(n.assignments[0]).toEqual({ sector: '75A', from: '2026-01-01', to: '2026-06-30' });
  });

  it.each([
    ['another precinct\u2019s sector', nco('N1', 75), S14A, '2026-11-26', /precinct 75.*14A.*precinct 14/],
    [
      'a date before the current assignment started',
      nco('N1', 75, [['75A', '2026-11-26', null]]),
      S75B,
      '2026-11-25',
      /starts 2026-11-26/,
    ],
    [
      'the same sector again',
      nco('N1', 75, [['75A', '2026-11-26', null]]),
      S75A,
      '2026-12-01',
      /already assigned to 75A/,
    ],
  ])('refuses %s with a RuleError and changes nothing', (_what, n, s, from, message) => {
    const before = structuredClone(n.assignments);
    expect(() => assign(n, s, from)).toThrow(RuleError);
    expect(() => assign(n, s, from)).toThrow(message);
    expect(n.assignments).toEqual(before);
  });

  it('may return to a sector it left', () => {
    const n = nco('N1', 75, [['75A', '2026-01-01', '2026-06-30']]);
    assign(n, S75A, '2026-11-26');
    expect(n.assignments.map((a) => a.sector)).toEqual(['75A', '75A']);
  });
});

describe('unassign', () => {
  it('ends the open assignment the day before', () => {
    const n = nco('N1', 75, [['75A', '2026-11-01', null]]);
    expect(unassign(n, '2026-11-26').ended).toEqual({ sector: '75A', to: '2026-11-25', removed: false });
    expect(sectorOn(n, '2026-11-26')).toBeNull();
    expect(sectorOn(n, '2026-11-25')).toBe('75A');
  });

  it('removes an assignment that had not started yet', () => {
    const n = nco('N1', 75, [['75A', '2026-12-01', null]]);
    expect(unassign(n, '2026-12-01').ended?.removed).toBe(true);
    expect(n.assignments).toEqual([]);
  });

  it.each([
    ['never assigned', nco('N1', 75)],
    ['assignment already over', nco('N1', 75, [['75A', '2026-01-01', '2026-06-30']])],
  ])('with no open assignment (%s) → RuleError', (_what, n) => {
    const before = structuredClone(n.assignments);
    expect(() => unassign(n, '2026-11-26')).toThrow(RuleError);
    expect(n.assignments).toEqual(before);
  });
});

describe('sectorOn / assignmentOn / ncosOfSector', () => {
  const history = nco('N1', 75, [
    ['75A', '2026-01-01', '2026-06-30'],
    ['75B', '2026-07-01', null],
  ]);
  it.each([
    ['2025-12-31', null],
    ['2026-01-01', '75A'], // from is inclusive
    ['2026-06-30', '75A'], // to is inclusive
    ['2026-07-01', '75B'],
    ['2099-01-01', '75B'], // open-ended
  ])('on %s → %s', (date, expected) => {
    expect(sectorOn(history, date)).toBe(expected);
    expect(assignmentOn(history, date)?.sector ?? null).toBe(expected);
  });

  it('lists the NCOs of a sector on a date, in id order (N2 before N10)', () => {
    const s = smallCity([
      nco('N10', 75, [['75A', '2026-01-01', null]]),
      nco('N2', 75, [['75A', '2026-11-26', null]]),
      nco('N3', 75, [['75A', '2026-01-01', '2026-11-25']]),
      nco('N4', 75, [['75B', '2026-01-01', null]]),
    ]);
    expect(ncosOfSector(s, '75A', '2026-11-25').map((n) => n.id)).toEqual(['N3', 'N10']);
    expect(ncosOfSector(s, '75A', '2026-11-26').map((n) => n.id)).toEqual(['N2', 'N10']);
    expect(ncosOfSector(s, '75C', '2026-11-26')).toEqual([]);
  });
});

describe('NCO field parsers', () => {
  it.each([
    ['12345', '12345'],
    [' 42 ', '42'],
    ['007', '7'],
    ['999999', '999999'],
  ])('shield %j → %s', (input, expected) => {
    expect(parseShield(input)).toBe(expected);
  });

  it.each(['abc', '', '1234567', '12-34', '1.5', '-1'])('shield %j → UsageError naming --shield', (input) => {
    expect(() => parseShield(input)).toThrow(UsageError);
    expect(() => parseShield(input)).toThrow(/--shield/);
  });

  it.each([
    ['  Maria Lopez ', 'Maria Lopez'],
    ['x'.repeat(120), 'x'.repeat(120)],
  ])('name %j is trimmed', (input, expected) => {
    expect(parseName(input)).toBe(expected);
  });

  it.each(['', '   ', 'x'.repeat(121)])('name %j → UsageError', (input) => {
    expect(() => parseName(input)).toThrow(UsageError);
  });

  it.each(['maria@example.org', ' a.b@c.nyc.gov '])('email %j is accepted', (input) => {
    expect(parseEmail(input)).toBe(input.trim());
  });

  it.each(['maria', 'maria@', '@example.org', 'a b@example.org', 'maria@example'])(
    'email %j → UsageError',
    (input) => {
      expect(() => parseEmail(input)).toThrow(UsageError);
    },
  );
});

describe('shields and lookups', () => {
  const s = smallCity([nco('N1', 75, [], { shield: '12345' })]);

  it('refuses a shield another NCO carries, naming the holder', () => {
    expect(() => assertShieldFree(s, '12345')).toThrow(RuleError);
    expect(() => assertShieldFree(s, '12345')).toThrow(/N1/);
  });

  it('allows an NCO to keep its own shield, and a free shield', () => {
    expect(() => assertShieldFree(s, '12345', 'N1')).not.toThrow();
    expect(() => assertShieldFree(s, '54321')).not.toThrow();
  });

  it('findNco finds by id, and a missing one is NotFoundError', () => {
    expect(findNco(s, 'N1').shield).toBe('12345');
    expect(() => findNco(s, 'N2')).toThrow(NotFoundError);
  });
});
