import type { CompletionModel, Values } from './model.js';
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
