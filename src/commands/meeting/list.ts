import type { Options } from '../../cli/define.js';
import type { list } from '../../cli/meeting.js';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { dateInNewYork, parseDateFlag } from '../../domain/dates.js';
import { endInstant, meetingRecords, sortMeetings } from '../../domain/meetings.js';
import { loadStore } from '../../store/load.js';
import { sliceOfScope } from '../../store/slice.js';
import type { Output } from '../../render/view.js';
import { assertScopeExists, inScope, parseScope } from '../scope.js';
import { meetingTable } from './table.js';

export async function run(ctx: Context, options: Options<typeof list>): Promise<Output> {
  const today = dateInNewYork(ctx.now());
  const scope = parseScope(options);
  const from = options.from === undefined ? undefined : parseDateFlag(options.from, '--from', today);
  const to = options.to === undefined ? undefined : parseDateFlag(options.to, '--to', today);
  const status = options.status;
  if (from && to && to < from) throw new UsageError(`--to ${to} is before --from ${from}`, 'swap them');
  const slice = sliceOfScope(scope);
  const store = await loadStore(ctx, slice && { ...slice, meetingsOnly: true });
  assertScopeExists(store, scope);
  const now = ctx.now().getTime();
  const found = store.meetings.filter((m) => {
    const day = m.start.slice(0, 10);
    return (
      inScope(scope, m) &&
      (from === undefined || day >= from) &&
      (to === undefined || day <= to) &&
      (status === undefined || m.status === status) &&
      (!options.upcoming || (m.status === 'scheduled' && endInstant(m).getTime() > now))
    );
  });
  const meetings = meetingRecords(store, sortMeetings(found));
  return {
    json: meetings,
    blocks: [
      meetingTable(
        meetings,
        !store.meetings.some((m) => inScope(scope, m))
          ? 'No meetings yet: nsm meeting schedule --sector 75A --at "2026-12-08 19:00"'
          : 'No meeting matches.',
      ),
    ],
  };
}
