import type { Meeting, Store } from './schema.js';
import { describeMeeting, endInstant, hostsOf, startInstant } from './meetings.js';
import { addDays } from './dates.js';
import { friendly, type WallTime } from './time.js';

/** A meeting that is about to be scheduled or moved. */
export interface Candidate {
  /** Its own id when it is being rescheduled, so it does not clash with itself. */
  id?: string;
  sector: string;
  start: WallTime;
  durationMinutes: number;
  location: string | null;
  address: string | null;
  onlineUrl: string | null;
}

export interface Conflict {
  kind: 'sector' | 'nco' | 'venue' | 'past';
  meetingId: string | null;
  message: string;
}

function overlaps(a: Candidate | Meeting, b: Candidate | Meeting): boolean {
  return startInstant(a) < endInstant(b) && startInstant(b) < endInstant(a);
}

function venueKey(text: string | null): string | null {
  if (text === null) return null;
  const key = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  return key === '' ? null : key;
}

function sameVenue(a: Candidate | Meeting, b: Candidate | Meeting): boolean {
  const same = (x: string | null, y: string | null) => x !== null && x === y;
  return (
    same(venueKey(a.location), venueKey(b.location)) ||
    same(venueKey(a.address), venueKey(b.address)) ||
    same(a.onlineUrl, b.onlineUrl)
  );
}

/**
 * What stands in the way of a meeting: another meeting of the same sector at an overlapping
 * time, one of the sector's NCOs booked elsewhere then, the same venue taken, or a start in the past.
 */
export function findConflicts(store: Store, candidate: Candidate, now: Date): Conflict[] {
  const conflicts: Conflict[] = [];
  if (startInstant(candidate).getTime() < now.getTime()) {
    conflicts.push({ kind: 'past', meetingId: null, message: `${friendly(candidate.start)} is in the past` });
  }
  const hosts = new Set(hostsOf(store, candidate).map((n) => n.id));
  // Meetings last at most 12 hours, so only those starting within a day either side can overlap;
  // comparing date strings first keeps a year-long series against a large store cheap.
  const day = candidate.start.slice(0, 10);
  const [earliest, latest] = [addDays(day, -1), addDays(day, 1)];
  for (const other of store.meetings) {
    const otherDay = other.start.slice(0, 10);
    if (otherDay < earliest || otherDay > latest) continue;
    if (other.id === candidate.id || other.status === 'cancelled' || !overlaps(candidate, other)) continue;
    if (other.sector === candidate.sector) {
      conflicts.push({
        kind: 'sector',
        meetingId: other.id,
        message: `sector ${other.sector} already meets then: ${describeMeeting(other)}`,
      });
      continue;
    }
    const shared = hostsOf(store, other).filter((n) => hosts.has(n.id));
    if (shared.length > 0) {
      conflicts.push({
        kind: 'nco',
        meetingId: other.id,
        message: `${shared.map((n) => `${n.id} ${n.name}`).join(' and ')} ${shared.length === 1 ? 'is' : 'are'} hosting ${describeMeeting(other)}`,
      });
    } else if (sameVenue(candidate, other)) {
      conflicts.push({
        kind: 'venue',
        meetingId: other.id,
        message: `the venue is booked for ${describeMeeting(other)}`,
      });
    }
  }
  return conflicts;
}
