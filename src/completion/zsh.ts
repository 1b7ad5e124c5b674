import type { CompletionModel, FlagModel, Word } from './model.js';
import { shCommandTables, shValuesTable } from './posix.js';
import { COMPLETE_COMMAND } from './protocol.js';
import { oneLine, shQuote } from './quote.js';

/** The zsh script: the tables of commands, flags and values, then the function that reads them. */
export function zshScript(model: CompletionModel): string {
  return [
    HEADER,
    shCommandTables(
      model,
      wordItems,
      (flags) => flagItems(flags, '    '),
      "# The words that may follow nsm (given ''), or a noun, each with what it does.",
    ),
    globalFlags(model),
    shValuesTable(model),
    ENGINE,
  ].join('\n\n');
}

const HEADER = `#compdef nsm
# zsh completion for nsm, written by \`nsm completion zsh\` from nsm's command definitions.
#
# Load it in this shell (after compinit):   source <(nsm completion zsh)
# or in every new shell, as _nsm in a folder of $fpath, before compinit runs:
#   nsm completion zsh > ~/.zfunc/_nsm   (with fpath=(~/.zfunc $fpath) in ~/.zshrc)
#
# Ids kept in the store (sectors, meetings, issues, NCOs …) are asked of \`nsm ${COMPLETE_COMMAND}\`
# when Tab is pressed, and only ever offered as words.`;

/**
 * One `_describe` item, quoted: `name:description`. _describe reads a backslash as an escape in
 * both parts and a colon as the end of the name, so those are escaped.
 */
function item(name: string, description: string): string {
  return shQuote(`${name.replace(/[\\:]/g, '\\$&')}:${oneLine(description).replace(/\\/g, '\\\\')}`);
}

function items(entries: Array<[string, string]>, indent: string): string {
  return `(\n${entries.map(([name, description]) => `${indent}  ${item(name, description)}`).join('\n')}\n${indent})`;
}

function wordItems(words: readonly Word[]): string {
  return items(
    words.map((w) => [w.name, w.summary]),
    '    ',
  );
}

function flagItems(flags: readonly FlagModel[], indent: string): string {
  return items(
    flags.map((f) => [f.long, f.description]),
    indent,
  );
}

function globalFlags(model: CompletionModel): string {
  return `_nsm_global_flags=${flagItems(model.globals, '')}`;
}

/** The part that does not depend on the definitions: it walks the line and reads the tables. */
const ENGINE = `# Offers "name:description" items, matched in any case, in the order given.
_nsm_describe() {
  local tag=$1 description=$2
  shift 2
  local -a choices=("$@")
  _describe -V -t "$tag" "$description" choices -M 'm:{a-zA-Z}={A-Za-z}'
}

# Completes a value from a source of _nsm_values: "words W…", "store KIND", "file" or "folder".
# Store values are read as lines "value<tab>description": data for _describe, never code.
_nsm_complete_value() {
  local from=$1 line value description
  local -a choices
  shift
  case $from in
    words)
      for value; do
        choices+=("\${\${value//\\\\/\\\\\\\\}//:/\\\\:}")
      done
      _nsm_describe values value "\${choices[@]}"
      ;;
    store)
      for line in "\${(@f)$(command nsm ${COMPLETE_COMMAND} "$1" "\${(Q)PREFIX}" "\${store[@]}" 2>/dev/null)}"; do
        [[ -n $line ]] || continue
        value=\${line%%$'\\t'*} description=
        [[ $line == *$'\\t'* ]] && description=\${line#*$'\\t'}
        choices+=("\${\${value//\\\\/\\\\\\\\}//:/\\\\:}\${description:+:\${description//\\\\/\\\\\\\\}}")
      done
      _nsm_describe "$1" "$1" "\${choices[@]}"
      ;;
    file) _files ;;
    folder) _files -/ ;;
    *) return 1 ;;
  esac
}

_nsm() {
  local cur=\${words[CURRENT]} prev=\${words[CURRENT-1]}
  local command='' verb_needed=false nargs=0 i word flag
  local -a store _nsm_reply

  # Walk the words before the cursor: the command they name, how many arguments it has so far,
  # and a --store given on the line (store values are read from that store).
  for ((i = 2; i < CURRENT; i++)); do
    word=\${words[i]}
    case $word in
      --store=*) store=(--store "\${(Q)\${word#*=}}") ;;
      -*=*) ;;
      -*)
        _nsm_values "$command" "$word"
        (( $#_nsm_reply )) || continue
        i=$((i + 1))
        [[ $word == --store ]] && store=(--store "\${(Q)words[i]}")
        ;;
      *)
        if [[ -z $command ]]; then
          command=$word
          _nsm_words "$word"
          (( $#_nsm_reply )) && verb_needed=true
        elif $verb_needed; then
          verb_needed=false
          _nsm_words "$command"
          if (( \${_nsm_reply[(I)\${(b)word}:*]} )); then
            command+=" $word"
          else
            nargs=1 # not a verb: the first argument of a noun that acts on its own (minutes M4)
          fi
        else
          nargs=$((nargs + 1))
        fi
        ;;
    esac
  done

  if [[ $cur == -*=* ]]; then
    _nsm_values "$command" "\${cur%%=*}"
    (( $#_nsm_reply )) || return 1
    compset -P '*='
    _nsm_complete_value "\${_nsm_reply[@]}"
  elif [[ $prev == -* ]] && _nsm_values "$command" "$prev" && (( $#_nsm_reply )); then
    _nsm_complete_value "\${_nsm_reply[@]}"
  elif [[ $cur == -* ]]; then
    _nsm_flags "$command"
    local -a flags=("\${_nsm_reply[@]}")
    local -a names=("\${(@)flags%%:*}")
    for flag in "\${_nsm_global_flags[@]}"; do
      (( \${names[(Ie)\${flag%%:*}]} )) || flags+=("$flag")
    done
    _nsm_describe options option "\${flags[@]}"
  elif [[ -z $command ]] || $verb_needed; then
    _nsm_words "$command"
    _nsm_describe commands 'nsm command' "\${_nsm_reply[@]}"
    # A noun that acts on its own also takes its first argument here.
    if $verb_needed; then
      _nsm_values "$command" "#1"
      (( $#_nsm_reply )) && _nsm_complete_value "\${_nsm_reply[@]}"
    fi
  else
    _nsm_values "$command" "#$((nargs + 1))"
    _nsm_complete_value "\${_nsm_reply[@]}"
  fi
}

if [[ $funcstack[1] == _nsm ]]; then
  _nsm "$@"
else
  compdef _nsm nsm
fi`;
