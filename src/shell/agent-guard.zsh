# Agent Guard: pre-execution guard for zsh (sourced once per zsh process from zshrc.zsh / zshenv.zsh).
#
# Interactive zsh: an `accept-line` widget looks at the whole line before zsh runs it and refuses it when
# the CLI says blocked; the widget that was bound before (zsh's own, or a plugin's wrapper) still runs
# for every line we let through. Non-interactive zsh (`zsh -c`, zsh scripts, tasks when zsh is the
# default shell): a DEBUG trap (run before each command, DEBUG_BEFORE_CMD is on by default) checks
# ZSH_DEBUG_CMD and ends the script with status 20 before a blocked command runs.
# Ordinary commands pay one word scan; only a trigger word starts the CLI.

if (( ${+__ag_zloaded} )); then return 0; fi

zmodload zsh/parameter 2>/dev/null  # $aliases, $commands, $widgets
typeset -gA __ag_zwords
typeset -gi __ag_zall=0 __ag_zwarned=0 __ag_zoff_told=0 __ag_zwtold=0
typeset -g __ag_zwver=''
typeset -ga __ag_zsubs
# Sets the lists: $1 trigger words, $2 deep words (rule commands), $3 substrings.
__ag_zset_words() {
  emulate -L zsh
  local w
  __ag_zall=0
  __ag_zwords=()
  for w in ${=1}; do
    if [[ $w == '*' ]]; then __ag_zall=1; fi
    __ag_zwords[$w]=1
  done
  if (( ${#__ag_zwords} == 0 )); then __ag_zall=1; fi
  # "Check everything" applies to interactive lines only: through the CLI for every command of every
  # script, loops would take hours. Scripts then use the rule-command list.
  if (( __ag_zall )) && [[ ! -o interactive ]]; then
    __ag_zall=0
    __ag_zwords=()
    for w in ${=2}; do [[ $w == '*' ]] || __ag_zwords[$w]=1; done
  fi
  __ag_zsubs=(${=3})
}
# Every terminal current: reads the window's `version` file (one small read, no fork) before each line
# and reloads the lists from `words` when it changed (see agent-guard.bash). Says once when it cannot.
__ag_zrefresh() {
  emulate -L zsh
  local dir=${AGENT_GUARD_STATE_DIR:-} v='' w='' d='' s=''
  [[ -n $dir ]] || return 0
  if [[ -r $dir/version ]] && { IFS= read -r v < $dir/version } 2>/dev/null && [[ -n $v ]]; then
    [[ $v == $__ag_zwver ]] && return 0
    if { IFS= read -r w && IFS= read -r d && IFS= read -r s } < $dir/words 2>/dev/null; then
      __ag_zwver=$v
      __ag_zwtold=0
      __ag_zset_words "$w" "$d" "$s"
      return 0
    fi
  fi
  if (( ! __ag_zwtold )) && [[ -n $__ag_zwver ]]; then
    __ag_zwtold=1
    print -r -u2 -- "agent-guard: this terminal's guard cannot be updated (its window's state in ${dir} is gone or unreadable); it keeps the rules it started with. Open a new terminal to get the current rules."
  fi
}
__ag_zset_words "${AGENT_GUARD_TRIGGERS:-}" "${AGENT_GUARD_DEEP_TRIGGERS:-}" "${AGENT_GUARD_SUBSTRINGS:-}"
__ag_zrefresh
if [[ -z ${AGENT_GUARD_TERMINAL_PID:-} ]]; then export AGENT_GUARD_TERMINAL_PID=$$; fi

# A variable or substitution in command position (`$X -rf ~`): whole interactive lines only.
typeset -g __ag_zvarcmd_re='(^|[;&|(]|then|do|else)[[:space:]]*["'\'']?[$]'
# Computed names (see agent-guard.bash and src/engine/triggerWords.ts): a pattern or brace word as the
# command name, `env -S` glued, Windows executables, look-alike and invisible characters.
typeset -g __ag_zcompname_re='(^|[;&|(]|then|do|else)[[:blank:]]*([^[:space:];&|()<>=]*[*?]|[^][[:space:];&|()<>=]+\[|\[[^][[:space:]]|[^[:space:];&|()<>={]*[{][^[:space:]{}]*,)'
typeset -g __ag_zenvsplit_re='(^|[[:space:]])-[a-zA-Z0-9]*S|--split-string'
typeset -g __ag_zctl=$'\t\n\r'

# 0 when the text names a trigger word (quotes and backslashes dropped first: r''m reads as rm), or
# contains one of the substrings `*` rules look for; $2 = whole: also a variable in command position.
__ag_zhit() {
  emulate -L zsh
  local s=$1 w
  if (( __ag_zall || ${#s} > 4096 )); then return 0; fi
  if [[ -n ${2:-} && $s =~ $__ag_zvarcmd_re ]]; then return 0; fi
  s=${s//[\'\"\\]/}
  if [[ $s == *extdebug* || $s == *ZDOTDIR* || $s == *accept-line* || $s == *TRAPDEBUG* ]]; then return 0; fi
  if [[ $s == *.[eE][xX][eE]* || $s =~ $__ag_zcompname_re ]] || [[ $s == *env* && $s =~ $__ag_zenvsplit_re ]]; then return 0; fi
  if [[ -n ${2:-} && $s == *[^\ -~$__ag_zctl]* ]]; then return 0; fi
  # `2>/dev/null` is in half of all scripts: the harmless devices do not count as `/dev/`.
  if [[ $s == */dev/* ]]; then
    s=${s//\/dev\/null/}; s=${s//\/dev\/tty/}; s=${s//\/dev\/std/}; s=${s//\/dev\/fd\//}
    s=${s//\/dev\/zero/}; s=${s//\/dev\/urandom/}; s=${s//\/dev\/random/}
  fi
  for w in $__ag_zsubs; do
    if [[ $s == *"$w"* ]]; then return 0; fi
  done
  s=${s//[^[:alnum:]_.\/+-]/ }
  for w in ${=s}; do
    w=${w:t}
    if [[ -n $w && -n ${__ag_zwords[$w]-} ]]; then return 0; fi
  done
  return 1
}

__ag_zsay() { print -r -u2 -- "agent-guard: $*"; }

__ag_zoff() {
  [[ -n ${AGENT_GUARD_STATE_DIR:-} && -e "${AGENT_GUARD_STATE_DIR}/off-${AGENT_GUARD_TERMINAL_PID:-}" ]]
}

# 0: may run. Anything else: blocked (fail closed).
__ag_zask() {
  emulate -L zsh
  local text=$1 agent=$2 node=${AGENT_GUARD_NODE:-} cli=${AGENT_GUARD_CLI:-} rc
  if __ag_zoff; then
    if (( ! __ag_zoff_told )); then __ag_zoff_told=1; __ag_zsay 'the guard is OFF for this terminal (turned off in VS Code); commands run unchecked.'; fi
    return 0
  fi
  if [[ -z $cli || ! -r $cli ]]; then
    if (( ! __ag_zwarned )); then __ag_zwarned=1; __ag_zsay "cannot find the Agent Guard CLI (${cli:-AGENT_GUARD_CLI is not set}); commands that need a check are blocked until this terminal is restarted with the extension enabled."; fi
    return 20
  fi
  if [[ -z $node || ! -x $node ]]; then node=${commands[node]:-}; fi
  if [[ -z $node ]]; then
    if (( ! __ag_zwarned )); then __ag_zwarned=1; __ag_zsay 'cannot find node to run the Agent Guard CLI; commands that need a check are blocked.'; fi
    return 20
  fi
  ELECTRON_RUN_AS_NODE=1 "$node" "$cli" ask --door terminal --agent "$agent" --pid "$$" --cwd "$PWD" -- "$text" </dev/null
  rc=$?
  return $rc
}

# Interactive: the accept-line widget.
__ag_zaccept() {
  local buf=$BUFFER text w
  local -a words
  __ag_zrefresh
  text=$buf
  # An alias in command position hides what runs: look at its expansion too.
  words=(${(z)buf})
  w=${words[1]-}
  if [[ -n $w && -n ${aliases[$w]-} ]]; then text+=$'\n'${aliases[$w]}; fi
  if [[ -n ${buf//[[:space:]]/} ]] && __ag_zhit "$text" whole; then
    zle -I
    if ! __ag_zask "$text" 'zsh terminal'; then
      # Keep the line in history so the person can recall it, and run nothing.
      # (The CLI has said why, in one line.)
      print -rs -- "$buf"
      BUFFER=''
    fi
  fi
  zle __ag_orig_accept_line -- "$@"
}

__ag_zinstall_widget() {
  # Chain whatever accept-line is now (zsh's own or a plugin's wrapper); never install twice.
  if [[ ${widgets[accept-line]-} == user:__ag_zaccept ]]; then return 0; fi
  zle -A accept-line __ag_orig_accept_line
  zle -N accept-line __ag_zaccept
}

# Non-interactive: checks each command before it runs.
__ag_zdebug() {
  local cmd=${ZSH_DEBUG_CMD-}
  if [[ -n $cmd ]] && __ag_zhit "$cmd"; then
    if ! __ag_zask "$cmd" 'zsh (script or zsh -c)'; then
      __ag_zsay 'blocked; the script stops here.'
      exit 20
    fi
  fi
  return 0
}

__ag_zloaded=1
