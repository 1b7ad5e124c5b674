import { CommanderError, type Command } from 'commander';
import { buildProgram } from './program.js';
import type { Execute } from './register.js';
import { COMPLETE_COMMAND } from '../completion/protocol.js';
import { startAgentAfter } from '../agent/start.js';
import { firstWord, GLOBAL_VALUE_FLAGS } from './words.js';
import { cell } from '../render/text.js';
import {
  checkFormat,
  checkStoreKind,
  createContext,
  print,
  quoteCommandLine,
  reportError,
  routeFormat,
  type GlobalOptions,
  type Io,
} from './run.js';

const processIo: Io = {
  stdout: process.stdout,
  stderr: process.stderr,
  // Not process.stdin, which would set up a stream that a command that does not prompt never reads;
  // and asked only by a command that may prompt (node:tty loads much of node:net).
  stdin: {
    get isTTY() {
      return process.getBuiltinModule('node:tty').isatty(0);
    },
  },
  env: process.env,
};

/** Runs one nsm command line and returns its exit status. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  // Shell completion asks for store ids on every Tab: answered before commander and the context,
  // so nothing (a damaged settings file, no store) can print an error or prompt.
  if (argv[0] === COMPLETE_COMMAND) return (await import('../completion/serve.js')).serve(argv.slice(1), io);
  let status = 0;
  let usageMessage: string | null = null;

  // Runs after parsing, when `program` below holds the global flags.
  const execute: Execute = async (definition, args, given) => {
    const { globals, flags } = routeFormat(program.opts<GlobalOptions>(), given, definition.spec);
    checkFormat(globals, definition.spec);
    const ctx = await createContext(io, globals, quoteCommandLine(argv));
    checkStoreKind(ctx.storePath, definition.spec);
    const output = await definition.execute(ctx, args, flags);
    await print(ctx, output, definition.spec);
    status = output.exitCode ?? 0;
    startAgentAfter(ctx, argv);
  };

  const words = onlyGlobalFlags(argv) ? [...argv, 'home'] : argv;
  const program = buildProgram(
    execute,
    {
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      outputError: (text) => {
        // One line: commander puts its "(Did you mean …?)" suggestion on a line of its own.
        usageMessage = text
          .replace(/^error: /, '')
          .trim()
          .replace(/\s*\n\s*/g, ' ');
      },
    },
    firstWord(words),
  );

  try {
    await program.parseAsync(words, { from: 'user' });
    return status;
  } catch (error) {
    if (error instanceof CommanderError) return commanderExit(error, usageMessage, argv, program, io);
    return reportError(error, io.stderr, io.env);
  }
}

function onlyGlobalFlags(argv: string[]): boolean {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (GLOBAL_VALUE_FLAGS.has(arg)) i++;
    else if (!arg.startsWith('-') || arg === '-h' || arg === '--help' || arg === '-V' || arg === '--version')
      return false;
  }
  return true;
}

function commanderExit(
  error: CommanderError,
  message: string | null,
  argv: string[],
  program: Command,
  io: Io,
): number {
  if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return 0;
  // A noun without a verb: commander has printed the noun's help to stderr.
  if (error.code === 'commander.help' || error.code === 'commander.executeSubCommandAsync') return 2;
  // commander quotes what was typed (an unknown option or command): shown escaped, like every error.
  io.stderr.write(
    `nsm: ${cell(message ?? error.message)} — see: ${[...knownCommand(argv, program), '--help'].join(' ')}\n`,
  );
  return 2;
}

/** The longest run of words that names a real command: `nsm meetng list` points to `nsm --help`. */
function knownCommand(argv: string[], program: Command): string[] {
  const words = ['nsm'];
  let command = program;
  for (const word of argv.filter((a) => !a.startsWith('-'))) {
    const sub = command.commands.find((c) => c.name() === word || c.aliases().includes(word));
    if (!sub) break;
    words.push(word);
    command = sub;
  }
  return words;
}

/** Makes this process the agent (agent/server.ts) of the bundle `bundle`: the launcher's `__agent`. */
export async function serveAgent(bundle: string): Promise<void> {
  await (await import('../agent/server.js')).serveAgent(bundle);
}
