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
typeset -gi __ag_zall=0 __ag_zwarned=0 __ag_zoff_told=0
() {
  emulate -L zsh
  local w
  for w in ${=AGENT_GUARD_TRIGGERS:-}; do
    if [[ $w == '*' ]]; then __ag_zall=1; fi
    __ag_zwords[$w]=1
  done
  if (( ${#__ag_zwords} == 0 )); then __ag_zall=1; fi
  # "Check everything" applies to interactive lines only: through the CLI for every command of every
  # script, loops would take hours. Scripts then use the rule-command list.
  if (( __ag_zall )) && [[ ! -o interactive ]]; then
    __ag_zall=0
    __ag_zwords=()
    for w in ${=AGENT_GUARD_DEEP_TRIGGERS:-}; do [[ $w == '*' ]] || __ag_zwords[$w]=1; done
  fi
}
if [[ -z ${AGENT_GUARD_TERMINAL_PID:-} ]]; then export AGENT_GUARD_TERMINAL_PID=$$; fi

typeset -ga __ag_zsubs
__ag_zsubs=(${=AGENT_GUARD_SUBSTRINGS:-})
# A variable or substitution in command position (`$X -rf ~`): whole interactive lines only.
typeset -g __ag_zvarcmd_re='(^|[;&|(]|then|do|else)[[:space:]]*["'\'']?[$]'

# 0 when the text names a trigger word (quotes and backslashes dropped first: r''m reads as rm), or
# contains one of the substrings `*` rules look for; $2 = whole: also a variable in command position.
__ag_zhit() {
  emulate -L zsh
  local s=$1 w
  if (( __ag_zall || ${#s} > 4096 )); then return 0; fi
  if [[ -n ${2:-} && $s =~ $__ag_zvarcmd_re ]]; then return 0; fi
  s=${s//[\'\"\\]/}
  if [[ $s == *extdebug* || $s == *ZDOTDIR* || $s == *accept-line* || $s == *TRAPDEBUG* ]]; then return 0; fi
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
  text=$buf
  # An alias in command position hides what runs: look at its expansion too.
  words=(${(z)buf})
  w=${words[1]-}
  if [[ -n $w && -n ${aliases[$w]-} ]]; then text+=$'\n'${aliases[$w]}; fi
  if [[ -n ${buf//[[:space:]]/} ]] && __ag_zhit "$text" whole; then
    zle -I
    if ! __ag_zask "$text" 'zsh terminal'; then
      # Keep the line in history so the person can recall it, and run nothing.
      print -rs -- "$buf"
      BUFFER=''
      __ag_zsay 'blocked; the command did not run.'
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
