import type { Context } from '../../context.js';
import type { minutes } from '../../cli/documents.js';
import type { Options } from '../../cli/define.js';
import { parseMeetingId } from '../../domain/ids.js';
import { findMeeting } from '../../domain/meetings.js';
import {
  approvedMinutesOf,
  heldMeeting,
  minutesView,
  privateCount,
  publicCopy,
} from '../../domain/minutes.js';
import { leftOut, minutesDocument } from '../../render/printed/minutes.js';
import type { Output } from '../../render/view.js';
import { loadStore } from '../../store/load.js';
import { deliver } from '../document-output.js';

export async function run(ctx: Context, options: Options<typeof minutes>): Promise<Output> {
  const id = parseMeetingId(options.meeting);
  const store = await loadStore(ctx, { meeting: id });
  const meeting = heldMeeting(findMeeting(store, id));
  const approved = approvedMinutesOf(store, meeting.id) ?? null;
  // Approved minutes are the snapshot taken then; a draft is drawn from the ledger now.
  const full = approved?.snapshot ?? minutesView(store, meeting);
  const isPublic = Boolean(options.public);
  const counts = privateCount(full);
  const hidden = counts.issues + counts.solutions;
  const view = isPublic ? publicCopy(full) : full;
  const holdsPrivate = !isPublic && hidden > 0;
  const status = approved ? `approved at ${approved.approvedAt}` : 'DRAFT';
  const output = await deliver(ctx, {
    document: minutesDocument({ view, approval: approved, leftOut: isPublic ? counts : null, holdsPrivate }),
    json: {
      meetingId: meeting.id,
      status: approved ? 'approved' : 'draft',
      approvedAt: approved?.approvedAt ?? null,
      approvedOn: approved?.approvedOn ?? null,
      amendments: approved?.amendments ?? [],
      public: isPublic,
      minutes: view,
    },
    format: options.format,
    output: options.output,
    force: Boolean(options.force),
    fallback: 'pdf',
    name: `minutes-${meeting.id}${isPublic ? '-public' : ''}`,
    holdsPrivate,
    what: `the minutes of ${meeting.id} (${status}${isPublic ? ', public copy' : ''})`,
  });
  if (isPublic && hidden > 0)
    output.notices = [...(output.notices ?? []), `Public copy: left out ${leftOut(counts)}.`];
  return output;
}
