// The issues ledger of a benchmark store (see bench/generate.mjs): residents raise about five
// issues at every held meeting; each then moves at the later held meetings of its sector (worked
// on, resolved, closed, now and then reopened), so old issues are mostly settled and the recent
// ones still open. Solutions (about 1.5 an issue) have an owner, a due date and a history that
// follows their issue: done or dropped by the time it is resolved, still going while it is open.

import { isoOf, stampOf, earlierStamp } from './dates.mjs';
import { hostsOn } from './roster.mjs';
import {
  AGENCIES_FOR,
  AGENCY_ACTIONS,
  CATEGORY_WEIGHTS,
  COMMUNITY_ACTIONS,
  COMMUNITY_OWNERS,
  DETAILS,
  FIRST_NAMES,
  LAST_NAMES,
  NCO_ACTIONS,
  NOTES,
  PLACES,
  STREETS,
  SUMMARIES,
  fill,
} from './text.mjs';

/** Issues raised at a held meeting: 3 to 8, about five and a half. */
const ISSUES_PER_MEETING = [3, 8];
/** Solutions agreed per issue: about one and a half. */
const SOLUTIONS_PER_ISSUE = { 0: 8, 1: 40, 2: 42, 3: 10 };
/** Who owns a solution. */
const OWNER_KINDS = { nco: 35, agency: 45, community: 15, none: 5 };
/** Where a solution ended up once its issue was resolved, and where it stands while the issue is open. */
const OUTCOME_WHEN_RESOLVED = { done: 75, dropped: 12, agreed: 8, 'in-progress': 5 };
const OUTCOME_WHILE_OPEN = { agreed: 40, 'in-progress': 40, done: 15, dropped: 5 };
const PRIVATE_SHARE = 0.05;
/** Issues closed at the meeting that raised them (not a police matter, a duplicate). */
const CLOSED_AT_ONCE_SHARE = 0.03;
/** Issues that never get resolved however often they come up: the long tail of any ledger. */
const STUCK_SHARE = 0.02;
/** Chance that an open issue is resolved at each later meeting of its sector. */
const RESOLVED_PER_MEETING = 0.42;

/**
 * Raises the issues at every held meeting and agrees their solutions. `meetings` are the meeting
 * drafts of makeMeetings (ids given). Returns the issue and solution records, ids given in the
 * order they were recorded, and each sector's last held meeting.
 */
export function makeLedger({ meetings, spans, nowDay, nowStamp, random }) {
  const heldBySector = heldMeetingsBySector(meetings);
  const issues = [];
  const solutions = [];
  for (const held of heldBySector.values())
    for (let j = 0; j < held.length; j++) {
      const count = random.int(ISSUES_PER_MEETING[0], ISSUES_PER_MEETING[1]);
      for (let k = 0; k < count; k++) {
        const issue = raiseIssue({ held, j, k, nowStamp, random });
        issues.push(issue);
        solutions.push(...agreeSolutions({ issue, spans, nowDay, nowStamp, random }));
      }
    }
  giveIds(issues, 'I');
  for (const s of solutions) s.record.issueId = s.issue.record.id;
  giveIds(solutions, 'S');
  const lastHeld = new Map([...heldBySector].map(([sector, held]) => [sector, held[held.length - 1]]));
  return { issues: issues.map((i) => i.record), solutions: solutions.map((s) => s.record), lastHeld };
}

/** The held meetings of each sector, oldest first. */
function heldMeetingsBySector(meetings) {
  const map = new Map();
  for (const m of meetings) {
    if (m.record.status !== 'held') continue;
    const list = map.get(m.record.sector) ?? [];
    list.push(m);
    map.set(m.record.sector, list);
  }
  for (const list of map.values()) list.sort((a, b) => a.day - b.day);
  return map;
}

/** Ids in the order records were made (their createdAt; the sort is stable). */
function giveIds(drafts, letter) {
  drafts.sort((a, b) =>
    a.record.createdAt < b.record.createdAt ? -1 : a.record.createdAt > b.record.createdAt ? 1 : 0,
  );
  drafts.forEach((d, i) => (d.record.id = `${letter}${i + 1}`));
}

