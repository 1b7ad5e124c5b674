/**
 * The store's shape, checked by plain code: the same rules as the valibot schema in schema.ts, in
 * one pass of loops and typeof tests. Every read and every write checks the whole store, and on a
 * city's store (tens of MB) valibot took ten times as long as these loops. The schema stays the
 * specification: it explains what is wrong when this check says no, and a property test
 * (test/domain/shape-check.test.ts) holds the two to the same verdict on thousands of damaged stores.
 */
import { ISSUE_STATUSES, MEETING_STATUSES, SOLUTION_STATUSES } from './statuses.js';

type Rec = Record<string, unknown>;

const isObject = (x: unknown): x is Rec => typeof x === 'object' && x !== null;
const isText = (x: unknown): x is string => typeof x === 'string';
const isTextOrNull = (x: unknown): boolean => x === null || typeof x === 'string';
const isNumber = (x: unknown): x is number => typeof x === 'number' && !Number.isNaN(x);
const isInt = (x: unknown): x is number => Number.isInteger(x);
const isIntAtLeast = (x: unknown, min: number): boolean => Number.isInteger(x) && (x as number) >= min;
const isBool = (x: unknown): boolean => typeof x === 'boolean';
const matches = (x: unknown, pattern: RegExp): boolean => typeof x === 'string' && pattern.test(x);
const oneOf = (options: readonly string[]) => {
  const set = new Set<unknown>(options);
  return (x: unknown) => set.has(x);
};
const isMeetingStatus = oneOf(MEETING_STATUSES);
const isIssueStatus = oneOf(ISSUE_STATUSES);
const isSolutionStatus = oneOf(SOLUTION_STATUSES);
const isOwnerKind = oneOf(['nco', 'agency', 'community']);

/** Every item of `x`, which must be an array, passes `check`. */
function every(x: unknown, check: (item: unknown) => boolean): boolean {
  if (!Array.isArray(x)) return false;
  // An index, not for…of: an iterator per array is a million objects to collect on a city's store.
  for (let i = 0; i < x.length; i++) if (!check(x[i])) return false;
  return true;
}

const WALL_TIME = /^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;
const SECTOR_ID = /^\d+[A-Z]$/;
const LETTER = /^[A-Z]$/;
const DIGITS = /^\d+$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

// The checks met hundreds of thousands of times (days, ids, UUIDs) read character codes instead
// of running a regular expression and slicing: on a city's store they are most of the work.
const ZERO = 48;
const digitAt = (text: string, i: number): number => {
  const d = text.charCodeAt(i) - ZERO;
  return d >= 0 && d <= 9 ? d : -1;
};

/** The number of the digits text[from..to), or -1 if any is not a digit. */
function digitsAt(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = digitAt(text, i);
    if (d < 0) return -1;
    n = n * 10 + d;
  }
  return n;
}

/**
 * text starts with YYYY-MM-DD naming a day that exists. As the schema's realDay (which goes
 * through Date.UTC, where years 0–99 mean 1900–1999), years below 100 are not days.
 */
function startsWithDay(text: string): boolean {
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return false; // '-'
  const y = digitsAt(text, 0, 4);
  const m = digitsAt(text, 5, 7);
  const d = digitsAt(text, 8, 10);
  if (y < 100 || m < 1 || m > 12 || d < 1) return false;
  const leap = m === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d <= DAYS_IN_MONTH[m - 1]! + (leap ? 1 : 0);
}

/** A letter followed by one or more digits: N12, M4, I30, S7. */
function isIdOf(x: unknown, letter: string): boolean {
  if (typeof x !== 'string' || x.length < 2 || x[0] !== letter) return false;
  for (let i = 1; i < x.length; i++) if (digitAt(x, i) < 0) return false;
  return true;
}

/** 8-4-4-4-12 hexadecimal digits, either case. */
function isUuid(x: unknown): boolean {
  if (typeof x !== 'string' || x.length !== 36) return false;
  for (let i = 0; i < 36; i++) {
    const c = x.charCodeAt(i);
    if (i === 8 || i === 13 || i === 18 || i === 23) {
      if (c !== 45) return false;
    } else if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70))) return false;
  }
  return true;
}

const isDay = (x: unknown): boolean => typeof x === 'string' && x.length === 10 && startsWithDay(x);
const isDayOrNull = (x: unknown): boolean => x === null || isDay(x);

