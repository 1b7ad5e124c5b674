import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseHtml } from 'parse5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { definitions } from '../../src/cli/commands.js';
import type { CommandSpec } from '../../src/cli/define.js';
import { DOCUMENT_FORMATS } from '../../src/render/document/model.js';
import { renderPdf } from '../../src/render/document/pdf.js';
import { clean } from '../../src/render/icalendar.js';
import { renderCsv } from '../../src/render/records.js';
import { cell, visible } from '../../src/render/text.js';
import { FORMATS, table, text as textBlock } from '../../src/render/view.js';
import { expectWellFramed, parseCalendar } from '../calendar/ics.js';
import { LIBICAL, libical } from '../calendar/validators.js';
import { tempStore } from '../helpers/cli.js';
import { ensureRole, freshDatabase, testCluster } from '../helpers/postgres.js';
import { demoStore } from '../helpers/demo.js';
import { sampleDocument } from '../helpers/documents.js';
import { nsmIn, type InProcessRun } from '../helpers/in-process.js';
import { INJECTED, read, textOf, type ParserName } from '../helpers/markdown.js';
import { PAYLOADS, shownOnOneLine } from '../helpers/payloads.js';
import { poppler } from '../helpers/poppler.js';
import { externalReferences, parseSvg, rasterise } from '../render/svg/helpers.js';
import { figure, scale } from './battery.js';

/**
 * R9 (issue #11): every output of every command, read back by a parser nobody here wrote, from one
 * hostile store: the demo, plus records whose text carries Markdown, HTML, CSV formulas, escape
 * sequences and bidi overrides, and a private issue with a private solution. For each output:
 * it parses; every payload the command's JSON shows comes back as typed (or neutralised as
 * documented: a CSV formula gets a leading ', a control character reads \x1b); nothing the
 * payloads carry takes effect (no link, list, code, markup, script, formula or escape sequence);
 * and public outputs hold no private text.
 *
 * The outputs are enumerated from the command specs: a new command, format or document format
 * without an entry below fails the first test.
 */

/** Every stored text in the private records carries this; no public output may. */
const SECRET = 'Zq9secret';

/** What a command's output can be, beyond the record formats. */
type Kind = (typeof FORMATS)[number] | (typeof DOCUMENT_FORMATS)[number] | 'svg' | 'ics' | 'text';

/** The output of a command without --format: its document kind. */
const DEFAULT_OUTPUT: Record<string, Kind> = {
  init: 'text',
  demo: 'text',
  signin: 'pdf',
  calendar: 'ics',
  'config get': 'text',
  completion: 'text',
  'store copy': 'text',
  'agent stop': 'text',
};

/** The kinds a spec promises: JSON always, the record formats, its own --format choices, or its default. */
function kindsOf(spec: CommandSpec): Kind[] {
  const kinds = new Set<Kind>(['json']);
  if (spec.records) for (const f of FORMATS) kinds.add(f);
  const own = (spec.flags as Record<string, { choices?: readonly string[] }>).format?.choices;
  for (const f of own ?? []) kinds.add(f as Kind);
  if (!spec.records && !own) kinds.add(DEFAULT_OUTPUT[spec.path.join(' ')] ?? ('unknown' as Kind));
  return [...kinds];
}

/** Empty databases for `store copy` to copy the hostile store into, one for each run. */
const copyTargets: string[] = [];

/** A database holding the hostile store, for the commands of a database store (access, doctor --migrate). */
let database = '';
/** Roles of the test server whose names are payloads: the access commands print them. */
const GRANTED = '=1+1';
const REVOKED = '<b>html</b>';

/** Where a run happens: the hostile store's copy, a settings file, a fresh folder, the fixture's ids. */
interface Place {
  store: string;
  folder: string;
  ids: Fixture;
}

interface Invocation {
  args: (place: Place) => string[];
  /** Commands run first on the same copy (a later held meeting before an approval). */
  setup?: (place: Place) => string[][];
  /** Public: no private text anywhere in it. */
  public?: boolean;
  /** The coordinator's own copy: the private text is in it (so the public check means something). */
  private?: boolean;
  /** Only these of the spec's kinds (`--chart` draws only an SVG). */
  kinds?: Kind[];
  /** The store the command reads or makes, when not the hostile copy (demo, init). */
  store?: (place: Place) => string;
  /** A document that cuts text to fit (the sign-in sheet's footer): its JSON is no list of what it shows. */
  cuts?: boolean;
  /** Its stdout is a report in words, whatever the spec's default (`--split` writes files). */
  words?: boolean;
  /** Output beyond stdout: `--split` folders, checked by their own function. */
  extra?: (place: Place, run: InProcessRun) => Promise<number>;
}

