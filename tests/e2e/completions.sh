#!/usr/bin/env bash
# The completions work in the real shells. bash: the script is sourced and
# _papers called with COMP_WORDS split as bash splits a command line (at
# spaces and at '=', COMP_WORDBREAKS): `papers t<TAB>` offers the commands
# starting with t, `--format <TAB>` and `--format=<TAB>` every output
# format, `--fields id,ti<TAB>` `id,title`, and `--data my\ d<TAB>` the
# directory `my dir`. zsh (when installed): an interactive zsh on a pty
# (zsh/zpty) types each line and TAB, and a key bound to a widget writes
# the edited line to a file; each step waits for the widget's message,
# never for a time. fish (when installed): `complete -C`.
set -u
papers=$1
fail=0
tmp=$(mktemp -d)
script=$tmp/papers.bash
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/work/my dir" "$tmp/fn"
: > "$tmp/work/my dir/x.md"
"$papers" completions bash > "$script" || { echo "completions bash failed"; exit 1; }

complete_words() {  # complete_words WORD... : what TAB offers after the words
  bash -c '
    source "$1"; shift
    COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
    _papers
    printf "%s\n" "${COMPREPLY[@]}" | sort
  ' _ "$script" "$@"
}

expect() {  # expect "DESCRIPTION" "ACTUAL" "EXPECTED"
  if [ "$2" != "$3" ]; then
    printf '%s:\n  expected: %s\n  actual:   %s\n' "$1" "$3" "$2"; fail=1
  fi
}

expect "papers t<TAB>" "$(complete_words papers t | tr '\n' ' ')" "top trend "
expect "papers <TAB> offers every command" \
  "$(complete_words papers '' | grep -v '^-' | tr '\n' ' ')" \
  "$("$papers" --help | awk '/^Subcommands:/ {on=1; next} on && /^$/ {on=0} on && /^  [a-z]/ {print $1}' | sort | tr '\n' ' ')"
expect "papers top --format <TAB>" "$(complete_words papers top --format '' | tr '\n' ' ')" \
  "bibtex csl-json csv ids json jsonl markdown table tsv "
expect "papers list --sort <TAB>" "$(complete_words papers list --sort '' | tr '\n' ' ')" \
  "date id title votes "
expect "papers search --in <TAB>" "$(complete_words papers search --in '' | tr '\n' ' ')" \
  "all authors summary title "
expect "papers top --so<TAB>" "$(complete_words papers top --so | tr '\n' ' ')" "--sort "
expect "papers completions <TAB>" "$(complete_words papers completions '' | tr '\n' ' ')" "bash fish zsh "
expect "papers list --data testdata/2024-02<TAB>" \
  "$(complete_words papers list --data testdata/2024-02 | tr '\n' ' ')" "testdata/2024-02-07.md "

expect "papers top --format=<TAB> (split at =)" \
  "$(complete_words papers top --format = '' | tr '\n' ' ')" \
  "bibtex csl-json csv ids json jsonl markdown table tsv "
expect "papers top --format=js<TAB> (split at =)" \
  "$(complete_words papers top --format = js | tr '\n' ' ')" "json jsonl "
expect "papers top --format=js<TAB> (one word)" \
  "$(complete_words papers top --format=js | tr '\n' ' ')" "--format=json --format=jsonl "
expect "papers -f=cs<TAB> before the command" \
  "$(complete_words papers -f = cs | tr '\n' ' ')" "csl-json csv "
expect "papers list --fields id,ti<TAB>" \
  "$(complete_words papers list --fields id,ti | tr '\n' ' ')" "id,title "
expect "papers list --fields=id,votes,s<TAB>" \
  "$(complete_words papers list --fields = id,votes,s | tr '\n' ' ')" \
  "id,votes,score id,votes,snippet id,votes,summary "
expect "papers list --fields <TAB> offers every field" \
  "$(complete_words papers list --fields '' | sort | tr '\n' ' ')" \
  "$("$papers" help formats | sed -n '/in order:/,/^$/p' | sed 1d | tr ', ' '\n\n' | grep -v '^$' | sort | tr '\n' ' ')"
expect "papers top --allow broken-v<TAB>" \
  "$(complete_words papers top --allow broken-v | tr '\n' ' ')" "broken-video-link "
expect "papers -d DIR t<TAB> (a global option's value is not the command)" \
  "$(complete_words papers -d testdata t | tr '\n' ' ')" "top trend "
