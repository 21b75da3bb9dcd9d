// The scenarios `npm run test:e2e` runs by default, in order (later ones read the log the earlier ones
// wrote). A scenario joins this list only once the feature it tests has landed and it passes on both
// versions; until then it runs with `--scenario <id>` or `--all` and fails there, loudly.
export const DEFAULT_SCENARIOS = ['install-activate', 'agent-hooks', 'log-export', 'fail-closed'];