interface Fixture {
  issue: string;
  solution: string;
  nco: string;
  meeting: string;
  privateIssue: string;
}

/**
 * Each command, how to run it on the hostile store; the formats come from its spec. M52 is the
 * meeting a setup schedules (the fixture's own last one is M51).
 */
const PLAN: Record<string, Invocation[]> = {
  home: [{ args: () => ['home', '--precinct', '75'] }],
  init: [
    {
      args: (p) => ['init', '--store', join(p.folder, 'new', 'store.json')],
      store: (p) => join(p.folder, 'new', 'store.json'),
    },
  ],
  demo: [
    {
      args: (p) => ['demo', '--store', join(p.folder, 'demo', 'store.json')],
      store: (p) => join(p.folder, 'demo', 'store.json'),
    },
  ],
  doctor: [{ args: () => ['doctor'] }, { args: () => ['--store', database, 'doctor', '--migrate'] }],
  // Into a fresh database of the test server (its confirmation, on stderr, is what it prints).
  'store copy': [{ args: () => ['store', 'copy', '--to', copyTargets.pop()!] }],
  undo: [{ args: () => ['undo'] }, { args: () => ['undo', '--list'] }],
  'access grant': [{ args: () => ['--store', database, 'access', 'grant', GRANTED, '--precinct', '75'] }],
  'access revoke': [{ args: () => ['--store', database, 'access', 'revoke', REVOKED, '--precinct', '75'] }],
  'access list': [{ args: () => ['--store', database, 'access', 'list'] }],
  // In-process no agent runs (test/e2e/agent.test.ts starts real ones): what each says then.
  'agent status': [{ args: () => ['agent', 'status'] }],
  'agent stop': [{ args: () => ['agent', 'stop'] }],
  'precinct list': [{ args: () => ['precinct', 'list', '--borough', 'Brooklyn'] }],
  'precinct show': [{ args: () => ['precinct', 'show', '75'] }],
  'precinct add': [
    {
      args: () => ['precinct', 'add', '124', '--name', '[link](x)', '--borough', 'Queens'],
    },
  ],
  'precinct rollout': [{ args: () => ['precinct', 'rollout', '22', '--date', '2017-01-01'] }],
  'sector list': [{ args: () => ['sector', 'list', '--precinct', '75'] }],
  'sector show': [{ args: () => ['sector', 'show', '75F'] }],
  'sector add': [{ args: () => ['sector', 'add', '75G', '--description', '<b>html</b>'] }],
  'sector locate': [{ args: () => ['sector', 'locate', '--lat', '40.676', '--lon', '-73.88'] }],
  'nco add': [{ args: () => ['nco', 'add', '--name', '*emph*', '--shield', '99990', '--precinct', '75'] }],
  'nco list': [{ args: () => ['nco', 'list', '--precinct', '75'] }],
  'nco show': [{ args: (p) => ['nco', 'show', p.ids.nco] }],
  'nco edit': [{ args: (p) => ['nco', 'edit', p.ids.nco, '--name', '_x_'] }],
  'nco assign': [{ args: (p) => ['nco', 'assign', p.ids.nco, '75B'] }],
  'nco unassign': [{ args: (p) => ['nco', 'unassign', p.ids.nco] }],
  'meeting schedule': [
    {
      args: () => [
        'meeting',
        'schedule',
        '--sector',
        '75B',
        '--at',
        '2027-01-20 19:00',
        '--title',
        '> x',
        '--location',
        '~~~',
        '--address',
        '=1+1',
      ],
    },
  ],
  'meeting list': [{ args: () => ['meeting', 'list', '--precinct', '75'] }],
  'meeting show': [{ args: (p) => ['meeting', 'show', p.ids.meeting] }],
  'meeting next': [{ args: () => ['meeting', 'next', '--sector', '75A'] }],
  'meeting reschedule': [
    { args: () => ['meeting', 'reschedule', 'M2', '--location', '1) x', '--address', '@x'] },
  ],
  'meeting cancel': [{ args: () => ['meeting', 'cancel', 'M4', '--reason', '\u001b[31mred\u001b[0m'] }],
  'meeting held': [
    {
      setup: () => [['meeting', 'schedule', '--sector', '75A', '--at', '2026-11-20 19:00', '--force']],
      args: () => ['meeting', 'held', 'M52', '--attendance', '9', '--notes', '- x'],
    },
  ],
  'issue raise': [
    {
      args: () => [
        'issue',
        'raise',
        '--meeting',
        'M1',
        '--summary',
        '~~~',
        '--category',
        'noise',
        '--location',
        '+cmd',
      ],
    },
  ],
  'issue list': [{ args: () => ['issue', 'list', '--precinct', '75'] }],
  'issue show': [
    { args: (p) => ['issue', 'show', p.ids.issue] },
    { args: (p) => ['issue', 'show', p.ids.privateIssue] },
  ],
  'issue update': [
    { args: (p) => ['issue', 'update', p.ids.issue, '--status', 'in-progress', '--note', '# x'] },
  ],
  'issue note': [{ args: (p) => ['issue', 'note', p.ids.issue, '--note', '![img](x)'] }],
  'issue edit': [{ args: (p) => ['issue', 'edit', p.ids.issue, '--details', 'www.evil.example'] }],
  'solution add': [{ args: (p) => ['solution', 'add', p.ids.issue, '--summary', '-x', '--owner', '=1+1'] }],
  'solution list': [{ args: () => ['solution', 'list', '--precinct', '75'] }],
  'solution update': [
    { args: (p) => ['solution', 'update', p.ids.solution, '--status', 'in-progress', '--note', '1. x'] },
  ],
  'solution edit': [{ args: (p) => ['solution', 'edit', p.ids.solution, '--summary', '`tick`'] }],
  minutes: [
    { args: () => ['minutes', 'M1'], private: true },
    { args: () => ['minutes', 'M1', '--public'], public: true },
  ],
  'minutes approve': [
    {
      setup: () => [
        ['meeting', 'schedule', '--sector', '75A', '--at', '2026-11-20 19:00', '--force'],
        ['meeting', 'held', 'M52', '--attendance', '9'],
      ],
      args: () => ['minutes', 'approve', 'M1', '--at', 'M52'],
    },
  ],
  'minutes amend': [
    {
      setup: () => [
        ['meeting', 'schedule', '--sector', '75A', '--at', '2026-11-20 19:00', '--force'],
        ['meeting', 'held', 'M52', '--attendance', '9'],
        ['minutes', 'approve', 'M1', '--at', 'M52'],
      ],
      args: () => ['minutes', 'amend', 'M1', '--note', '[link](x) https://evil.example'],
    },
  ],
  agenda: [{ args: () => ['agenda', 'M2'], public: true }],
  signin: [{ args: () => ['signin', 'M2'], public: true, cuts: true }],
  calendar: [
    { args: () => ['calendar', '--sector', '75A'], public: true },
    { args: () => ['calendar', '--precinct', 'all'], public: true },
    {
      args: (p) => ['calendar', '--precinct', '75', '--split', join(p.folder, 'feeds')],
      public: true,
      words: true,
      extra: async (p) => checkSplit(join(p.folder, 'feeds')),
    },
  ],
  'report rollout': [
    { args: () => ['report', 'rollout', '--as-of', '2017-09-30'], public: true },
    { args: () => ['report', 'rollout', '--as-of', '2017-09-30', '--chart'], public: true, kinds: ['svg'] },
  ],
  'report staffing': [{ args: () => ['report', 'staffing', '--precinct', '75'], public: true }],
  'report issues': [
    { args: () => ['report', 'issues', '--precinct', '75'], public: true },
    { args: () => ['report', 'issues', '--sector', '75A'], public: true },
  ],
  'config get': [{ args: () => ['config', 'get', 'venue.75A'] }],
  'config set': [{ args: () => ['config', 'set', 'address.75A', '[link](x)'] }],
  'config unset': [{ args: () => ['config', 'unset', 'venue.75A'] }],
  'config list': [{ args: () => ['config', 'list'] }],
  completion: [{ args: () => ['completion', 'bash'] }],
};

