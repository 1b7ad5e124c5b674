# Asks a completion script for the completions of a command line in a real interactive zsh with
# compinit, driven on a pseudo-terminal (zpty): types the line, presses a key bound to
# complete-word, and prints each match that completion adds, then each shown "<D>description".
# usage: zsh -f complete.zsh SCRIPT LINE OUTFILE [source|fpath]
#   source: `source SCRIPT` after compinit; fpath: SCRIPT installed as _nsm in $fpath before it.
zmodload zsh/zpty zsh/zselect || exit 1
script=$1 line=$2 out=$3 how=${4:-source}
: >| $out

zpty shell zsh -f -i
if [[ $how == fpath ]]; then
  functions_dir=$out.functions
  mkdir -p $functions_dir
  cp $script $functions_dir/_nsm
  zpty -w shell "fpath=(${(q)functions_dir} \$fpath)"
fi
# A wide terminal, so zsh shows each description whole.
# compinit keeps its dump beside OUTFILE, so later runs skip scanning every function in $fpath.
zpty -w shell "stty columns 300; PS1='' RPS1=''; autoload -Uz compinit; compinit -u -d ${(q)out}.zcompdump-$how"
[[ $how == source ]] && zpty -w shell "source ${(q)script}"
zpty -w shell "__out=${(q)out}"
# compadd records what it is given (the matches that fit what is typed, and their display
# strings), then adds them as usual; a post-function stops listing and inserting, and marks the end.
zpty -w shell 'compadd() {
  if (( ${@[(I)-[ODA]]} )); then builtin compadd "$@"; return; fi
  local -a matches; builtin compadd -O matches "$@"
  print -rl -- "${matches[@]}" >> $__out
  local d=${@[(i)-d]}
  (( d < $# )) && print -rl -- "${(@)${(P)@[d+1]}/#/<D>}" >> $__out
  builtin compadd "$@"
}'
zpty -w shell '__test_done() { compstate[list]=; compstate[insert]=; print -r -- "<END>" >> $__out; }'
zpty -w shell '__test_complete() { comppostfuncs=(__test_done); zle complete-word; }'
zpty -w shell 'zle -N __test_complete; bindkey "^T" __test_complete'
zpty -w -n shell "$line"$'\x14'

# Wait up to 20 s for the end mark, looking every 10 ms without starting a process.
finished() { [[ $'\n'$(<$out)$'\n' == *$'\n<END>\n'* ]] }
for i in {1..2000}; do
  finished && break
  zselect -t 1
done
if ! finished; then
  print -r -- 'no end of completion; the terminal showed:' >&2
  while zpty -r -t shell chunk; do print -rn -- "$chunk" >&2; done
  zpty -d shell
  exit 1
fi
zpty -d shell
grep -vx '<END>' $out || true
