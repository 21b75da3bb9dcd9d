# Agent Guard: sourced by our ZDOTDIR's .zlogin (login shells, when zsh still reads from our ZDOTDIR,
# e.g. under VS Code's shell integration): the person's .zlogin.
ZDOTDIR=${AGENT_GUARD_USER_ZDOTDIR:-$HOME}
if [[ -f $ZDOTDIR/.zlogin && $ZDOTDIR != ${AGENT_GUARD_SHELL_DIR:-/nonexistent} ]]; then . "$ZDOTDIR/.zlogin"; fi
