import type { Context } from '../../context.js';
import type { show } from '../../cli/ledger.js';
import type { Options } from '../../cli/define.js';
import { meetingsDiscussed } from '../../domain/carry-forward.js';
import { dateInNewYork } from '../../domain/dates.js';
import { findIssue } from '../../domain/issues.js';
import { parseIssueId } from '../../domain/ids.js';
import { issueRecord, solutionRecord } from '../../domain/ledger-records.js';
import { startInstant } from '../../domain/meetings.js';
import { isoWithOffset } from '../../domain/time.js';
import { loadStore } from '../../store/load.js';
import { day, heading, table, when, type Output } from '../../render/view.js';
import { dueCell } from '../solution/fields.js';
import { issueFields } from './fields.js';

export async function run(ctx: Context, options: Options<typeof show>): Promise<Output> {
  const id = parseIssueId(options.issue);
  const store = await loadStore(ctx, { issue: id });
  const issue = findIssue(store, id);
  const today = dateInNewYork(ctx.now());
  const solutions = store.solutions.filter((s) => s.issueId === id);
  const discussed = meetingsDiscussed(store, issue);
  return {
    json: {
      ...issueRecord(store, issue),
      solutionDetails: solutions.map((s) => solutionRecord(s, today)),
      meetingsDiscussed: discussed.map((m) => m.id),
    },
    blocks: [
      issueFields(issue),
      heading('History'),
      table(
        ['On', 'Status', 'Meeting', 'Note'],
        issue.history.map((h) => [day(h.on), h.status, h.meetingId, h.note]),
      ),
      heading(`Solutions (${solutions.length})`),
      table(
        ['ID', 'Summary', 'Owner', 'Due', 'Status'],
        solutions.map((s) => [s.id, s.summary, s.owner, dueCell(s), s.status]),
        `None agreed yet: nsm solution add ${id} --summary … --owner … --due …`,
      ),
      heading(`Meetings where it was discussed (${discussed.length})`),
      table(
        ['Meeting', 'When (New York)', 'Status'],
        discussed.map((m) => [m.id, when(isoWithOffset(startInstant(m))), m.status]),
      ),
    ],
  };
}
