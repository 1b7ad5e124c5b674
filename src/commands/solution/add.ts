import type { Context } from '../../context.js';
import { RuleError } from '../../errors.js';
import { dateInNewYork, parseDateFlag } from '../../domain/dates.js';
import { findIssue, parseSummary } from '../../domain/issues.js';
import { parseIssueId, parseMeetingId } from '../../domain/ids.js';
import { solutionRecord } from '../../domain/ledger-records.js';
import { compareMeetings, findMeeting, startInstant } from '../../domain/meetings.js';
import type { Meeting, Store } from '../../domain/schema.js';
import { parseOwner } from '../../domain/solutions.js';
import { changeStore } from '../../store/store.js';
import { text, type Output } from '../../render/view.js';

export interface SolutionAddOptions {
  issue: string;
  summary?: string;
  owner?: string;
  due?: string;
  meeting?: string;
}

export async function run(ctx: Context, options: SolutionAddOptions): Promise<Output> {
  const issueId = parseIssueId(options.issue);
  const summary = parseSummary(options.summary);
  const today = dateInNewYork(ctx.now());
  const due = options.due === undefined ? null : parseDateFlag(options.due, '--due', today);
  const meetingId = options.meeting === undefined ? undefined : parseMeetingId(options.meeting);
  const record = await changeStore(ctx, (store) => {
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
    const agreedAt =
      meetingId === undefined
        ? latestMeetingOf(store, issue.sector, issue.meetingId, ctx.now())
        : checkedMeeting(store, meetingId, issue.sector, ctx.now());
    const solution = {
      id: `S${store.nextId.solution++}`,
      issueId: issue.id,
      summary,
      owner: owner?.owner ?? null,
      ownerKind: owner?.ownerKind ?? null,
      due,
      status: 'agreed' as const,
      agreedAt,
      history: [
        {
          on: today,
          status: 'agreed' as const,
          note: agreedAt ? `agreed at ${agreedAt}` : 'agreed',
          meetingId: agreedAt,
        },
      ],
      createdAt: ctx.now().toISOString(),
    };
    store.solutions.push(solution);
    return solutionRecord(solution, today);
  });
  return {
    json: record,
    blocks: [text(record.id)],
    notices: [
      `Agreed ${record.id} for ${record.issueId}${record.owner ? `, owner ${record.owner}` : ''}${record.due ? `, due ${record.due}` : ''}.`,
    ],
  };
}

/** By default a solution was agreed at the sector's latest meeting so far, from the one where the issue was raised on. */
function latestMeetingOf(store: Store, sector: string, raisedAt: string, now: Date): string | null {
  const raised = store.meetings.find((m) => m.id === raisedAt);
  const past = store.meetings
    .filter(
      (m: Meeting) =>
        m.sector === sector &&
        m.status !== 'cancelled' &&
        startInstant(m) <= now &&
        (!raised || startInstant(m) >= startInstant(raised)),
    )
    .sort(compareMeetings);
  return past.at(-1)?.id ?? null;
}

function checkedMeeting(store: Store, id: string, sector: string, now: Date): string {
  const meeting = findMeeting(store, id);
  if (meeting.sector !== sector)
    throw new RuleError(
      `${meeting.id} is a meeting of ${meeting.sector}, not ${sector}`,
      `name a meeting of ${sector}`,
    );
  if (meeting.status === 'cancelled' || startInstant(meeting) > now)
    throw new RuleError(
      `${meeting.id} did not take place`,
      'name a meeting that took place, or leave out --meeting',
    );
  return meeting.id;
}
