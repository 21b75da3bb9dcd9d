# Agent Guard: sourced by our ZDOTDIR's .zshrc (interactive shells): the person's .zshrc with their
# ZDOTDIR, then the accept-line guard. Afterwards ZDOTDIR is the person's again (their .zlogin, history
# and completion dumps live there).
__ag_zdotdir=$ZDOTDIR
ZDOTDIR=${AGENT_GUARD_USER_ZDOTDIR:-$HOME}
# VS Code's zsh integration points HISTFILE at the "user" ZDOTDIR, which is ours: give it back.
if [[ ${HISTFILE:-} == $__ag_zdotdir/* ]]; then HISTFILE=$ZDOTDIR/${HISTFILE:t}; fi
if [[ -f $ZDOTDIR/.zshrc && $ZDOTDIR != $__ag_zdotdir ]]; then . "$ZDOTDIR/.zshrc"; fi
# Load our functions without the person's aliases.
() {
  setopt localoptions noaliases
  . "${AGENT_GUARD_SHELL_DIR:-${${(%):-%x}:h}}/agent-guard.zsh"
}
if (( ${+__ag_zloaded} )) && [[ -o zle ]]; then __ag_zinstall_widget; fi
if [[ ${AGENT_GUARD_USER_ZDOTDIR:-} == $HOME || -z ${AGENT_GUARD_USER_ZDOTDIR:-} ]]; then unset ZDOTDIR; else ZDOTDIR=$AGENT_GUARD_USER_ZDOTDIR; fi
