import type { Options } from '../cli/define.js';
import type { calendar } from '../cli/calendar.js';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { calendarView, type CalendarScope, type DateRange } from '../domain/calendar-view.js';
import { dateInNewYork, parseDateFlag } from '../domain/dates.js';
import { parseMeetingId, parsePrecinctNumber, parseSectorId } from '../domain/ids.js';
import { findMeeting } from '../domain/meetings.js';
import { findPrecinct } from '../domain/precincts.js';
import type { Store } from '../domain/schema.js';
import { findSector } from '../domain/sectors.js';
import { calendarDomain } from '../settings/values.js';
import { loadStore } from '../store/load.js';
import type { StoreSlice } from '../store/slice.js';
import type { Output } from '../render/view.js';
import { refuseStoreFiles, writeAtomically } from './output-file.js';
import { writeSplit } from './calendar/split.js';

type CalendarOptions = Options<typeof calendar>;

/** The part of a database store a calendar is drawn from: its precinct, sector or meeting's sector. */
function sliceOf(scope: CalendarScope): StoreSlice | undefined {
  if (scope.kind === 'all') return undefined;
  if (scope.kind === 'precinct') return { precinct: scope.precinct };
  if (scope.kind === 'sector') return { sector: scope.sector };
  return { meeting: scope.meeting };
}

export async function run(ctx: Context, options: CalendarOptions): Promise<Output> {
  const scope = parseCalendarScope(options);
  const range = parseRange(options, dateInNewYork(ctx.now()));
  const domain = calendarDomain(ctx.settings);
  if (options.split !== undefined) {
    if (scope.kind === 'sector' || scope.kind === 'meeting' || options.output !== undefined)
      throw new UsageError(
        `--split writes every sector and precinct of a precinct (or all), so it takes no ${scope.kind === 'sector' ? '--sector' : scope.kind === 'meeting' ? '--meeting' : '-o'}`,
        'give --split <folder> with --precinct <pct> or --precinct all, or leave out --split',
      );
    await refuseStoreFiles(ctx.storePath, options.split, '--split');
    const store = await loadStore(ctx);
    if (scope.kind === 'precinct') findPrecinct(store, scope.precinct);
    return writeSplit(
      options.split,
      store,
      scope.kind === 'precinct' ? scope.precinct : undefined,
      range,
      domain,
    );
  }
  const store = await loadStore(ctx, sliceOf(scope));
  assertExists(store, scope);
  const view = calendarView(store, scope, range, domain);
  const { renderICalendar } = await import('../render/icalendar.js');
  const ics = renderICalendar(view);
  const file = options.output === undefined || options.output === '-' ? null : options.output;
  if (file !== null) {
    await refuseStoreFiles(ctx.storePath, file, '-o');
    await writeAtomically(file, ics, Boolean(options.force), 'choose another -o file');
  }
  const cancelled = view.events.filter((e) => e.cancelled).length;
  const count = `${view.events.length} meeting${view.events.length === 1 ? '' : 's'}${cancelled > 0 ? `, ${cancelled} cancelled` : ''}`;
  return {
    json: {
      name: view.name,
      scope,
      ...range,
      output: file,
      events: view.events.length,
      cancelled,
      meetings: view.events.map((e) => e.meetingId),
      ...(file === null ? { ics } : {}),
    },
    blocks: [],
    // Byte for byte (CRLF included): the text renderers would show its carriage returns as escapes.
    ...(file === null ? { document: ics } : {}),
    notices: file !== null ? [`Wrote ${view.name} (${count}) to ${file}.`] : [],
  };
}

/** One of --precinct (a number or all), --sector, --meeting; none is every precinct. */
function parseCalendarScope(options: CalendarOptions): CalendarScope {
  const given = (['precinct', 'sector', 'meeting'] as const).filter((key) => options[key] !== undefined);
  if (given.length > 1)
    throw new UsageError(
      `give one scope, not ${given.map((key) => `--${key}`).join(' and ')}`,
      'a calendar is of one precinct (or all), one sector or one meeting',
    );
  if (options.sector !== undefined)
    return { kind: 'sector', sector: parseSectorId(options.sector, '--sector').id };
  if (options.meeting !== undefined) return { kind: 'meeting', meeting: parseMeetingId(options.meeting) };
  if (options.precinct === undefined || options.precinct.trim().toLowerCase() === 'all')
    return { kind: 'all' };
  return { kind: 'precinct', precinct: parsePrecinctNumber(options.precinct, '--precinct') };
}

function parseRange(options: CalendarOptions, today: string): DateRange {
  const from = options.from === undefined ? undefined : parseDateFlag(options.from, '--from', today);
  const to = options.to === undefined ? undefined : parseDateFlag(options.to, '--to', today);
  if (from !== undefined && to !== undefined && to < from)
    throw new UsageError(`--to ${to} is before --from ${from}`, 'swap them');
  return { ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) };
}

/** A scope naming a precinct, sector or meeting that is not in the store is not found (exit 4). */
function assertExists(store: Store, scope: CalendarScope): void {
  if (scope.kind === 'precinct') findPrecinct(store, scope.precinct);
  if (scope.kind === 'sector') findSector(store, scope.sector);
  if (scope.kind === 'meeting') findMeeting(store, scope.meeting);
}
