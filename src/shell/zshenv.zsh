# Agent Guard: sourced by the .zshenv the extension writes into its ZDOTDIR. Reads the person's own
# .zshenv with their ZDOTDIR in place, then leaves ZDOTDIR pointing back at ours so zsh reads our
# .zprofile/.zshrc/.zlogin next (each of those sources the person's file the same way).
__ag_zdotdir=$ZDOTDIR
if [[ -n ${AGENT_GUARD_USER_ZDOTDIR:-} ]]; then ZDOTDIR=$AGENT_GUARD_USER_ZDOTDIR; else ZDOTDIR=$HOME; fi
if [[ -f $ZDOTDIR/.zshenv && $ZDOTDIR != $__ag_zdotdir ]]; then . "$ZDOTDIR/.zshenv"; fi
# The person's .zshenv may move ZDOTDIR: that is their folder from now on.
if [[ $ZDOTDIR != $__ag_zdotdir ]]; then export AGENT_GUARD_USER_ZDOTDIR=$ZDOTDIR; fi
ZDOTDIR=$__ag_zdotdir
if [[ ! -o interactive ]]; then
  . "${AGENT_GUARD_SHELL_DIR:-${${(%):-%x}:h}}/agent-guard.zsh" && TRAPDEBUG() { __ag_zdebug; }
fi
