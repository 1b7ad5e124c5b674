import type { Candidate } from './conflicts.js';
import { formatDuration } from './duration.js';
import { venueOf } from './meetings.js';
import type { Meeting } from './schema.js';
import { friendly, type WallTime } from './time.js';

/** What `meeting reschedule` was asked to change; a field left out is kept. */
export interface MeetingChange {
  start?: WallTime;
  durationMinutes?: number;
  /** null clears it. */
  location?: string | null;
  address?: string | null;
  onlineUrl?: string | null;
}

export type ChangedPart = 'time' | 'length' | 'venue';

export interface ReschedulePlan {
  /** The meeting as it would be, ready for the conflict check. */
  after: Candidate & { id: string };
  changed: ChangedPart[];
  /** The old address, dropped because the venue name changed to another place and no --address was given. */
  droppedAddress: string | null;
}

/**
 * Applies a change to a copy of the meeting. A new venue name is another place, so the old
 * address goes with the old name unless an address is given too: a kept address would send
 * people to the wrong door. Renaming in another case or spacing is the same place.
 */
export function planReschedule(meeting: Meeting, change: MeetingChange): ReschedulePlan {
  const newPlace = change.location !== undefined && placeKey(change.location) !== placeKey(meeting.location);
  const address = change.address !== undefined ? change.address : newPlace ? null : meeting.address;
  const after = {
    id: meeting.id,
    sector: meeting.sector,
    start: change.start ?? meeting.start,
    durationMinutes: change.durationMinutes ?? meeting.durationMinutes,
    location: change.location !== undefined ? change.location : meeting.location,
    address,
    onlineUrl: change.onlineUrl !== undefined ? change.onlineUrl : meeting.onlineUrl,
  };
  const changed: ChangedPart[] = [];
  if (after.start !== meeting.start) changed.push('time');
  if (after.durationMinutes !== meeting.durationMinutes) changed.push('length');
  if (venueOf(after) !== venueOf(meeting)) changed.push('venue');
  const dropped = change.address === undefined && newPlace && meeting.address !== null;
  return { after, changed, droppedAddress: dropped ? meeting.address : null };
}

/** "moved from Tue Mar 9 2027, 7:00 PM to Tue Mar 2 2027, 7:00 PM; venue now Library (was Community Room)". */
export function describeChanges(before: Meeting, plan: ReschedulePlan): string {
  const { after } = plan;
  const parts: string[] = [];
  if (plan.changed.includes('time'))
    parts.push(`moved from ${friendly(before.start)} to ${friendly(after.start)}`);
  if (plan.changed.includes('length'))
    parts.push(
      `length now ${formatDuration(after.durationMinutes)} (was ${formatDuration(before.durationMinutes)})`,
    );
  const [place, was] = [placeOf(after), placeOf(before)];
  if (place !== was) parts.push(`venue now ${place || 'to be announced'} (was ${was || 'to be announced'})`);
  if (after.onlineUrl !== before.onlineUrl)
    parts.push(
      after.onlineUrl
        ? `online link now ${after.onlineUrl}${before.onlineUrl ? ` (was ${before.onlineUrl})` : ''}`
        : `online link ${before.onlineUrl} removed`,
    );
  return parts.join('; ');
}

/** The place alone: name and address, without the online link. */
function placeOf(m: Pick<Meeting, 'location' | 'address'>): string {
  return venueOf({ ...m, onlineUrl: null });
}

function placeKey(name: string | null): string {
  return (name ?? '').toLowerCase().replace(/\s+/g, ' ').trim();
}
