# Agent Guard: sourced by our ZDOTDIR's .zprofile (login shells): the person's .zprofile, their ZDOTDIR.
__ag_zdotdir=$ZDOTDIR
ZDOTDIR=${AGENT_GUARD_USER_ZDOTDIR:-$HOME}
if [[ -f $ZDOTDIR/.zprofile && $ZDOTDIR != $__ag_zdotdir ]]; then . "$ZDOTDIR/.zprofile"; fi
ZDOTDIR=$__ag_zdotdir
