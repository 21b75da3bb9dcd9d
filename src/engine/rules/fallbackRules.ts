// The fallback for tools no pack knows: an unknown CLI whose subcommand (or a `--delete`-style flag) is a
// destroy verb asks, with medium severity, and says it is a guess. Without it the next tool an agent reaches
// for would be a silent allow. Tools whose removals are local and rebuildable (package managers, local VM
// and cluster managers) and tools that only print text run. `remove`/`rm` count only when the object looks
// remote (a resource group word before the verb, or a project/environment flag or URL beside it).
import type { Rule, RuleHit, RulePack, SimpleCommand } from '../types';
import { asksForHelp, code } from './scanArgs';

/** Subcommand words that destroy whatever the tool manages. */
const DESTROY_VERBS: ReadonlySet<string> = new Set([
  'delete', 'destroy', 'drop', 'purge', 'prune', 'forget', 'wipe', 'erase', 'rb', 'nuke', 'terminate', 'reset', 'truncate', 'obliterate',
]);
/** Removal words that count only when the object is remote. */
const REMOVE_VERBS: ReadonlySet<string> = new Set(['remove', 'rm', 'del']);

/**
 * Substrings the terminal prefilter looks for (every verb above is one, or contains one). `rb` alone would
 * match `verbose`; as a subcommand it always follows a space.
 */
const TRIGGERS = ['delete', 'destroy', 'drop', 'purge', 'prune', 'forget', 'wipe', 'erase', ' rb', 'nuke', 'terminate', 'reset', 'truncate', 'obliterate', 'remove', ' rm', ' del'];

/**
 * Tools whose deletes are local and rebuildable, or that only print, search or edit text: the fallback never
 * guesses about them. Tools a pack knows are skipped separately.
 */
const LOCAL_TOOLS: ReadonlySet<string> = new Set([
  // package and toolchain managers: what they remove is reinstalled by the next install
  'npm', 'pnpm', 'yarn', 'bun', 'pip', 'pip3', 'pipx', 'poetry', 'uv', 'pdm', 'hatch', 'conda', 'mamba', 'micromamba', 'brew',
  'apt', 'apt-get', 'aptitude', 'dpkg', 'dnf', 'yum', 'zypper', 'pacman', 'yay', 'apk', 'snap', 'flatpak', 'nix', 'nix-env',
  'cargo', 'rustup', 'gem', 'bundle', 'bundler', 'go', 'composer', 'dotnet', 'nuget', 'gradle', 'gradlew', 'mvn', 'mvnw', 'asdf', 'mise',
  'nvm', 'fnm', 'volta', 'pyenv', 'rbenv', 'sdk', 'deno', 'jsr', 'pod', 'flutter', 'dart', 'conan', 'vcpkg', 'bazel', 'pre-commit',
  'code', 'cursor', 'codium', 'windsurf', 'code-server', 'corepack', 'turbo', 'nx', 'lerna', 'rush',
  // local machines, containers and clusters made from configuration in the repository
  // build runners: their targets' recipes are read as commands (files run)
  'make', 'gmake', 'just', 'rake',
  'vagrant', 'minikube', 'kind', 'k3d', 'multipass', 'colima', 'limactl', 'devcontainer', 'tilt', 'skaffold', 'docker-machine',
  'xcrun', 'simctl', 'avdmanager', 'sdkmanager', 'emulator',
  'systemctl', 'launchctl', 'service', 'pm2', 'forever', 'supervisorctl', 'overmind', 'foreman', 'tmux', 'screen', 'zellij', 'ssh-keygen', 'ssh-add', 'direnv', 'ccache', 'sccache',
  // text: printing, searching, editing, paging, help
  'echo', 'printf', 'print', 'grep', 'egrep', 'fgrep', 'rg', 'ag', 'ack', 'sed', 'awk', 'gawk', 'jq', 'yq', 'cat', 'bat', 'less',
  'more', 'head', 'tail', 'man', 'info', 'tldr', 'help', 'which', 'type', 'whatis', 'apropos', 'ls', 'tree', 'wc', 'sort', 'uniq',
  'cut', 'tr', 'column', 'diff', 'cmp', 'comm', 'tee', 'touch', 'mkdir', 'cd', 'pushd', 'popd', 'export', 'set', 'unset', 'alias',
  'read', 'test', '[', '[[', 'true', 'false', 'sleep', 'date', 'open', 'xdg-open', 'history', 'fc', 'say', 'notify-send', 'logger',
  'cowsay', 'figlet', 'toilet', 'lolcat', 'banner', 'yes', 'seq', 'realpath', 'readlink', 'glow', 'pandoc',
  'vim', 'vi', 'nvim', 'nano', 'emacs', 'tput', 'clear', 'stat', 'file', 'du', 'df', 'pwd', 'env', 'printenv', 'basename', 'dirname',
]);

