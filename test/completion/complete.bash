# Asks a completion script loaded into this bash for the completions of a command line, as bash
# does when Tab is pressed at its end, and prints COMPREPLY one per line.
# usage: bash --norc --noprofile complete.bash SCRIPT LINE [with-bash-completion]
script=$1 line=$2
if [[ $3 == with-bash-completion ]]; then
  source /usr/share/bash-completion/bash_completion || exit 1
  declare -F _init_completion >/dev/null || exit 1
fi
source "$script" || exit 1

# Split the line into COMP_WORDS as readline does: at blanks, and "=" as a word of its own
# (COMP_WORDBREAKS). The lines the tests use hold no quotes.
read -ra COMP_WORDS <<<"${line//=/ = }"
[[ $line == *' ' ]] && COMP_WORDS+=('')
COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
COMP_LINE=$line
COMP_POINT=${#line}

# The function that `complete -F` registered for nsm.
spec=$(complete -p nsm) || exit 1
function=${spec#*-F }
function=${function%% *}
"$function" nsm "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
printf '%s\n' "${COMPREPLY[@]}"
