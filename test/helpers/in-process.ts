import { PassThrough, Writable } from 'node:stream';
import { main } from '../../src/cli/main.js';
import { NOW, type Run } from './cli.js';

export interface InProcessOptions {
  store?: string;
  env?: Record<string, string | undefined>;
  /** Pretend stdout is a terminal this many columns wide (tables, relative dates, colour off). */
  terminal?: number;
}

/** A run, with stdout also as the bytes written: a PDF does not survive decoding as UTF-8. */
export interface InProcessRun extends Run {
  stdoutBytes: Buffer;
}

/**
 * Runs one nsm command line in this process, through the same `main` the binary calls: a fixed
 * clock (NSM_NOW), captured stdout and stderr, stdin that is not a terminal. Much faster than
 * spawning the binary; the end-to-end tests in test/e2e keep covering the real process.
 */
export async function nsmIn(args: string[], options: InProcessOptions = {}): Promise<InProcessRun> {
  if (options.env?.TZ !== undefined)
    // Node reads TZ for the whole process (and not at all in a worker thread), so a TZ here would
    // be ignored and the test would pass for the wrong reason: vary the zone with the spawned nsm().
    throw new Error('nsmIn cannot set the machine time zone; use nsm() from helpers/cli for TZ');
  const stdout = capture();
  const stderr = capture();
  if (options.terminal !== undefined)
    Object.assign(stdout.stream, { isTTY: true, columns: options.terminal });
  const stdin = Object.assign(new PassThrough(), { isTTY: false });
  stdin.end();
  const status = await main(args, {
    stdout: stdout.stream,
    stderr: stderr.stream,
    stdin,
    env: environment(options),
  });
  const run = { status, stdout: stdout.text(), stderr: stderr.text() };
  // Not enumerable: tests that compare a whole run with toEqual({ status, stdout, stderr }) still can.
  return Object.defineProperty(run, 'stdoutBytes', { value: stdout.bytes() }) as InProcessRun;
}

function environment(options: InProcessOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    HOME: process.env.HOME,
    PATH: process.env.PATH,
    NSM_NOW: NOW,
    NO_COLOR: '1',
    // A settings file of the test's own, so the machine's never leaks in.
    NSM_CONFIG: '/nonexistent/nsm-test-config.json',
    ...options.env,
  };
  if (options.store) env.NSM_STORE = options.store;
  // As for a spawned process, a variable given as undefined is not set at all.
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key];
  return env;
}

/** A stream that keeps every chunk as it is written, so nothing is still in flight when main returns. */
function capture() {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
      done();
    },
  });
  const bytes = () => Buffer.concat(chunks);
  return { stream, bytes, text: () => bytes().toString('utf8') };
}