/** The kind's flags on the command line. */
function formatArgs(kind: Kind, path: string): string[] {
  if (kind === 'json') return ['--json'];
  if (kind === DEFAULT_OUTPUT[path]) return [];
  if (
    kind === 'svg' ||
    kind === 'table' ||
    FORMATS.includes(kind as never) ||
    DOCUMENT_FORMATS.includes(kind as never)
  )
    return ['--format', kind];
  return [];
}

// ---------------------------------------------------------------------------------------------
// The hostile store

/** Text that means something at the start of a line (a list, rule, heading, fence) or of a cell (a formula). */
const LINE_START = /^(?:~~~|```|[-+*] |\d+[.)] |---$|\*\*\*$|___$|===$|# |> |[=+\-@])|\n===$/;

/** Payloads as nsm stores them (typed text is trimmed), those that act at a line's start first. */
const STORED = [...new Set(PAYLOADS.map((p) => p.trim()))].sort(
  (a, b) => Number(LINE_START.test(b)) - Number(LINE_START.test(a)),
);

let base = '';
let ids: Fixture;
let checked = 0;
let libicalRuns = 0;

async function must(args: string[], store: string, env?: Record<string, string>): Promise<InProcessRun> {
  const run = await nsmIn(args, { store, env });
  expect(run.status, `nsm ${args.join(' ')}\n${run.stderr}`).toBe(0);
  return run;
}

async function buildFixture(): Promise<void> {
  base = await demoStore();
  const settings = join(dirname(base), 'settings.json');
  const add = async (args: string[]) =>
    JSON.parse((await must([...args, '--json', '-q'], base)).stdout) as { id: string };
  const issues: string[] = [];
  const solutions: string[] = [];
  // Half the payloads as summaries (those that act at the start of a line among them: a summary
  // starts a paragraph in the agenda and minutes), the other half as places and details.
  const half = Math.ceil(STORED.length / 2);
  for (let i = 0; i < half; i++) {
    const summary = STORED[i]!;
    const place = STORED[i + half] ?? STORED[i]!;
    // Issues raised at the held M1 in 75A: in its minutes, in the agenda of M2, in lists and reports.
    const issue = await add([
      'issue',
      'raise',
      '--meeting',
      'M1',
      '--summary',
      summary,
      '--category',
      'noise',
      '--location',
      place,
      '--details',
      place,
    ]);
    issues.push(issue.id);
    if (i < scale(6, half))
      solutions.push((await add(['solution', 'add', issue.id, '--summary', summary, '--owner', place])).id);
  }
  // Names, a place, a cancel reason, notes, a sector's description: a few payloads each.
  const names = scale(STORED.slice(0, 4), STORED.slice(0, 12));
  const ncos: string[] = [];
  for (const [i, name] of names.entries()) {
    const nco = await add(['nco', 'add', '--name', name, '--shield', String(98000 + i), '--precinct', '75']);
    await must(['nco', 'assign', nco.id, '75A', '-q'], base);
    ncos.push(nco.id);
  }
  await must(['meeting', 'reschedule', 'M2', '--location', '[link](x)', '--address', '~~~', '-q'], base);
  await must(['meeting', 'cancel', 'M3', '--reason', STORED.find((p) => p.includes(']8;;'))!, '-q'], base);
  await must(['meeting', 'held', 'M1', '--attendance', '18', '--notes', '* x', '-q'], base);
  await must(['issue', 'note', issues[0]!, '--note', '- x', '-q'], base);
  await must(['sector', 'add', '75F', '--description', '1. x', '-q'], base);
  const meeting = await add([
    'meeting',
    'schedule',
    '--sector',
    '75A',
    '--at',
    '2027-05-04 19:00',
    '--title',
    '# x',
    '--location',
    '<b>html</b>',
    '--address',
    'https://evil.example',
  ]);
  // The private issue and its solution.
  const privateIssue = await add([
    'issue',
    'raise',
    '--meeting',
    'M1',
    '--summary',
    `${SECRET} summary`,
    '--category',
    'drugs',
    '--location',
    `${SECRET} location`,
    '--details',
    `${SECRET} details`,
    '--raised-by',
    `${SECRET} resident`,
    '--private',
  ]);
  await add([
    'solution',
    'add',
    privateIssue.id,
    '--summary',
    `${SECRET} solution`,
    '--owner',
    `${SECRET} owner`,
  ]);
  await must(['issue', 'note', privateIssue.id, '--note', `${SECRET} note`, '-q'], base);
  writeFileSync(settings, JSON.stringify({ 'venue.75A': '- x' }));
  ids = {
    issue: issues[0]!,
    solution: solutions[0]!,
    nco: ncos[0]!,
    meeting: meeting.id,
    privateIssue: privateIssue.id,
  };
}

/** A fresh copy of a store's folder (store, backups, journal, settings): the hostile one by default. */
/**
 * A run's stdout without the names of its own temporary folders, which each run has anew: a random
 * name may hold a payload by chance (nsm-test-x… holds "-x"), which the other runs would not show.
 */
function ownFoldersLeftOut(ran: Ran | undefined): string | undefined {
  if (ran === undefined) return undefined;
  return ran.run.stdout
    .replaceAll(dirname(ran.place.store), '/tmp/store-folder')
    .replaceAll(ran.place.folder, '/tmp/output-folder');
}

function copyPlace(from = base): Place {
  const store = tempStore();
  cpSync(dirname(from), dirname(store), { recursive: true });
  const folder = mkdtempSync(join(tmpdir(), 'nsm-r9-'));
  return { store, folder, ids };
}

// ---------------------------------------------------------------------------------------------
// Reading outputs back

/** Characters that drive a terminal (a CR returns over the line) or reverse text: never raw in an output. */
const DRIVING = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** Every string in a parsed JSON value. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

/** Every object in a parsed JSON value. */
function objects(value: unknown): Array<Record<string, unknown>> {
  if (Array.isArray(value)) return value.flatMap(objects);
  if (value !== null && typeof value === 'object')
    return [value as Record<string, unknown>, ...Object.values(value).flatMap(objects)];
  return [];
}

type StoreRecord = Record<string, unknown> & { id: string; private?: boolean };
/** The records of a store by id: NCOs, meetings, issues, solutions. */
function recordsOf(store: string): Map<string, StoreRecord> {
  const data = JSON.parse(readFileSync(store, 'utf8')) as Record<string, StoreRecord[]>;
  const byId = new Map<string, StoreRecord>();
  for (const key of ['ncos', 'meetings', 'issues', 'solutions'])
    for (const r of data[key] ?? []) byId.set(r.id, r);
  return byId;
}

/** Free-text fields a JSON output must carry exactly as stored. */
const TEXT_FIELDS = [
  'summary',
  'details',
  'location',
  'address',
  'name',
  'notes',
  'cancelReason',
  'title',
  'description',
];

/** JSON: parses, and every record it shows has its stored text exactly (or none, when private). */
function checkJson(stdout: string, store: string): string[] {
  const value = JSON.parse(stdout) as unknown;
  const records = recordsOf(store);
  for (const object of objects(value)) {
    const record = typeof object.id === 'string' ? records.get(object.id) : undefined;
    if (!record) continue;
    for (const field of TEXT_FIELDS) {
      if (!(field in object) || typeof record[field] !== 'string') continue;
      if (object[field] === null && (record.private || record.issueId)) continue; // hidden as private
      expect(object[field], `${object.id}.${field}`).toBe(record[field]);
    }
  }
  return strings(value);
}

/** Which payloads an output must show: those its JSON shows (in a string of its own or within one). */
function shownIn(json: string[]): string[] {
  return STORED.filter((p) => json.some((s) => s.includes(p)));
}

function expectNoDriving(text: string, what: string): void {
  const found = DRIVING.exec(text);
  expect(found, `${what}: a raw ${JSON.stringify(found?.[0])} at ${found?.index}`).toBeNull();
}

/** True when `haystack` shows `payload` in one of the forms nsm documents for it. */
function showsAny(haystack: string, forms: string[]): boolean {
  return forms.some((f) => haystack.includes(f));
}

/** Forms a payload may take in a document or a Markdown file: on one line, or as a table cell. */
const oneLineForms = (p: string) => [shownOnOneLine(p), cell(p).trim()];

function checkMarkdown(markdown: string, expected: string[], what: string, links = 0): void {
  expectNoDriving(markdown, what);
  for (const parser of ['marked', 'commonmark'] as ParserName[]) {
    const reading = read(markdown, parser);
    // nsm writes quotes (notices, warnings) and italics (muted notes) itself; nothing else injected.
    for (const element of INJECTED.filter((e) => e !== 'blockquote' && e !== 'em'))
      expect(reading.counts[element] ?? 0, `${what} (${parser}): <${element}>\n${reading.html}`).toBe(
        element === 'a' ? links : 0,
      );
    for (const p of expected)
      expect(showsAny(reading.text, oneLineForms(p)), `${what} (${parser}) shows ${JSON.stringify(p)}`).toBe(
        true,
      );
  }
}

/** Element names the HTML renderer writes itself; stored text may add none. */
const HTML_ELEMENTS = new Set([
  'html',
  'head',
  'body',
  'meta',
  'title',
  'style',
  'header',
  'main',
  'footer',
  'section',
  'div',
  'p',
  'h1',
  'h2',
  'h3',
  'dl',
  'dt',
  'dd',
  'ul',
  'li',
  'table',
  'colgroup',
  'col',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'aside',
  'em',
  'span',
  'strong',
  'br',
]);

function checkHtml(html: string, expected: string[], what: string): void {
  expectNoDriving(html, what);
  const doc = parseHtml(html);
  const all: Array<{ nodeName: string; attrs?: Array<{ name: string; value: string }> }> = [];
  const walk = (node: Parameters<typeof textOf>[0]) => {
    all.push(node as never);
    if ('childNodes' in node) node.childNodes.forEach(walk);
  };
  walk(doc);
  const names = new Set(all.map((n) => n.nodeName).filter((n) => !n.startsWith('#')));
  for (const name of names) expect(HTML_ELEMENTS.has(name), `${what}: <${name}>`).toBe(true);
  for (const node of all)
    for (const attr of node.attrs ?? []) expect(attr.name, `${what}: an event handler`).not.toMatch(/^on/i);
  // A line break stays in the HTML text (a browser shows it as a space).
  const text = textOf(doc);
  for (const p of expected)
    expect(showsAny(text, [visible(p), ...oneLineForms(p)]), `${what} shows ${JSON.stringify(p)}`).toBe(true);
}

/**
 * PDF text as poppler reads it, in drawing order (-raw: the default joins a line that ends in "-"
 * to the next, so "---" would read "--"); spaces and line breaks aside, since the page wraps text.
 */
function checkPdf(bytes: Buffer, expected: string[], what: string, folder: string): string {
  expect(bytes.subarray(0, 5).toString('latin1'), what).toBe('%PDF-');
  const file = join(folder, `${checked}.pdf`);
  writeFileSync(file, bytes);
  const text = poppler('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-']);
  const squeeze = (s: string) => s.replace(/\s+/g, '');
  const flat = squeeze(text);
  expectNoDriving(text.replace(/\f/g, ''), what);
  for (const p of expected)
    expect(showsAny(flat, oneLineForms(p).map(squeeze)), `${what} shows ${JSON.stringify(p)}`).toBe(true);
  return text;
}

/** A CSV cell as documented: controls visible but tab and line breaks, a formula prefixed with '. */
function csvForm(p: string): string {
  const shown = p.replace(/[^\t\n\r]+/g, visible);
  return /^[=+\-@\t\r]/.test(shown) ? `'${shown}` : shown;
}

