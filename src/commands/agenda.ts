import type { Context } from '../context.js';
import { RuleError } from '../errors.js';
import type { agenda } from '../cli/ledger.js';
import type { Options } from '../cli/define.js';
import { agendaView } from '../domain/agenda.js';
import { findMeeting } from '../domain/meetings.js';
import { parseMeetingId } from '../domain/ids.js';
import { loadStore } from '../store/store.js';
import { agendaMarkdown } from '../render/agenda-markdown.js';
import { text, type Output } from '../render/view.js';
import { writeOutputFile } from './output-file.js';

export async function run(ctx: Context, options: Options<typeof agenda>): Promise<Output> {
  const id = parseMeetingId(options.meeting);
  const format = options.format ?? 'md';
  const store = await loadStore(ctx);
  const meeting = findMeeting(store, id);
  if (meeting.status === 'cancelled')
    throw new RuleError(
      `${meeting.id} was cancelled`,
      `print the agenda of the sector's next meeting (nsm meeting next --sector ${meeting.sector})`,
    );
  const view = agendaView(store, meeting);
  const markdown = agendaMarkdown(view);
  const written = await writeOutputFile(options.output, markdown, Boolean(options.force));
  return {
    json: { ...view, format, output: written ? options.output : null, markdown },
    blocks: written ? [] : [text(markdown)],
    notices: written
      ? [
          `Wrote the agenda of ${meeting.id} (${view.oldBusiness.length} carried issue${view.oldBusiness.length === 1 ? '' : 's'}) to ${options.output}.`,
        ]
      : [],
  };
}
