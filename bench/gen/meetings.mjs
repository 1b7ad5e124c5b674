// The meetings of a benchmark store (see bench/generate.mjs): every sector meets quarterly, on
// its own weekday and week of the month, in the evening, ending with two meetings still ahead.
// Past meetings are mostly held (with attendance), a few cancelled, and the last fortnight's are
// sometimes not closed out yet. About two in three years were scheduled as a series (R<n>).

import { earlierStamp, isoOf, monthIndexOf, nthWeekday, stampOf, wallTime } from './dates.mjs';
import { CANCEL_REASONS, MEETING_NOTES, SAINTS, STREETS, VENUES, fill } from './text.mjs';

/** Meetings still ahead of now, per sector (the next two quarters). */
const FUTURE_PER_SECTOR = 2;
/** A year of quarterly meetings: the size of a series made with --repeat quarterly. */
const SERIES_LENGTH = 4;
/** Meeting lengths in minutes, and how common each is. */
const DURATIONS = { 60: 70, 90: 25, 120: 5 };
const CANCELLED_SHARE = 0.03;
const MOVED_SHARE = 0.04;
/** Meetings of the last fortnight that nobody has marked held yet (the home screen lists them). */
const NOT_CLOSED_OUT_SHARE = 0.3;
/** Months when meetings were held online. */
const ONLINE_FROM = '2020-03-15';
const ONLINE_TO = '2021-06-30';

/** Meetings per sector at a scale: 40 quarterly meetings are ten years; at least one past and two ahead. */
export function meetingsPerSector(scale) {
  return Math.max(FUTURE_PER_SECTOR + 1, Math.round(40 * scale));
}

/**
 * Builds every sector's meetings, then gives ids in the order they were created (M1 is the
 * oldest) and series ids likewise. Returns `{ drafts, seriesCount }`: a draft per meeting,
 * `{ record, day, closedOut, seriesKey }`, where `record` is the store record and the rest is what
 * the ledger needs (its day as a number, and the day and minute it was marked held), and the
 * number of series made.
 */
export function makeMeetings({ store, scale, nowDay, nowStamp, random }) {
  const perSector = meetingsPerSector(scale);
  const letterIndex = letterIndexes(store);
  const precincts = new Map(store.precincts.map((p) => [p.precinct, p]));
  const drafts = [];
  for (const sector of store.sectors) {
    const style = sectorStyle(sector, precincts.get(sector.precinct), random);
    const days = slotDays(sector.precinct, letterIndex.get(sector.id), nowDay, perSector);
    drafts.push(...sectorMeetings({ sector, style, days, nowDay, nowStamp, random }));
  }
  drafts.sort(
    (a, b) =>
      compareText(a.record.createdAt, b.record.createdAt) || compareText(a.record.start, b.record.start),
  );
  const series = new Map();
  drafts.forEach((draft, i) => {
    draft.record.id = `M${i + 1}`;
    if (draft.seriesKey !== null) {
      if (!series.has(draft.seriesKey)) series.set(draft.seriesKey, `R${series.size + 1}`);
      draft.record.seriesId = series.get(draft.seriesKey);
    }
  });
  return { drafts, seriesCount: series.size };
}

