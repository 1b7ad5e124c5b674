import type { Context } from '../../context.js';
import { RuleError } from '../../errors.js';
import type { add } from '../../cli/ledger.js';
import type { Options } from '../../cli/define.js';
import { dateInNewYork, parsePlannedDate } from '../../domain/dates.js';
import { findIssue, parseSummary } from '../../domain/issues.js';
import { parseIssueId, parseMeetingId } from '../../domain/ids.js';
import { solutionRecord } from '../../domain/ledger-records.js';
import { latestMeetingOf, meetingThatTookPlace } from '../../domain/ledger-meetings.js';
import type { Solution } from '../../domain/schema.js';
import { parseOwner } from '../../domain/solutions.js';
import { ncoIdIn } from '../../domain/ncos.js';
import { changeStore } from '../../store/store.js';
import type { Output } from '../../render/view.js';
import { solutionFields } from './fields.js';

export async function run(ctx: Context, options: Options<typeof add>): Promise<Output> {
  const issueId = parseIssueId(options.issue);
  const summary = parseSummary(options.summary);
  const today = dateInNewYork(ctx.now());
  const due = options.due === undefined ? null : parsePlannedDate(options.due, '--due', today);
  const meetingId = options.meeting === undefined ? undefined : parseMeetingId(options.meeting);
  const { solution, record } = await changeStore(
    ctx,
    (store) => {
      const issue = findIssue(store, issueId);
      if (issue.status === 'closed') {
        throw new RuleError(
          `${issue.id} is closed`,
          `reopen it first: nsm issue update ${issue.id} --status open --note …`,
        );
      }
      if (due !== null && due < issue.raisedOn) {
        throw new RuleError(
          `--due ${due} is before ${issue.id} was raised (${issue.raisedOn})`,
          `give a due date on or after ${issue.raisedOn}`,
        );
      }
      const owner = options.owner === undefined ? null : parseOwner(store, options.owner);
      // By default a solution was agreed at the sector's latest meeting so far.
      const agreedAt =
        (meetingId === undefined
          ? latestMeetingOf(store, issue.sector, issue.meetingId, ctx.now())
          : meetingThatTookPlace(store, meetingId, issue, ctx.now())
        )?.id ?? null;
      const solution: Solution = {
        id: `S${store.nextId.solution++}`,
        issueId: issue.id,
        summary,
        owner: owner?.owner ?? null,
        ownerKind: owner?.ownerKind ?? null,
        due,
        status: 'agreed',
        agreedAt,
        history: [
          {
            on: today,
            status: 'agreed',
            note: agreedAt ? `agreed at ${agreedAt}` : 'agreed',
            meetingId: agreedAt,
          },
        ],
        createdAt: ctx.now().toISOString(),
      };
      store.solutions.push(solution);
      return { solution, record: solutionRecord(solution, today) };
    },
    { issue: issueId, meetings: [meetingId], ncos: [ncoIdIn(options.owner)] },
  );
  return {
    json: record,
    blocks: [solutionFields(solution)],
    notices: [
      `Agreed ${record.id} for ${record.issueId}${record.owner ? `, owner ${record.owner}` : ''}${record.due ? `, due ${record.due}` : ''}.`,
    ],
  };
}
