import type { Context } from '../context.js';
import { parseChoice } from '../domain/choice.js';
import { NotFoundError } from '../errors.js';
import type { Output } from '../render/view.js';

/**
 * Each command is defined once, as data: its words, summary, arguments, flags (with their types
 * and choices), examples and the module that runs it. Registration with commander, `--help`, the
 * README's command reference, shell completion and settings defaults are all read from here.
 */

/** Store values a shell can complete, read from the store at completion time. */
export type Completion =
  | 'precinct'
  | 'sector'
  | 'meeting'
  | 'upcoming-meeting'
  | 'held-meeting'
  | 'issue'
  | 'open-issue'
  | 'solution'
  | 'nco'
  | 'setting'
  | 'file'
  | 'folder';

export interface FlagSpec {
  description: string;
  /** The value's name in help (`--sector <sector>`); a flag without one is an on/off switch. */
  value?: string;
  /** The only values allowed; matched in any case, with spaces or underscores for hyphens. */
  choices?: readonly string[];
  /** What one choice is called in an error: "a meeting status". */
  what?: string;
  short?: string;
  complete?: Completion;
  /** Values a shell offers for an open-ended flag (owners: the city agencies); any value is accepted. */
  suggestions?: readonly string[];
  /** The setting (`nsm config`) that supplies the value when the flag is not given. */
  setting?: string;
  /** The setting is not used when one of these flags is given (a --sector narrows past the default precinct). */
  settingUnless?: readonly string[];
}

export interface ArgSpec {
  name: string;
  description: string;
  optional?: boolean;
  complete?: Completion;
  choices?: readonly string[];
}

export interface CommandSpec {
  /** The words that name it: `['meeting', 'schedule']`. */
  path: readonly string[];
  summary: string;
  args?: readonly ArgSpec[];
  flags: Readonly<Record<string, FlagSpec>>;
  examples: readonly string[];
  /** More help, printed after the examples. */
  notes?: string;
  /** The command prints records, so the global --format applies (table, tsv, csv, json, md). */
  records?: boolean;
  /** The command works on a JSON store file only, and refuses a PostgreSQL store (`--store postgres://…`). */
  fileStoreOnly?: boolean;
  /** The command works on a PostgreSQL store only, and refuses a JSON store file. */
  databaseOnly?: boolean;
}

type FlagValue<F> = F extends { choices: readonly (infer C)[] }
  ? C
  : F extends { value: string }
    ? string
    : boolean;

type ArgValue<K> = K extends { choices: readonly (infer C)[] } ? C : string;

type ArgValues<A> = A extends readonly ArgSpec[]
  ? { [K in A[number] as K['name']]: K extends { optional: true } ? ArgValue<K> | undefined : ArgValue<K> }
  : unknown;

/** The typed options a command's `run` receives, derived from its spec. */
export type Options<S extends CommandSpec> = ArgValues<S['args']> & {
  [K in keyof S['flags']]?: FlagValue<S['flags'][K]>;
};

export interface Runnable<S extends CommandSpec> {
  run(ctx: Context, options: Options<S>): Promise<Output>;
}

/** A command ready to register: its spec, and how to run it from commander's raw values. */
export interface Definition {
  spec: CommandSpec;
  execute(ctx: Context, args: readonly unknown[], flags: Readonly<Record<string, unknown>>): Promise<Output>;
}

/** Keeps a spec's literal types, so `Options<typeof spec>` knows every flag and choice. */
export function spec<const S extends CommandSpec>(value: S): S {
  return value;
}

/** Joins a spec to the module that runs it; the module is imported only when the command runs. */
export function define<const S extends CommandSpec>(value: S, load: () => Promise<Runnable<S>>): Definition {
  return {
    spec: value,
    async execute(ctx, args, flags) {
      const options = parseOptions(value, args, flags, ctx.settings);
      const module = await load();
      try {
        return await module.run(ctx, options);
      } catch (error) {
        throw blameSetting(error, value, flags, ctx.settings);
      }
    },
  };
}

/**
 * Turns commander's raw values into the typed options: arguments by name, choices checked and
 * normalised, settings filling flags that were not given.
 */
export function parseOptions<S extends CommandSpec>(
  value: S,
  args: readonly unknown[],
  flags: Readonly<Record<string, unknown>>,
  settings: Readonly<Record<string, unknown>>,
): Options<S> {
  const options: Record<string, unknown> = {};
  (value.args ?? []).forEach((arg, i) => {
    const given = args[i];
    if (typeof given === 'string')
      options[arg.name] = arg.choices ? parseChoice(given, arg.name, arg.choices, `a ${arg.name}`) : given;
  });
  for (const [key, flag] of Object.entries(value.flags)) {
    let given = flags[key];
    const blocked = (flag.settingUnless ?? []).some((other) => flags[other] !== undefined);
    if (given === undefined && flag.setting && !blocked) given = settings[flag.setting];
    if (given === undefined) continue;
    options[key] =
      flag.choices && typeof given === 'string'
        ? parseChoice(given, `--${kebab(key)}`, flag.choices, flag.what ?? 'allowed here')
        : given;
  }
  // Every key above comes from the spec and every value was checked against it: this is the
  // one place where the spec's types meet commander's untyped values.
  return options as Options<S>;
}

/**
 * A record that is not found because a setting named it (the default precinct, gone from the
 * store) says so, since the user typed no such value.
 */
function blameSetting(
  error: unknown,
  value: CommandSpec,
  flags: Readonly<Record<string, unknown>>,
  settings: Readonly<Record<string, unknown>>,
): unknown {
  if (!(error instanceof NotFoundError)) return error;
  for (const [key, flag] of Object.entries(value.flags)) {
    const setting = flag.setting;
    const used = setting !== undefined && flags[key] === undefined ? settings[setting] : undefined;
    if (typeof used !== 'string' || !new RegExp(`\\b${escapeRegExp(used)}\\b`).test(error.message)) continue;
    return new NotFoundError(
      `${error.message} (your ${setting} setting)`,
      `give --${kebab(key)}, or change the setting: nsm config set ${setting} <value>${error.hint ? `; ${error.hint}` : ''}`,
    );
  }
  return error;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `patrolBorough` → `patrol-borough`, the flag as typed. */
export function kebab(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** The flag as commander declares it: `-o, --output <file>`. */
export function flagSyntax(key: string, flag: FlagSpec): string {
  const long = `--${kebab(key)}${flag.value ? ` <${flag.value}>` : ''}`;
  return flag.short ? `-${flag.short}, ${long}` : long;
}
