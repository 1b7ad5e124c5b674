import { PassThrough } from 'node:stream';
import { main } from '../../src/cli/main.js';
import { NOW, type Run } from './cli.js';

export interface InProcessOptions {
  store?: string;
  env?: Record<string, string | undefined>;
  /** Pretend stdout is a terminal this many columns wide (tables, relative dates, colour off). */
  terminal?: number;
}

/**
 * Runs one nsm command line in this process, through the same `main` the binary calls: a fixed
 * clock (NSM_NOW), captured stdout and stderr, stdin that is not a terminal. Much faster than
 * spawning the binary; the end-to-end tests in test/e2e keep covering the real process.
 */
export async function nsmIn(args: string[], options: InProcessOptions = {}): Promise<Run> {
  const stdout = capture();
  const stderr = capture();
  if (options.terminal !== undefined) Object.assign(stdout.stream, { isTTY: true, columns: options.terminal });
  const stdin = Object.assign(new PassThrough(), { isTTY: false });
  stdin.end();
  const env: NodeJS.ProcessEnv = {
    HOME: process.env.HOME,
    PATH: process.env.PATH,
    NSM_NOW: NOW,
    NO_COLOR: '1',
    // A settings file of the test's own, so the machine's never leaks in.
    NSM_CONFIG: options.env?.NSM_CONFIG ?? '/nonexistent/nsm-test-config.json',
    ...options.env,
  };
  if (options.store) env.NSM_STORE = options.store;
  const status = await main(args, { stdout: stdout.stream, stderr: stderr.stream, stdin, env });
  return { status, stdout: stdout.text(), stderr: stderr.text() };
}

function capture() {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}
