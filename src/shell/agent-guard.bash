# Agent Guard: pre-execution guard for bash (sourced once per bash process).
#
# Loaded by bash-prompt.bash (interactive shells, from PROMPT_COMMAND) or bash-env.bash (non-interactive
# shells, through BASH_ENV). How it stops a command: with `shopt -s extdebug`, a DEBUG trap that returns
# non-zero makes bash skip the command it was about to run (bash manual, "extdebug").
#
# Rules this file lives by, because breaking a person's shell is the worst bug this product can have:
# - every ordinary command pays only a shell-native word scan (no fork, no file access);
# - only a command that names a trigger word (compiled from the rules) starts the CLI;
# - the trap we replace (VS Code's shell integration, bash-preexec, the person's own) still runs, exactly
#   where it ran before: at top level only, never inside functions or subshells (extdebug turns on
#   function tracing, which the original trap was not written for), with its `$?` and `$_` intact, and
#   its return value can never skip a command;
# - safe under `set -euo pipefail`, any IFS, aliases and nounset: every test sits in a condition, every
#   variable has a default, builtins are called as builtins;
# - a missing CLI is said once and blocks trigger hits only (fail closed), never ordinary commands.

if [[ -n ${__ag_loaded-} ]]; then builtin return 0; fi

__ag_interactive=0
if [[ $- == *i* ]]; then __ag_interactive=1; fi
__ag_chain=''        # the DEBUG trap we wrapped
__ag_sub0=0          # BASH_SUBSHELL where the wrapped trap was installed
__ag_in=0            # re-entrancy: a chained trap that itself calls us
__ag_ph=2            # interactive phase: 0 at the prompt, 1 line just accepted (PS0), 2 running the line
__ag_line=''         # the accepted line (interactive, when history holds it)
__ag_line_ok=0       # the whole line was already checked and may run
__ag_hnext=''        # HISTCMD seen at the prompt: the number the next saved line gets
__ag_seen=0          # our trap ran since the last prompt (else someone replaced it)
__ag_warned=0        # the missing-CLI message was shown
__ag_off_told=0      # the "guard off" notice was shown
__ag_ps0='${__ag_v[__ag_ph=1]-}'   # expands to nothing; the subscript marks "a line was accepted"
__ag_dir=${BASH_SOURCE[0]%/*}   # this folder: commands sourced from it are the guard's own
# Scratch file for reading the history entry without a fork: only in the extension's private state folder.
__ag_hfile=''
if [[ -n ${AGENT_GUARD_STATE_DIR-} && -d $AGENT_GUARD_STATE_DIR && -O $AGENT_GUARD_STATE_DIR && -w $AGENT_GUARD_STATE_DIR ]]; then
  __ag_hfile=$AGENT_GUARD_STATE_DIR/line-$$
fi
__ag_max=4096        # longer command texts skip the word scan and always go to the CLI

# Trigger words: command names rules look at, plus carriers that can hide them. `*` means every command.
# Kept as " w1 w2 … " strings (a glob match per word: cheapest for short-lived shells such as
# `bash -c true`); after __ag_hash_after scans, hashed into associative arrays (bash 4+) so long
# scripts and interactive sessions pay one hash lookup per word.
__ag_all=0
__ag_words=' '
__ag_deep=' '
__ag_subs=()
__ag_wver=''         # version of the words file last read ('' none yet)
__ag_wtold=0         # "this terminal's guard cannot be updated" was said
# Sets the three lists ($1 trigger words, $2 deep words, $3 substrings) and forgets what was hashed.
__ag_set_words() {
  __ag_all=0
  __ag_words=" ${1-} "
  __ag_deep=" ${2-} "
  # No word list at all means the extension could not compile one: check everything rather than nothing.
  # But only whole interactive lines: checking every simple command of every script through the CLI (~0.1 s
  # each) would make loops take hours; scripts then use the rule-command list (or, without one, nothing
  # but the substrings and the guard's own words).
  if [[ -z ${__ag_words// /} || $__ag_words == *' * '* ]]; then __ag_all=1; fi
  if [[ -z ${__ag_deep// /} ]]; then __ag_deep=$__ag_words; fi
  if (( __ag_all )) && [[ $- != *i* ]]; then
    __ag_all=0
    if [[ $__ag_deep == *' * '* ]]; then __ag_deep=' '; fi
    __ag_words=$__ag_deep
  fi
  # Substrings `*` rules look for anywhere in a line (`/dev/`, `.aws`, `AGENT_GUARD`), as an array.
  local IFS=' ' f=0
  if [[ $- == *f* ]]; then f=1; else builtin set -f; fi
  __ag_subs=(${3-})
  if (( ! f )); then builtin set +f; fi
  # The hashed tables and remembered misses were built from the old lists.
  __ag_hashed=0
  __ag_scans=0
  builtin unset __ag_wset __ag_dset __ag_miss
}
# Every terminal current: the window rewrites `words` (three lines) and then `version` in the state folder
# whenever rules, disabled rules or decisions change; each shell reads `version` (one small read, no fork)
# before each prompt and reloads the lists when it changed. A terminal that read them once and then cannot says so once
# and keeps the lists it has.
__ag_refresh() {
  local dir=${AGENT_GUARD_STATE_DIR-} v='' w='' d='' s=''
  if [[ -z $dir ]]; then builtin return 0; fi
  if [[ -r $dir/version ]] && { IFS= builtin read -r v < "$dir/version"; } 2>/dev/null && [[ -n $v ]]; then
    if [[ $v == "$__ag_wver" ]]; then builtin return 0; fi
    if { IFS= builtin read -r w && IFS= builtin read -r d && IFS= builtin read -r s; } < "$dir/words" 2>/dev/null; then
      __ag_wver=$v
      __ag_wtold=0
      __ag_set_words "$w" "$d" "$s"
      builtin return 0
    fi
  fi
  if (( ! __ag_wtold )) && [[ -n $__ag_wver ]]; then
    __ag_wtold=1
    __ag_say "this terminal's guard cannot be updated (its window's state in ${dir} is gone or unreadable); it keeps the rules it started with. Open a new terminal to get the current rules."
  fi
}
# A variable or substitution in command position (`$X -rf ~`): only the engine can tell what runs. Used
# on whole interactive lines only: in scripts `$CMD "$@"` is everywhere, and each would start the CLI.
__ag_varcmd_re='(^|[;&|(]|then|do|else)[[:space:]]*["'\'']?[$]'
# A command name the shell computes from a pattern or brace word (`/bin/r?`, `r[m]`, `{rm,-rf,x}`), in any
# command position of a whole line (src/engine/triggerWords.ts COMPUTED_NAME_RE is the same expression).
__ag_compname_re='(^|[;&|(]|then|do|else)[[:blank:]]*([^[:space:];&|()<>=]*[*?]|[^][[:space:];&|()<>=]+\[|\[[^][[:space:]]|[^[:space:];&|()<>={]*[{][^[:space:]{}]*,)'
__ag_envsplit_re='(^|[[:space:]])-[a-zA-Z0-9]*S|--split-string'
__ag_ctl=$'\t\n\r'
__ag_scans=0
__ag_hash_after=64
__ag_hashed=0
# Characters that end a word for the scan (quotes and backslashes are removed before splitting). Glob
# characters are among them, so the split words never expand.
__ag_ifs=$' \t\n;|&()<>=$`{}[]*?!,:@#%^~'

__ag_hash() {
  __ag_hashed=2   # "tried"; 1 when the tables exist
  if (( BASH_VERSINFO[0] < 4 )); then builtin return 0; fi
  declare -gA __ag_wset __ag_dset __ag_miss 2>/dev/null || builtin return 0
  local IFS=' ' w f=0
  if [[ $- == *f* ]]; then f=1; else builtin set -f; fi
  for w in $__ag_words; do __ag_wset[$w]=1; done
  for w in $__ag_deep; do __ag_dset[$w]=1; done
  if (( ! f )); then builtin set +f; fi
  __ag_hashed=1
}

# The process that owns this terminal: the "guard off for this terminal" flag is keyed by it, and every
# shell started inside the terminal inherits it.
if [[ -z ${AGENT_GUARD_TERMINAL_PID-} ]]; then export AGENT_GUARD_TERMINAL_PID=$$; fi

# Word scan: 0 when the text names a trigger word ($2 = deep: only the rule-command list). Quotes and
# backslashes are dropped first so that `r''m`, `"pu"sh` and `\rm` read as the shell reads them; then
# every character of __ag_ifs separates words, and a word counts by its last path part (/usr/bin/rm).
__ag_hit() {
  local s=${1-} deep=${2-} whole=${3-} w IFS
  if (( __ag_all )) || (( ${#s} > __ag_max )); then builtin return 0; fi
  if [[ -n $whole && $s =~ $__ag_varcmd_re ]]; then builtin return 0; fi
  if [[ $s == *[\'\"\\]* ]]; then s=${s//[\'\"\\]/}; fi
  # Switching off what the guard relies on is always checked (the prompt hook also restores both).
  if [[ $s == *extdebug* || $s == *BASH_ENV* || ( $s == *trap* && $s == *DEBUG* ) ]]; then builtin return 0; fi
  # Computed names the word scan cannot see (the engine reads them): Windows executables (`rm.exe`),
  # `env -S` with its string glued on, a pattern or brace word as the command name; on whole lines also
  # look-alike and invisible characters (in scripts, Unicode output text would start the CLI for nothing).
  # Inside functions (deep) none of this: the line that called the function was checked.
  if [[ -z $deep ]]; then
    if [[ $s == *.[eE][xX][eE]* ]] || [[ $s == *env* && $s =~ $__ag_envsplit_re ]]; then builtin return 0; fi
    if [[ -n $whole ]]; then
      if [[ $s == *[!\ -~$__ag_ctl]* || $s =~ $__ag_compname_re ]]; then builtin return 0; fi
    else
      w=${s%%[[:space:]]*}
      if [[ $w != *=* && $w != \$* && $w != '[' && $w != '[[' ]] && [[ $w == *[*?]* || $w == ?*\[* || $w == \[?* || $w == *\{*,* ]]; then builtin return 0; fi
    fi
  fi
  if [[ -z $deep ]]; then
    # `2>/dev/null` is in half of all scripts: the harmless devices do not count as `/dev/`.
    if [[ $s == */dev/* ]]; then
      s=${s//\/dev\/null/}; s=${s//\/dev\/tty/}; s=${s//\/dev\/std/}; s=${s//\/dev\/fd\//}
      s=${s//\/dev\/zero/}; s=${s//\/dev\/urandom/}; s=${s//\/dev\/random/}
    fi
    for w in ${__ag_subs[@]+"${__ag_subs[@]}"}; do
      if [[ $s == *"$w"* ]]; then builtin return 0; fi
    done
  fi
  if (( __ag_hashed == 0 )); then
    __ag_scans=$(( __ag_scans + 1 ))
    if (( __ag_scans > __ag_hash_after )); then __ag_hash; fi
  fi
  IFS=$__ag_ifs
  if (( __ag_hashed == 1 )); then
    # (An empty key is "bad array subscript": `dir/` leaves nothing after its last slash.)
    if [[ -n $deep ]]; then
      for w in $s; do w=${w##*/}; if [[ -n $w && -n ${__ag_dset[$w]-} ]]; then builtin return 0; fi; done
    else
      for w in $s; do w=${w##*/}; if [[ -n $w && -n ${__ag_wset[$w]-} ]]; then builtin return 0; fi; done
    fi
  else
    local list=$__ag_words
    if [[ -n $deep ]]; then list=$__ag_deep; fi
    for w in $s; do
      w=${w##*/}
      if [[ -n $w && $list == *" $w "* ]]; then builtin return 0; fi
    done
  fi
  builtin return 1
}

__ag_say() { builtin printf 'agent-guard: %s\n' "$*" >&2; }

__ag_is_off() {
  [[ -n ${AGENT_GUARD_STATE_DIR-} && -e "${AGENT_GUARD_STATE_DIR}/off-${AGENT_GUARD_TERMINAL_PID-}" ]]
}

# Ask the CLI about one command text. 0: it may run. Anything else: blocked (fail closed).
__ag_ask() {
  local text=${1-} node=${AGENT_GUARD_NODE-} cli=${AGENT_GUARD_CLI-} agent rc=0
  if __ag_is_off; then
    if (( ! __ag_off_told )); then
      __ag_off_told=1
      __ag_say 'the guard is OFF for this terminal (turned off in VS Code); commands run unchecked.'
    fi
    builtin return 0
  fi
  if [[ -z $cli || ! -r $cli ]]; then
    if (( ! __ag_warned )); then
      __ag_warned=1
      __ag_say "cannot find the Agent Guard CLI (${cli:-AGENT_GUARD_CLI is not set}); commands that need a check are blocked until this terminal is restarted with the extension enabled."
    fi
    builtin return 20
  fi
  if [[ -z $node || ! -x $node ]]; then node=$(builtin type -P node 2>/dev/null || :); fi
  if [[ -z $node ]]; then
    if (( ! __ag_warned )); then
      __ag_warned=1
      __ag_say 'cannot find node to run the Agent Guard CLI; commands that need a check are blocked.'
    fi
    builtin return 20
  fi
  if (( __ag_interactive )); then agent='bash terminal'; else agent='bash (script or bash -c)'; fi
  # ELECTRON_RUN_AS_NODE lets VS Code's own runtime act as node; plain node ignores it.
  if ELECTRON_RUN_AS_NODE=1 "$node" "$cli" ask --door terminal --agent "$agent" --pid "$$" --cwd "$PWD" -- "$text" </dev/null; then
    rc=0
  else
    rc=$?
    if (( rc == 0 )); then rc=20; fi
  fi
  builtin return "$rc"
}

# Returns $1 as status; its last argument becomes `$_` for the trap we chain to.
__ag_ret() { builtin return "$1"; }

# What to do with a blocked command, after the trap returns 1 (which skips it).
__ag_block() {
  if (( __ag_interactive )); then
    # Abort the rest of the line the way Ctrl-C does, so `blocked; next` does not run `next`.
    builtin kill -INT $$ 2>/dev/null
    if (( BASH_SUBSHELL > 0 )); then builtin exit 130; fi
  else
    # A script or `bash -c` (a task, an agent's command) ends here with status 20 rather than carrying on
    # without the command it was about to run. Inside a subshell, end the script too.
    if (( BASH_SUBSHELL > 0 )); then builtin kill -TERM $$ 2>/dev/null; fi
    builtin exit 20
  fi
}

# 0 when the command may run. Inside functions (depth > 1: the person's own, a tool's, VS Code's) only
# the command names rules look at count: wrappers and carriers (`eval "$cmd"`, `source`, `bash`) are
# the plumbing of half the functions in existence, and the line that called the function was checked.
__ag_check() {
  local cmd=${1-} depth=${2-1} deep=''
  if (( depth > 1 )); then deep=1; fi
  if ! __ag_hit "$cmd" "$deep"; then
    # Remember misses on the full list (the deep list is a subset, so they miss there too). Bounded.
    if (( __ag_hashed == 1 )) && [[ -z $deep && -n $cmd ]]; then
      if (( ${#__ag_miss[@]} > 2000 )); then __ag_miss=(); fi
      __ag_miss[$cmd]=1
    fi
    builtin return 0
  fi
  if (( __ag_line_ok && depth == 1 )); then
    # Already part of the whole line the person (or the policy) let run: do not ask twice.
    local c=${cmd//[[:space:]\'\"\\]/} l=${__ag_line//[[:space:]\'\"\\]/}
    if [[ -n $c && $l == *"$c"* ]]; then builtin return 0; fi
  fi
  __ag_ask "$cmd"
}

__ag_debug() {
  local __ag_st=$?
  if (( __ag_in )); then builtin return 0; fi
  # Fast path: a text already found free of trigger words, when there is no wrapped trap to run here.
  if (( __ag_hashed == 1 && __ag_ph != 1 )) && [[ -n ${__ag_miss[$BASH_COMMAND]-} ]] &&
    { [[ -z $__ag_chain ]] || (( ${#FUNCNAME[@]} > 1 || BASH_SUBSHELL != __ag_sub0 )); }; then
    __ag_seen=1
    builtin return 0
  fi
  local __ag_last=${1-} __ag_cmd=$BASH_COMMAND __ag_f=1
  # Called through __ag_first (the first command of a non-interactive shell): one frame deeper.
  if [[ ${FUNCNAME[1]-} == __ag_first ]]; then __ag_f=2; fi
  local __ag_depth=$(( ${#FUNCNAME[@]} - __ag_f + 1 ))
  __ag_in=1
  __ag_seen=1
  # 1. The trap we wrapped, where it used to run: top level of the shell it was set in.
  if [[ -n $__ag_chain ]] && (( __ag_depth == 1 && BASH_SUBSHELL == __ag_sub0 )); then
    __ag_ret "$__ag_st" "$__ag_last"
    builtin eval -- "$__ag_chain" || :
  fi
  # 2. Our check. The guard's own code (its functions, its prompt hook file) is not checked.
  if [[ ${FUNCNAME[__ag_f]-} == __ag_* || ${BASH_SOURCE[__ag_f]-} == "$__ag_dir"/* ]]; then __ag_in=0; builtin return 0; fi
  if (( __ag_interactive )); then
    # PROMPT_COMMAND starting (its first command at top level) ends the line: what runs now is the
    # prompt's machinery (VS Code's, the person's), not their command.
    if (( __ag_ph == 2 && __ag_depth == 1 )) && [[ -n ${PROMPT_COMMAND-} && $PROMPT_COMMAND == "$__ag_cmd"* ]]; then __ag_ph=0; fi
    # Completion functions, key bindings and the prompt's own commands are not the person's command.
    if [[ -n ${COMP_LINE-} ]] || (( __ag_ph == 0 )); then __ag_in=0; builtin return 0; fi
    if (( __ag_ph == 1 )); then
      __ag_ph=2
      __ag_line=''
      __ag_line_ok=0
      # The whole line (pipes, heredocs, same-line variables) when history holds it: it was saved iff
      # HISTCMD is the number the prompt expected.
      if [[ -n $__ag_hnext && ${HISTCMD-} == "$__ag_hnext" ]] && [[ $- == *H* || -o history ]]; then
        # Through a private file when there is one (no fork); else a command substitution.
        if [[ -n $__ag_hfile ]] && HISTTIMEFORMAT='' builtin history 1 2>/dev/null >| "$__ag_hfile"; then
          IFS= builtin read -r -d '' __ag_line < "$__ag_hfile" || :
        else
          __ag_line=$(HISTTIMEFORMAT='' builtin history 1 2>/dev/null)
        fi
        __ag_line=${__ag_line#"${__ag_line%%[![:space:]]*}"}
        __ag_line=${__ag_line#"${__ag_line%%[![:digit:]]*}"}
        __ag_line=${__ag_line#\*}
        __ag_line=${__ag_line#"${__ag_line%%[![:space:]]*}"}
      fi
      if [[ -n $__ag_line ]] && __ag_hit "$__ag_line" '' whole; then
        if __ag_ask "$__ag_line"; then
          __ag_line_ok=1
        else
          __ag_in=0
          __ag_block
          builtin return 1
        fi
      fi
    fi
  fi
  # Texts already found free of trigger words (loops repeat the same few) skip the scan.
  if (( __ag_hashed == 1 )) && [[ -n ${__ag_miss[$__ag_cmd]-} ]]; then __ag_in=0; builtin return 0; fi
  if ! __ag_check "$__ag_cmd" "$__ag_depth"; then
    __ag_in=0
    __ag_block
    builtin return 1
  fi
  __ag_in=0
  builtin return 0
}

# The DEBUG trap currently set, as its bare command string, in __ag_cur (same parsing VS Code uses: the
# quoted terms of `trap -p` spliced into an array). Bash hides the DEBUG trap inside functions and sourced
# files entered without function tracing, so the first time (before extdebug was on) the caller hands in
# `trap -p` output captured at top level ($1), and where even that is hidden (VS Code runs PROMPT_COMMAND
# inside a function) we name the trap VS Code's shell integration or bash-preexec is known to set.
__ag_current_trap() {
  local -a terms=()
  local raw=${1-}
  # Plain `trap` (not `builtin trap`): only that form makes $(…) print the parent shell's traps.
  if [[ -z $raw ]]; then raw=$(trap -p DEBUG); fi
  if [[ -n $raw ]]; then builtin eval "terms=( $raw )" 2>/dev/null || terms=(); fi
  __ag_cur=${terms[2]-}
  if [[ -z $__ag_cur ]]; then
    if [[ -n ${bash_preexec_imported-} ]] && builtin declare -F __bp_preexec_invoke_exec >/dev/null; then
      __ag_cur='__bp_preexec_invoke_exec "$_"'
    elif builtin declare -F __vsc_preexec_all >/dev/null && [[ -n ${__vsc_dbg_trap-} ]]; then
      __ag_cur='__vsc_preexec_all "$_"'
    elif builtin declare -F __vsc_preexec_only >/dev/null; then
      __ag_cur='__vsc_preexec_only "$_"'
    fi
  fi
}

# $1: optional `trap -p DEBUG` output captured at top level.
__ag_install_trap() {
  local __ag_cur=''
  __ag_current_trap "${1-}"
  if [[ $__ag_cur != '__ag_debug "$_"' ]]; then
    __ag_chain=$__ag_cur
    __ag_sub0=$BASH_SUBSHELL
    builtin trap '__ag_debug "$_"' DEBUG
  fi
}

# Interactive: called from PROMPT_COMMAND before every prompt.
__ag_prompt() {
  __ag_refresh
  __ag_ph=0
  __ag_line_ok=0
  __ag_hnext=${HISTCMD-}
  # Someone replaced our trap (a plugin, `trap … DEBUG` at the prompt): wrap the new one.
  if (( ! __ag_seen )); then __ag_install_trap; fi
  __ag_seen=0
  if ! builtin shopt -q extdebug; then builtin shopt -s extdebug; fi
  # PS0 marks "a line was accepted". Without it (bash < 4.4, promptvars off) every command is checked,
  # prompt commands included: slower, never blind.
  if (( BASH_VERSINFO[0] > 4 || (BASH_VERSINFO[0] == 4 && BASH_VERSINFO[1] >= 4) )) && builtin shopt -q promptvars; then
    if [[ ${PS0-} != *"$__ag_ps0"* ]]; then PS0=${PS0-}$__ag_ps0; fi
  else
    __ag_ph=2
  fi
  if __ag_is_off; then
    if (( ! __ag_off_told )); then
      __ag_off_told=1
      __ag_say 'the guard is OFF for this terminal (turned off in VS Code); commands run unchecked.'
    fi
  else
    __ag_off_told=0
  fi
}

# $1: `trap -p DEBUG` as the PROMPT_COMMAND line captured it at top level.
__ag_boot_interactive() {
  builtin shopt -s extdebug
  __ag_install_trap "${1-}"
  __ag_seen=1
}

# Non-interactive (BASH_ENV): setting extdebug in a startup file makes bash look for its debugger, so the
# first DEBUG call turns it on, re-arms the real trap and checks that first command.
__ag_first() {
  local st=$?
  builtin shopt -s extdebug
  builtin trap '__ag_debug "$_"' DEBUG
  # `bash -c '<line>'` (a task, an agent's command): judge the whole line once, before its first command
  # runs, so `touch x && psql … -c 'DROP TABLE t'` is stopped before `touch` (e2e finding F6). The
  # commands of an allowed line are then not asked about again.
  if [[ -n ${BASH_EXECUTION_STRING-} ]] && ! __ag_is_off && __ag_hit "$BASH_EXECUTION_STRING" '' whole; then
    if __ag_ask "$BASH_EXECUTION_STRING"; then
      __ag_line=$BASH_EXECUTION_STRING
      __ag_line_ok=1
    else
      __ag_block
      builtin return 1
    fi
  fi
  __ag_ret "$st" "${1-}"
  __ag_debug "${1-}"
}

__ag_boot_noninteractive() {
  if [[ -n ${AGENT_GUARD_USER_BASH_ENV-} ]]; then
    # The person's own BASH_ENV may have set a DEBUG trap: keep it running.
    local __ag_cur=''
    __ag_current_trap
    __ag_chain=$__ag_cur
  fi
  __ag_sub0=$BASH_SUBSHELL
  builtin trap '__ag_first "$_"' DEBUG
}

# The lists this shell starts with: the window's current file when there is one, else the environment.
__ag_set_words "${AGENT_GUARD_TRIGGERS-}" "${AGENT_GUARD_DEEP_TRIGGERS-}" "${AGENT_GUARD_SUBSTRINGS-}"
__ag_refresh

# Last line: only a file that parsed completely counts as loaded.
__ag_loaded=1
