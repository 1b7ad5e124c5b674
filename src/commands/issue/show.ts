import type { Context } from '../../context.js';
import { meetingsDiscussed } from '../../domain/carry-forward.js';
import { dateInNewYork } from '../../domain/dates.js';
import { findIssue } from '../../domain/issues.js';
import { parseIssueId } from '../../domain/ids.js';
import { issueRecord, solutionRecord } from '../../domain/ledger-records.js';
import { describeMeeting } from '../../domain/meetings.js';
import { loadStore } from '../../store/store.js';
import { fields, heading, table, type Output } from '../../render/view.js';

export interface IssueShowOptions {
  issue: string;
}

export async function run(ctx: Context, options: IssueShowOptions): Promise<Output> {
  const id = parseIssueId(options.issue);
  const store = await loadStore(ctx);
  const issue = findIssue(store, id);
  const today = dateInNewYork(ctx.now());
  const solutions = store.solutions.filter((s) => s.issueId === id).map((s) => solutionRecord(s, today));
  const discussed = meetingsDiscussed(store, issue);
  return {
    json: {
      ...issueRecord(store, issue),
      solutionDetails: solutions,
      meetingsDiscussed: discussed.map((m) => m.id),
    },
    blocks: [
      fields([
        ['Issue', `${issue.id} — ${issue.summary}`],
        ['Sector', `${issue.sector} (precinct ${issue.precinct})`],
        ['Category', issue.category],
        ['Status', issue.status],
        ['Raised', `${issue.raisedOn} at ${issue.meetingId}${issue.raisedBy ? ` by ${issue.raisedBy}` : ''}`],
        ['Location', issue.location],
        ['Details', issue.details],
        ['Private', issue.private ? 'yes: left out of public minutes and agendas' : 'no'],
      ]),
      heading('History'),
      table(
        ['On', 'Status', 'Meeting', 'Note'],
        issue.history.map((h) => [h.on, h.status, h.meetingId, h.note]),
      ),
      heading(`Solutions (${solutions.length})`),
      table(
        ['ID', 'Summary', 'Owner', 'Due', 'Status'],
        solutions.map((s) => [
          s.id,
          s.summary,
          s.owner,
          s.due,
          s.overdue ? `${s.status} (overdue)` : s.status,
        ]),
        `None agreed yet: nsm solution add ${id} --summary … --owner … --due …`,
      ),
      heading(`Meetings where it was discussed (${discussed.length})`),
      table(
        ['Meeting', 'Status'],
        discussed.map((m) => [describeMeeting(m), m.status]),
      ),
    ],
  };
}
