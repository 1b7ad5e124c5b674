import { join } from 'node:path';
import { calendarFeeds, type CalendarScope, type DateRange } from '../../domain/calendar-view.js';
import type { Store } from '../../domain/schema.js';
import { md } from '../../render/markdown.js';
import type { Output } from '../../render/view.js';
import { prepareFolder, writeAtomically } from '../output-file.js';

/** One feed of `--split`: its file name in the folder, what it is, how many meetings it holds. */
interface Feed {
  file: string;
  kind: 'precinct' | 'sector';
  id: string;
  name: string;
  events: number;
  cancelled: number;
}

/**
 * `calendar --split <folder>`: a feed per precinct and per sector in scope (empty ones too, so a
 * subscribed address keeps working before its first meeting), and index.md listing them. Each
 * file replaces the old one atomically; the index is written last, once every feed it names is.
 */
export async function writeSplit(
  folder: string,
  store: Store,
  precinct: number | undefined,
  range: DateRange,
  domain: string,
): Promise<Output> {
  await prepareFolder(folder);
  const { renderICalendar } = await import('../../render/icalendar.js');
  const fix = 'choose another --split folder';
  const feeds: Feed[] = [];
  for (const { scope, view } of calendarFeeds(store, precinct, range, domain)) {
    const feed: Feed = {
      ...fileOf(scope),
      name: view.name,
      events: view.events.length,
      cancelled: view.events.filter((e) => e.cancelled).length,
    };
    await writeAtomically(join(folder, feed.file), renderICalendar(view), true, fix);
    feeds.push(feed);
  }
  await writeAtomically(join(folder, 'index.md'), indexMarkdown(feeds, range), true, fix);
  const precincts = feeds.filter((f) => f.kind === 'precinct');
  const events = precincts.reduce((sum, f) => sum + f.events, 0);
  return {
    json: { folder, index: join(folder, 'index.md'), ...range, events, files: feeds },
    blocks: [],
    notices: [
      `Wrote ${precincts.length} precinct and ${feeds.length - precincts.length} sector calendar${feeds.length === 2 ? '' : 's'} (${events} meeting${events === 1 ? '' : 's'}) and index.md to ${folder}.`,
    ],
  };
}

function fileOf(scope: CalendarScope): Pick<Feed, 'file' | 'kind' | 'id'> {
  if (scope.kind === 'precinct')
    return { file: `precinct-${scope.precinct}.ics`, kind: 'precinct', id: String(scope.precinct) };
  if (scope.kind === 'sector')
    return { file: `sector-${scope.sector}.ics`, kind: 'sector', id: scope.sector };
  throw new Error(`no feed file for a ${scope.kind} calendar`);
}

/** The page a web server shows beside the feeds: what each is and the link to subscribe to. */
export function indexMarkdown(feeds: Feed[], range: DateRange): string {
  const span =
    range.from !== undefined || range.to !== undefined
      ? ` They hold the meetings ${range.from ? `from ${range.from} ` : ''}${range.to ? `to ${range.to}` : ''}.`.replace(
          ' .',
          '.',
        )
      : '';
  const lines = [
    '# Neighborhood Safety Meeting calendars',
    '',
    'Subscribe to a calendar with the address of its file (in Outlook, Google Calendar, Apple Calendar or',
    `Thunderbird: add a calendar from the internet, by URL). Times are New York time.${span}`,
    'Cancelled meetings stay in the calendar, marked cancelled.',
    '',
    '| Calendar | File | Meetings | Cancelled |',
    '|---|---|---:|---:|',
    ...feeds.map((f) => `| ${md(f.name)} | [${f.file}](${f.file}) | ${f.events} | ${f.cancelled} |`),
    '',
  ];
  return lines.join('\n');
}
