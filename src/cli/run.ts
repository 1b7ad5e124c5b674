import type { Writable } from 'node:stream';
import type { Context } from '../context.js';
import { InterruptedError, NsmError, UsageError } from '../errors.js';
import { parseChoice } from '../domain/choice.js';
import { fileStoreOnly, isDatabaseUrl, locateStore, withoutPassword } from '../store/paths.js';
import { loadSettings } from '../settings/file.js';
import { FORMATS, type Format, type Output } from '../render/view.js';
import { cell } from '../render/text.js';
import type { CommandSpec } from './define.js';

/** The global flags every command accepts, as commander hands them over. */
export interface GlobalOptions {
  store?: string;
  format?: string;
  json?: boolean;
  color?: boolean;
  input?: boolean;
  quiet?: boolean;
}

/** The process's streams and environment; tests pass in-memory ones. */
export interface Io {
  stdout: Writable & { isTTY?: boolean; columns?: number };
  stderr: Writable & { isTTY?: boolean };
  /** Only whether it is a terminal: prompts read the process's own stdin. */
  stdin: { readonly isTTY?: boolean };
  env: NodeJS.ProcessEnv;
}

export async function createContext(io: Io, globals: GlobalOptions, commandLine: string): Promise<Context> {
  const stdoutIsTTY = Boolean(io.stdout.isTTY);
  const fixedNow = io.env.NSM_NOW ? new Date(io.env.NSM_NOW) : null;
  if (fixedNow && Number.isNaN(fixedNow.getTime()))
    throw new Error(`NSM_NOW "${io.env.NSM_NOW}" is not an instant`);
  const settings = await loadSettings(io.env);
  const store = await locateStore(globals.store, io.env, settings.store);
  return {
    storePath: store.path,
    storeSource: store.source,
    now: () => fixedNow ?? new Date(),
    // node:crypto is loaded when a command first makes a record, not by every command.
    newUuid: () => process.getBuiltinModule('node:crypto').randomUUID(),
    stdout: io.stdout,
    stderr: io.stderr,
    stdoutIsTTY,
    stderrIsTTY: Boolean(io.stderr.isTTY),
    // Asked only by commands that may prompt (see processIo in main.ts).
    get interactive() {
      return globals.input !== false && Boolean(io.stdin.isTTY);
    },
    color: stdoutIsTTY && globals.color !== false && !('NO_COLOR' in io.env && io.env.NO_COLOR !== ''),
    format: chooseFormat(globals, stdoutIsTTY),
    width: terminalWidth(io),
    quiet: Boolean(globals.quiet),
    settings,
    env: io.env,
    commandLine,
  };
}

/**
 * demo and doctor work on a JSON store file (its backups, journal and lock); given a PostgreSQL
 * store they say so rather than take the URL for a file name. `access` works on a database only.
 */
export function checkStoreKind(storePath: string, spec: CommandSpec): void {
  if (spec.fileStoreOnly && isDatabaseUrl(storePath)) throw fileStoreOnly(storePath, spec.path);
  if (spec.databaseOnly && !isDatabaseUrl(storePath))
    throw new UsageError(
      `nsm ${spec.path.join(' ')} works on a PostgreSQL store, not on a JSON store file (${storePath})`,
      "a file's readers and writers are whoever its file permissions allow; to fence precincts, copy the store into a database: nsm store copy --to postgres://…",
    );
}

function chooseFormat(globals: GlobalOptions, tty: boolean): Format {
  if (globals.json) {
    if (globals.format !== undefined && globals.format.toLowerCase() !== 'json')
      throw new UsageError(`--json and --format ${globals.format} disagree`, 'give one of them');
    return 'json';
  }
  if (globals.format !== undefined)
    return parseChoice(globals.format, '--format', FORMATS, 'an output format');
  return tty ? 'table' : 'tsv';
}

/** The terminal's own width, else COLUMNS (a terminal of unknown size reports 0), else 80. */
function terminalWidth(io: Io): number {
  for (const columns of [io.stdout.columns, Number(io.env.COLUMNS)])
    if (columns !== undefined && Number.isInteger(columns) && columns >= 20) return columns;
  return 80;
}

