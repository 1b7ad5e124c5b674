import type { Meeting, Nco, Store } from './schema.js';
import { NotFoundError, RuleError } from '../errors.js';
import { ncosOfSector, sectorRoster } from './ncos.js';
import { friendly, instantOf, isoWithOffset, type WallTime } from './time.js';

export function findMeeting(store: Store, id: string): Meeting {
  const found = store.meetings.find((m) => m.id === id);
  if (!found) throw noSuchMeeting(id, store.meetings.length > 0);
  return found;
}

/** The error for a meeting id nothing holds; the hint depends on whether there are meetings at all. */
export function noSuchMeeting(id: string, anyMeetings: boolean): NotFoundError {
  return new NotFoundError(
    `there is no meeting ${id}`,
    anyMeetings ? 'list them with: nsm meeting list' : 'schedule one with: nsm meeting schedule',
  );
}

export function defaultTitle(sector: string): string {
  return `Sector ${sector} Neighborhood Safety Meeting`;
}

export function startInstant(m: Pick<Meeting, 'start'>): Date {
  return instantOf(m.start);
}

/** The end instant: the start plus the duration in real minutes (a meeting across a clock change lasts as long). */
export function endInstant(m: Pick<Meeting, 'start' | 'durationMinutes'>): Date {
  return new Date(instantOf(m.start).getTime() + m.durationMinutes * 60_000);
}

/** The NCOs hosting a meeting: those assigned to its sector on its date. */
export function hostsOf(store: Store, m: Pick<Meeting, 'sector' | 'start'>) {
  return ncosOfSector(store, m.sector, m.start.slice(0, 10));
}

export function compareMeetings(a: Meeting, b: Meeting): number {
  return (
    startInstant(a).getTime() - startInstant(b).getTime() || Number(a.id.slice(1)) - Number(b.id.slice(1))
  );
}

/** A meeting with its start instant (ms), computed once. */
export interface TimedMeeting {
  meeting: Meeting;
  start: number;
}

/**
 * Meetings as compareMeetings orders them, each start computed once: compareMeetings looks both
 * starts up at every comparison, which shows when sorting a city's thousands of meetings.
 */
export function byStart(meetings: Meeting[]): TimedMeeting[] {
  return meetings
    .map((meeting) => ({ meeting, start: startInstant(meeting).getTime(), n: Number(meeting.id.slice(1)) }))
    .sort((a, b) => a.start - b.start || a.n - b.n)
    .map(({ meeting, start }) => ({ meeting, start }));
}

/** The same order as `.sort(compareMeetings)`, faster on many meetings. */
export function sortMeetings(meetings: Meeting[]): Meeting[] {
  return byStart(meetings).map((t) => t.meeting);
}

/** Scheduled meetings of a sector that have not ended by `now`, soonest first. */
export function upcomingMeetings(
  store: Store,
  now: Date,
  filter: (m: Meeting) => boolean = () => true,
): Meeting[] {
  return store.meetings
    .filter((m) => m.status === 'scheduled' && filter(m) && endInstant(m).getTime() > now.getTime())
    .sort(compareMeetings);
}

export function venueOf(m: Pick<Meeting, 'location' | 'address' | 'onlineUrl'>): string {
  const place = [m.location, m.address].filter(Boolean).join(', ');
  return [place, m.onlineUrl ? `online: ${m.onlineUrl}` : ''].filter(Boolean).join('; ');
}

/** One line naming a meeting: `M3 (75A) Tue Dec 8 2026, 7:00 PM`. */
export function describeMeeting(m: Pick<Meeting, 'id' | 'sector' | 'start'>): string {
  return `${m.id} (${m.sector}) ${friendly(m.start)}`;
}

export function meetingRecord(store: Store, m: Meeting) {
  return recordOf(m, hostsOf(store, m));
}

/** The records of a list of meetings, their hosts found in a roster built once. */
export function meetingRecords(store: Store, meetings: Meeting[]) {
  const hosts = sectorRoster(store);
  return meetings.map((m) => recordOf(m, hosts(m.sector, m.start.slice(0, 10))));
}

function recordOf(m: Meeting, hosts: Nco[]) {
  return {
    id: m.id,
    uuid: m.uuid,
    precinct: m.precinct,
    sector: m.sector,
    title: m.title,
    start: isoWithOffset(startInstant(m)),
    end: isoWithOffset(endInstant(m)),
    durationMinutes: m.durationMinutes,
    status: m.status,
    location: m.location,
    address: m.address,
    onlineUrl: m.onlineUrl,
    seriesId: m.seriesId,
    revision: m.revision,
    attendance: m.attendance,
    notes: m.notes,
    cancelReason: m.cancelReason,
    hosts: hosts.map((n) => n.id),
  };
}

/** Rules for changing a meeting's status; each throws RuleError with the reason. */
export function assertCanChange(m: Meeting, action: 'reschedule' | 'cancel'): void {
  if (m.status === 'cancelled') {
    throw new RuleError(
      `${m.id} is already cancelled${m.cancelReason ? ` (${m.cancelReason})` : ''}`,
      `schedule a new meeting with: nsm meeting schedule --sector ${m.sector} --at …`,
    );
  }
  if (m.status === 'held') {
    throw new RuleError(
      `${m.id} was already held on ${friendly(m.start)}`,
      `a held meeting cannot be ${action === 'cancel' ? 'cancelled' : 'moved'}; schedule a new one instead`,
    );
  }
}

export function assertCanMarkHeld(m: Meeting, now: Date): void {
  if (m.status === 'cancelled')
    throw new RuleError(
      `${m.id} was cancelled, so it cannot have been held`,
      'record attendance on the meeting that took place',
    );
  if (startInstant(m).getTime() > now.getTime()) {
    throw new RuleError(
      `${m.id} has not started yet (${friendly(m.start)})`,
      'mark it held once it has taken place',
    );
  }
}

export interface NewMeeting {
  sector: string;
  precinct: number;
  start: WallTime;
  durationMinutes: number;
  location: string | null;
  address: string | null;
  onlineUrl: string | null;
  title: string | null;
}

/** When and how new records are made: the instant, and a source of random UUIDs. */
export interface Making {
  stamp: string;
  newUuid: () => string;
}

/** Adds meetings to the store with fresh ids and UUIDs; several at once share a new series id. */
export function addMeetings(
  store: Store,
  meetings: NewMeeting[],
  series: boolean,
  making: Making,
): Meeting[] {
  const seriesId = series ? `R${store.nextId.series++}` : null;
  const created: Meeting[] = meetings.map(({ title, ...m }) => ({
    id: `M${store.nextId.meeting++}`,
    uuid: making.newUuid(),
    title: title ?? defaultTitle(m.sector),
    ...m,
    seriesId,
    status: 'scheduled',
    revision: 0,
    attendance: null,
    notes: null,
    cancelReason: null,
    createdAt: making.stamp,
    updatedAt: making.stamp,
  }));
  store.meetings.push(...created);
  return created;
}

export type { WallTime };
