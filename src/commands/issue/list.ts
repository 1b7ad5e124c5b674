import type { Context } from '../../context.js';
import { parsePrecinctNumber, parseSectorId } from '../../domain/ids.js';
import { parseCategory, parseIssueStatus } from '../../domain/issues.js';
import { issueRecord } from '../../domain/ledger-records.js';
import { findMeeting, parseMeetingId } from '../../domain/meetings.js';
import { findPrecinct } from '../../domain/precincts.js';
import { findSector } from '../../domain/sectors.js';
import { loadStore } from '../../store/store.js';
import type { Output } from '../../render/view.js';
import { issueTable } from './table.js';

export interface IssueListOptions {
  precinct?: string;
  sector?: string;
  status?: string;
  category?: string;
  meeting?: string;
}

export async function run(ctx: Context, options: IssueListOptions): Promise<Output> {
  const precinct =
    options.precinct === undefined ? undefined : parsePrecinctNumber(options.precinct, '--precinct');
  const sector = options.sector === undefined ? undefined : parseSectorId(options.sector, '--sector').id;
  const status = options.status === undefined ? undefined : parseIssueStatus(options.status);
  const category = options.category === undefined ? undefined : parseCategory(options.category);
  const meeting = options.meeting === undefined ? undefined : parseMeetingId(options.meeting);
  const store = await loadStore(ctx);
  if (precinct !== undefined) findPrecinct(store, precinct);
  if (sector !== undefined) findSector(store, sector);
  if (meeting !== undefined) findMeeting(store, meeting);
  const issues = store.issues
    .filter(
      (i) =>
        (precinct === undefined || i.precinct === precinct) &&
        (sector === undefined || i.sector === sector) &&
        (status === undefined || i.status === status) &&
        (category === undefined || i.category === category) &&
        (meeting === undefined || i.meetingId === meeting),
    )
    .sort((a, b) => a.raisedOn.localeCompare(b.raisedOn) || Number(a.id.slice(1)) - Number(b.id.slice(1)));
  return {
    json: issues.map((i) => issueRecord(store, i)),
    blocks: [
      issueTable(
        issues,
        store.issues.length === 0
          ? 'No issues yet: nsm issue raise --meeting <m> --summary …'
          : 'No issue matches.',
      ),
    ],
  };
}
