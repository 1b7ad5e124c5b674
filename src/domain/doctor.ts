import type { Store } from './schema.js';
import { understaffedSectors } from './records.js';

export interface Finding {
  level: 'error' | 'warning';
  code: string;
  message: string;
}

function duplicates<T>(items: T[], key: (item: T) => string | number): Array<string | number> {
  const seen = new Set<string | number>();
  const repeated = new Set<string | number>();
  for (const item of items) {
    const k = key(item);
    if (seen.has(k)) repeated.add(k);
    seen.add(k);
  }
  return [...repeated];
}

/**
 * Checks what the schema cannot: references between records, duplicates, and staffing. The
 * integrity checks always cover the whole store; the staffing checks only `precinct` when given.
 */
export function checkStore(store: Store, today: string, precinct?: number): Finding[] {
  const findings: Finding[] = [];
  const error = (code: string, message: string) => findings.push({ level: 'error', code, message });
  const warn = (code: string, message: string) => findings.push({ level: 'warning', code, message });

  for (const p of duplicates(store.precincts, (p) => p.precinct))
    error('duplicate-precinct', `precinct ${p} appears more than once`);
  for (const s of duplicates(store.sectors, (s) => s.id))
    error('duplicate-sector', `sector ${s} appears more than once`);
  for (const n of duplicates(store.ncos, (n) => n.id))
    error('duplicate-nco', `NCO id ${n} is used more than once`);
  for (const shield of duplicates(store.ncos, (n) => n.shield)) {
    const holders = store.ncos.filter((n) => n.shield === shield).map((n) => n.id);
    error('duplicate-shield', `shield ${shield} is carried by ${holders.join(' and ')}`);
  }

  const precincts = new Set(store.precincts.map((p) => p.precinct));
  const sectors = new Map(store.sectors.map((s) => [s.id, s]));
  for (const s of store.sectors) {
    if (!precincts.has(s.precinct))
      error(
        'sector-without-precinct',
        `sector ${s.id} belongs to precinct ${s.precinct}, which is not in the store`,
      );
    if (`${s.precinct}${s.letter}` !== s.id)
      error('sector-id', `sector ${s.id} says precinct ${s.precinct} letter ${s.letter}`);
  }

  let highest = 0;
  for (const n of store.ncos) {
    highest = Math.max(highest, Number(n.id.slice(1)));
    if (!precincts.has(n.precinct))
      error('nco-without-precinct', `${n.id} belongs to precinct ${n.precinct}, which is not in the store`);
    n.assignments.forEach((a, i) => {
      const sector = sectors.get(a.sector);
      if (!sector)
        error('assignment-sector', `${n.id} is assigned to ${a.sector}, which is not in the store`);
      else if (sector.precinct !== n.precinct)
        error(
          'assignment-precinct',
          `${n.id} (precinct ${n.precinct}) is assigned to ${a.sector} of precinct ${sector.precinct}`,
        );
      if (a.to !== null && a.to < a.from)
        error(
          'assignment-dates',
          `${n.id}'s assignment to ${a.sector} ends (${a.to}) before it starts (${a.from})`,
        );
      const next = n.assignments[i + 1];
      if (next && (a.to === null || a.to >= next.from)) {
        error(
          'assignment-overlap',
          `${n.id} is assigned to ${a.sector} and ${next.sector} at the same time (from ${next.from})`,
        );
      }
    });
  }
  if (store.nextId.nco <= highest) {
    error(
      'id-counter',
      `the next NCO id would be N${store.nextId.nco}, but N${highest} exists; ids must never be reused`,
    );
  }

  for (const m of duplicates(store.meetings, (m) => m.id))
    error('duplicate-meeting', `meeting id ${m} is used more than once`);
  // Two meetings with one UUID would be one event to every calendar that imports them.
  for (const uuid of duplicates(store.meetings, (m) => m.uuid)) {
    const holders = store.meetings.filter((m) => m.uuid === uuid).map((m) => m.id);
    error('duplicate-meeting-uuid', `meetings ${holders.join(' and ')} share the calendar UUID ${uuid}`);
  }
  let highestMeeting = 0;
  let highestSeries = 0;
  for (const m of store.meetings) {
    highestMeeting = Math.max(highestMeeting, Number(m.id.slice(1)));
    if (m.seriesId) highestSeries = Math.max(highestSeries, Number(m.seriesId.slice(1)));
    const sector = sectors.get(m.sector);
    if (!sector) error('meeting-sector', `${m.id} is for sector ${m.sector}, which is not in the store`);
    else if (sector.precinct !== m.precinct)
      error(
        'meeting-precinct',
        `${m.id} says precinct ${m.precinct}, but sector ${m.sector} is in precinct ${sector.precinct}`,
      );
  }
  if (store.nextId.meeting <= highestMeeting)
    error(
      'id-counter',
      `the next meeting id would be M${store.nextId.meeting}, but M${highestMeeting} exists; ids must never be reused`,
    );
  if (store.nextId.series <= highestSeries)
    error('id-counter', `the next series id would be R${store.nextId.series}, but R${highestSeries} exists`);

  const meetingIds = new Set(store.meetings.map((m) => m.id));
  const issueIds = new Set(store.issues.map((i) => i.id));
  for (const id of duplicates(store.issues, (i) => i.id))
    error('duplicate-issue', `issue id ${id} is used more than once`);
  for (const id of duplicates(store.solutions, (s) => s.id))
    error('duplicate-solution', `solution id ${id} is used more than once`);
  for (const i of store.issues)
    if (!meetingIds.has(i.meetingId))
      error('issue-meeting', `${i.id} was raised at ${i.meetingId}, which is not in the store`);
  for (const s of store.solutions)
    if (!issueIds.has(s.issueId))
      error('solution-issue', `${s.id} is a solution for ${s.issueId}, which is not in the store`);
  for (const [kind, letter, records] of [
    ['issue', 'I', store.issues],
    ['solution', 'S', store.solutions],
  ] as const) {
    const highestId = records.reduce((most, r) => Math.max(most, Number(r.id.slice(1))), 0);
    if (store.nextId[kind] <= highestId)
      error(
        'id-counter',
        `the next ${kind} id would be ${letter}${store.nextId[kind]}, but ${letter}${highestId} exists; ids must never be reused`,
      );
  }

  for (const id of duplicates(store.minutes, (m) => m.meetingId))
    error('duplicate-minutes', `the minutes of ${id} are approved more than once`);
  for (const m of store.minutes) {
    if (!meetingIds.has(m.meetingId))
      error('minutes-meeting', `approved minutes name meeting ${m.meetingId}, which is not in the store`);
    if (!meetingIds.has(m.approvedAt))
      error(
        'minutes-approved-at',
        `the minutes of ${m.meetingId} were approved at ${m.approvedAt}, which is not in the store`,
      );
  }

  const checked = store.precincts.filter((p) => precinct === undefined || p.precinct === precinct);
  for (const p of checked) {
    if (!store.sectors.some((s) => s.precinct === p.precinct))
      warn(
        'precinct-without-sectors',
        `precinct ${p.precinct} has no sectors (add them with nsm sector add ${p.precinct}A)`,
      );
  }
  const short = understaffedSectors(store, today, precinct);
  const staffed = new Set(store.ncos.map((n) => n.precinct));
  const byPrecinct = new Map<number, string[]>();
  for (const s of short) {
    const pct = Number(s.sector.slice(0, -1));
    if (staffed.has(pct)) byPrecinct.set(pct, [...(byPrecinct.get(pct) ?? []), `${s.sector} (${s.ncos})`]);
  }
  for (const [pct, list] of byPrecinct) {
    warn(
      'sectors-below-two-ncos',
      `precinct ${pct}: ${list.join(', ')} ${list.length === 1 ? 'has' : 'have'} fewer than two NCOs today`,
    );
  }
  const unstaffed = checked.filter(
    (p) => !staffed.has(p.precinct) && store.sectors.some((s) => s.precinct === p.precinct),
  );
  if (unstaffed.length > 0) {
    warn(
      'precincts-without-ncos',
      `${unstaffed.length} precinct(s) have no NCOs on the roster yet, so all their sectors are below two NCOs: ${unstaffed.map((p) => p.precinct).join(', ')}`,
    );
  }
  return findings;
}