/** The stamp a record made while closing out a meeting gets: that time, a few seconds apart. */
function closeOutStamp(meeting, second, nowStamp) {
  return earlierStamp(stampOf(meeting.closedOut.day, meeting.closedOut.minute, second), nowStamp);
}

/** One issue raised at `held[j]`, with its whole history up to now. */
function raiseIssue({ held, j, k, nowStamp, random }) {
  const meeting = held[j];
  const m = meeting.record;
  const category = random.weighted(CATEGORY_WEIGHTS);
  const street = random.pick(STREETS);
  const place = random.pick(PLACES);
  const isPrivate = random.chance(PRIVATE_SHARE);
  const walk = walkHistory(held, j, random);
  const record = {
    id: null,
    meetingId: m.id,
    precinct: m.precinct,
    sector: m.sector,
    category,
    summary: fill(random.pick(SUMMARIES[category]), { street, place }),
    details: isPrivate
      ? `Lives at ${random.int(10, 2999)} ${street}, apt ${random.int(1, 9)}${random.pick(['A', 'B', 'C', 'D'])}; asked not to be named.`
      : random.chance(0.15)
        ? random.pick(DETAILS)
        : null,
    location: locationOf(street, place, random),
    raisedBy: isPrivate
      ? `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`
      : random.chance(0.2)
        ? `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES).charAt(0)}.`
        : null,
    private: isPrivate,
    status: walk.history[walk.history.length - 1].status,
    raisedOn: isoOf(meeting.day),
    history: walk.history,
    createdAt: closeOutStamp(meeting, k + 1, nowStamp),
  };
  return { record, meeting, walk };
}

/** Where it happens: a corner, near a place, or not said. */
function locationOf(street, place, random) {
  if (!random.chance(0.6)) return null;
  if (random.chance(0.3)) return `near ${place}`;
  let cross = random.pick(STREETS);
  while (cross === street) cross = random.pick(STREETS);
  return `${street} & ${cross}`;
}

/**
 * An issue's status history from the meeting that raised it (`held[j]`) through the later held
 * meetings of its sector. Also returns the meetings it was still outstanding at (where solutions
 * can be agreed later) and its first resolution ({ day, meetingId }), if any.
 */
function walkHistory(held, j, random) {
  const raisedAt = held[j];
  const history = [entry(raisedAt, 'open', `raised at ${raisedAt.record.id}`)];
  if (random.chance(CLOSED_AT_ONCE_SHARE)) {
    history.push(entry(raisedAt, 'closed', random.pick(NOTES['closed-at-once'])));
    return {
      history,
      outstandingAt: [],
      resolution: { day: raisedAt.day, meetingId: raisedAt.record.id },
      closedAtOnce: true,
    };
  }
  const stuck = random.chance(STUCK_SHARE);
  const outstandingAt = [];
  let status = 'open';
  let resolution = null;
  const move = (at, to, note) => {
    history.push(entry(at, to, note));
    status = to;
    if ((to === 'resolved' || to === 'closed') && resolution === null)
      resolution = { day: at.day, meetingId: at.record.id };
  };
  for (let t = j + 1; t < held.length && status !== 'closed'; t++) {
    const at = held[t];
    if (status === 'open' || status === 'in-progress') {
      outstandingAt.push(at);
      if (!stuck && random.chance(RESOLVED_PER_MEETING)) move(at, 'resolved', random.pick(NOTES.resolved));
      else if (status === 'open' && random.chance(0.45))
        move(at, 'in-progress', random.pick(NOTES['in-progress']));
      else if (random.chance(0.15)) history.push(entry(at, status, random.pick(NOTES.discussed)));
    } else if (random.chance(0.55)) move(at, 'closed', random.pick(NOTES.closed));
    else if (random.chance(0.03)) move(at, 'open', random.pick(NOTES.reopened));
  }
  return { history, outstandingAt, resolution, closedAtOnce: false };
}

/** A history entry recorded at a meeting, on its day. */
function entry(meeting, status, note) {
  return { on: isoOf(meeting.day), status, note, meetingId: meeting.record.id };
}