/** Orders texts by code unit, as ISO dates and stamps sort in time order. */
function compareText(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Each sector's place among its precinct's sectors (A is 0, B is 1, ...). */
function letterIndexes(store) {
  const seen = new Map();
  const index = new Map();
  for (const s of store.sectors) {
    const n = seen.get(s.precinct) ?? 0;
    index.set(s.id, n);
    seen.set(s.precinct, n + 1);
  }
  return index;
}

/**
 * The days a sector meets on: one month in three (the precinct's phase of the quarter), on the
 * sector's weekday (Tuesday to Thursday) and week, so no two sectors of a precinct share a day.
 * The last `count - 2` of them before today, then the next two.
 */
function slotDays(precinct, letterIndex, nowDay, count) {
  const phase = precinct % 3;
  const weekday = [2, 3, 4][(precinct + letterIndex) % 3];
  const nth = (letterIndex % 4) + 1;
  const past = [];
  const ahead = [];
  const pastWanted = count - FUTURE_PER_SECTOR;
  for (let month = monthIndexOf(isoOf(nowDay)) + 9; past.length < pastWanted; month--) {
    if (((month % 3) + 3) % 3 !== phase) continue;
    const day = nthWeekday(month, weekday, nth);
    if (day >= nowDay) ahead.unshift(day);
    else past.push(day);
  }
  return [...past.reverse(), ...ahead.slice(0, FUTURE_PER_SECTOR)];
}

/** What stays the same from meeting to meeting of a sector: time, length, title and venue. */
function sectorStyle(sector, precinct, random) {
  const atStation = random.chance(0.5);
  const [venueName, venueAddress] = atStation ? VENUES[0] : random.pick(VENUES.slice(1));
  const street = random.pick(STREETS);
  const values = { n: random.int(10, 330), n0: random.int(10, 2999), street, saint: random.pick(SAINTS) };
  const station = { location: `${precinct.name} Community Room`, address: precinct.address };
  const venue = atStation
    ? station
    : {
        location: fill(venueName, values),
        address: venueAddress === null ? null : fill(venueAddress, values),
      };
  return {
    startMinute: random.pick([18 * 60, 18 * 60 + 30, 19 * 60, 19 * 60, 19 * 60 + 30]),
    duration: Number(random.weighted(DURATIONS)),
    title: random.chance(0.15)
      ? `Build the Block: Sector ${sector.id}`
      : `Sector ${sector.id} Neighborhood Safety Meeting`,
    venue,
    station,
    onlineUrl: `https://meet.example.org/nsm-${sector.id.toLowerCase()}`,
  };
}

/**
 * The meetings of one sector. Blocks of four, counted back from the last, were either scheduled
 * together as a series or one by one; each then lived its own life (moved, cancelled, held).
 */
function sectorMeetings({ sector, style, days, nowDay, nowStamp, random }) {
  const drafts = [];
  const blocks = Math.ceil(days.length / SERIES_LENGTH);
  for (let b = 0; b < blocks; b++) {
    const first = Math.max(0, days.length - SERIES_LENGTH * (b + 1));
    const last = days.length - SERIES_LENGTH * b;
    const isSeries = random.chance(b === 0 ? 0.7 : 0.6);
    const seriesCreated = isSeries
      ? stampOf(days[first] - random.int(14, 45), random.int(13 * 60, 22 * 60))
      : null;
    for (let i = first; i < last; i++) {
      const created = seriesCreated ?? stampOf(days[i] - random.int(10, 40), random.int(13 * 60, 22 * 60));
      drafts.push(
        meetingDraft({
          sector,
          style,
          day: days[i],
          created: earlierStamp(created, nowStamp),
          nowDay,
          nowStamp,
          random,
          seriesKey: isSeries ? `${sector.id}|${b}` : null,
        }),
      );
    }
  }
  return drafts;
}

/** One meeting: its record (id given later) and what the ledger needs to know about it. */
function meetingDraft({ sector, style, day, created, nowDay, nowStamp, random, seriesKey }) {
  let revision = 0;
  let updatedAt = created;
  // Now and then a meeting was moved a week later (never across today).
  if (random.chance(MOVED_SHARE) && (day + 7 < nowDay || day >= nowDay)) {
    const movedOn = earlierStamp(stampOf(day - random.int(2, 10), random.int(13 * 60, 22 * 60)), nowStamp);
    if (movedOn > created) {
      day += 7;
      revision = 1;
      updatedAt = movedOn;
    }
  }
  const status = statusOf(day, nowDay, random);
  const iso = isoOf(day);
  const online = iso >= ONLINE_FROM && iso <= ONLINE_TO;
  const venue = online ? { location: null, address: null } : random.chance(0.1) ? style.station : style.venue;
  const record = {
    id: null,
    uuid: random.uuid(),
    precinct: sector.precinct,
    sector: sector.id,
    title: style.title,
    start: wallTime(day, style.startMinute),
    durationMinutes: style.duration,
    location: venue.location,
    address: venue.address,
    onlineUrl: online ? style.onlineUrl : null,
    seriesId: null,
    status,
    revision,
    attendance: null,
    notes: null,
    cancelReason: null,
    createdAt: created,
    updatedAt,
  };
  let closedOut = null;
  if (status === 'held') {
    record.attendance = random.int(4, 20) + random.int(0, 30);
    if (random.chance(0.12)) record.notes = random.pick(MEETING_NOTES);
    // Marked held the next days, and the ledger recorded then.
    closedOut = { day: Math.min(day + random.int(1, 3), nowDay), minute: random.int(13 * 60, 21 * 60) };
    record.updatedAt = earlierStamp(stampOf(closedOut.day, closedOut.minute), nowStamp);
  } else if (status === 'cancelled') {
    record.revision += 1;
    record.cancelReason = random.pick(CANCEL_REASONS);
    const cancelled = stampOf(day - random.int(1, 7), random.int(13 * 60, 22 * 60));
    record.updatedAt = cancelled > updatedAt ? earlierStamp(cancelled, nowStamp) : updatedAt;
  }
  return { record, day, closedOut, seriesKey };
}

/** Ahead: scheduled. Past: held, cancelled, or (in the last fortnight) not closed out yet. */
function statusOf(day, nowDay, random) {
  if (day >= nowDay) return 'scheduled';
  if (random.chance(CANCELLED_SHARE)) return 'cancelled';
  if (day > nowDay - 14 && random.chance(NOT_CLOSED_OUT_SHARE)) return 'scheduled';
  return 'held';
}
