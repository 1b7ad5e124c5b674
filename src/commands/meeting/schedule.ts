import type { Context } from '../../context.js';
import { RuleError, UsageError } from '../../errors.js';
import { findConflicts, type Conflict } from '../../domain/conflicts.js';
import { dateInNewYork, parseDateFlag } from '../../domain/dates.js';
import { DEFAULT_DURATION, parseDuration } from '../../domain/duration.js';
import { parsePrecinctNumber, parseSectorId } from '../../domain/ids.js';
import { addMeetings, endInstant, meetingRecord, startInstant } from '../../domain/meetings.js';
import { ncosOfSector } from '../../domain/ncos.js';
import { findPrecinct } from '../../domain/precincts.js';
import { sectorsOf } from '../../domain/records.js';
import { parseRepeat, planSeries, type SeriesPlan } from '../../domain/recurrence.js';
import type { Store } from '../../domain/schema.js';
import { findSector } from '../../domain/sectors.js';
import { friendly, parseWallTime } from '../../domain/time.js';
import { changeStore, loadStore } from '../../store/store.js';
import type { Output } from '../../render/view.js';
import { choose, need } from '../prompt.js';
import { optionalText } from '../text-input.js';
import { parseCount, parseVenue } from './fields.js';
import { meetingTable } from './table.js';

export interface MeetingScheduleOptions {
  sector?: string;
  at?: string;
  duration?: string;
  location?: string;
  address?: string;
  online?: string;
  title?: string;
  repeat?: string;
  count?: string;
  until?: string;
  force?: boolean;
}

export async function run(ctx: Context, options: MeetingScheduleOptions): Promise<Output> {
  const today = dateInNewYork(ctx.now());
  const repeat = options.repeat === undefined ? null : parseRepeat(options.repeat);
  const count = options.count === undefined ? undefined : parseCount(options.count);
  const until = options.until === undefined ? undefined : parseDateFlag(options.until, '--until', today);
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

  const asking = ctx.interactive && (options.sector === undefined || options.at === undefined);
  const known = asking ? await loadStore(ctx) : null;
  const sector =
    options.sector !== undefined ? parseSectorId(options.sector, '--sector').id : await askSector(ctx, known);
  const at = await need(ctx, options.at, {
    flag: '--at',
    message: 'Date and time (New York), e.g. 2026-12-08 7pm:',
    parse: (t) => parseWallTime(t, today),
    example: '"2026-12-08 19:00"',
  });
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
  const venueInput = { ...options };
  if (asking && options.location === undefined && options.online === undefined) {
    const { input } = await import('@inquirer/prompts');
    venueInput.location = await input(
      { message: 'Venue (leave empty to decide later):' },
      { output: ctx.stderr },
    );
  }
  const venue = parseVenue(venueInput);
  const title = optionalText(options.title, '--title', 160);
  const plan: SeriesPlan = repeat
    ? planSeries(at, repeat, { count, until })
    : { starts: [at], rule: '', notes: [] };

  const { created, overridden } = await changeStore(ctx, (store) => {
    const found = findSector(store, sector);
    const candidates = plan.starts.map((start) => ({ sector, start, durationMinutes: duration, ...venue }));
    const conflicts = candidates.flatMap((c, i) => [
      ...findConflicts(store, c, ctx.now()),
      // The series' own meetings (same sector, same length, in order) must not overlap each other either.
      ...(i > 0 && startInstant(c) < endInstant(candidates[i - 1]!)
        ? [
            {
              kind: 'sector' as const,
              meetingId: null,
              message: `the series overlaps itself: ${friendly(candidates[i - 1]!.start)} runs into ${friendly(c.start)}`,
            },
          ]
        : []),
    ]);
    if (conflicts.length > 0 && !options.force) throw refusal(conflicts);
    const created = addMeetings(
      store,
      candidates.map((c) => ({ ...c, precinct: found.precinct, title })),
      repeat !== null,
      ctx.now().toISOString(),
    );
    return { created: created.map((m) => meetingRecord(store, m)), overridden: conflicts };
  });

  const first = created[0]!;
  return {
    json: repeat ? created : first,
    blocks: [meetingTable(created)],
    notices: [
      repeat
        ? `Scheduled ${created.length} meetings for ${sector} (series ${first.seriesId}, ${plan.rule}): ${first.id}–${created.at(-1)!.id}.`
        : `Scheduled ${first.id} for ${sector}.`,
      ...plan.notes.map((n) => `Note: ${n}.`),
    ],
    warnings: overridden.map((c) => `scheduled despite a conflict (--force): ${c.message}`),
  };
}

export function refusal(conflicts: Conflict[]): RuleError {
  const more = conflicts.length > 1 ? ` (and ${conflicts.length - 1} more)` : '';
  return new RuleError(
    `${conflicts[0]!.message}${more}`,
    'pick another time or venue, or add --force to schedule it anyway',
  );
}

async function askSector(ctx: Context, store: Store | null): Promise<string> {
  if (!store) throw new UsageError('missing --sector', 'give it, for example --sector 75A');
  const precinct = await need(ctx, undefined, {
    flag: '--sector',
    message: 'Precinct number:',
    parse: (t) => {
      const n = parsePrecinctNumber(t);
      findPrecinct(store, n);
      if (sectorsOf(store, n).length === 0)
        throw new UsageError(`precinct ${n} has no sectors`, `add them with: nsm sector add ${n}A`);
      return n;
    },
    example: '75A',
  });
  const today = dateInNewYork(ctx.now());
  return choose(
    ctx,
    'Sector:',
    sectorsOf(store, precinct).map((s) => {
      const ncos = ncosOfSector(store, s.id, today).map((n) => n.name);
      return { value: s.id, name: `${s.id}${ncos.length ? ` — ${ncos.join(', ')}` : ''}` };
    }),
  );
}
