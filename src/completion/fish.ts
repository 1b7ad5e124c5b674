import type { CompletionModel, FlagModel, Values, Word } from './model.js';
import { valueRules } from './model.js';
import { VALUES_LEGEND } from './posix.js';
import { COMPLETE_COMMAND } from './protocol.js';
import { fishQuote, fishWord, oneLine } from './quote.js';

/** The fish script: the tables of commands, flags and values, then the function that reads them. */
export function fishScript(model: CompletionModel): string {
  return [HEADER, wordsTable(model), flagsTable(model), globalFlags(model), valuesTable(model), ENGINE].join(
    '\n\n',
  );
}

const HEADER = `# fish completion for nsm, written by \`nsm completion fish\` from nsm's command definitions.
#
# Load it in this shell:   nsm completion fish | source
# or in every new shell:   nsm completion fish > ~/.config/fish/completions/nsm.fish
#
# Ids kept in the store (sectors, meetings, issues, NCOs …) are asked of \`nsm ${COMPLETE_COMMAND}\`
# when Tab is pressed, and only ever offered as words.`;

/** `printf` lines "name<tab>description", one pair of words per line of the script. */
function described(entries: Array<[string, string]>, indent: string): string {
  const pairs = entries.map(
    ([name, description]) => `${indent}    ${fishWord(name)} ${fishQuote(oneLine(description))}`,
  );
  return `${indent}printf '%s\\t%s\\n' \\\n${pairs.join(' \\\n')}`;
}

function wordLines(words: readonly Word[], indent: string): string {
  return described(
    words.map((w) => [w.name, w.summary]),
    indent,
  );
}

function flagLines(flags: readonly FlagModel[], indent: string): string {
  return described(
    flags.map((f) => [f.long, f.description]),
    indent,
  );
}

/** A literal \`case\` pattern: fish treats * and ? in one as wildcards even when quoted. */
function pattern(text: string): string {
  const literal = text.replace(/[*?\\]/g, '\\$&');
  return literal === text ? fishWord(text) : fishQuote(literal);
}

const CASE = '        ';
const BODY = '            ';

function wordsTable(model: CompletionModel): string {
  const cases = [
    `${CASE}case ''\n${wordLines(model.top, BODY)}`,
    ...model.verbs.map((n) => `${CASE}case ${pattern(n.noun)}\n${wordLines(n.verbs, BODY)}`),
  ];
  return `# The words that may follow nsm (given ''), or a noun, each with what it does.
function __nsm_words
    switch "$argv[1]"
${cases.join('\n')}
    end
end`;
}

function flagsTable(model: CompletionModel): string {
  const cases = model.commands
    .filter((c) => c.flags.length > 0)
    .map((c) => `${CASE}case ${pattern(c.path)}\n${flagLines(c.flags, BODY)}`);
  return `# The flags of each command; the global flags follow them.
function __nsm_flags
    switch "$argv[1]"
${cases.join('\n')}
    end
end`;
}

function globalFlags(model: CompletionModel): string {
  return `function __nsm_global_flags
${flagLines(model.globals, '    ')}
end`;
}

function source(values: Values): string {
  switch (values.from) {
    case 'words':
      return ['words', ...values.words].map(fishWord).join(' ');
    case 'store':
      return `store ${fishWord(values.kind)}`;
    default:
      return values.from;
  }
}

function valuesTable(model: CompletionModel): string {
  const cases = valueRules(model).map((rule) => {
    const patterns = rule.keys.map((key) =>
      rule.command === null ? `'*'${pattern(` ${key}`)}` : pattern(`${rule.command} ${key}`),
    );
    return `${CASE}case ${patterns.join(' ')}\n${BODY}printf '%s\\n' ${source(rule.values)}`;
  });
  return `${VALUES_LEGEND}
function __nsm_values
    switch "$argv[1] $argv[2]"
${cases.join('\n')}
    end
end`;
}

/** The part that does not depend on the definitions: it walks the line and reads the tables. */
const ENGINE = `# Prints the completions of a value: __nsm_complete_value TYPED STORE SOURCE…, where SOURCE is
# from __nsm_values and STORE is a --store given on the line (or empty). Store values arrive as
# lines "value<tab>description", which fish shows as they are: data, never code.
function __nsm_complete_value
    set -l typed $argv[1]
    set -l store
    test -n "$argv[2]"; and set store --store $argv[2]
    switch "$argv[3]"
        case words
            printf '%s\\n' $argv[4..-1]
        case store
            command nsm ${COMPLETE_COMMAND} $argv[4] $typed $store 2>/dev/null
        case file
            __fish_complete_path $typed
        case folder
            __fish_complete_directories $typed
    end
end

function __nsm_complete --description 'completions of the nsm command line being typed'
    set -l tokens (commandline -opc)
    set -l cur (commandline -ct)
    set -l command ''
    set -l verb_needed false
    set -l nargs 0
    set -l store ''

    # Walk the words before the cursor: the command they name, how many arguments it has so
    # far, and a --store given on the line (store values are read from that store).
    set -l i 2
    while test $i -le (count $tokens)
        set -l word $tokens[$i]
        switch $word
            case '--store=*'
                set store (string replace -- --store= '' $word)
            case '-*=*'
            case '-*'
                if test (count (__nsm_values $command $word)) -gt 0
                    set i (math $i + 1)
                    test "$word" = --store; and set store $tokens[$i]
                end
            case '*'
                if test -z "$command"
                    set command $word
                    test (count (__nsm_words $word)) -gt 0; and set verb_needed true
                else if $verb_needed
                    set verb_needed false
                    if contains -- $word (string replace -r '\\t.*' '' -- (__nsm_words $command))
                        set command "$command $word"
                    else
                        # not a verb: the first argument of a noun that acts on its own (minutes M4)
                        set nargs 1
                    end
                else
                    set nargs (math $nargs + 1)
                end
        end
        set i (math $i + 1)
    end

    set -l prev_values
    string match -q -- '-*' $tokens[-1]; and set prev_values (__nsm_values $command $tokens[-1])
    if string match -q -- '-*=*' $cur
        set -l flag (string split -m 1 = -- $cur)
        set -l values (__nsm_values $command $flag[1])
        test (count $values) -gt 0; or return
        for line in (__nsm_complete_value "$flag[2]" "$store" $values)
            printf '%s=%s\\n' $flag[1] $line
        end
    else if test (count $prev_values) -gt 0
        __nsm_complete_value "$cur" "$store" $prev_values
    else if string match -q -- '-*' $cur
        set -l own (__nsm_flags $command)
        printf '%s\\n' $own
        set -l names (string replace -r '\\t.*' '' -- $own)
        for line in (__nsm_global_flags)
            contains -- (string replace -r '\\t.*' '' -- $line) $names; or printf '%s\\n' $line
        end
    else if test -z "$command"; or $verb_needed
        __nsm_words $command
        # A noun that acts on its own also takes its first argument here.
        if $verb_needed
            set -l own (__nsm_values $command "#1")
            test (count $own) -gt 0; and __nsm_complete_value "$cur" "$store" $own
        end
    else
        __nsm_complete_value "$cur" "$store" (__nsm_values $command "#"(math $nargs + 1))
    end
end

complete -c nsm -e
complete -c nsm -f -k -a '(__nsm_complete)'`;
