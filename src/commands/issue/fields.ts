import type { Issue } from '../../domain/schema.js';
import { day, fields, type Block, type Cell } from '../../render/view.js';

/**
 * An issue as a field list: what `issue show` opens with, and what raise, update and note print
 * (with the change they made: `latest`), so every change shows the record it left behind.
 */
export function issueFields(issue: Issue, latest = false): Block {
  const entries: Array<[string, Cell]> = [
    ['Issue', `${issue.id} — ${issue.summary}`],
    ['Sector', `${issue.sector} (precinct ${issue.precinct})`],
    ['Category', issue.category],
    ['Status', issue.status],
    ['Raised', day(issue.raisedOn)],
    ['Raised at', issue.meetingId],
    ['Raised by', issue.raisedBy],
    ['Location', issue.location],
    ['Details', issue.details],
    ['Private', issue.private ? 'yes: left out of public minutes and agendas' : 'no'],
  ];
  const last = issue.history.at(-1);
  if (latest && last)
    entries.push(['Recorded', day(last.on)], ['Discussed at', last.meetingId], ['Note', last.note]);
  return fields(entries);
}
