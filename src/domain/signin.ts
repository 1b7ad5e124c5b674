import type { Meeting, Store } from './schema.js';
import { followingMeeting } from './carry-forward.js';
import { endInstant, hostsOf, startInstant, venueOf } from './meetings.js';
import { isoWithOffset } from './time.js';

/** What a sign-in sheet prints: the meeting, the sector's NCOs and its next meeting. */
export interface SigninView {
  meetingId: string;
  title: string;
  precinctName: string;
  sector: string;
  start: string;
  end: string;
  location: string | null;
  address: string | null;
  onlineUrl: string | null;
  ncos: Array<{ rank: string; name: string }>;
  next: { id: string; start: string; venue: string } | null;
}

export function signinView(store: Store, meeting: Meeting): SigninView {
  const next = followingMeeting(store, meeting);
  return {
    meetingId: meeting.id,
    title: meeting.title,
    precinctName:
      store.precincts.find((p) => p.precinct === meeting.precinct)?.name ?? `Precinct ${meeting.precinct}`,
    sector: meeting.sector,
    start: isoWithOffset(startInstant(meeting)),
    end: isoWithOffset(endInstant(meeting)),
    location: meeting.location,
    address: meeting.address,
    onlineUrl: meeting.onlineUrl,
    ncos: hostsOf(store, meeting).map((n) => ({ rank: n.rank, name: n.name })),
    next: next ? { id: next.id, start: isoWithOffset(startInstant(next)), venue: venueOf(next) } : null,
  };
}
