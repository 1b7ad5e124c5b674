import { readFile } from 'node:fs/promises';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Context } from '../../context.js';
import { plural } from '../../render/text.js';
import type { Options } from '../../cli/define.js';
import type { rollout } from '../../cli/report.js';
import { UsageError } from '../../errors.js';
import { longDate } from '../../domain/calendar.js';
import { dateInNewYork } from '../../domain/dates.js';
import { parseAsOf } from '../../domain/reports/as-of.js';
import {
  rolloutReport,
  type RolloutGrouping,
  type RolloutReport,
  type RolloutWave,
} from '../../domain/reports/rollout.js';
import { dataFile } from '../../reference/reference.js';
import { rolloutTimeline, waveName } from '../../render/rollout-timeline.js';
import { fields, heading, table, text, type Block, type Cell, type Output } from '../../render/view.js';
import { loadStore } from '../../store/load.js';
import { refuseStoreFiles, writeAtomically } from '../output-file.js';

type RolloutOptions = Options<typeof rollout>;

export async function run(ctx: Context, options: RolloutOptions): Promise<Output> {
  const svg = options.format === 'svg';
  if (!svg) refuseSvgFlags(options);
  const today = dateInNewYork(ctx.now());
  const asOf = options.asOf === undefined ? today : parseAsOf(options.asOf, today);
  const store = await loadStore(ctx);
  const report = rolloutReport(store, asOf, options.by ?? 'borough');
  if (svg) return picture(ctx, report, options);
  return {
    json: report,
    blocks: ctx.format === 'table' ? forTerminal(report, ctx.width) : forFiles(report),
  };
}

/** --chart and -o are about the picture; the record formats go to stdout, where a shell can redirect them. */
function refuseSvgFlags(options: RolloutOptions): void {
  if (options.chart)
    throw new UsageError(
      '--chart draws the rollout as an SVG line chart, so it needs --format svg',
      'add --format svg: nsm report rollout --format svg --chart -o rollout-chart.svg',
    );
  if (options.output !== undefined)
    throw new UsageError(
      '-o writes the SVG picture; tables and data go to stdout',
      'add --format svg for a picture, or redirect stdout, e.g. nsm report rollout --format csv > rollout.csv',
    );
}

const GROUP_TITLES: Record<RolloutGrouping, string> = {
  borough: 'Borough',
  'patrol-borough': 'Patrol borough',
  phase: 'Phase',
};

/** On a terminal the share sits beside the count, which leaves room for "Patrol Borough Brooklyn North". */
function groupTable(report: RolloutReport, terminal: boolean): Block {
  const name = GROUP_TITLES[report.by];
  const empty = 'No precinct existed on that date.';
  return terminal
    ? table(
        [name, 'Total', 'Active', 'Pending', 'Unknown'],
        report.groups.map((g) => [
          g.name,
          g.total,
          `${g.active} (${g.percentActive}%)`,
          g.pending,
          g.unknown,
        ]),
        empty,
      )
    : table(
        [name, 'Total', 'Active', 'Pending', 'Unknown', '% active'],
        report.groups.map((g) => [g.name, g.total, g.active, g.pending, g.unknown, g.percentActive]),
        empty,
      );
}

/** For a person: the counts in words, the groups, and the waves as a bar chart. */
function forTerminal(report: RolloutReport, width: number): Block[] {
  return [
    heading(`Neighborhood Policing rollout as of ${longDate(report.asOf)}`),
    fields(summaryFields(report)),
    heading(`By ${GROUP_TITLES[report.by].toLowerCase()}`),
    groupTable(report, true),
    heading('Waves: precincts active once each had started'),
    text(rolloutTimeline(report.waves, report.asOf, width)),
  ];
}

function summaryFields(report: RolloutReport): Array<[string, Cell]> {
  const next = report.waves.find((w) => w.afterAsOf);
  const unknown = report.precincts.filter((p) => p.status === 'unknown');
  const entries: Array<[string, Cell]> = [
    ['Active', `${report.active} of ${plural(report.total, 'precinct')} (${report.percentActive}%)`],
    ['Pending', `${report.pending}${next ? `; the next wave, ${nextWave(next)}` : ''}`],
    [
      'Unknown',
      unknown.length === 0
        ? '0'
        : `${unknown.length}, no recorded start date: ${unknown.map((p) => `${p.name} (${p.precinct})`).join(', ')}`,
    ],
  ];
  if (report.notYetOpen.length > 0)
    entries.push([
      'Not yet open',
      report.notYetOpen.map((p) => `${p.name} (${p.precinct}), opened ${p.opened}`).join(', '),
    ]);
  return entries;
}

