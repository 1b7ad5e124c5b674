import type { Context } from '../context.js';
import { InterruptedError, NsmError } from '../errors.js';
import { resolveStorePath } from '../store/paths.js';
import type { Output } from '../render/view.js';

/** The global flags every command accepts, as commander hands them over. */
export interface GlobalOptions {
  store?: string;
  json?: boolean;
  color?: boolean;
  input?: boolean;
  quiet?: boolean;
}

export interface CommandModule<O> {
  run(ctx: Context, options: O): Promise<Output>;
}

export interface Io {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  stdin: NodeJS.ReadStream;
  env: NodeJS.ProcessEnv;
}

export async function createContext(io: Io, globals: GlobalOptions, commandLine: string): Promise<Context> {
  const stdoutIsTTY = Boolean(io.stdout.isTTY);
  const fixedNow = io.env.NSM_NOW ? new Date(io.env.NSM_NOW) : null;
  if (fixedNow && Number.isNaN(fixedNow.getTime()))
    throw new Error(`NSM_NOW "${io.env.NSM_NOW}" is not an instant`);
  return {
    storePath: await resolveStorePath(globals.store, io.env),
    now: () => fixedNow ?? new Date(),
    stdout: io.stdout,
    stderr: io.stderr,
    stdoutIsTTY,
    interactive: Boolean(io.stdin.isTTY) && globals.input !== false,
    color: stdoutIsTTY && globals.color !== false && !('NO_COLOR' in io.env && io.env.NO_COLOR !== ''),
    json: Boolean(globals.json),
    quiet: Boolean(globals.quiet),
    env: io.env,
    commandLine,
  };
}

/** Prints a command's output: JSON for --json, otherwise a table or text; notices go to stderr. */
export async function print(ctx: Context, output: Output): Promise<void> {
  if (ctx.json) {
    // JSON.stringify escapes C0 controls but not DEL and the C1 range (U+009B is a CSI on some
    // terminals); escaping them too keeps stored text from driving the terminal, and parses the same.
    const json = JSON.stringify(output.json, null, 2).replace(
      /[\u007f-\u009f]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
    ctx.stdout.write(json + '\n');
  } else if (output.blocks.length > 0) {
    const { renderBlocks } = await import('../render/terminal.js');
    const text = await renderBlocks(output.blocks, { tty: ctx.stdoutIsTTY, color: ctx.color });
    if (text !== '') ctx.stdout.write(text + '\n');
  }
  const { visible } = await import('../render/text.js');
  for (const warning of output.warnings ?? []) ctx.stderr.write(`nsm: warning: ${visible(warning)}\n`);
  if (!ctx.quiet) for (const notice of output.notices ?? []) ctx.stderr.write(`${visible(notice)}\n`);
}

/** The one place an error becomes a message and an exit status. */
export function reportError(error: unknown, stderr: NodeJS.WritableStream, env: NodeJS.ProcessEnv): number {
  if (isPromptExit(error)) error = new InterruptedError('cancelled at the prompt; nothing was changed');
  if (error instanceof NsmError) {
    stderr.write(`nsm: ${error.message}${error.hint ? ` — ${error.hint}` : ''}\n`);
    if (env.NSM_DEBUG === '1') stderr.write(`${error.stack}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  stderr.write(
    `nsm: internal error: ${message} — this is a bug; run again with NSM_DEBUG=1 for details and report it\n`,
  );
  if (env.NSM_DEBUG === '1' && error instanceof Error) stderr.write(`${error.stack}\n`);
  return 1;
}

function isPromptExit(error: unknown): boolean {
  return error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError');
}

/** Quotes a command line for the undo journal the way a shell would need it. */
export function quoteCommandLine(argv: string[]): string {
  const quote = (a: string) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`);
  return ['nsm', ...argv.map(quote)].join(' ');
}