function checkCsv(csv: string, expected: string[], what: string): void {
  const rows = parseCsv(csv, { relax_column_count: true }) as string[][];
  const cells = rows.flat();
  for (const c of cells) {
    expectNoDriving(c.replace(/[\t\r]/g, ''), what);
    // A spreadsheet runs a cell that starts with = + - @ (or a tab, CR): only numbers may.
    if (/^[=+\-@\t\r]/.test(c)) expect(c, `${what}: a formula`).toMatch(/^-?\d+(\.\d+)?$/);
  }
  for (const p of expected)
    expect(
      cells.some((c) => c === csvForm(p) || c.includes(p.replace(/[^\t\n\r]+/g, visible))),
      `${what} shows ${JSON.stringify(p)}`,
    ).toBe(true);
}

function checkTsv(tsv: string, expected: string[], what: string): void {
  expectNoDriving(tsv, what);
  // A stored tab or line break would start a column or a row of its own: each reads \t or \n.
  for (const p of STORED.filter((p) => /[\t\n]/.test(p))) expect(tsv, what).not.toContain(p);
  const cells = (
    parseCsv(tsv, { delimiter: '\t', quote: false, relax_column_count: true }) as string[][]
  ).flat();
  for (const p of expected)
    expect(
      cells.some((c) => c.includes(cell(p))),
      `${what} shows ${JSON.stringify(p)}`,
    ).toBe(true);
}

