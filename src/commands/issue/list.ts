import type { Context } from '../../context.js';
import type { list } from '../../cli/ledger.js';
import type { Options } from '../../cli/define.js';
import { parseMeetingId } from '../../domain/ids.js';
import { issueRecords } from '../../domain/ledger-records.js';
import { findMeeting } from '../../domain/meetings.js';
import { loadStore } from '../../store/load.js';
import { sliceOfScope } from '../../store/slice.js';
import { assertScopeExists, inScope, parseScope } from '../scope.js';
import type { Output } from '../../render/view.js';
import { issueTable } from './table.js';

export async function run(ctx: Context, options: Options<typeof list>): Promise<Output> {
  const scope = parseScope(options);
  const { status, category } = options;
  const meeting = options.meeting === undefined ? undefined : parseMeetingId(options.meeting);
  // A meeting given with a sector or precinct may lie outside it: it is read too, to be found.
  const slice = sliceOfScope(scope) ?? (meeting === undefined ? undefined : { meeting });
  // The list shows issues; as JSON, with their histories and their solutions' ids.
  const issuesOnly = ctx.format === 'json' ? 'issues' : 'issue-rows';
  const store = await loadStore(ctx, slice && { ...slice, meetings: [meeting], issuesOnly });
  assertScopeExists(store, scope);
  if (meeting !== undefined) findMeeting(store, meeting);
  const issues = store.issues
    .filter(
      (i) =>
        inScope(scope, i) &&
        (status === undefined || i.status === status) &&
        (category === undefined || i.category === category) &&
        (meeting === undefined || i.meetingId === meeting),
    )
    .sort((a, b) => a.raisedOn.localeCompare(b.raisedOn) || Number(a.id.slice(1)) - Number(b.id.slice(1)));
  return {
    json: issueRecords(store, issues),
    blocks: [
      issueTable(
        issues,
        !store.issues.some((i) => inScope(scope, i))
          ? 'No issues yet: nsm issue raise --meeting <m> --summary …'
          : 'No issue matches.',
      ),
    ],
  };
}
