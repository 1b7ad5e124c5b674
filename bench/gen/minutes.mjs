// Approved minutes for a benchmark store (see bench/generate.mjs): a share of held meetings had
// their minutes approved at the sector's next held meeting. The snapshot is made by nsm's own
// minutesView (from dist/), as `nsm minutes approve` makes it, so it is valid by construction.
// To keep it cheap, minutesView sees a small store holding only the sector's records (all it
// reads), and only the solutions agreed by the day of approval.

import { earlierStamp, isoOf, stampOf } from './dates.mjs';

/** Held meetings whose minutes were approved (each snapshot is a few KB; all of them would double the store). */
const APPROVED_SHARE = 0.1;
const AMENDED_SHARE = 0.03;

/**
 * The approved minutes, in the order they were approved. `minutesView` is nsm's function;
 * `meetings` are the drafts of makeMeetings, `store` holds the records made so far.
 */
export function makeMinutes({ store, meetings, minutesView, nowDay, nowStamp, random }) {
  const bySector = recordsBySector(store, meetings);
  const approved = [];
  for (const sector of bySector.values()) {
    const held = sector.meetings.filter((m) => m.record.status === 'held').sort((a, b) => a.day - b.day);
    for (let j = 0; j + 1 < held.length; j++)
      if (random.chance(APPROVED_SHARE))
        approved.push(
          approve({
            store,
            sector,
            meeting: held[j],
            at: held[j + 1],
            minutesView,
            nowDay,
            nowStamp,
            random,
          }),
        );
  }
  return approved.sort((a, b) => (a.recordedAt < b.recordedAt ? -1 : a.recordedAt > b.recordedAt ? 1 : 0));
}

/** Each sector's meetings (drafts), issues and solutions, and its precinct's officers. */
function recordsBySector(store, meetings) {
  const bySector = new Map(
    store.sectors.map((s) => [s.id, { precinct: s.precinct, meetings: [], issues: [], solutions: [] }]),
  );
  for (const m of meetings) bySector.get(m.record.sector).meetings.push(m);
  const sectorOfIssue = new Map();
  for (const i of store.issues) {
    bySector.get(i.sector).issues.push(i);
    sectorOfIssue.set(i.id, i.sector);
  }
  for (const s of store.solutions) bySector.get(sectorOfIssue.get(s.issueId)).solutions.push(s);
  const ncosOf = new Map();
  for (const n of store.ncos) ncosOf.set(n.precinct, [...(ncosOf.get(n.precinct) ?? []), n]);
  for (const sector of bySector.values()) sector.ncos = ncosOf.get(sector.precinct) ?? [];
  return bySector;
}

/** The minutes of `meeting`, approved at `at` (the sector's next held meeting). */
function approve({ store, sector, meeting, at, minutesView, nowDay, nowStamp, random }) {
  const approvedOn = isoOf(at.day);
  const small = {
    ...store,
    precincts: store.precincts.filter((p) => p.precinct === sector.precinct),
    ncos: sector.ncos,
    meetings: sector.meetings.map((m) => m.record),
    issues: sector.issues,
    solutions: sector.solutions.filter((s) => s.history[0].on <= approvedOn),
    minutes: [],
  };
  const recordedAt = earlierStamp(stampOf(at.closedOut.day, at.closedOut.minute, 59), nowStamp);
  const amendments = [];
  if (random.chance(AMENDED_SHARE) && at.day + 1 < nowDay) {
    const day = random.int(at.day + 1, Math.min(nowDay, at.day + 60));
    amendments.push({
      on: isoOf(day),
      note: 'attendance corrected from the sign-in sheet',
      recordedAt: earlierStamp(stampOf(day, random.int(13 * 60, 22 * 60)), nowStamp),
    });
  }
  return {
    meetingId: meeting.record.id,
    approvedAt: at.record.id,
    approvedOn,
    recordedAt,
    snapshot: minutesView(small, meeting.record),
    amendments,
  };
}
