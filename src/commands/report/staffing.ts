import type { Context } from '../../context.js';
import type { Options } from '../../cli/define.js';
import type { staffing } from '../../cli/report.js';
import { dateInNewYork } from '../../domain/dates.js';
import { parseAsOf } from '../../domain/reports/as-of.js';
import { staffingReport, type SectorStaffing, type StaffingReport } from '../../domain/reports/staffing.js';
import { heading, table, text, type Output } from '../../render/view.js';
import { loadStore } from '../../store/load.js';
import { assertScopeExists, parseScope } from '../scope.js';

export async function run(ctx: Context, options: Options<typeof staffing>): Promise<Output> {
  const scope = parseScope({ precinct: options.precinct });
  const today = dateInNewYork(ctx.now());
  const asOf = options.asOf === undefined ? today : parseAsOf(options.asOf, today);
  const store = await loadStore(ctx);
  assertScopeExists(store, scope);
  const report = staffingReport(store, asOf, scope.precinct ?? null);
  return {
    json: report,
    blocks: [
      text(summary(report)),
      heading(`Sectors (${report.sectors.length})`),
      table(
        ['Sector', 'NCOs', 'Count', 'Staffing'],
        report.sectors.map(sectorRow),
        noSectors(report.precinct),
      ),
      heading(`NCOs without a sector (${report.unassigned.length})`),
      table(
        ['ID', 'Name', 'Rank', 'Shield', 'Pct'],
        report.unassigned.map((n) => [n.id, n.name, n.rank, n.shield, n.precinct]),
        'None.',
      ),
    ],
  };
}

/**
 * One line per sector where the terminal allows, so a city of hundreds of sectors reads down a
 * column: names only (ids are in --json), separated by semicolons since a name may hold a comma.
 */
function sectorRow(s: SectorStaffing) {
  return [s.sector, s.ncos.map((n) => n.name).join('; '), s.count, s.short ? 'below two' : ''];
}

function noSectors(precinct: number | null): string {
  const example = `${precinct ?? 75}A`;
  return `${precinct === null ? 'The store has' : `Precinct ${precinct} has`} no sectors: add them with nsm sector add ${example}`;
}

/**
 * Two short lines, since a text block is not wrapped to the terminal's width; in Markdown they
 * join into one sentence.
 */
function summary(report: StaffingReport): string {
  const t = report.totals;
  const scope = report.precinct === null ? 'All precincts' : `Precinct ${report.precinct}`;
  return (
    `${scope} on ${report.asOf}: ${t.sectors} sectors, ${t.fullyStaffed} fully staffed, ` +
    `${t.belowTwo} below two NCOs\n(${t.withNone} with none); ${t.ncosAssigned} NCOs in sectors, ` +
    `${t.ncosWithoutSector} without a sector.`
  );
}
