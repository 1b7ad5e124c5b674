import { TZDate, tzOffset } from '@date-fns/tz';
import { afterEach, describe, expect, it, vi } from 'vitest';

/**
 * New York's offsets come from Intl (through @date-fns/tz) or, in the binary, whose process zone
 * is New York, from a Date's local offset. Both must give the same times: every hour of 2005–2034
 * (three rules of daylight saving time), and every quarter hour of each day the clocks change.
 * The zone module is loaded afresh for each way, as its offsets are kept once looked up.
 */

const ZONE = 'America/New_York';
const HOUR = 3_600_000;
const FROM = Date.UTC(2005, 0, 1);
const TO = Date.UTC(2035, 0, 1);

const savedTz = process.env.TZ;
afterEach(() => {
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
});

/** The zone and time modules as a process in zone `tz` (undefined: the machine's) sees them. */
async function modulesIn(tz: string | undefined) {
  if (tz === undefined) delete process.env.TZ;
  else process.env.TZ = tz;
  vi.resetModules();
  return {
    zone: await import('../../src/domain/zone.js'),
    time: await import('../../src/domain/time.js'),
  };
}

/** UTC hours at which New York's offset changes, from Intl: day by day, then hour by hour. */
let found: number[] | undefined;
function transitions(): number[] {
  if (found) return found;
  found = [];
  const offset = (ms: number) => tzOffset(ZONE, new Date(ms));
  for (let day = FROM; day < TO; day += 24 * HOUR)
    if (offset(day) !== offset(day + 24 * HOUR))
      for (let ms = day; ms < day + 24 * HOUR; ms += HOUR)
        if (offset(ms) !== offset(ms + HOUR)) found.push(ms + HOUR);
  return found;
}

/** Intl's offset at `ms`, from the transitions before it (each year starts in winter, EST). */
function expectedOffset(ms: number): number {
  let passed = 0;
  for (const change of transitions()) if (change <= ms) passed++;
  return passed % 2 === 0 ? -300 : -240;
}

describe('New York time, from the process zone or from Intl', () => {
  it('gives Intl’s offset at every hour of thirty years from the process zone', async () => {
    const { zone } = await modulesIn(ZONE);
    const wrong: string[] = [];
    for (let ms = FROM; ms < TO; ms += HOUR)
      if (zone.offsetAt(ms) !== expectedOffset(ms)) wrong.push(new Date(ms).toISOString());
    expect(wrong).toEqual([]);
  });

  it('gives the same offsets through Intl, whatever the machine’s zone', async () => {
    for (const tz of ['Asia/Kolkata', 'America/Los_Angeles', undefined]) {
      const { zone } = await modulesIn(tz);
      const hours = transitions().flatMap((t) => [t - 2 * HOUR, t - HOUR, t, t + HOUR]);
      for (let ms = FROM; ms < TO; ms += 97 * HOUR) hours.push(ms);
      const wrong = hours.filter((ms) => zone.offsetAt(ms) !== expectedOffset(ms));
      expect(
        wrong.map((ms) => new Date(ms).toISOString()),
        `machine zone ${tz}`,
      ).toEqual([]);
    }
  });

  it('finds the clock changes of each rule: first Sunday of April before 2007, second of March since', () => {
    const changes = transitions().map((ms) => new Date(ms).toISOString().slice(0, 13));
    expect(changes).toHaveLength(60);
    expect(changes).toContain('2006-04-02T07');
    expect(changes).toContain('2006-10-29T06');
    expect(changes).toContain('2007-03-11T07');
    expect(changes).toContain('2026-11-01T06');
  });

  it('turns every quarter hour of the days the clocks change into the same instants and back', async () => {
    const results: Record<string, string[]> = {};
    for (const tz of [ZONE, undefined]) {
      const { time } = await modulesIn(tz);
      const seen: string[] = [];
      for (const change of transitions()) {
        const day = new Date(change - 12 * HOUR).toISOString().slice(0, 10);
        for (let minutes = 0; minutes < 24 * 60; minutes += 15) {
          const wall = `${day}T${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
          const instant = time.instantOf(wall);
          seen.push(
            `${wall} ${instant.toISOString()} ${time.wallOf(instant)} ${time.isoWithOffset(instant)}`,
          );
        }
      }
      results[String(tz)] = seen;
    }
    expect(results[ZONE]).toEqual(results['undefined']);
    // And what they agree on is right: 1:30 am on the day the clocks fall back is the first (EDT)
    // of two; 2:30 am on the day they spring forward does not exist (it reads back as 3:30).
    const { time } = await modulesIn(undefined);
    expect(time.isoWithOffset(time.instantOf('2026-11-01T01:30'))).toBe('2026-11-01T01:30:00-04:00');
    expect(time.wallOf(time.instantOf('2026-03-08T02:30'))).toBe('2026-03-08T03:30');
    expect(time.instantOf('2026-12-08T19:00').getTime()).toBe(new TZDate(2026, 11, 8, 19, 0, ZONE).getTime());
  });
});
