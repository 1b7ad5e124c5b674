import { describe, expect, it } from 'vitest';
import { existedOn, findPrecinct, rolloutStatus, sortedPrecincts } from '../../src/domain/precincts.js';
import { findSector } from '../../src/domain/sectors.js';
import { NotFoundError } from '../../src/errors.js';
import { precinct, sector, smallCity, store } from '../helpers/store-factory.js';

describe('rolloutStatus', () => {
  const started = precinct(75, { rollout: { startDate: '2016-01-11', phase: 4 } });
  const placeholder = precinct(22, { rollout: { startDate: null, phase: null } });
  it.each([
    [started, '2016-01-10', 'pending'],
    [started, '2016-01-11', 'active'], // the start date itself counts
    [started, '2026-11-26', 'active'],
    [placeholder, '2026-11-26', 'unknown'],
    [placeholder, '1999-01-01', 'unknown'],
  ])('precinct %#: on %s → %s', (p, date, expected) => {
    expect(rolloutStatus(p, date)).toBe(expected);
  });
});

describe('existedOn', () => {
  const opened = precinct(116, { opened: '2024-12-18' });
  const old = precinct(75, { opened: null });
  it.each([
    [opened, '2024-12-17', false],
    [opened, '2024-12-18', true],
    [opened, '2026-11-26', true],
    [old, '1900-01-01', true],
  ])('precinct %#: on %s → %s', (p, date, expected) => {
    expect(existedOn(p, date)).toBe(expected);
  });
});

describe('findPrecinct / findSector / sortedPrecincts', () => {
  it('finds a precinct by number', () => {
    expect(findPrecinct(smallCity(), 14).precinct).toBe(14);
  });

  it('a missing precinct is NotFoundError (exit 4) that says how to list them', () => {
    try {
      findPrecinct(smallCity(), 750);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(NotFoundError);
      expect((error as NotFoundError).exitCode).toBe(4);
      expect((error as NotFoundError).hint).toMatch(/nsm precinct list/);
    }
  });

  it('in an empty store the hint says the store is empty', () => {
    expect(() => findPrecinct(store(), 75)).toThrow(NotFoundError);
    try {
      findPrecinct(store(), 75);
    } catch (error) {
      expect((error as NotFoundError).hint).toMatch(/empty/);
    }
  });

  it('a missing sector names the sectors its precinct does have', () => {
    try {
      findSector(smallCity(), '75Z');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(NotFoundError);
      expect((error as NotFoundError).hint).toContain('75A, 75B, 75C');
    }
  });

  it('sorts precincts by number without changing the store', () => {
    const s = store({ precincts: [precinct(120), precinct(5), precinct(75)], sectors: [sector('5A')] });
    expect(sortedPrecincts(s).map((p) => p.precinct)).toEqual([5, 75, 120]);
    expect(s.precincts.map((p) => p.precinct)).toEqual([120, 5, 75]);
  });
});