/** The solutions agreed for an issue: none to three, most at the meeting that raised it. */
function agreeSolutions({ issue, spans, nowDay, nowStamp, random }) {
  if (issue.walk.closedAtOnce) return [];
  const count = Number(random.weighted(SOLUTIONS_PER_ISSUE));
  const made = [];
  for (let s = 0; s < count; s++) {
    const later = issue.walk.outstandingAt;
    const at = later.length > 0 && random.chance(0.2) ? later[0] : issue.meeting;
    // Now and then agreed between meetings, by phone or email.
    const outside = random.chance(0.05);
    const agreedDay = outside ? Math.min(issue.meeting.day + random.int(1, 10), nowDay) : at.day;
    const owner = ownerOf(issue.record, hostsOn(spans, issue.record.sector, isoOf(agreedDay)), random);
    const first = {
      on: isoOf(agreedDay),
      status: 'agreed',
      note: outside ? 'agreed by phone after the meeting' : `agreed at ${at.record.id}`,
      meetingId: outside ? null : at.record.id,
    };
    const history = [first, ...laterSteps(issue.walk.resolution, agreedDay, nowDay, random)];
    const record = {
      id: null,
      issueId: null,
      summary: owner.summary,
      owner: owner.owner,
      ownerKind: owner.ownerKind,
      due: random.chance(0.9) ? isoOf(agreedDay + random.pick([14, 21, 30, 45, 60, 90])) : null,
      status: history[history.length - 1].status,
      agreedAt: first.meetingId,
      history,
      createdAt: outside
        ? earlierStamp(stampOf(agreedDay, random.int(13 * 60, 22 * 60)), nowStamp)
        : closeOutStamp(at, 30 + made.length, nowStamp),
    };
    made.push({ record, issue });
  }
  return made;
}

/** Who takes a solution on, and what it says: an NCO of the sector, an agency, residents, or nobody yet. */
function ownerOf(issue, hosts, random) {
  const kind = random.weighted(OWNER_KINDS);
  if (kind === 'nco' && hosts.length > 0)
    return { owner: random.pick(hosts), ownerKind: 'nco', summary: random.pick(NCO_ACTIONS) };
  if (kind === 'community') {
    const owner = random.pick(COMMUNITY_OWNERS);
    const template = random.pick(COMMUNITY_ACTIONS);
    return {
      owner,
      ownerKind: 'community',
      summary: fill(template, { owner: template.startsWith('{owner}') ? owner : owner.toLowerCase() }),
    };
  }
  if (kind === 'none')
    return { owner: null, ownerKind: null, summary: 'Look into options before the next meeting' };
  const agency = random.pick(AGENCIES_FOR[issue.category]);
  return { owner: agency, ownerKind: 'agency', summary: random.pick(AGENCY_ACTIONS[agency]) };
}

/**
 * What happened to a solution after it was agreed. If its issue was resolved since, it was done
 * or dropped by then (or forgotten as agreed); if the issue is still open, it is anywhere along.
 */
function laterSteps(resolution, agreedDay, nowDay, random) {
  const settled = resolution !== null && resolution.day >= agreedDay;
  const final = settled ? random.weighted(OUTCOME_WHEN_RESOLVED) : random.weighted(OUTCOME_WHILE_OPEN);
  const low = settled ? Math.min(agreedDay + 1, resolution.day) : agreedDay + 1;
  const high = settled ? resolution.day : Math.min(nowDay, agreedDay + 120);
  if (final === 'agreed' || low > high) return [];
  if (final === 'in-progress')
    return [step(random.int(low, high), 'in-progress', random.pick(NOTES['in-progress']))];
  // Done or dropped: at the meeting that resolved the issue, or on a day before it.
  const atMeeting = settled && random.chance(0.4);
  const end = atMeeting ? resolution.day : random.int(low, high);
  const steps = [];
  if (final === 'done' && end > low && random.chance(0.5))
    steps.push(step(random.int(low, end - 1), 'in-progress', random.pick(NOTES['in-progress'])));
  steps.push(step(end, final, random.pick(NOTES[final]), atMeeting ? resolution.meetingId : null));
  return steps;
}

function step(day, status, note, meetingId = null) {
  return { on: isoOf(day), status, note, meetingId };
}
