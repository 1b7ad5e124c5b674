import type { Options } from '../../cli/define.js';
import type { reschedule } from '../../cli/meeting.js';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { findConflicts, type Candidate, type Conflict } from '../../domain/conflicts.js';
import { dateInNewYork } from '../../domain/dates.js';
import { parseDuration } from '../../domain/duration.js';
import { assertCanChange, findMeeting, meetingRecord } from '../../domain/meetings.js';
import { parseMeetingId } from '../../domain/ids.js';
import {
  describeChanges,
  planReschedule,
  type MeetingChange,
  type ReschedulePlan,
} from '../../domain/reschedule.js';
import { scheduleWarnings } from '../../domain/schedule-warnings.js';
import type { Store } from '../../domain/schema.js';
import { parseWallTime } from '../../domain/time.js';
import { changeStore } from '../../store/store.js';
import { loadStore } from '../../store/load.js';
import type { Output } from '../../render/view.js';
import { parseVenue } from './fields.js';
import { meetingFields } from './record-fields.js';
import { refusal } from './refusal.js';

const FLAGS = '--at, --duration, --location, --address or --online';

export async function run(ctx: Context, options: Options<typeof reschedule>): Promise<Output> {
  const id = parseMeetingId(options.meeting);
  const change = parseChange(options, dateInNewYork(ctx.now()));
  if (Object.keys(change).length === 0)
    throw new UsageError(`nothing to change for ${id}`, `give at least one of ${FLAGS}`);

  // Looked at first, so a change that changes nothing writes nothing (and leaves no undo step).
  const preview = await loadStore(ctx, { meeting: id, meetingsOnly: true });
  if (plan(preview, id, change).changed.length === 0) return unchanged(preview, id);
  // The meeting's sector, and every meeting around its new day: conflicts are city-wide.
  const day = (change.start ?? findMeeting(preview, id).start).slice(0, 10);

  const result = await changeStore(
    ctx,
    (store) => {
      const meeting = findMeeting(store, id);
      const before = { ...meeting };
      const planned = plan(store, id, change);
      const conflicts = newConflicts(store, meeting, planned.after, ctx.now());
      if (conflicts.length > 0 && !options.force) throw refusal(conflicts, ctx.now());
      const warnings = newWarnings(store, planned);
      const { id: _id, sector: _sector, ...fields } = planned.after;
      Object.assign(meeting, fields, { revision: meeting.revision + 1, updatedAt: ctx.now().toISOString() });
      return {
        record: meetingRecord(store, meeting),
        page: meetingFields(store, meeting),
        summary: describeChanges(before, planned),
        dropped: planned.droppedAddress,
        overridden: conflicts,
        warnings,
      };
    },
    { meeting: id, meetingsOnly: true, days: [day] },
  );
  const { record } = result;
  return {
    json: record,
    blocks: [result.page],
    notices: [`Rescheduled ${record.id} (${record.sector}): ${result.summary}; revision ${record.revision}.`],
    warnings: [
      ...result.overridden.map((c) => `rescheduled despite a conflict (--force): ${c.message}`),
      ...(result.dropped
        ? [`the address "${result.dropped}" went with the old venue; give --address for the new one`]
        : []),
      ...result.warnings,
    ],
  };
}

function parseChange(options: Options<typeof reschedule>, today: string): MeetingChange {
  const venue = parseVenue(options);
  return {
    ...(options.at !== undefined ? { start: parseWallTime(options.at, today) } : {}),
    ...(options.duration !== undefined ? { durationMinutes: parseDuration(options.duration) } : {}),
    ...(options.location !== undefined ? { location: venue.location } : {}),
    ...(options.address !== undefined ? { address: venue.address } : {}),
    ...(options.online !== undefined ? { onlineUrl: venue.onlineUrl } : {}),
  };
}

function plan(store: Store, id: string, change: MeetingChange) {
  const meeting = findMeeting(store, id);
  assertCanChange(meeting, 'reschedule');
  return planReschedule(meeting, change);
}

/**
 * The conflicts the change brings. One the meeting already had (forced when it was scheduled,
 * or a start already past when only the venue changes) does not stop a change that keeps it.
 */
function newConflicts(store: Store, meeting: Candidate, after: Candidate, now: Date): Conflict[] {
  // A past start is keyed by its time: moving to another past time is a new conflict.
  const key = (c: Conflict) => (c.kind === 'past' ? c.message : `${c.kind} ${c.meetingId ?? ''}`);
  const had = new Set(findConflicts(store, meeting, now).map(key));
  return findConflicts(store, after, now).filter((c) => !had.has(key(c)));
}

/** A new time is checked as a new meeting would be; a new length only for the hours it runs. */
function newWarnings(store: Store, planned: ReschedulePlan): string[] {
  const kinds = planned.changed.includes('time') ? null : planned.changed.includes('length') ? ['hours'] : [];
  return scheduleWarnings(store, planned.after)
    .filter((w) => kinds === null || kinds.includes(w.kind))
    .map((w) => w.message);
}

function unchanged(store: Store, id: string): Output {
  const meeting = findMeeting(store, id);
  return {
    json: meetingRecord(store, meeting),
    blocks: [meetingFields(store, meeting)],
    notices: [
      `Nothing to change: ${id} already has the time, length and venue given (revision ${meeting.revision}).`,
    ],
  };
}
