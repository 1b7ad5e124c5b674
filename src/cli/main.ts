import { CommanderError } from 'commander';
import { buildProgram } from './program.js';
import {
  createContext,
  print,
  quoteCommandLine,
  reportError,
  type CommandModule,
  type GlobalOptions,
  type Io,
} from './run.js';

const processIo: Io = {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
};

/** Runs one nsm command line and returns its exit status. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  let status = 0;
  let usageMessage: string | null = null;

  const runCommand = async <O>(load: () => Promise<CommandModule<O>>, options: O & GlobalOptions) => {
    const ctx = await createContext(io, options, quoteCommandLine(argv));
    const module = await load();
    const output = await module.run(ctx, options);
    await print(ctx, output);
    status = output.exitCode ?? 0;
  };

  const program = buildProgram(runCommand, {
    writeOut: (text) => io.stdout.write(text),
    writeErr: (text) => io.stderr.write(text),
    outputError: (text) => {
      // One line: commander puts its "(Did you mean …?)" suggestion on a line of its own.
      usageMessage = text
        .replace(/^error: /, '')
        .trim()
        .replace(/\s*\n\s*/g, ' ');
    },
  });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return status;
  } catch (error) {
    if (error instanceof CommanderError) return commanderExit(error, usageMessage, argv, io);
    return reportError(error, io.stderr, io.env);
  }
}

function commanderExit(error: CommanderError, message: string | null, argv: string[], io: Io): number {
  if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return 0;
  // A noun without a verb, or nothing at all: commander has printed the help to stderr.
  if (error.code === 'commander.help' || error.code === 'commander.executeSubCommandAsync') return 2;
  let words = argv.filter((a) => !a.startsWith('-')).slice(0, 2);
  if (error.code === 'commander.unknownCommand') words = words.slice(0, words.length - 1);
  io.stderr.write(`nsm: ${message ?? error.message} — see: nsm ${[...words, '--help'].join(' ')}\n`);
  return 2;
}