function checkSvg(svg: string, what: string): void {
  expectNoDriving(svg, what);
  const doc = parseSvg(svg);
  expect(doc.documentElement?.tagName, what).toBe('svg');
  expect(externalReferences(svg, doc), what).toEqual([]);
  const { width } = rasterise(svg, 200);
  expect(width).toBe(200);
}

function checkIcs(bytes: Buffer, expected: string[], what: string, folder: string): void {
  expectWellFramed(bytes);
  const calendar = parseCalendar(bytes.toString('utf8'));
  const text = calendar.events.flatMap((e) => [e.summary, e.location ?? '', e.description]).join('\n');
  // iCalendar has no markup; control characters are dropped (RFC 5545 allows none).
  expectNoDriving(text, what);
  for (const p of expected) expect(text.includes(clean(p)), `${what} shows ${JSON.stringify(p)}`).toBe(true);
  // libical takes a few hundred milliseconds a file: the fast form reads the first calendars only.
  if (LIBICAL && libicalRuns++ < scale(2, Infinity)) {
    const file = join(folder, `${checked}.ics`);
    writeFileSync(file, bytes);
    const result = libical(file, calendar.events.length);
    expect(result.status, `${what}: libical\n${result.stderr}`).toBe(0);
  }
}

/** `calendar --split`: every .ics reads back, and index.md in both Markdown parsers. */
async function checkSplit(folder: string): Promise<number> {
  const files = readdirSync(folder);
  expect(files).toContain('index.md');
  let n = 0;
  for (const file of files) {
    const bytes = readFileSync(join(folder, file));
    expect(bytes.toString('utf8'), `${file}: private text`).not.toContain(SECRET);
    if (file.endsWith('.ics')) checkIcs(bytes, [], file, folder);
    // The index links each feed by its file name, and nothing else.
    else checkMarkdown(bytes.toString('utf8'), [], file, files.filter((f) => f.endsWith('.ics')).length);
    n++;
  }
  return n;
}