function precinct(p: unknown): boolean {
  return (
    isObject(p) &&
    isIntAtLeast(p.precinct, 1) &&
    isText(p.name) &&
    isTextOrNull(p.commonName) &&
    isText(p.borough) &&
    isTextOrNull(p.patrolBorough) &&
    isTextOrNull(p.patrolBoroughCode) &&
    isTextOrNull(p.address) &&
    isTextOrNull(p.phone) &&
    isTextOrNull(p.url) &&
    isObject(p.rollout) &&
    isDayOrNull(p.rollout.startDate) &&
    (p.rollout.phase === null || isInt(p.rollout.phase)) &&
    isDayOrNull(p.opened) &&
    isTextOrNull(p.notes)
  );
}

function sector(s: unknown): boolean {
  return (
    isObject(s) &&
    matches(s.id, SECTOR_ID) &&
    isInt(s.precinct) &&
    matches(s.letter, LETTER) &&
    isTextOrNull(s.description) &&
    (s.sqMiles === null || isNumber(s.sqMiles))
  );
}

function assignment(a: unknown): boolean {
  return isObject(a) && isText(a.sector) && isDay(a.from) && isDayOrNull(a.to);
}

function nco(n: unknown): boolean {
  return (
    isObject(n) &&
    isIdOf(n.id, 'N') &&
    isText(n.name) &&
    matches(n.shield, DIGITS) &&
    isText(n.rank) &&
    isInt(n.precinct) &&
    isTextOrNull(n.email) &&
    isTextOrNull(n.phone) &&
    every(n.assignments, assignment)
  );
}

function phase(p: unknown): boolean {
  return isObject(p) && isInt(p.phase) && isDay(p.startDate) && every(p.precincts, isNumber);
}

function psa(p: unknown): boolean {
  return isObject(p) && isInt(p.psa) && isText(p.name) && isTextOrNull(p.address) && isText(p.borough);
}

function meeting(m: unknown): boolean {
  return (
    isObject(m) &&
    isIdOf(m.id, 'M') &&
    isUuid(m.uuid) &&
    isInt(m.precinct) &&
    isText(m.sector) &&
    isText(m.title) &&
    matches(m.start, WALL_TIME) &&
    startsWithDay(m.start as string) &&
    isIntAtLeast(m.durationMinutes, 1) &&
    (m.durationMinutes as number) <= 720 &&
    isTextOrNull(m.location) &&
    isTextOrNull(m.address) &&
    isTextOrNull(m.onlineUrl) &&
    isTextOrNull(m.seriesId) &&
    isMeetingStatus(m.status) &&
    isIntAtLeast(m.revision, 0) &&
    (m.attendance === null || isIntAtLeast(m.attendance, 0)) &&
    isTextOrNull(m.notes) &&
    isTextOrNull(m.cancelReason) &&
    isText(m.createdAt) &&
    isText(m.updatedAt)
  );
}

function fieldChange(c: unknown): boolean {
  return isObject(c) && isText(c.field) && isTextOrNull(c.from) && isTextOrNull(c.to);
}

function historyEntry(isStatus: (x: unknown) => boolean) {
  return (h: unknown): boolean =>
    isObject(h) &&
    isDay(h.on) &&
    isStatus(h.status) &&
    isText(h.note) &&
    isTextOrNull(h.meetingId) &&
    (h.edit === undefined || every(h.edit, fieldChange));
}
const issueHistoryEntry = historyEntry(isIssueStatus);
const solutionHistoryEntry = historyEntry(isSolutionStatus);

function issue(i: unknown): boolean {
  return (
    isObject(i) &&
    isIdOf(i.id, 'I') &&
    isText(i.meetingId) &&
    isInt(i.precinct) &&
    isText(i.sector) &&
    isText(i.category) &&
    isText(i.summary) &&
    isTextOrNull(i.details) &&
    isTextOrNull(i.location) &&
    isTextOrNull(i.raisedBy) &&
    isBool(i.private) &&
    isIssueStatus(i.status) &&
    isDay(i.raisedOn) &&
    every(i.history, issueHistoryEntry) &&
    isText(i.createdAt)
  );
}

function solution(s: unknown): boolean {
  return (
    isObject(s) &&
    isIdOf(s.id, 'S') &&
    isText(s.issueId) &&
    isText(s.summary) &&
    isTextOrNull(s.owner) &&
    (s.ownerKind === null || isOwnerKind(s.ownerKind)) &&
    isDayOrNull(s.due) &&
    isSolutionStatus(s.status) &&
    isTextOrNull(s.agreedAt) &&
    every(s.history, solutionHistoryEntry) &&
    isText(s.createdAt)
  );
}

