import type { Context } from '../context.js';
import { RuleError, UsageError } from '../errors.js';
import type { signin } from '../cli/documents.js';
import type { Options } from '../cli/define.js';
import { parseMeetingId } from '../domain/ids.js';
import { findMeeting } from '../domain/meetings.js';
import { signinView } from '../domain/signin.js';
import { loadStore } from '../store/load.js';
import { signinDocument } from '../render/printed/signin.js';
import type { Output } from '../render/view.js';
import { chooseFormat, deliver } from './document-output.js';

export async function run(ctx: Context, options: Options<typeof signin>): Promise<Output> {
  const id = parseMeetingId(options.meeting);
  const rows = parseRows(options.rows);
  const store = await loadStore(ctx);
  const meeting = findMeeting(store, id);
  if (meeting.status === 'cancelled')
    throw new RuleError(
      `${meeting.id} was cancelled`,
      `print the sheet for the sector's next meeting (nsm meeting next --sector ${meeting.sector})`,
    );
  if (chooseFormat(undefined, options.output, 'pdf') !== 'pdf')
    throw new UsageError(
      `a sign-in sheet is a PDF: -o ${options.output} names another format`,
      'name the file .pdf',
    );
  const view = signinView(store, meeting);
  return deliver(ctx, {
    document: signinDocument(view, rows),
    json: { ...view, rows },
    format: 'pdf',
    output: options.output,
    force: Boolean(options.force),
    fallback: 'pdf',
    name: `signin-${meeting.id}`,
    holdsPrivate: false,
    what: `the sign-in sheet of ${meeting.id} (${rows} rows)`,
  });
}

/** Two full Letter pages: 15 rows under the header on the first, 24 on the next. */
const DEFAULT_ROWS = 39;

function parseRows(input: string | undefined): number {
  if (input === undefined) return DEFAULT_ROWS;
  const n = /^\s*\d+\s*$/.test(input) ? Number(input) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > 500)
    throw new UsageError(`--rows ${input} is not a number of rows from 1 to 500`, 'for example --rows 50');
  return n;
}
