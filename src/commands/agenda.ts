import type { Context } from '../context.js';
import { RuleError } from '../errors.js';
import type { agenda } from '../cli/documents.js';
import type { Options } from '../cli/define.js';
import { agendaView } from '../domain/agenda.js';
import { describeMeeting, findMeeting } from '../domain/meetings.js';
import { parseMeetingId } from '../domain/ids.js';
import { loadStore } from '../store/load.js';
import { agendaDocument } from '../render/printed/agenda.js';
import type { Output } from '../render/view.js';
import { deliver } from './document-output.js';
import { plural } from '../render/text.js';

export async function run(ctx: Context, options: Options<typeof agenda>): Promise<Output> {
  const id = parseMeetingId(options.meeting);
  const store = await loadStore(ctx, { meeting: id });
  const meeting = findMeeting(store, id);
  if (meeting.status === 'cancelled')
    throw new RuleError(
      `${meeting.id} was cancelled`,
      `print the agenda of the sector's next meeting (nsm meeting next --sector ${meeting.sector})`,
    );
  // The record of a meeting that took place is its minutes: an agenda would leave out what happened.
  if (meeting.status === 'held')
    throw new RuleError(
      `${describeMeeting(meeting)} was held; its record is the minutes, not an agenda`,
      `print them with: nsm minutes ${meeting.id}`,
    );
  const view = agendaView(store, meeting);
  const carried = view.oldBusiness.length;
  return deliver(ctx, {
    document: agendaDocument(view),
    json: view as unknown as Record<string, unknown>,
    format: options.format,
    output: options.output,
    force: Boolean(options.force),
    fallback: 'md',
    name: `agenda-${meeting.id}`,
    holdsPrivate: false,
    what: `the agenda of ${meeting.id} (${plural(carried, 'carried issue')})`,
  });
}