/** The payloads an output must show: a record format as TSV shows them, a document or calendar as its JSON. */
interface Shows {
  records: string[];
  /** A show command's CSV is its record's fields alone (the tables under them stay out). */
  csv: string[];
  documents: string[];
  tsv: string;
}
const RECORD_KINDS: Kind[] = ['table', 'tsv', 'csv', 'md'];

interface Ran {
  run: InProcessRun;
  place: Place;
  what: string;
}

/** Runs one invocation in one kind on a fresh copy of the prepared store. */
async function runKind(path: string, invocation: Invocation, kind: Kind, prepared: string): Promise<Ran> {
  const place = copyPlace(prepared);
  const env = { NSM_CONFIG: join(dirname(place.store), 'settings.json') };
  const args = [...invocation.args(place), ...formatArgs(kind, path)];
  const what = `nsm ${args.map((a) => JSON.stringify(a)).join(' ')}`;
  const run = await nsmIn(args, { store: place.store, env, ...(kind === 'table' ? { terminal: 100 } : {}) });
  expect(run.status, `${what}\n${run.stderr}`).toBe(0);
  return { run, place, what };
}

/** Reads one output back. Returns how many outputs were checked (a --split folder counts each file). */
async function check(
  invocation: Invocation,
  kind: Kind,
  shows: Shows,
  { run, place, what }: Ran,
): Promise<number> {
  expectNoDriving(run.stderr, `${what} (stderr)`);
  const out = run.stdout;
  let text = out;
  const expected = RECORD_KINDS.includes(kind) ? shows.records : shows.documents;
  const read = invocation.words && kind !== 'json' ? 'text' : kind;
  switch (read) {
    case 'json':
      checkJson(out, invocation.store?.(place) ?? place.store);
      break;
    case 'md':
      checkMarkdown(out, expected, what);
      break;
    case 'html':
      checkHtml(out, expected, what);
      break;
    case 'pdf':
      text = checkPdf(run.stdoutBytes, expected, what, place.folder);
      break;
    case 'csv':
      // Whatever the TSV says, the CSV says too (meeting next once printed an empty CSV).
      if (shows.tsv !== '') expect(out.trim(), `${what}: empty`).not.toBe('');
      checkCsv(out, shows.csv, what);
      break;
    case 'tsv':
      checkTsv(out, expected, what);
      break;
    case 'svg':
      checkSvg(out, what);
      break;
    case 'ics':
      checkIcs(run.stdoutBytes, expected, what, place.folder);
      break;
    case 'table':
    case 'text':
      expectNoDriving(out, what);
      break;
  }
  if (invocation.public) expect(text, `${what}: private text in a public output`).not.toContain(SECRET);
  if (invocation.private && read !== 'text') expect(text, `${what}: the private text`).toContain(SECRET);
  checked++;
  return 1 + (invocation.extra && read !== 'json' ? await invocation.extra(place, run) : 0);
}

