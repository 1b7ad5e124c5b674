import { RuleError } from '../errors.js';
import { compareMeetings, findMeeting, startInstant } from './meetings.js';
import type { Issue, Meeting, Store } from './schema.js';

/**
 * The meeting a change to the ledger is recorded at (a solution agreed, an issue discussed):
 * always one of the issue's sector that took place, that is, not cancelled and already started
 * (whether or not it has been marked held yet).
 */

function tookPlace(meeting: Meeting, now: Date): boolean {
  return meeting.status !== 'cancelled' && startInstant(meeting) <= now;
}

/** The sector's latest meeting that took place, from the one where the issue was raised on; null if none. */
export function latestMeetingOf(store: Store, sector: string, raisedAt: string, now: Date): Meeting | null {
  const raised = store.meetings.find((m) => m.id === raisedAt);
  const past = store.meetings
    .filter(
      (m) => m.sector === sector && tookPlace(m, now) && (!raised || startInstant(m) >= startInstant(raised)),
    )
    .sort(compareMeetings);
  return past.at(-1) ?? null;
}

/**
 * A meeting named with --meeting: it must exist (4), be of the issue's sector, have taken place,
 * and not come before the meeting where the issue was raised (3).
 */
export function meetingThatTookPlace(
  store: Store,
  id: string,
  issue: Pick<Issue, 'id' | 'sector' | 'meetingId'>,
  now: Date,
): Meeting {
  const meeting = findMeeting(store, id);
  if (meeting.sector !== issue.sector)
    throw new RuleError(
      `${meeting.id} is a meeting of ${meeting.sector}, and ${issue.id} belongs to ${issue.sector}`,
      `name a meeting of ${issue.sector} (nsm meeting list --sector ${issue.sector})`,
    );
  if (meeting.status === 'cancelled')
    throw new RuleError(
      `${meeting.id} was cancelled, so nothing was discussed there`,
      'leave out --meeting, or name the meeting that took place',
    );
  if (!tookPlace(meeting, now))
    throw new RuleError(`${meeting.id} has not taken place yet`, 'record it at or after the meeting');
  const raised = store.meetings.find((m) => m.id === issue.meetingId);
  if (raised && startInstant(meeting) < startInstant(raised))
    throw new RuleError(
      `${meeting.id} came before ${issue.id} was raised (at ${raised.id})`,
      `name ${raised.id} or a later meeting of ${issue.sector}`,
    );
  return meeting;
}
