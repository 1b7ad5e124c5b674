import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Context } from '../context.js';
import { RuleError } from '../errors.js';
import { addDays, dateInNewYork } from '../domain/dates.js';
import { initialStore } from '../domain/initial-store.js';
import { addSampleRoster } from '../domain/sample-roster.js';
import { addSampleMeetings } from '../domain/sample-meetings.js';
import { addSampleLedger } from '../domain/sample-ledger.js';
import { agendaView } from '../domain/agenda.js';
import { findMeeting } from '../domain/meetings.js';
import { minutesView } from '../domain/minutes.js';
import { calendarView } from '../domain/calendar-view.js';
import { calendarDomain } from '../settings/values.js';
import { writeAtomically } from './output-file.js';
import { loadReference } from '../reference/reference.js';
import { replaceStore, serializeStore } from '../store/store.js';
import { isDatabaseUrl, withoutPassword } from '../store/paths.js';
import { heading, text, type Block, type Output } from '../render/view.js';
import * as precinctShow from './precinct/show.js';
import * as sectorLocate from './sector/locate.js';
import * as meetingNext from './meeting/next.js';
import { agendaDocument } from '../render/printed/agenda.js';
import { minutesDocument } from '../render/printed/minutes.js';
import * as rolloutReport from './report/rollout.js';
import type { Options } from '../cli/define.js';
import type { demo } from '../cli/store-commands.js';

const DEMO_PRECINCTS = [75, 14];
const EMPIRE_STATE = { lat: '40.7484', lon: '-73.9857' };

export async function run(outer: Context, _options: Options<typeof demo>): Promise<Output> {
  // Built where --store says (a new file, or an empty database), else in a new temporary folder:
  // never in the user's own store (NSM_STORE, the store setting or the default name).
  const storePath =
    outer.storeSource === 'flag'
      ? outer.storePath
      : join(await mkdtemp(join(tmpdir(), 'nsm-demo-')), 'store.json');
  const ctx: Context = { ...outer, storePath };
  // The demo's files go beside a store file; for a database, in a new temporary folder.
  const folder = isDatabaseUrl(storePath) ? await mkdtemp(join(tmpdir(), 'nsm-demo-')) : dirname(storePath);
  const today = dateInNewYork(ctx.now());

  const store = initialStore(await loadReference(), ctx.now().toISOString());
  const roster = addSampleRoster(store, DEMO_PRECINCTS, addDays(today, -180));
  const meetings = DEMO_PRECINCTS.flatMap((p) =>
    addSampleMeetings(store, p, today, { stamp: ctx.now().toISOString(), newUuid: ctx.newUuid }),
  );
  const held = meetings.filter((m) => m.status === 'held');
  const issues = addSampleLedger(store, held, ctx.now().toISOString());
  if (isDatabaseUrl(storePath)) {
    // Into an empty database only (one that holds records is refused, exit 3), in one transaction.
    const { createDatabaseStore } = await import('../store/postgres/store.js');
    await createDatabaseStore(storePath, store, ctx.env);
  } else
    await replaceStore(ctx, (current) => {
      if (current !== null) {
        throw new RuleError(
          `${storePath} already exists`,
          'the demo builds a new store: give a new path, or leave out --store',
        );
      }
      return serializeStore(store);
    });

  const shown = await precinctShow.run(ctx, { pct: '75' });
  const located = await sectorLocate.run(ctx, EMPIRE_STATE);
  const next = await meetingNext.run(ctx, { sector: '75A' });
  const nextId = (next.json as { id: string }).id;
  const { renderMarkdown } = await import('../render/document/markdown.js');
  const nextAgenda = renderMarkdown(agendaDocument(agendaView(store, findMeeting(store, nextId))));

  // The minutes of 75A's last meeting, a draft until its next meeting approves them.
  const lastHeld = held[0]!;
  const minutes = join(folder, `minutes-${lastHeld.id}.pdf`);
  const { renderPdf } = await import('../render/document/pdf.js');
  const draft = minutesView(store, lastHeld);
  const pdf = await renderPdf(
    minutesDocument({ view: draft, approval: null, leftOut: null, holdsPrivate: false }),
    { createdAt: ctx.now() },
  );
  await writeAtomically(minutes, pdf, true, 'give the demo a new --store folder');

  // The demo precinct's calendar, beside the demo store (the renderer loads only here and in calendar).
  const calendar = join(folder, 'calendar-75.ics');
  const { renderICalendar } = await import('../render/icalendar.js');
  const view = calendarView(store, { kind: 'precinct', precinct: 75 }, {}, calendarDomain(ctx.settings));
  await writeAtomically(calendar, renderICalendar(view), true, 'give the demo a new --store folder');

  // The city's rollout as of today, and its map beside the store.
  const report = await rolloutReport.run(ctx, {});
  const rolloutMap = join(folder, 'rollout-map.svg');
  await rolloutReport.run(ctx, { format: 'svg', output: rolloutMap, force: true });
  const { active, pending, unknown, total } = report.json as Record<string, number>;
  const rollout = { active, pending, unknown, total };

  const blocks: Block[] = [
    text(
      `A sample store with the New York City reference data, ${roster.length} fictional NCOs, ${meetings.length} meetings and ${issues} open issues:`,
    ),
    text(`  ${withoutPassword(storePath)}`),
    text(`Try any command on it with --store ${withoutPassword(storePath)}`),
    heading('Precinct 75 (East New York), its sectors and NCOs'),
    ...shown.blocks,
    heading("When is sector 75A's next meeting? (nsm meeting next --sector 75A)"),
    ...next.blocks,
    heading(`Its agenda, with the open issues carried from the last meeting (nsm agenda ${nextId})`),
    text(nextAgenda.trimEnd()),
    heading('Which sector is the Empire State Building in? (nsm sector locate --lat 40.7484 --lon -73.9857)'),
    ...located.blocks,
    heading(
      "Precinct 75's meetings as a calendar for Outlook, Google or Apple Calendar (nsm calendar --precinct 75)",
    ),
    text(`  ${calendar}`),
    heading(`The minutes of 75A's last meeting, a draft until approved (nsm minutes ${lastHeld.id})`),
    text(`  ${minutes}`),
    text(`Once its next meeting (${nextId}) is held, approve them there: nsm minutes approve ${lastHeld.id}`),
    heading('The Neighborhood Policing rollout (nsm report rollout)'),
    // The summary and the boroughs; the report itself goes on with the waves.
    ...report.blocks.slice(1, 4),
    text('Its map, each sector coloured by status (nsm report rollout --format svg):'),
    text(`  ${rolloutMap}`),
  ];
  return {
    json: {
      store: withoutPassword(storePath),
      ncos: roster.length,
      meetings: meetings.length,
      issues,
      precinct: shown.json,
      next: next.json,
      located: located.json,
      rollout,
      calendar,
      minutes,
      rolloutMap,
    },
    blocks,
  };
}
