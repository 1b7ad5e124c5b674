import type { Context } from '../context.js';
import type { Options } from '../cli/define.js';
import type { home } from '../cli/home.js';
import { dateInNewYork } from '../domain/dates.js';
import { selectHome, type HomeList, type HomeLists } from '../domain/home.js';
import { issueRecords, solutionRecord } from '../domain/ledger-records.js';
import { meetingRecord, startInstant } from '../domain/meetings.js';
import { findPrecinct } from '../domain/precincts.js';
import type { Meeting, Store } from '../domain/schema.js';
import { isoWithOffset } from '../domain/time.js';
import { day, heading, table, text, when, type Block, type Output } from '../render/view.js';
import { loadStoreIfAny } from '../store/load.js';
import { assertScopeExists, parseScope } from './scope.js';

/**
 * The home screen (`nsm` alone): what is coming and what needs doing in the default precinct.
 * Every line fits 80 columns: the commands to act on each record sit on lines of their own
 * under its table, where a narrow terminal cannot wrap them mid-word.
 */
export async function run(ctx: Context, options: Options<typeof home>): Promise<Output> {
  const now = ctx.now();
  const store = await loadStoreIfAny(ctx);
  if (store === null) return noStore(ctx, now);
  const scope = parseScope({ precinct: options.precinct });
  assertScopeExists(store, scope);
  const precinct = scope.precinct ?? null;
  const lists = selectHome(store, now, { precinct });
  const today = dateInNewYork(now);
  return {
    json: {
      asOf: isoWithOffset(now),
      storeExists: true,
      precinct,
      nextMeetings: lists.nextMeetings.map((m) => meetingRecord(store, m)),
      pastUnmarked: lists.pastUnmarked.map((m) => meetingRecord(store, m)),
      minutesToApprove: lists.minutesToApprove.map(({ meeting, at }) => ({
        ...meetingRecord(store, meeting),
        approveAt: at.id,
      })),
      overdueSolutions: lists.overdueSolutions.map(({ solution, issue }) => ({
        ...solutionRecord(solution, today),
        precinct: issue.precinct,
        sector: issue.sector,
      })),
      oldestOpenIssues: issueRecords(store, lists.oldestOpenIssues),
      totals: lists.totals,
    },
    blocks: [
      text(title(store, precinct, options.precinct === undefined)),
      ...screen(lists, precinct === null ? 'all' : String(precinct)),
    ],
  };
}

function title(store: Store, precinct: number | null, noDefault: boolean): string {
  if (precinct === null)
    return noDefault
      ? 'All precincts: no default precinct is set (nsm config set precinct 75)'
      : 'All precincts';
  const p = findPrecinct(store, precinct);
  return `Precinct ${precinct}: ${p.name}${p.commonName ? ` (${p.commonName})` : ''}`;
}

function screen(lists: HomeLists, pct: string): Block[] {
  /** A heading, the table, a command for each row, and how to list what did not fit. */
  const section = (list: HomeList, label: string, rows: Block, each: string[], listAll: string): Block[] => {
    const hidden = lists.totals[list] - lists[list].length;
    return [
      heading(counted(label, lists, list)),
      rows,
      ...(each.length > 0 ? [text(each.map((line) => `  ${line}`).join('\n'))] : []),
      ...(hidden > 0 ? [text(`… and ${hidden} more: ${listAll} --precinct ${pct}`)] : []),
    ];
  };
  const { nextMeetings, pastUnmarked, minutesToApprove, overdueSolutions, oldestOpenIssues, totals } = lists;
  const blocks = section(
    'nextMeetings',
    'Next meetings',
    table(
      ['ID', 'Sector', 'When', 'Where'],
      nextMeetings.map((m) => [m.id, m.sector, whenOf(m), placeOf(m)]),
      'No meeting is scheduled: nsm meeting schedule',
    ),
    [],
    'nsm meeting list --upcoming',
  );
  if (pastUnmarked.length > 0)
    blocks.push(
      ...section(
        'pastUnmarked',
        'Past meetings not marked held or cancelled',
        table(
          ['ID', 'Sector', 'When'],
          pastUnmarked.map((m) => [m.id, m.sector, whenOf(m)]),
        ),
        pastUnmarked.map((m) => `nsm meeting held ${m.id} --attendance <n>  or  nsm meeting cancel ${m.id}`),
        'nsm meeting list --status scheduled --to today',
      ),
    );
  if (minutesToApprove.length > 0)
    blocks.push(
      ...section(
        'minutesToApprove',
        'Draft minutes to approve',
        table(
          ['ID', 'Sector', 'Held', 'Next held'],
          minutesToApprove.map(({ meeting, at }) => [meeting.id, meeting.sector, whenOf(meeting), at.id]),
        ),
        minutesToApprove.map(
          ({ meeting, at }) =>
            `nsm minutes ${meeting.id}  then  nsm minutes approve ${meeting.id} --at ${at.id}`,
        ),
        'nsm meeting list --status held',
      ),
    );
  if (overdueSolutions.length > 0)
    blocks.push(
      ...section(
        'overdueSolutions',
        'Overdue solutions',
        table(
          ['ID', 'Summary', 'Owner', 'Due'],
          overdueSolutions.map(({ solution: s }) => [s.id, s.summary, s.owner, day(s.due ?? '', true)]),
        ),
        overdueSolutions.map(({ solution: s }) => `nsm solution update ${s.id} --status done --note …`),
        'nsm solution list --overdue',
      ),
    );
  if (oldestOpenIssues.length > 0)
    blocks.push(
      ...section(
        'oldestOpenIssues',
        'Oldest open issues',
        table(
          ['ID', 'Sector', 'Summary', 'Status', 'Open since'],
          oldestOpenIssues.map((i) => [i.id, i.sector, i.summary, i.status, day(i.raisedOn)]),
        ),
        oldestOpenIssues.map((i) => `nsm issue show ${i.id}`),
        'nsm issue list',
      ),
    );
  if (totals.pastUnmarked + totals.minutesToApprove + totals.overdueSolutions + totals.oldestOpenIssues === 0)
    blocks.push(
      text(
        '\nAll caught up: no meeting to close out, no minutes to approve, nothing overdue, no open issue.',
      ),
    );
  return blocks;
}

/** "Overdue solutions (3)", or "(10 of 14)" when the list is cut. */
function counted(label: string, lists: HomeLists, list: HomeList): string {
  const shown = lists[list].length;
  const total = lists.totals[list];
  return shown === 0 ? label : `${label} (${shown === total ? total : `${shown} of ${total}`})`;
}

/** The venue's name is enough to place a meeting here; `nsm meeting show` has the address. */
function placeOf(m: Meeting): string | null {
  return m.location ?? m.address ?? m.onlineUrl;
}

function whenOf(m: Meeting) {
  return when(isoWithOffset(startInstant(m)));
}

function noStore(ctx: Context, now: Date): Output {
  return {
    json: {
      asOf: isoWithOffset(now),
      storeExists: false,
      precinct: null,
      nextMeetings: [],
      pastUnmarked: [],
      minutesToApprove: [],
      overdueSolutions: [],
      oldestOpenIssues: [],
      totals: {
        nextMeetings: 0,
        pastUnmarked: 0,
        minutesToApprove: 0,
        overdueSolutions: 0,
        oldestOpenIssues: 0,
      },
    },
    blocks: [
      text(
        [
          'There is no nsm store yet. To start:',
          "  nsm init    create it, with the city's precincts and sectors",
          '  nsm demo    try nsm first on a sample store (in a temporary folder)',
          `Store file: ${ctx.storePath}`,
        ].join('\n'),
      ),
    ],
  };
}