const isInstant = (x: unknown): boolean => matches(x, INSTANT);

function minutesSolution(s: unknown): boolean {
  return (
    isObject(s) &&
    isText(s.id) &&
    isText(s.issueId) &&
    isTextOrNull(s.summary) &&
    isTextOrNull(s.owner) &&
    isDayOrNull(s.due) &&
    isSolutionStatus(s.status)
  );
}

function host(h: unknown): boolean {
  return isObject(h) && isText(h.id) && isText(h.rank) && isText(h.name) && isText(h.shield);
}

function change(c: unknown): boolean {
  return isObject(c) && isDay(c.on) && isText(c.record) && isText(c.status) && isTextOrNull(c.note);
}

function oldBusiness(o: unknown): boolean {
  return (
    isObject(o) &&
    isText(o.id) &&
    isText(o.category) &&
    isTextOrNull(o.summary) &&
    isTextOrNull(o.location) &&
    isBool(o.private) &&
    isIssueStatus(o.statusBefore) &&
    isIssueStatus(o.status) &&
    isDay(o.raisedOn) &&
    isText(o.raisedAt) &&
    isNumber(o.daysOpen) &&
    isNumber(o.meetingsOpen) &&
    every(o.changes, change) &&
    every(o.solutions, minutesSolution)
  );
}

function discussed(d: unknown): boolean {
  return (
    isObject(d) &&
    isText(d.id) &&
    isText(d.category) &&
    isTextOrNull(d.summary) &&
    isBool(d.private) &&
    isIssueStatus(d.status) &&
    every(d.notes, isTextOrNull)
  );
}

function raised(r: unknown): boolean {
  return (
    isObject(r) &&
    isText(r.id) &&
    isText(r.category) &&
    isTextOrNull(r.summary) &&
    isTextOrNull(r.location) &&
    isBool(r.private) &&
    isIssueStatus(r.status)
  );
}

function minutesView(v: unknown): boolean {
  return (
    isObject(v) &&
    isText(v.meetingId) &&
    isText(v.title) &&
    isInt(v.precinct) &&
    isText(v.precinctName) &&
    isText(v.sector) &&
    isInstant(v.start) &&
    isInstant(v.end) &&
    isTextOrNull(v.location) &&
    isTextOrNull(v.address) &&
    isTextOrNull(v.onlineUrl) &&
    every(v.hosts, host) &&
    (v.attendance === null || isNumber(v.attendance)) &&
    (v.previous === null || (isObject(v.previous) && isText(v.previous.id) && isInstant(v.previous.start))) &&
    every(v.oldBusiness, oldBusiness) &&
    every(v.discussed, discussed) &&
    every(v.raised, raised) &&
    every(v.agreed, (a) => minutesSolution(a) && isBool((a as Rec).private)) &&
    (v.next === null ||
      (isObject(v.next) && isText(v.next.id) && isInstant(v.next.start) && isText(v.next.venue)))
  );
}

function amendment(a: unknown): boolean {
  return isObject(a) && isDay(a.on) && isText(a.note) && isText(a.recordedAt);
}

function approvedMinutes(m: unknown): boolean {
  return (
    isObject(m) &&
    isText(m.meetingId) &&
    isText(m.approvedAt) &&
    isDay(m.approvedOn) &&
    isText(m.recordedAt) &&
    minutesView(m.snapshot) &&
    every(m.amendments, amendment)
  );
}

/**
 * Whether `data` has the shape of a current store (format `version`). True exactly when the
 * valibot schema (StoreSchema) accepts it.
 */
export function hasStoreShape(data: unknown, version: number): boolean {
  if (!isObject(data) || data.schemaVersion !== version || !isText(data.createdAt)) return false;
  const next = data.nextId;
  return (
    isObject(next) &&
    isIntAtLeast(next.nco, 1) &&
    isIntAtLeast(next.meeting, 1) &&
    isIntAtLeast(next.series, 1) &&
    isIntAtLeast(next.issue, 1) &&
    isIntAtLeast(next.solution, 1) &&
    every(data.precincts, precinct) &&
    every(data.sectors, sector) &&
    every(data.phases, phase) &&
    every(data.psas, psa) &&
    every(data.ncos, nco) &&
    every(data.meetings, meeting) &&
    every(data.issues, issue) &&
    every(data.solutions, solution) &&
    every(data.minutes, approvedMinutes)
  );
}