function nextWave(wave: RolloutWave): string {
  return `${waveName(wave)}, starts ${wave.startDate} with ${plural(wave.precincts.length, 'precinct')}`;
}

/** For files and scripts: every part a table, since CSV keeps only tables. */
function forFiles(report: RolloutReport): Block[] {
  const numbers = (precincts: Array<{ precinct: number }>) => precincts.map((p) => p.precinct).join(' ');
  return [
    heading(`Neighborhood Policing rollout as of ${report.asOf}`),
    table(
      ['As of', 'Precincts', 'Active', 'Pending', 'Unknown', '% active', 'Unknown start', 'Not yet open'],
      [
        [
          report.asOf,
          report.total,
          report.active,
          report.pending,
          report.unknown,
          report.percentActive,
          numbers(report.precincts.filter((p) => p.status === 'unknown')),
          numbers(report.notYetOpen),
        ],
      ],
    ),
    heading(`By ${GROUP_TITLES[report.by].toLowerCase()}`),
    groupTable(report, false),
    heading('Waves'),
    table(
      ['Wave', 'Date', 'Started', 'Precincts', 'Active after', 'By as-of date'],
      report.waves.map((w) => [
        waveName(w),
        w.startDate,
        w.precincts.length,
        w.precincts.join(' '),
        w.activeAfter,
        !w.afterAsOf,
      ]),
      'No precinct has a recorded start date.',
    ),
    heading('Precincts'),
    table(
      ['Precinct', 'Name', 'Status', 'Start date', 'Phase'],
      report.precincts.map((p) => [p.precinct, p.name, p.status, p.startDate, p.phase]),
      'No precinct existed on that date.',
    ),
  ];
}

type Sectors = FeatureCollection<Polygon | MultiPolygon, { sector: string; precinct: number }>;

/** `--format svg`: the map of sectors by status (or, with --chart, the line chart), to -o or stdout. */
async function picture(ctx: Context, report: RolloutReport, options: RolloutOptions): Promise<Output> {
  const file = options.output === undefined || options.output === '-' ? null : options.output;
  if (file !== null) await refuseStoreFiles(ctx.storePath, file, '-o');
  const svg = options.chart ? await chart(report) : await map(report);
  const what = options.chart ? 'chart' : 'map';
  if (file !== null) await writeAtomically(file, svg, Boolean(options.force), 'choose another -o file');
  const { asOf, total, active, pending, unknown, percentActive } = report;
  return {
    json: {
      asOf,
      picture: what,
      output: file,
      total,
      active,
      pending,
      unknown,
      percentActive,
      ...(file === null ? { svg } : {}),
    },
    blocks: [],
    ...(file === null ? { document: svg } : {}),
    notices: file === null ? [] : [`Wrote the rollout ${what} as of ${asOf} to ${file}.`],
  };
}

async function map(report: RolloutReport): Promise<string> {
  const sectors = JSON.parse(await readFile(dataFile('sectors.geojson'), 'utf8')) as Sectors;
  const { renderRolloutMap } = await import('../../render/svg/rollout-map.js');
  return renderRolloutMap({
    asOf: report.asOf,
    precincts: report.precincts.map(({ precinct, status, phase }) => ({ precinct, status, phase })),
    sectors,
  });
}

/** Active precincts after each wave up to the date, and on the date itself. */
async function chart(report: RolloutReport): Promise<string> {
  const points = new Map<string, number>();
  for (const w of report.waves) if (!w.afterAsOf) points.set(w.startDate, w.activeAfter);
  points.set(report.asOf, report.active);
  const { renderRolloutChart } = await import('../../render/svg/rollout-chart.js');
  return renderRolloutChart({
    asOf: report.asOf,
    total: report.total,
    points: [...points].map(([date, active]) => ({ date, active })),
  });
}
