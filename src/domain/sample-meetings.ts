import type { Meeting, Store } from './schema.js';
import { addMeetings, type Making } from './meetings.js';
import { sectorsOf } from './records.js';
import { planSeries } from './recurrence.js';

/** The date of the `nth` given weekday (0 = Sunday) of a month, as YYYY-MM-DD. */
export function nthWeekday(year: number, month: number, weekday: number, nth: number): string {
  const first = new Date(Date.UTC(year, month - 1, 1));
  const day = 1 + ((weekday - first.getUTCDay() + 7) % 7) + (nth - 1) * 7;
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
}

/**
 * For the demo: each sector of a precinct meets quarterly at 7 pm in the station house's
 * community room, on the 2nd (then 3rd) Tuesday, Wednesday or Thursday from next month on, so no
 * two share the room on one evening, and held its
 * last meeting three months before that.
 */
export function addSampleMeetings(store: Store, precinct: number, today: string, making: Making): Meeting[] {
  const station = store.precincts.find((p) => p.precinct === precinct);
  const [y, m] = today.split('-').map(Number) as [number, number];
  const created: Meeting[] = [];
  sectorsOf(store, precinct).forEach((sector, i) => {
    const weekday = 2 + (i % 3);
    const nth = 2 + Math.floor(i / 3);
    const at = (months: number) => {
      const date = new Date(Date.UTC(y, m - 1 + months, 1));
      return `${nthWeekday(date.getUTCFullYear(), date.getUTCMonth() + 1, weekday, nth)}T19:00`;
    };
    const base = {
      sector: sector.id,
      precinct,
      durationMinutes: 90,
      location: `${station?.name ?? 'Precinct'} Community Room`,
      address: station?.address ?? null,
      onlineUrl: null,
      title: null,
    };
    const [past] = addMeetings(store, [{ ...base, start: at(-2) }], false, making);
    Object.assign(past!, { status: 'held', attendance: 18 + ((i * 7) % 23) });
    const plan = planSeries(at(1), 'quarterly', { count: 4 });
    created.push(
      past!,
      ...addMeetings(
        store,
        plan.starts.map((start) => ({ ...base, start })),
        true,
        making,
      ),
    );
  });
  return created;
}
