# Agent Guard: BASH_ENV backstop. Every non-interactive bash started from a VS Code terminal or task
# (`bash -c …`, `#!/bin/bash` scripts, an agent's subprocess) reads this file before its first command.
# It keeps the person's own BASH_ENV working, then arms the guard's DEBUG trap (see agent-guard.bash).
if [[ -n ${AGENT_GUARD_USER_BASH_ENV-} && -r ${AGENT_GUARD_USER_BASH_ENV} && ${AGENT_GUARD_USER_BASH_ENV} != "${BASH_SOURCE[0]}" ]]; then
  builtin . "${AGENT_GUARD_USER_BASH_ENV}"
fi
# Interactive shells load the guard from PROMPT_COMMAND instead; `bash -i -c` reads neither rc nor this
# file's trap usefully, so only non-interactive shells arm here.
if [[ $- != *i* ]]; then
  builtin . "${BASH_SOURCE[0]%/*}/agent-guard.bash" && __ag_boot_noninteractive
fi
