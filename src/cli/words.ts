/**
 * Reading a command line before commander does: which command it names and which store it gives.
 * Small and free of imports, because the launcher asks it on every command (src/agent/client.ts).
 */

/** Global flags that take a value, so `nsm --store s.json` alone still means the home screen. */
export const GLOBAL_VALUE_FLAGS: ReadonlySet<string> = new Set(['--store', '--format']);

/** The first word of a command line that is not a global flag or its value: `meeting` of `nsm --store s.json meeting next`. */
export function firstWord(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (GLOBAL_VALUE_FLAGS.has(arg)) i++;
    else if (!arg.startsWith('-')) return arg;
  }
  return undefined;
}

/** The store the command line gives with `--store <s>` or `--store=<s>`, if any. */
export function givenStore(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--store') return argv[i + 1];
    if (argv[i]!.startsWith('--store=')) return argv[i]!.slice('--store='.length);
  }
  return undefined;
}
