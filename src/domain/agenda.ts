import type { Meeting, Store } from './schema.js';
import { LedgerIndex, followingMeeting, meetingsDiscussed, oldBusiness } from './carry-forward.js';
import { endInstant, hostsOf, startInstant, venueOf } from './meetings.js';
import { isOverdue } from './solutions.js';
import { isoWithOffset } from './time.js';

/** Everything an agenda prints, already made safe for the public: private issues keep only their category and progress. */
export interface AgendaView {
  meetingId: string;
  title: string;
  sector: string;
  precinct: number;
  precinctName: string;
  /** ISO 8601 with the New York offset: `2026-12-08T19:00:00-05:00`. */
  start: string;
  end: string;
  venue: string;
  location: string | null;
  address: string | null;
  onlineUrl: string | null;
  hosts: string[];
  oldBusiness: Array<{
    id: string;
    category: string;
    /** Null for a private issue: its text stays out of public documents. */
    summary: string | null;
    location: string | null;
    status: string;
    raisedOn: string;
    raisedAt: string;
    daysOpen: number;
    meetingsOpen: number;
    /** Earlier meetings where it was discussed (carried in, or noted), the one where it was raised left out. */
    discussedAt: string[];
    solutions: Array<{
      id: string;
      summary: string | null;
      owner: string | null;
      due: string | null;
      status: string;
      overdue: boolean;
    }>;
  }>;
  next: { id: string; start: string; end: string; venue: string } | null;
}

export function agendaView(store: Store, meeting: Meeting): AgendaView {
  const precinct = store.precincts.find((p) => p.precinct === meeting.precinct);
  const day = meeting.start.slice(0, 10);
  const next = followingMeeting(store, meeting);
  const names = new Map(store.ncos.map((n) => [n.id, n.name]));
  const ownerName = (owner: string | null) => (owner === null ? null : (names.get(owner) ?? owner));
  // Shared by the old business and every carried issue's discussions.
  const ledger = new LedgerIndex(store);
  return {
    meetingId: meeting.id,
    title: meeting.title,
    sector: meeting.sector,
    precinct: meeting.precinct,
    precinctName: precinct?.name ?? `Precinct ${meeting.precinct}`,
    ...span(meeting),
    venue: venueOf(meeting) || 'venue to be announced',
    location: meeting.location,
    address: meeting.address,
    onlineUrl: meeting.onlineUrl,
    hosts: hostsOf(store, meeting).map((n) => `${n.rank} ${n.name}`),
    oldBusiness: oldBusiness(store, meeting, ledger).map((c) => ({
      id: c.issue.id,
      category: c.issue.category,
      summary: c.issue.private ? null : c.issue.summary,
      location: c.issue.private ? null : c.issue.location,
      status: c.status,
      raisedOn: c.issue.raisedOn,
      raisedAt: c.raisedAt.id,
      daysOpen: c.daysOpen,
      meetingsOpen: c.meetingsOpen,
      discussedAt: meetingsDiscussed(store, c.issue, ledger)
        .filter((m) => m.id !== c.raisedAt.id && startInstant(m) < startInstant(meeting))
        .map((m) => m.id),
      solutions: c.solutions.map((s) => ({
        id: s.id,
        summary: c.issue.private ? null : s.summary,
        owner: s.ownerKind === 'community' && c.issue.private ? null : ownerName(s.owner),
        due: s.due,
        status: s.status,
        overdue: isOverdue(s, day),
      })),
    })),
    next: next ? { id: next.id, ...span(next), venue: venueOf(next) || 'venue to be announced' } : null,
  };
}

function span(meeting: Meeting): { start: string; end: string } {
  return { start: isoWithOffset(startInstant(meeting)), end: isoWithOffset(endInstant(meeting)) };
}