/** Prints a command's output in the chosen format; notices and warnings go to stderr. */
export async function print(ctx: Context, output: Output, spec: CommandSpec): Promise<void> {
  if (ctx.format === 'json') {
    // JSON.stringify escapes C0 controls but not DEL and the C1 range (U+009B is a CSI on some
    // terminals); escaping them too keeps stored text from driving the terminal, and parses the same.
    const json = JSON.stringify(output.json, null, 2).replace(
      /[\u007f-\u009f]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
    ctx.stdout.write(json + '\n');
  } else if (output.document !== undefined) {
    ctx.stdout.write(output.document);
  } else if (output.blocks.length > 0) {
    const text = await renderBlocks(ctx, output, spec);
    // CSV records end in CRLF, the last one too: a parser reads a lone LF after them as bad data.
    if (text !== '') ctx.stdout.write(text + (ctx.format === 'csv' ? '\r\n' : '\n'));
  }
  const { cell, wrap } = await import('../render/text.js');
  // On a terminal, long warnings and confirmations wrap at its width; piped, each stays one line.
  // Either way a newline or tab from stored text is shown escaped, so it cannot forge a line.
  const line = (text: string) =>
    (ctx.stderrIsTTY ? wrap(cell(text), ctx.width).join('\n') : cell(text)) + '\n';
  for (const warning of output.warnings ?? []) ctx.stderr.write(line(`nsm: warning: ${warning}`));
  if (!ctx.quiet) for (const notice of output.notices ?? []) ctx.stderr.write(line(notice));
}

async function renderBlocks(ctx: Context, output: Output, spec: CommandSpec): Promise<string> {
  switch (ctx.format) {
    case 'table': {
      const { renderTerminal } = await import('../render/terminal.js');
      const { personMode } = await import('../render/cells.js');
      return renderTerminal(output.blocks, {
        color: ctx.color,
        width: ctx.width,
        mode: await personMode(ctx.now()),
      });
    }
    case 'tsv':
      return (await import('../render/records.js')).renderTsv(output.blocks);
    case 'csv':
      return (await import('../render/records.js')).renderCsv(output.blocks);
    case 'md':
      return (await import('../render/records.js')).renderMarkdown(output.blocks);
    default:
      throw new Error(`${spec.path.join(' ')}: no renderer for ${ctx.format}`);
  }
}

/** `--format` other than json is for commands that print records; checked before anything runs. */
export function checkFormat(globals: GlobalOptions, spec: CommandSpec): void {
  const format = globals.format?.trim().toLowerCase();
  // A command that draws pictures took --format svg already (routeFormat).
  if (format === 'svg')
    throw new UsageError(
      `nsm ${spec.path.join(' ')} has no picture, so --format svg does not apply`,
      'the rollout has one: nsm report rollout --format svg (a map of the sectors, or --chart)',
    );
  if (format === undefined || format === 'json' || spec.records) return;
  if ((FORMATS as readonly string[]).includes(format))
    throw new UsageError(
      `nsm ${spec.path.join(' ')} prints no records, so --format ${format} does not apply`,
      'use --json for its result, or --format on a list or show command',
    );
}

/**
 * commander hands `--format` to the global flag wherever it is typed. A command with a document
 * format of its own (agenda: md) takes the value instead, checked against its own choices;
 * `--format json` stays global, the same as --json. A command that prints records and also has a
 * format of its own (report rollout: svg) keeps the record formats global and takes the rest.
 */
export function routeFormat(
  globals: GlobalOptions,
  flags: Record<string, unknown>,
  spec: CommandSpec,
): { globals: GlobalOptions; flags: Record<string, unknown> } {
  const format = globals.format;
  const normalised = format?.trim().toLowerCase();
  if (!('format' in spec.flags) || format === undefined || normalised === 'json') return { globals, flags };
  if (spec.records && (FORMATS as readonly string[]).includes(normalised!)) return { globals, flags };
  return { globals: { ...globals, format: undefined }, flags: { ...flags, format } };
}

/** The one place an error becomes a message and an exit status. */
export function reportError(error: unknown, stderr: Writable, env: NodeJS.ProcessEnv): number {
  if (isPromptExit(error)) error = new InterruptedError('cancelled at the prompt; nothing was changed');
  if (error instanceof NsmError) {
    // Messages quote what was typed or stored: shown escaped, on one line, like every other output.
    stderr.write(
      `nsm: ${clipped(cell(error.message))}${error.hint ? ` — ${clipped(cell(error.hint))}` : ''}\n`,
    );
    if (env.NSM_DEBUG === '1') stderr.write(`${error.stack}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  stderr.write(
    `nsm: internal error: ${cell(message)} — this is a bug; run again with NSM_DEBUG=1 for details and report it\n`,
  );
  if (env.NSM_DEBUG === '1' && error instanceof Error) stderr.write(`${error.stack}\n`);
  return 1;
}

/** Most characters of a message or hint shown: a refusal quoting a megabyte typed is still one readable line. */
const MOST_SHOWN = 600;

/** Keeps the start and the end of a very long message (the end says what was wrong with the value). */
function clipped(text: string): string {
  if (text.length <= MOST_SHOWN) return text;
  const keep = MOST_SHOWN / 2;
  return `${text.slice(0, keep)}…(${text.length - 2 * keep} characters not shown)…${text.slice(-keep)}`;
}

function isPromptExit(error: unknown): boolean {
  return error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError');
}

/** Quotes a command line for the undo journal the way a shell would need it. */
export function quoteCommandLine(argv: string[]): string {
  const quote = (a: string) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`);
  // A database URL's password is never recorded (undo --list shows this line).
  return ['nsm', ...argv.map((a) => quote(withoutPassword(a)))].join(' ');
}
