import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Io } from '../cli/run.js';
import type { Store } from '../domain/schema.js';
import { loadSettings } from '../settings/file.js';
import { resolveStorePath } from '../store/paths.js';
import { loadStoreAt } from '../store/load.js';
import { oneLine } from './quote.js';
import { candidates, isKind } from './values.js';
import type { StoreKind } from './protocol.js';

interface Request {
  kind: StoreKind;
  typed: string;
  store: string | undefined;
}

/** A value is one word: anything else is left out rather than offered to the shell. */
// eslint-disable-next-line no-control-regex
const ONE_WORD = /^[^\s\u0000-\u001f\u007f-\u009f]+$/;

/** Descriptions longer than this are cut: a shell shows one line per value. */
const DESCRIPTION_MAX = 70;

/**
 * `nsm __complete <kind> [<prefix>] [--store <file>]` (see protocol.ts): the values of one kind
 * that begin with the prefix, in any case, one per line with a tab and a description. Runs on
 * every Tab, so it only reads, never prompts, and any problem (no store, a damaged store or
 * settings file, an unknown kind) prints nothing and exits 0.
 */
export async function serve(args: readonly string[], io: Io): Promise<number> {
  io.stdout.on('error', () => {});
  try {
    const request = parseRequest(args);
    if (request) io.stdout.write(await answer(request, io.env));
  } catch {
    // Nothing to offer; the shell falls back to no suggestions.
  }
  return 0;
}

function parseRequest(args: readonly string[]): Request | null {
  const [kind, ...rest] = args;
  if (kind === undefined || !isKind(kind)) return null;
  const request: Request = { kind, typed: '', store: undefined };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === '--store') request.store = rest[++i];
    else if (arg.startsWith('--store=')) request.store = arg.slice('--store='.length);
    else request.typed = arg;
  }
  return request;
}

async function answer(request: Request, env: NodeJS.ProcessEnv): Promise<string> {
  const settings = await loadSettings(env);
  const store = await readStore(
    await resolveStorePath(expandHome(request.store, env) ?? settings.store, env),
  );
  const now = env.NSM_NOW ? new Date(env.NSM_NOW) : new Date();
  if (Number.isNaN(now.getTime())) return '';
  const typed = request.typed.toLowerCase();
  return candidates(request.kind, { store, settings, now, typed: request.typed })
    .filter((c) => ONE_WORD.test(c.value) && c.value.toLowerCase().startsWith(typed))
    .map((c) => `${c.value}\t${shorten(oneLine(c.description))}\n`)
    .join('');
}

/** The store, or null when there is none or it cannot be read: setting keys need none. */
async function readStore(path: string): Promise<Store | null> {
  try {
    return await loadStoreAt(path);
  } catch {
    return null;
  }
}

/** A `--store ~/x.json` from the line being completed reaches nsm unexpanded. */
function expandHome(path: string | undefined, env: NodeJS.ProcessEnv): string | undefined {
  if (!path) return undefined;
  return /^~(?=$|\/)/.test(path) ? join(env.HOME || homedir(), path.slice(1)) : path;
}

function shorten(text: string): string {
  return text.length <= DESCRIPTION_MAX ? text : `${text.slice(0, DESCRIPTION_MAX - 1)}…`;
}
