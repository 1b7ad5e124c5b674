import type { Context } from '../../context.js';
import { plural } from '../../render/text.js';
import type { Options } from '../../cli/define.js';
import type { issues } from '../../cli/report.js';
import { UsageError } from '../../errors.js';
import { dateInNewYork } from '../../domain/dates.js';
import { findPrecinct } from '../../domain/precincts.js';
import { parseAsOf } from '../../domain/reports/as-of.js';
import {
  issuesReport,
  type IssuesReport,
  type Period,
  type ReportScope,
  type StatusCounts,
} from '../../domain/reports/issues.js';
import type { Store } from '../../domain/schema.js';
import { findSector } from '../../domain/sectors.js';
import { heading, table, text, type Block, type Output } from '../../render/view.js';
import { loadStore } from '../../store/load.js';
import { sliceOfScope } from '../../store/slice.js';
import { assertScopeExists, parseScope } from '../scope.js';

export async function run(ctx: Context, options: Options<typeof issues>): Promise<Output> {
  if (options.precinct !== undefined && options.sector !== undefined)
    throw new UsageError(
      'give --precinct or --sector, not both',
      'a sector already names its precinct: --sector 75A',
    );
  const today = dateInNewYork(ctx.now());
  const period = parsePeriod(options, today);
  const scope = parseScope(options);
  const store = await loadStore(ctx, sliceOfScope(scope));
  assertScopeExists(store, scope);
  const reportScope: ReportScope = {
    precinct:
      scope.sector === undefined ? (scope.precinct ?? null) : findSector(store, scope.sector).precinct,
    sector: scope.sector ?? null,
  };
  const report = issuesReport(store, reportScope, period, today);
  return { json: report, blocks: [...title(store, report), ...sections(report)] };
}

function parsePeriod(options: { from?: string; to?: string }, today: string): Period {
  const from = options.from === undefined ? null : parseAsOf(options.from, today, '--from');
  const to = options.to === undefined ? null : parseAsOf(options.to, today, '--to');
  if (from !== null && to !== null && to < from)
    throw new UsageError(`--from ${from} is after --to ${to}`, 'swap them');
  return { from, to };
}

/** Where (a heading: it holds a stored name, which Markdown escapes), then which issues as of when. */
function title(store: Store, report: IssuesReport): Block[] {
  const { scope, period } = report;
  const where =
    scope.sector !== null
      ? `Sector ${scope.sector}`
      : scope.precinct !== null
        ? `Precinct ${scope.precinct} (${findPrecinct(store, scope.precinct).name})`
        : 'All precincts';
  const when =
    period.from !== null && period.to !== null
      ? `raised ${period.from} to ${period.to}`
      : period.from !== null
        ? `raised on or after ${period.from}`
        : period.to !== null
          ? `raised on or before ${period.to}`
          : 'raised on any date';
  return [heading(`Issues report: ${where}`), text(`Issues ${when}; status as of ${report.asOf}.`)];
}

const STATUS_COLUMNS = ['Open', 'In progress', 'Resolved', 'Closed'];
const statusCells = (c: Omit<StatusCounts, 'total'>) => [c.open, c.inProgress, c.resolved, c.closed];

function sections(report: IssuesReport): Block[] {
  const { byCategory, totals, bySector, resolution, oldestOpen, overdueSolutions, meetings } = report;
  const openTotal = totals.open + totals.inProgress;
  return [
    heading('Issues by category and status'),
    table(
      ['Category', ...STATUS_COLUMNS, 'Total'],
      byCategory.length === 0
        ? []
        : [
            ...byCategory.map((c) => [c.category, ...statusCells(c), c.total]),
            ['Total', ...statusCells(totals), totals.total],
          ],
      'No issue was raised in this period.',
    ),
    heading('Issues by sector'),
    table(
      ['Sector', 'Raised', ...STATUS_COLUMNS],
      bySector.map((s) => [s.sector, s.raised, ...statusCells(s)]),
      'No sector raised an issue in this period.',
    ),
    heading('Time to resolution'),
    text(
      resolution.median === null
        ? 'No issue raised in this period is resolved or closed yet.'
        : `Median ${plural(resolution.median, 'day')} from raised to resolved or closed, ` +
            `over ${plural(resolution.count, 'issue')}.`,
    ),
    heading(counted('Oldest open issues', oldestOpen.length, openTotal)),
    table(
      ['ID', 'Sector', 'Category', 'Status', 'Raised', 'Days open', 'Summary'],
      oldestOpen.map((i) => [
        i.id,
        i.sector,
        i.category,
        i.status,
        i.raisedOn,
        i.daysOpen,
        i.summary ?? '(private)',
      ]),
      'No issue is open.',
    ),
    heading(counted('Overdue solutions', overdueSolutions.length, overdueSolutions.length)),
    table(
      ['ID', 'Issue', 'Sector', 'Summary', 'Owner', 'Due', 'Days overdue'],
      overdueSolutions.map((s) => [
        s.id,
        s.issueId,
        s.sector,
        s.summary ?? '(private)',
        s.owner ?? (s.private ? '(private)' : null),
        s.due,
        s.daysOverdue,
      ]),
      'No solution is overdue.',
    ),
    heading(counted('Meetings held', meetings.length, meetings.length)),
    table(
      ['Meeting', 'Sector', 'Date', 'Raised', 'Resolved'],
      meetings.map((m) => [m.id, m.sector, m.date, m.raised, m.resolved]),
      'No meeting was held in this period.',
    ),
  ];
}

/** "Oldest open issues (3)", or "(10 of 14)" when the list is cut. */
function counted(label: string, shown: number, total: number): string {
  if (total === 0) return label;
  return `${label} (${shown === total ? total : `${shown} of ${total}`})`;
}
