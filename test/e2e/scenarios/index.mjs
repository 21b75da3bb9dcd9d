// The scenarios `npm run test:e2e` runs by default, in order (later ones read the log the earlier ones
// wrote; fail-closed disables the extension, so it is last). A scenario joins this list only once the
// feature it tests has landed and it passes on both versions; until then it runs with
// `--scenario <id>` or `--all` and fails there, loudly.
// All written scenarios are listed.
export const DEFAULT_SCENARIOS = ['install-activate', 'seed-bash', 'modal-buttons', 'railway-modal', 'zsh', 'task', 'restore', 'agent-hooks', 'settings-rules', 'log-export', 'loosening-acceptance', 'fail-closed'];
