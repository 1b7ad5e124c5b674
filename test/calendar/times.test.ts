import { describe, expect, it } from 'vitest';
import { hasClearWallTimes, newYorkIso } from '../../src/domain/calendar-times.js';
import { offsetAt } from '../../src/domain/zone.js';
import { isoWithOffset } from '../../src/domain/time.js';

/** The calendar's fast New York times must say exactly what time.ts says, at every hour and the minute before the next. */
describe('calendar times', () => {
  it('format every hour of 2026–2028 as isoWithOffset does', () => {
    const from = Date.UTC(2026, 0, 1);
    const to = Date.UTC(2029, 0, 1);
    let checked = 0;
    for (let hour = from; hour < to; hour += 3_600_000, checked++)
      for (const ms of [hour, hour + 59 * 60_000])
        if (newYorkIso(ms) !== isoWithOffset(new Date(ms)))
          expect(newYorkIso(ms)).toBe(isoWithOffset(new Date(ms)));
    expect(checked).toBe((3 * 365 + 1) * 24); // 2028 is a leap year
    expect(offsetAt(Date.UTC(2026, 10, 1, 5, 59))).toBe(-240);
    expect(offsetAt(Date.UTC(2026, 10, 1, 6, 0))).toBe(-300);
  });

  it('tell a meeting with clear wall times from one across a clock change or in the repeated hour', () => {
    const at = (iso: string) => Date.parse(iso);
    // 7–8 pm on either side of the changes.
    expect(hasClearWallTimes(at('2026-10-31T23:00Z'), at('2026-11-01T00:00Z'))).toBe(true);
    expect(hasClearWallTimes(at('2027-03-14T23:00Z'), at('2027-03-15T00:00Z'))).toBe(true);
    // 00:30–01:30 EDT on the night of the change: 1:30 am happens twice.
    expect(hasClearWallTimes(at('2026-11-01T04:30Z'), at('2026-11-01T05:30Z'))).toBe(false);
    // Across the change, and starting in the second 1:15 am.
    expect(hasClearWallTimes(at('2026-11-01T04:30Z'), at('2026-11-01T06:30Z'))).toBe(false);
    expect(hasClearWallTimes(at('2026-11-01T06:15Z'), at('2026-11-01T06:45Z'))).toBe(false);
    expect(hasClearWallTimes(at('2027-03-14T06:30Z'), at('2027-03-14T07:30Z'))).toBe(false);
    // 00:00–00:59 EDT that night is not repeated.
    expect(hasClearWallTimes(at('2026-11-01T04:00Z'), at('2026-11-01T04:45Z'))).toBe(true);
  });
});
