import { clockTime, wallOf } from '../../domain/time.js';
import { longDate } from '../../domain/calendar.js';
import type { PrintedDocument } from '../document/model.js';

/** What every printed document says of its meeting at the top. */
export interface MeetingHeading {
  meetingId: string;
  precinctName: string;
  sector: string;
  /** ISO 8601 with offset. */
  start: string;
  end: string;
  location: string | null;
  address: string | null;
  onlineUrl: string | null;
}

/** The New York date of an ISO instant, as YYYY-MM-DD. */
export function dayOf(iso: string): string {
  return wallOf(new Date(iso)).slice(0, 10);
}

/** `7:00 PM`. */
export function timeOf(iso: string): string {
  return clockTime(wallOf(new Date(iso)));
}

/** `Tuesday, December 8, 2026, 7:00 PM`. */
export function dateAndTime(iso: string): string {
  return `${longDate(dayOf(iso))}, ${timeOf(iso)}`;
}

/** Precinct, sector, date, time, place, online link and meeting id, as the facts under a title. */
export function meetingFacts(m: MeetingHeading): PrintedDocument['facts'] {
  const place = [m.location, m.address].filter(Boolean).join(', ');
  const sameDay = dayOf(m.start) === dayOf(m.end);
  const facts = [
    { label: 'Precinct', value: m.precinctName },
    { label: 'Sector', value: m.sector },
    { label: 'Date', value: longDate(dayOf(m.start)) },
    {
      label: 'Time',
      value: `${timeOf(m.start)} – ${sameDay ? timeOf(m.end) : dateAndTime(m.end)} (New York time)`,
    },
    { label: 'Place', value: place || (m.onlineUrl ? 'online only' : 'to be announced') },
  ];
  if (m.onlineUrl) facts.push({ label: 'Online', value: m.onlineUrl });
  facts.push({ label: 'Meeting', value: m.meetingId });
  return facts;
}
