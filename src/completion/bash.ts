import type { CompletionModel } from './model.js';
import { shCommandTables, shList, shValuesTable } from './posix.js';
import { COMPLETE_COMMAND } from './protocol.js';

/** The bash script: the tables of commands, flags and values, then the function that reads them. */
export function bashScript(model: CompletionModel): string {
  return [
    HEADER,
    shCommandTables(
      model,
      (words) => shList(words.map((w) => w.name)),
      (flags) => shList(flags.map((f) => f.long)),
      "# The words that may follow nsm (given ''), or a noun.",
    ),
    globalFlags(model),
    shValuesTable(model),
    ENGINE,
  ].join('\n\n');
}

const HEADER = `# bash completion for nsm, written by \`nsm completion bash\` from nsm's command definitions.
#
# Load it in this shell:   source <(nsm completion bash)
# or in every new shell:   nsm completion bash > ~/.local/share/bash-completion/completions/nsm
#
# Works with or without the bash-completion package. Ids kept in the store (sectors, meetings,
# issues, NCOs …) are asked of \`nsm ${COMPLETE_COMMAND}\` when Tab is pressed, and only ever offered as words.`;

function globalFlags(model: CompletionModel): string {
  return `_nsm_global_flags=${shList(model.globals.map((f) => f.long))}`;
}

/** The part that does not depend on the definitions: it walks the line and reads the tables. */
const ENGINE = `# What was typed, without the shell's quotes and backslashes (nothing is expanded or run).
_nsm_dequote() {
  local text=\${2#[\\"\\']}
  printf -v "$1" '%s' "\${text//\\\\/}"
}

# Offers the words that begin with what is typed, in any case, escaped for the command line.
# (cur is the word being completed, a local of _nsm.)
_nsm_offer() {
  local typed word
  _nsm_dequote typed "$cur"
  for word; do
    [[ \${word,,} == "\${typed,,}"* ]] || continue
    [[ $cur == [\\"\\']* ]] || printf -v word '%q' "$word"
    COMPREPLY+=("$word")
  done
}

# Files, or folders with -d: bash-completion's _filedir when it is loaded, else compgen.
_nsm_files() {
  if declare -F _filedir >/dev/null; then
    _filedir "$@"
    return
  fi
  compopt -o filenames 2>/dev/null
  mapfile -t COMPREPLY < <(compgen "\${1:--f}" -- "$cur")
}

# Completes a value from a source of _nsm_values: "words W…", "store KIND", "file" or "folder".
# Store values are read as lines "value<tab>description"; only the value is kept.
_nsm_complete_value() {
  local from=$1 typed line
  shift
  case $from in
    words) _nsm_offer "$@" ;;
    store)
      local values=()
      _nsm_dequote typed "$cur"
      while IFS= read -r line; do
        values+=("\${line%%$'\\t'*}")
      done < <(command nsm ${COMPLETE_COMMAND} "$1" "$typed" "\${store[@]}" 2>/dev/null)
      _nsm_offer "\${values[@]}"
      ;;
    file) _nsm_files ;;
    folder) _nsm_files -d ;;
  esac
}

_nsm() {
  local cur prev words cword split # split: set by _init_completion -s
  if declare -F _init_completion >/dev/null; then
    _init_completion -s || return
  else
    words=("\${COMP_WORDS[@]}") cword=$COMP_CWORD
    cur=\${words[cword]} prev=\${words[cword - 1]}
    # Without bash-completion, --flag=value arrives as three words: --flag, =, value.
    if [[ $cur == = ]]; then
      cur=
    elif [[ $prev == = ]]; then
      prev=\${words[cword - 2]}
    fi
  fi
  COMPREPLY=()
  compopt -o nosort 2>/dev/null

  # Walk the words before the cursor: the command they name, how many arguments it has so far,
  # and a --store given on the line (store values are read from that store).
  local command='' verb_needed=false nargs=0 store=() i word file
  for ((i = 1; i < cword; i++)); do
    word=\${words[i]}
    case $word in
      --store=*)
        _nsm_dequote file "\${word#*=}"
        store=(--store "$file")
        ;;
      -*=*) ;;
      -*)
        _nsm_values "$command" "$word"
        ((\${#_nsm_reply[@]})) || continue
        [[ \${words[i + 1]} == = ]] && i=$((i + 1))
        i=$((i + 1))
        if [[ $word == --store ]]; then
          _nsm_dequote file "\${words[i]}"
          store=(--store "$file")
        fi
        ;;
      *)
        if [[ -z $command ]]; then
          command=$word
          _nsm_words "$word"
          ((\${#_nsm_reply[@]})) && verb_needed=true
        elif $verb_needed; then
          verb_needed=false
          _nsm_words "$command"
          if [[ " \${_nsm_reply[*]} " == *" $word "* ]]; then
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

  if [[ $prev == -* ]] && _nsm_values "$command" "$prev" && ((\${#_nsm_reply[@]})); then
    _nsm_complete_value "\${_nsm_reply[@]}"
  elif [[ $cur == -* ]]; then
    _nsm_flags "$command"
    local flags=("\${_nsm_reply[@]}") flag
    for flag in "\${_nsm_global_flags[@]}"; do
      [[ " \${flags[*]} " == *" $flag "* ]] || flags+=("$flag")
    done
    _nsm_offer "\${flags[@]}"
  elif [[ -z $command ]] || $verb_needed; then
    _nsm_words "$command"
    _nsm_offer "\${_nsm_reply[@]}"
    # A noun that acts on its own also takes its first argument here.
    if $verb_needed; then
      _nsm_values "$command" "#1"
      ((\${#_nsm_reply[@]})) && _nsm_complete_value "\${_nsm_reply[@]}"
    fi
  else
    _nsm_values "$command" "#$((nargs + 1))"
    _nsm_complete_value "\${_nsm_reply[@]}"
  fi
}

complete -F _nsm nsm`;