/** Flags and words that name a remote object: a project, environment, cluster, region, org or URL. */
const REMOTE_FLAG = /^--?(?:project|project-id|env|environment|app|cluster|org|organization|team|region|zone|account|workspace|stack|site|host|url|server|endpoint|namespace|context)(?:=|$)/;
const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\//i;
/** Joins a verb to its object: `delete-topic`, `db:drop`, `reset_db`, `force-delete`. */
const JOINERS = /[:_-]/;
/** Flags like `--delete`, `--purge`, `--delete-all`, `--force-delete`. */
const DESTROY_FLAG = /^--(?:[a-z]+-)?(delete|destroy|drop|purge|prune|wipe|erase|nuke|truncate)(?:-[a-z-]+)?(?:=.*)?$/;
/** How many positional words after the tool name can be its subcommand path (`tool group sub verb`). */
const SUBCOMMAND_DEPTH = 3;
const PATH_LIKE = /[/.\\]/;
/** Objects whose removal loses nothing: a cache is rebuilt, a password reset keeps the account. */
const HARMLESS_OBJECTS: ReadonlySet<string> = new Set(['cache', 'caches', 'tmp', 'temp', 'password', 'passwords']);

function destroyWord(word: string): string | undefined {
  if (DESTROY_VERBS.has(word)) return word;
  // The first two parts or the last: `delete-topic`, `db:drop`, `service-instance-delete`.
  const parts = word.split(JOINERS);
  if (parts.some((p) => HARMLESS_OBJECTS.has(p))) return undefined;
  for (const p of [parts[0], parts[1], parts[parts.length - 1]]) if (p !== undefined && DESTROY_VERBS.has(p)) return p;
  return undefined;
}

function remoteHint(cmd: SimpleCommand): boolean {
  for (const a of cmd.args) if (REMOTE_FLAG.test(a) || URL_LIKE.test(a)) return true;
  return false;
}

/** The destroy verb of an unknown tool's command, with the object after it, or null. */
function guessDestroy(cmd: SimpleCommand): RuleHit | null {
  let seen = 0;
  for (let i = 0; i < cmd.args.length && seen < SUBCOMMAND_DEPTH; i++) {
    const a = cmd.args[i];
    if (a === '--') break;
    if (a.startsWith('-')) {
      const flag = DESTROY_FLAG.exec(a);
      if (flag && !a.endsWith('=false')) return hit(cmd, a, cmd.args.find((w, j) => j > i && !w.startsWith('-')));
      continue;
    }
    // A path or file name is an operand, not a subcommand: nothing after it is a verb.
    if (PATH_LIKE.test(a) || cmd.dynamic[i] === true) break;
    seen++;
    // `tool cache purge`, `tool password reset`: nothing that holds data.
    if (HARMLESS_OBJECTS.has(a.toLowerCase())) return null;
    const verb = destroyWord(a.toLowerCase());
    if (verb !== undefined) return HARMLESS_OBJECTS.has((cmd.args[i + 1] ?? '').toLowerCase()) ? null : hit(cmd, a, cmd.args[i + 1]);
    if (REMOVE_VERBS.has(a) && (seen > 1 || remoteHint(cmd))) return hit(cmd, a, cmd.args[i + 1]);
  }
  return null;
}

function hit(cmd: SimpleCommand, verb: string, object: string | undefined): RuleHit {
  const target = object !== undefined && !object.startsWith('-') ? object : undefined;
  return {
    summary:
      `looks like it ${target !== undefined ? `deletes ${code(target)}` : 'deletes something'} (${code(`${cmd.name} … ${verb}`)}); ` +
      `Agent Guard does not know ${code(cmd.name)}, so this is a guess from the word ${code(verb)}`,
    target,
  };
}

/** The fallback rule, told which commands the packs already know (they judge those themselves); worked out on first use. */
export function fallbackPack(knownNames: () => ReadonlySet<string>): RulePack {
  let known: ReadonlySet<string> | undefined;
  const rule: Rule = {
    id: 'fallback.destroy-verb',
    category: 'fallback',
    severity: 'medium',
    commands: ['*'],
    triggers: TRIGGERS,
    summary: 'looks like it deletes something with a tool Agent Guard does not know',
    rationale:
      'A tool no rule pack describes is judged by its words: a subcommand or flag such as `delete`, `destroy`, `drop`, ' +
      '`purge`, `prune`, `wipe` or `reset` (and `remove` of something remote) asks, marked as a guess, so the next unknown ' +
      'CLI is not a silent allow. Package managers, local VM and cluster tools, and commands that only print text run.',
    match(cmd) {
      if ((known ??= knownNames()).has(cmd.name) || LOCAL_TOOLS.has(cmd.name) || cmd.args.length === 0) return null;
      if (asksForHelp(cmd.args) || cmd.args.includes('help') || cmd.args.includes('--dry-run')) return null;
      return guessDestroy(cmd);
    },
  };
  return { name: 'fallback', rules: [rule] };
}

/** Every command name a pack's rules look at (a lazy pack's declared names: it is not built for this). */
export function knownCommands(packs: readonly RulePack[]): Set<string> {
  const names = new Set<string>();
  for (const p of packs) {
    if (p.commands !== undefined) {
      for (const c of p.commands) names.add(c);
      continue;
    }
    for (const r of p.rules) {
      for (const c of r.commands) if (c !== '*') names.add(c);
      for (const c of r.names ?? []) names.add(c);
    }
  }
  return names;
}
