import { describe, expect, it } from 'vitest';
import { addDays, dateInNewYork, isIsoDate, parseDateFlag } from '../../src/domain/dates.js';
import { UsageError } from '../../src/errors.js';

describe('isIsoDate', () => {
  it.each([
    ['2026-11-26', true],
    ['2026-02-28', true],
    ['2026-02-29', false], // 2026 is not a leap year
    ['2028-02-29', true], // 2028 is
    ['2100-02-29', false], // century, not a leap year
    ['2000-02-29', true], // divisible by 400
    ['2026-13-40', false],
    ['2026-12-32', false],
    ['2026-04-31', false],
    ['2026-00-10', false],
    ['2026-1-5', false],
    ['26-11-26', false],
    ['2026/11/26', false],
    [' 2026-11-26', false],
    ['', false],
  ])('%j → %s', (text, expected) => {
    expect(isIsoDate(text)).toBe(expected);
  });
});

describe('addDays', () => {
  it.each([
    ['2026-11-26', 1, '2026-11-27'],
    ['2026-11-30', 1, '2026-12-01'], // month end
    ['2026-12-31', 1, '2027-01-01'], // year end
    ['2027-01-01', -1, '2026-12-31'],
    ['2026-12-01', -1, '2026-11-30'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2028-03-01', -1, '2028-02-29'], // leap day
    ['2026-03-07', 1, '2026-03-08'], // the day before DST starts in New York
    ['2026-03-08', 1, '2026-03-09'], // DST starts
    ['2026-10-31', 1, '2026-11-01'], // DST ends 2026-11-01
    ['2026-11-01', 1, '2026-11-02'],
    ['2026-11-26', 0, '2026-11-26'],
    ['2026-11-26', 365, '2027-11-26'],
    ['2026-01-31', 30, '2026-03-02'],
  ])('%s %+d → %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it('does not depend on the machine TZ', () => {
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'Pacific/Kiritimati';
      expect(addDays('2026-03-08', 1)).toBe('2026-03-09');
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});

describe('parseDateFlag', () => {
  const today = '2026-12-31';
  it.each([
    ['today', '2026-12-31'],
    ['TODAY', '2026-12-31'],
    [' today ', '2026-12-31'],
    ['tomorrow', '2027-01-01'],
    ['Tomorrow', '2027-01-01'],
    ['2026-12-08', '2026-12-08'],
    ['2028-02-29', '2028-02-29'],
  ])('%j → %s', (input, expected) => {
    expect(parseDateFlag(input, '--from', today)).toBe(expected);
  });

  it.each(['yesterday', '2026-13-40', '2026-02-29', '12/08/2026', '', 'next tuesday'])(
    '%j → UsageError naming the flag',
    (input) => {
      expect(() => parseDateFlag(input, '--from', today)).toThrow(UsageError);
      expect(() => parseDateFlag(input, '--from', today)).toThrow(/--from/);
    },
  );

  it('the usage error says how to write a date', () => {
    try {
      parseDateFlag('soon', '--on', today);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(UsageError);
      expect((error as UsageError).exitCode).toBe(2);
      expect((error as UsageError).hint).toMatch(/YYYY-MM-DD/);
    }
  });
});

describe('dateInNewYork', () => {
  it.each([
    ['2026-11-26T17:00:00Z', '2026-11-26'],
    ['2026-11-27T03:00:00Z', '2026-11-26'], // 22:00 EST the evening before
    ['2026-11-27T04:59:59Z', '2026-11-26'], // 23:59:59 EST
    ['2026-11-27T05:00:00Z', '2026-11-27'], // midnight EST
    ['2026-11-26T23:59:59Z', '2026-11-26'],
    ['2026-07-04T03:59:59Z', '2026-07-03'], // 23:59:59 EDT
    ['2026-07-04T04:00:00Z', '2026-07-04'], // midnight EDT
    ['2027-01-01T04:59:00Z', '2026-12-31'], // still New Year's Eve in New York
    ['2027-01-01T05:00:00Z', '2027-01-01'],
    ['2026-03-08T04:30:00Z', '2026-03-07'], // 23:30 EST, the night DST starts
    ['2026-11-01T04:30:00Z', '2026-11-01'], // 00:30 EDT, the night DST ends
    ['2026-11-02T04:30:00Z', '2026-11-01'], // 23:30 EST after it ended
  ])('%s → %s', (instant, expected) => {
    expect(dateInNewYork(new Date(instant))).toBe(expected);
  });
});
