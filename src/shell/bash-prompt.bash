# Agent Guard: bash prompt hook. The extension prepends a line to PROMPT_COMMAND that sources this file
# before every prompt (see src/extension/terminal/shellEnvironment.ts for the exact line and why it
# survives the usual ways rc files extend PROMPT_COMMAND). The first time it loads the guard; later
# it only runs the prompt hook. It must leave `$?` as it found it (the line restores it from __ag_s).
if [[ -z ${__ag_loaded-} ]]; then
  # Parse our functions without the person's aliases (an `alias kill=…` must not change them).
  if builtin shopt -q expand_aliases; then
    builtin shopt -u expand_aliases
    builtin . "${BASH_SOURCE[0]%/*}/agent-guard.bash"
    builtin shopt -s expand_aliases
  else
    builtin . "${BASH_SOURCE[0]%/*}/agent-guard.bash"
  fi
  if [[ -n ${__ag_loaded-} ]]; then __ag_boot_interactive "${__ag_t-}"; builtin unset __ag_t; fi
fi
if [[ -n ${__ag_loaded-} ]]; then __ag_prompt; fi