# Paths with spaces, as typed (bash keeps the quoting in COMP_WORDS and,
# with -o filenames, quotes the reply it inserts).
in_work() { (cd "$tmp/work" && complete_words "$@"); }
expect 'papers list --data my\ d<TAB>' "$(in_work papers list --data 'my\ d')" "my dir"
expect 'papers list --data "my d<TAB>' "$(in_work papers list --data '"my d')" "my dir"
expect 'papers list --data=my\ dir/<TAB>' "$(in_work papers list --data = 'my\ dir/')" "my dir/x.md"
expect 'papers check my\ dir/<TAB>' "$(in_work papers check 'my\ dir/')" "my dir/x.md"
expect 'papers -d my\ d<TAB> before the command' "$(in_work papers -d 'my\ d')" "my dir"

# zsh: an interactive zsh on a pty types LINE and TAB, then ^X^D, bound to
# a widget that appends the edited line to $tmp/zsh.out and shows a
# numbered message that the driver waits for.
cat > "$tmp/drive.zsh" << 'ZSH'
zmodload zsh/zpty || exit 77
fn=$1 bin=$2 dir=$3 out=$4
shift 4
zpty z zsh -f -i
zpty -w z "PS1='PROMPT> '; fpath=($fn \$fpath); autoload -U compinit; compinit -u -D; path=($bin \$path); cd ${(q)dir}; zstyle ':completion:*' list-prompt ''; dumpbuf() { print -r -- \"\$BUFFER\" >> ${(q)out}; zle -M \"DUMPED\$((++n))\"; BUFFER=; }; zle -N dumpbuf; bindkey '^X^D' dumpbuf; n=0; print READ\"\"Y"
# The prompt after READY: zle reads the terminal from then on.
zpty -r z line '*READY*PROMPT> *' || exit 1
i=0
for l in "$@"; do
  zpty -w -n z "$l"$'\t\C-x\C-d'
  zpty -r z line "*DUMPED$((++i))*" || exit 1
done
zpty -d z
ZSH
if command -v zsh > /dev/null; then
  "$papers" completions zsh > "$tmp/fn/_papers"
  # The bound only guards against a hang: every step waits for its marker.
  timeout 120 zsh -f "$tmp/drive.zsh" "$tmp/fn" "$(cd "$(dirname "$papers")" && pwd)" \
    "$tmp/work" "$tmp/zsh.out" \
    'papers top --form' 'papers top --format=cs' 'papers top --format ma' \
    'papers list --fields id,ti' 'papers list --fields=id,vot' \
    'papers top --allow broken-v' 'papers list --data my' 'papers list --data my\ dir/' \
    'papers list --data=my\ dir/' 'papers tr'
  status=$?
  [ "$status" = 0 ] || { echo "zsh completion driver: status $status"; fail=1; }
  expect "zsh completions" "$(cat "$tmp/zsh.out" 2>/dev/null)" \
"papers top --format=
papers top --format=cs
papers top --format markdown 
papers list --fields id,title,
papers list --fields=id,votes,
papers top --allow broken-video-link,
papers list --data my\ dir/
papers list --data my\ dir/x.md 
papers list --data=my\ dir/x.md 
papers trend "
else
  echo "zsh is not installed: its completion is only generated, not run"
fi

if command -v fish > /dev/null; then
  "$papers" completions fish > "$tmp/papers.fish"
  got=$(fish --no-config -c "source $tmp/papers.fish; complete -C 'papers top --format=cs'" | cut -f1 | sort | tr '\n' ' ')
  expect "fish: papers top --format=cs<TAB>" "$got" "--format=csl-json --format=csv "
  got=$(cd "$tmp/work" && fish --no-config -c "source $tmp/papers.fish; complete -C 'papers list --data my'" | cut -f1)
  expect "fish: papers list --data my<TAB>" "$got" "my dir/"
fi

for shell in zsh fish; do
  out=$("$papers" completions $shell) || { echo "completions $shell failed"; fail=1; continue; }
  case $out in *"top"*"format"*) ;; *) echo "completions $shell lacks top or format"; fail=1 ;; esac
  if command -v $shell > /dev/null; then
    if [ $shell = zsh ]; then zsh -n <(printf '%s\n' "$out") || fail=1; fi
    if [ $shell = fish ]; then fish -n <(printf '%s\n' "$out") || fail=1; fi
  fi
done
exit $fail