describe('R9: every output read back by a real parser', () => {
  beforeAll(buildFixture, 60_000);
  beforeAll(async () => {
    for (let i = 0; i < 4; i++) copyTargets.push((await freshDatabase(testCluster())).url);
    database = (await freshDatabase(testCluster())).url;
    await must(['store', 'copy', '--to', database, '-q'], base);
    for (const role of [GRANTED, REVOKED]) await ensureRole(testCluster(), role);
    await must(['--store', database, 'access', 'grant', REVOKED, '--precinct', '77', '-q'], base);
  });

  it('has an entry for every command, and knows how to read every kind its spec promises', () => {
    const paths = definitions.map((d) => d.spec.path.join(' '));
    expect(Object.keys(PLAN).sort()).toEqual([...paths].sort());
    const readable: Kind[] = ['json', 'md', 'html', 'pdf', 'csv', 'tsv', 'svg', 'ics', 'table', 'text'];
    for (const d of definitions)
      for (const kind of kindsOf(d.spec))
        expect(readable, `${d.spec.path.join(' ')}: ${kind}`).toContain(kind);
  });

  it('stores the payloads exactly as typed (trimmed)', () => {
    const records = [...recordsOf(base).values()];
    for (const p of STORED)
      expect(
        records.some((r) => r.summary === p || r.location === p),
        JSON.stringify(p),
      ).toBe(true);
    // Each payload that acts at the start of a line is a summary of its own.
    for (const p of STORED.filter((p) => LINE_START.test(p)))
      expect(
        records.some((r) => r.summary === p),
        JSON.stringify(p),
      ).toBe(true);
  });

  let outputs = 0;
  afterAll(() => {
    figure('R9', 'outputs parsed back', outputs);
    figure('R9', 'payloads', STORED.length);
  });

  const cases = definitions.flatMap((d) =>
    (PLAN[d.spec.path.join(' ')] ?? []).map((invocation, i) => ({ spec: d.spec, invocation, i })),
  );
  it.each(cases.map((c) => [`${c.spec.path.join(' ')} #${c.i + 1}`, c]))(
    '%s',
    async (_, { spec, invocation }) => {
      const path = spec.path.join(' ');
      const kinds = kindsOf(spec).filter((k) => !invocation.kinds || invocation.kinds.includes(k));
      // The store as the command finds it: set up once, copied for each kind.
      const prepared = copyPlace();
      const env = { NSM_CONFIG: join(dirname(prepared.store), 'settings.json') };
      for (const setup of invocation.setup?.(prepared) ?? [])
        await must([...setup, '-q'], prepared.store, env);
      const runs = new Map<Kind, Ran>();
      for (const kind of kinds) runs.set(kind, await runKind(path, invocation, kind, prepared.store));
      // Which payloads the command shows: a document's and a calendar's JSON says, and a record
      // format's TSV (lists leave some fields out); every other format must show the same.
      const shows: Shows = { records: [], csv: [], documents: [], tsv: '' };
      const json = ownFoldersLeftOut(runs.get('json'));
      if (json !== undefined && !invocation.cuts) shows.documents = shownIn(strings(JSON.parse(json)));
      const tsv = ownFoldersLeftOut(runs.get('tsv'));
      if (tsv !== undefined) {
        shows.tsv = tsv;
        shows.records = STORED.filter((p) => tsv.includes(cell(p)));
        // A record's fields come first, then its tables under "# heading" lines: a CSV has the fields.
        const fieldsFirst = /^[^\t\n]+\t[^\t\n]*\n[^\t\n]+\t/.test(tsv) && tsv.includes('\n# ');
        const first = fieldsFirst && spec.path.at(-1) !== 'list' ? tsv.split('\n# ')[0]! : tsv;
        shows.csv = STORED.filter((p) => first.includes(cell(p)));
      }
      for (const kind of kinds) outputs += await check(invocation, kind, shows, runs.get(kind)!);
    },
  );
});

