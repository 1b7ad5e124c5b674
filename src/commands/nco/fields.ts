import type { ncoRecord } from '../../domain/records.js';
import { day, fields, heading, table, type Block, type Cell } from '../../render/view.js';

export type NcoRecord = ReturnType<typeof ncoRecord>;
type AssignmentRecord = NcoRecord['assignments'][number];

/** An NCO's details and assignment history, as show prints them and every change confirms them. */
export function ncoBlocks(record: NcoRecord, today: string): Block[] {
  return [
    fields([
      ['NCO', `${record.id} — ${record.rank} ${record.name}`],
      ['Shield', record.shield],
      ['Precinct', record.precinct],
      ['Sector today', record.sector ?? 'none'],
      ['Email', record.email],
      ['Phone', record.phone],
    ]),
    heading('Assignments'),
    table(
      ['Sector', 'From', 'To', 'Status'],
      record.assignments.map((a) => [
        a.sector,
        day(a.from),
        a.to === null ? null : day(a.to),
        status(a, today),
      ]),
      `Never assigned: nsm nco assign ${record.id} ${record.precinct}A`,
    ),
  ];
}

/** An assignment that has not started yet is not the current one: it reads "from <date>". */
function status(a: AssignmentRecord, today: string): Cell {
  if (a.from > today) return `from ${a.from}`;
  return a.to !== null && a.to < today ? 'ended' : 'current';
}
