import type { CommandSpec, Definition, FlagSpec } from '../cli/define.js';
import { kebab } from '../cli/define.js';
import type { NounSpec } from '../cli/register.js';
import { GLOBAL_FLAGS } from './globals.js';
import { isStoreKind, type StoreKind } from './protocol.js';

/**
 * What a shell needs to complete an nsm command line, read from the command definitions: the
 * words of each command, the flags of each, and where the values of flags and arguments come
 * from. The bash, zsh and fish scripts are written from this one model.
 */

/** Where the values of a flag or an argument come from. */
export type Values =
  | { from: 'words'; words: readonly string[] }
  | { from: 'store'; kind: StoreKind }
  | { from: 'file' }
  | { from: 'folder' }
  /** Any text: there is nothing to offer, but the word after the flag is its value. */
  | { from: 'text' };

export interface FlagModel {
  long: string;
  short?: string;
  description: string;
  /** Absent for an on/off switch. */
  values?: Values;
}

export interface Word {
  name: string;
  summary: string;
}

export interface CommandModel {
  /** The command's words joined by a space: `meeting list`. */
  path: string;
  flags: FlagModel[];
  /** The values of each positional argument, in order. */
  args: Values[];
}

export interface CompletionModel {
  /** The words that may follow `nsm`: nouns and the commands that stand alone. */
  top: Word[];
  /** The verbs of each noun. */
  verbs: Array<{ noun: string; verbs: Word[] }>;
  commands: CommandModel[];
  /** Flags every command accepts; a command's own flag of the same name comes first. */
  globals: readonly FlagModel[];
}

export function completionModel(
  nouns: readonly NounSpec[],
  definitions: readonly Definition[],
): CompletionModel {
  const specs = definitions.map((d) => d.spec);
  const verbs = nouns
    .map((noun) => ({
      noun: noun.name,
      verbs: specs.filter((s) => s.path.length > 1 && s.path[0] === noun.name).map(word),
    }))
    .filter((n) => n.verbs.length > 0);
  const top = [
    ...nouns.filter((n) => verbs.some((v) => v.noun === n.name)),
    // A noun that also acts on its own (`minutes <meeting>`) is listed once, as a noun.
    ...specs.filter((s) => s.path.length === 1 && !verbs.some((v) => v.noun === s.path[0])).map(word),
  ];
  return { top, verbs, commands: specs.map(command), globals: GLOBAL_FLAGS };
}

function word(spec: CommandSpec): Word {
  return { name: spec.path.at(-1)!, summary: spec.summary };
}

function command(spec: CommandSpec): CommandModel {
  return {
    path: spec.path.join(' '),
    flags: Object.entries(spec.flags).map(([key, flag]) => flagModel(key, flag)),
    args: (spec.args ?? []).map(valuesOf),
  };
}

function flagModel(key: string, flag: FlagSpec): FlagModel {
  const model: FlagModel = { long: `--${kebab(key)}`, description: flag.description };
  if (flag.short) model.short = `-${flag.short}`;
  if (flag.value) model.values = valuesOf(flag);
  return model;
}

/** Choices first (they are the only valid values), then suggestions, then files or store values. */
function valuesOf(source: Pick<FlagSpec, 'choices' | 'suggestions' | 'complete'>): Values {
  if (source.choices) return { from: 'words', words: source.choices };
  if (source.suggestions) return { from: 'words', words: source.suggestions };
  if (source.complete === 'file' || source.complete === 'folder') return { from: source.complete };
  if (source.complete && isStoreKind(source.complete)) return { from: 'store', kind: source.complete };
  return { from: 'text' };
}

/** Where the value after one flag, or one positional argument (`#1`), comes from. */
export interface ValueRule {
  /** The command's words, or null for the global flags (any command). */
  command: string | null;
  /** The flag as typed (`-o` and `--output` both), or `#1`, `#2` … for the arguments. */
  keys: string[];
  values: Values;
}

/**
 * Every flag that takes a value and every argument, each command's own before the global flags
 * (a command's own `--format` wins). Keys of one command with the same values share a rule.
 */
export function valueRules(model: CompletionModel): ValueRule[] {
  const rule = (command: string | null, flag: FlagModel): ValueRule[] =>
    flag.values
      ? [{ command, keys: flag.short ? [flag.short, flag.long] : [flag.long], values: flag.values }]
      : [];
  return [
    ...model.commands.flatMap((c) =>
      merged([
        ...c.flags.flatMap((f) => rule(c.path, f)),
        ...c.args.map((values, i) => ({ command: c.path, keys: [`#${i + 1}`], values })),
      ]),
    ),
    ...model.globals.flatMap((f) => rule(null, f)),
  ];
}

function merged(rules: ValueRule[]): ValueRule[] {
  const byValues = new Map<string, ValueRule>();
  for (const rule of rules) {
    const key = JSON.stringify(rule.values);
    const same = byValues.get(key);
    if (same) same.keys.push(...rule.keys);
    else byValues.set(key, { ...rule, keys: [...rule.keys] });
  }
  return [...byValues.values()];
}
