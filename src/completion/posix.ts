import type { CompletionModel, FlagModel, Values, Word } from './model.js';
import { valueRules } from './model.js';
import { COMPLETE_COMMAND } from './protocol.js';
import { shQuote, shWord } from './quote.js';

/** What the value tables of all three scripts hold, for the reader of a script. */
export const VALUES_LEGEND = `# Where the value of a flag, or of argument #1, #2 …, comes from:
#   words W…     one of these words       store KIND   nsm ${COMPLETE_COMMAND} KIND
#   file         a file                   folder       a folder
#   text         any text                 (nothing)    a switch, or no such argument`;

/** A bash or zsh array literal of words. */
export function shList(words: readonly string[]): string {
  return `(${words.map(shWord).join(' ')})`;
}

function source(values: Values): string {
  switch (values.from) {
    case 'words':
      return shList(['words', ...values.words]);
    case 'store':
      return shList(['store', values.kind]);
    default:
      return `(${values.from})`;
  }
}

/** `_nsm_values COMMAND FLAG-OR-#N`, the same in bash and zsh: a `case` over the value rules. */
export function shValuesTable(model: CompletionModel): string {
  const cases = valueRules(model).map((rule) => {
    const patterns = rule.keys.map((key) =>
      rule.command === null ? `*${shQuote(` ${key}`)}` : shQuote(`${rule.command} ${key}`),
    );
    return `    ${patterns.join('|')}) _nsm_reply=${source(rule.values)} ;;`;
  });
  return `${VALUES_LEGEND}
_nsm_values() {
  case "$1 $2" in
${cases.join('\n')}
    *) _nsm_reply=() ;;
  esac
}`;
}

/** A `case` function over `pattern) _nsm_reply=… ;;` lines, empty for anything else. */
function caseFunction(comment: string, name: string, cases: string[]): string {
  return `${comment}
${name}() {
  case $1 in
${cases.join('\n')}
    *) _nsm_reply=() ;;
  esac
}`;
}

/**
 * `_nsm_words` and `_nsm_flags`, the same in bash and zsh but for how a list of words or flags
 * is written (zsh carries each one's description).
 */
export function shCommandTables(
  model: CompletionModel,
  words: (list: readonly Word[]) => string,
  flags: (list: readonly FlagModel[]) => string,
  wordsComment: string,
): string {
  const wordCases = [
    `    '') _nsm_reply=${words(model.top)} ;;`,
    ...model.verbs.map((n) => `    ${shWord(n.noun)}) _nsm_reply=${words(n.verbs)} ;;`),
  ];
  const flagCases = model.commands
    .filter((c) => c.flags.length > 0)
    .map((c) => `    ${shQuote(c.path)}) _nsm_reply=${flags(c.flags)} ;;`);
  return [
    caseFunction(wordsComment, '_nsm_words', wordCases),
    caseFunction('# The flags of each command; the global flags follow them.', '_nsm_flags', flagCases),
  ].join('\n\n');
}