describe('R9: the neutralisations it found missing, one by one', () => {
  it('CSV shows escape sequences and bidi overrides as escapes, and keeps tabs and line breaks', async () => {
    const csv = await renderCsv([table(['Note'], [['\u001b[31mred'], ['a\u202eb'], ['a\tb\r\nc']])]);
    expect(parseCsv(csv)).toEqual([['Note'], ['\\x1b[31mred'], ['a\\u202eb'], ['a\tb\r\nc']]);
  });

  it('CSV of a command that prints a sentence (meeting next) is that sentence, not nothing', async () => {
    const csv = await renderCsv([textBlock('=75A: Tue Dec 8 2026, 7:00 PM')]);
    expect(parseCsv(csv)).toEqual([["'=75A: Tue Dec 8 2026, 7:00 PM"]]);
  });

  it('a calendar drops bidi overrides as it drops control characters', () => {
    expect(clean('invoice\u202efdp.exe\u2066x\u2069')).toBe('invoicefdp.exex');
  });

  it('a PDF shows control characters as the HTML does, instead of breaking the line on a CR', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'nsm-r9-'));
    const pdf = await renderPdf(sampleDocument({ footer: 'a\rb \u001b[31mred c\td' }), {
      createdAt: new Date('2026-11-26T17:00:00Z'),
    });
    writeFileSync(join(folder, 'doc.pdf'), pdf);
    const text = poppler('pdftotext', ['-raw', '-enc', 'UTF-8', join(folder, 'doc.pdf'), '-']);
    expect(text).toContain('a\\x0db \\x1b[31mred c d');
  });
});
