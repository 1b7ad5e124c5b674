import type { Options } from '../../cli/define.js';
import type { schedule } from '../../cli/meeting.js';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { findConflicts, type Candidate, type Conflict } from '../../domain/conflicts.js';
import { dateInNewYork, latestDay, parsePlannedDate } from '../../domain/dates.js';
import { DEFAULT_DURATION, parseDuration } from '../../domain/duration.js';
import { parseSectorId } from '../../domain/ids.js';
import { addMeetings, endInstant, meetingRecord, startInstant } from '../../domain/meetings.js';
import { parseRepeat, planSeries, type SeriesPlan } from '../../domain/recurrence.js';
import { scheduleWarnings } from '../../domain/schedule-warnings.js';
import { findSector } from '../../domain/sectors.js';
import { friendly, parseWallTime } from '../../domain/time.js';
import { changeStore } from '../../store/store.js';
import { loadStore } from '../../store/load.js';
import type { Output } from '../../render/view.js';
import { need } from '../prompt.js';
import { optionalText } from '../text-input.js';
import { parseCount } from './fields.js';
import { askSector } from './prompts.js';
import { refusal } from './refusal.js';
import { meetingTable } from './table.js';
import { chooseVenue } from './venue.js';

export async function run(ctx: Context, options: Options<typeof schedule>): Promise<Output> {
  const today = dateInNewYork(ctx.now());
  const repeat = options.repeat === undefined ? null : parseRepeat(options.repeat);
  const count = options.count === undefined ? undefined : parseCount(options.count);
  const until = options.until === undefined ? undefined : parsePlannedDate(options.until, '--until', today);
  if (count !== undefined && until !== undefined)
    throw new UsageError(
      '--count and --until cannot both be given',
      'end the series one way: --count <n> or --until <date>',
    );
  if (!repeat && (count !== undefined || until !== undefined))
    throw new UsageError(
      `${count !== undefined ? '--count' : '--until'} needs --repeat`,
      'add --repeat quarterly (or monthly, weekly, or an RRULE)',
    );

  const asking = (options.sector === undefined || options.at === undefined) && ctx.interactive;
  const known = asking ? await loadStore(ctx) : null;
  const sector =
    options.sector !== undefined ? parseSectorId(options.sector, '--sector').id : await askSector(ctx, known);
  const at = await need(ctx, options.at, {
    flag: '--at',
    message: 'Date and time (New York), e.g. next tuesday 7pm:',
    parse: (t) => parseWallTime(t, today),
    example: '"2026-12-08 19:00"',
  });
  // --duration is filled from the `duration` setting when not given (see its spec).
  const duration =
    options.duration !== undefined || !asking
      ? parseDuration(options.duration ?? String(DEFAULT_DURATION))
      : await need(ctx, undefined, {
          flag: '--duration',
          message: 'Duration:',
          parse: (t) => parseDuration(t),
          example: '90m',
          default: '60m',
        });
  const { fromSettings, ...venue } = await chooseVenue(ctx, sector, options, asking);
  const title = optionalText(options.title, '--title', 160);
  const plan: SeriesPlan = repeat
    ? planSeries(at, repeat, { count, until }, latestDay(today))
    : { starts: [at], rule: '', notes: [] };

  const { created, overridden, warnings } = await changeStore(
    ctx,
    (store) => {
      const found = findSector(store, sector);
      const candidates = plan.starts.map((start) => ({ sector, start, durationMinutes: duration, ...venue }));
      const conflicts = candidates.flatMap((c, i) => [
        ...findConflicts(store, c, ctx.now()),
        ...overlapsPrevious(candidates, i),
      ]);
      if (conflicts.length > 0 && !options.force) throw refusal(conflicts, ctx.now());
      // Checked before the series is added, so its own meetings do not count as "already meets".
      const warnings = candidates.flatMap((c) => scheduleWarnings(store, c).map((w) => w.message));
      const created = addMeetings(
        store,
        candidates.map((c) => ({ ...c, precinct: found.precinct, title })),
        repeat !== null,
        { stamp: ctx.now().toISOString(), newUuid: ctx.newUuid },
      );
      return { created: created.map((m) => meetingRecord(store, m)), overridden: conflicts, warnings };
    },
    // The sector's meetings, and every meeting around the new ones' days: conflicts are city-wide.
    { sector, meetingsOnly: true, days: plan.starts.map((start) => start.slice(0, 10)) },
  );

  const first = created[0]!;
  const where = fromSettings.length > 0 ? ` (venue from the ${fromSettings.join(' and ')} setting)` : '';
  return {
    json: repeat ? created : first,
    blocks: [meetingTable(created)],
    notices: [
      repeat
        ? `Scheduled ${created.length} meetings for ${sector} (series ${first.seriesId}, ${plan.rule}): ${first.id}–${created.at(-1)!.id}${where}.`
        : `Scheduled ${first.id} for ${sector}${where}.`,
      ...plan.notes.map((n) => `Note: ${n}.`),
    ],
    warnings: [...overridden.map((c) => `scheduled despite a conflict (--force): ${c.message}`), ...warnings],
  };
}

/** The series' own meetings (same sector, same length, in order) must not overlap each other either. */
function overlapsPrevious(candidates: Candidate[], i: number): Conflict[] {
  const previous = candidates[i - 1];
  const current = candidates[i]!;
  if (!previous || startInstant(current) >= endInstant(previous)) return [];
  return [
    {
      kind: 'sector',
      meetingId: null,
      message: `the series overlaps itself: ${friendly(previous.start)} runs into ${friendly(current.start)}`,
    },
  ];
}
