// The guard protects itself: an agent that is stopped must not be able to remove the stop. These rules
// catch edits and removals of Agent Guard's hook entries and settings, its uninstall, tampering with the
// variables and shell traps the terminal guard runs on, and reads of secret stores that would hand the
// agent another credential. Reading project `.env*` files is too common to flag and is left alone.

import type { Rule, RuleHit, RulePack } from '../types';
import { code, scanArgs } from './scanArgs';
import { GUARD_KIND_WORDS, GUARD_PATH_TRIGGERS, guardFileKind, guardPathKind } from '../guardFiles';
import type { GuardFileKind } from '../guardFiles';
import { writtenPaths } from './guardFileWrites';
import type { WrittenPath } from './guardFileWrites';
import { disarmTerminalGuard, tamperEnvironment } from './guardSelfRules';
import { patchGuardFile } from './guardPatchRules';

// --- the guard's own files ------------------------------------------------------------------
// Which files are the guard's own is decided in one place (../guardFiles.ts); which files a command
// writes, in another (guardFileWrites.ts). Hook files, the state folder and the extension's folder count
// by path; editor settings count too, because a shell write's result (`sed -i`, `cp`, a redirect) cannot
// be known before it runs, so whether it touches `agentGuard.*` cannot be known either.

const MENTIONS_GUARD = /agent[-_.]?guard/i;
/** Temporary folders: a copy of a hook or settings file written there is a backup, not the guard's file. */
const TEMP_PREFIXES = ['/tmp/', '/var/tmp/', '$TMPDIR/', '${TMPDIR}/', '/private/tmp/', '/dev/shm/'];

function inTemp(path: string): boolean {
  return TEMP_PREFIXES.some((t) => path.startsWith(t)) || path === '/tmp' || path === '/dev/null';
}

function guardKindOf(w: WrittenPath): GuardFileKind | undefined {
  const kind = w.folderCounts ? guardPathKind(w.path) : guardFileKind(w.path);
  if (kind === undefined) return undefined;
  // The discovery folder lives in /tmp; copies of settings or hook files there are only copies.
  if ((kind === 'settings' || kind === 'hooks') && inTemp(w.path)) return undefined;
  return kind;
}

const editGuardConfig: Rule = {
  id: 'guard.edit-config',
  category: 'guard',
  severity: 'high',
  // Any command can redirect onto a guard file (`echo {} > .vscode/settings.json`).
  commands: ['*'],
  triggers: [...new Set([...GUARD_PATH_TRIGGERS, '.claude', '.cursor', '.gemini', '.codex', '.windsurf', '.codeium', '.clinerules', '.github', '.copilot', '.vscode', 'agent_guard', 'agentGuard', 'AgentGuard'])],
  summary: "changes or removes Agent Guard's hooks, settings or files",
  rationale: "An agent that edits the hook files, the guard's settings, its state or the extension itself switches the guard off for every later command.",
  match(cmd) {
    for (const w of writtenPaths(cmd)) {
      const kind = guardKindOf(w);
      if (kind !== undefined) return { summary: `${w.verb} ${code(w.path)}, ${GUARD_KIND_WORDS[kind]}`, target: w.path };
    }
    return null;
  },
};

const EDITOR_CLIS = ['code', 'code-insiders', 'codium', 'cursor', 'windsurf', 'code-server', 'npm', 'pnpm', 'yarn', 'bun'] as const;
const EXTENSION_OFF = /^--(?:uninstall-extension|disable-extension)(?:=(.*))?$/;
const PACKAGE_REMOVE: ReadonlySet<string> = new Set(['uninstall', 'remove', 'rm', 'un', 'r', 'unlink']);

const uninstallGuard: Rule = {
  id: 'guard.uninstall',
  category: 'guard',
  severity: 'high',
  commands: EDITOR_CLIS,
  summary: 'uninstalls or disables Agent Guard',
  rationale: 'Removing the extension or the `agent-guard` CLI removes the only check between the agent and the next destructive command.',
  match(cmd) {
    const a = cmd.args;
    const packageManager = cmd.name === 'npm' || cmd.name === 'pnpm' || cmd.name === 'yarn' || cmd.name === 'bun';
    if (packageManager) {
      const s = scanArgs(a);
      if (!PACKAGE_REMOVE.has(s.positionals[0] ?? '')) return null;
      for (const p of s.positionals.slice(1)) if (MENTIONS_GUARD.test(p)) return { summary: `uninstalls the ${code(p)} package, Agent Guard's command-line check`, target: p };
      return null;
    }
    for (let i = 0; i < a.length; i++) {
      const m = EXTENSION_OFF.exec(a[i]);
      if (m === null) continue;
      const id = m[1] ?? a[i + 1] ?? '';
      if (MENTIONS_GUARD.test(id)) {
        return { summary: `${a[i].startsWith('--un') ? 'uninstalls' : 'disables'} the Agent Guard extension (${code(id)})`, target: id };
      }
    }
    return null;
  },
};

// --- secret stores --------------------------------------------------------------------------

let secretFile: RegExp | undefined;
/**
 * Credential files in a home folder (`~/`, `$HOME/`, `/home/u/`, `/Users/u/`, `/root/`), plus /etc/shadow; the
 * expression is built the first time a command that reads files is checked (issue 11: nothing at load).
 */
const secretFileRe = (): RegExp => (secretFile ??= new RegExp(
  '^(?:(?:~|\\$HOME|\\$\\{HOME\\}|/home/[^/]+|/Users/[^/]+|/root)/(?:' +
    [
      '\\.aws/credentials',
      '\\.ssh/id_(?!.*\\.pub$)[^/]*',
      '\\.ssh/[^/]*\\.pem',
      '\\.netrc',
      '\\.git-credentials',
      '\\.docker/config\\.json',
      '\\.npmrc',
      '\\.pypirc',
      '\\.pgpass',
      '\\.my\\.cnf',
      '\\.vault-token',
      '\\.kube/config',
      '\\.config/gh/hosts\\.yml',
      '\\.config/gcloud/(?:credentials\\.db|access_tokens\\.db|application_default_credentials\\.json|legacy_credentials/.*)',
      '\\.azure/(?:accessTokens\\.json|msal_token_cache\\.(?:json|bin))',
      '\\.terraform\\.d/credentials\\.tfrc\\.json',
      '\\.railway/config\\.json',
      '\\.fly/config\\.yml',
      '\\.config/doctl/config\\.yaml',
      '\\.password-store/.*',
      '\\.gnupg/private-keys[^/]*(?:/.*)?',
      'Library/Keychains/.*',
    ].join('|') +
    ')|/etc/shadow|/etc/gshadow)$',
));
/** Substrings one of which every secret file path (secretFileRe) holds, for the terminal prefilter. */
const SECRET_FILE_TRIGGERS: readonly string[] = [
  '.aws', '.ssh', '.netrc', '.git-credentials', '.docker', '.npmrc', '.pypirc', '.pgpass', '.my.cnf', '.vault-token',
  '.kube', '.config', '.azure', '.terraform.d', '.railway', '.fly', '.password-store', '.gnupg', 'Keychains', 'shadow',
];
const FILE_READERS: ReadonlySet<string> = new Set([
  'cat', 'less', 'more', 'head', 'tail', 'bat', 'batcat', 'strings', 'xxd', 'od', 'hexdump', 'base64', 'nl', 'tac',
  'cp', 'scp', 'rsync', 'sed', 'awk', 'gawk', 'grep', 'egrep', 'rg', 'jq', 'yq', 'sqlite3', 'Get-Content', 'gc', 'type',
  'openssl', 'gpg', 'curl', 'nc', 'python', 'python3', 'node', 'view', 'vim', 'nano',
]);

function secretHit(path: string): RuleHit {
  return { summary: `reads ${code(path)}, a store of credentials`, target: path };
}

const readSecretFiles: Rule = {
  id: 'guard.read-secret-store',
  category: 'guard',
  severity: 'medium',
  // `< ~/.aws/credentials` can feed any command.
  commands: ['*'],
  triggers: SECRET_FILE_TRIGGERS,
  summary: 'reads a file that stores credentials',
  rationale: 'An agent that reads cloud, SSH or registry credentials can use them to act outside the project and around the guard.',
  match(cmd) {
    for (const r of cmd.redirects) if (r.op === '<' && secretFileRe().test(r.target)) return secretHit(r.target);
    if (!FILE_READERS.has(cmd.name)) return null;
    for (const a of cmd.args) {
      // `curl -F f=@~/.aws/credentials`, `--data-binary @~/.netrc`: uploads read the file too.
      const path = a.charCodeAt(0) === 64 /* @ */ ? a.slice(1) : a.includes('=@') ? a.slice(a.indexOf('=@') + 2) : a;
      if (secretFileRe().test(path)) return secretHit(path);
    }
    return null;
  },
};

interface TokenPrinter {
  command: string;
  /** Leading words that must match (`auth print-access-token`). */
  words: readonly string[];
  /** A flag that must be present, when the subcommand alone prints nothing secret. */
  needs?: readonly string[];
}

/** CLI subcommands that print a live credential. */
const TOKEN_PRINTERS: readonly TokenPrinter[] = [
  { command: 'gcloud', words: ['auth', 'print-access-token'] },
  { command: 'gcloud', words: ['auth', 'print-identity-token'] },
  { command: 'gcloud', words: ['auth', 'application-default', 'print-access-token'] },
  { command: 'az', words: ['account', 'get-access-token'] },
  { command: 'gh', words: ['auth', 'token'] },
  { command: 'gh', words: ['auth', 'status'], needs: ['--show-token', '-t'] },
  { command: 'aws', words: ['configure', 'export-credentials'] },
  { command: 'aws', words: ['configure', 'get', 'aws_secret_access_key'] },
  { command: 'aws', words: ['configure', 'get', 'aws_session_token'] },
  { command: 'aws', words: ['ecr', 'get-login-password'] },
  { command: 'heroku', words: ['auth:token'] },
  { command: 'security', words: ['find-generic-password'], needs: ['-w', '-g'] },
  { command: 'security', words: ['find-internet-password'], needs: ['-w', '-g'] },
  { command: 'security', words: ['dump-keychain'] },
  { command: 'op', words: ['read'] },
  { command: 'op', words: ['item', 'get'], needs: ['--reveal'] },
  { command: 'pass', words: ['show'] },
  { command: 'doctl', words: ['auth', 'token'] },
];
const TOKEN_COMMANDS = [...new Set(TOKEN_PRINTERS.map((t) => t.command))];

const printToken: Rule = {
  id: 'guard.print-credential',
  category: 'guard',
  severity: 'medium',
  commands: TOKEN_COMMANDS,
  summary: 'prints a live access token or password',
  rationale: 'Printing a token puts a credential in the agent\'s hands, to be used outside the guarded commands.',
  match(cmd) {
    const s = scanArgs(cmd.args);
    const words = s.positionals;
    for (const t of TOKEN_PRINTERS) {
      if (t.command !== cmd.name) continue;
      let ok = true;
      for (let i = 0; i < t.words.length && ok; i++) ok = words[i] === t.words[i];
      if (!ok) continue;
      if (t.needs !== undefined && !t.needs.some((f) => cmd.args.includes(f))) continue;
      const what = `${cmd.name} ${t.words.join(' ')}`;
      return { summary: `prints a live credential (${code(what)})`, target: what };
    }
    return null;
  },
};

/** Words a credential search looks for. */
const SECRET_WORDS = /token|secret|passw|api[_-]?key|access[_-]?key|private[ _-]?key|credential|bearer|AKIA|ghp_|github_pat|\bsk-|xox[abp]-/i;
/** File names a credential hunt looks for. */
const SECRET_NAMES = /\.pem|id_rsa|id_ed25519|id_ecdsa|credential|\.key$|\.p12|\.pfx|\.kdbx|token|secret|\.env/i;
/** Search roots outside the project: home folders, the whole disk, system config. */
const WIDE_ROOT = /^(?:~|~\/|\$HOME\/?|\$\{HOME\}\/?|\/|\/home\/?|\/Users\/?|\/root\/?|\/etc\/?|(?:~|\$HOME|\/home\/[^/]+|\/Users\/[^/]+)\/\.(?:aws|ssh|config|docker|kube|azure|gnupg)\/?)$/;

const searchSecrets: Rule = {
  id: 'guard.search-secrets',
  category: 'guard',
  severity: 'medium',
  commands: ['grep', 'egrep', 'rg', 'ag', 'ack', 'find', 'fd'],
  summary: 'searches the home folder or the disk for credentials',
  rationale: 'Hunting for tokens or keys outside the project (`grep -r TOKEN ~`) is how an agent finds a credential it was not given.',
  match(cmd) {
    const s = scanArgs(cmd.args, cmd.name === 'find' ? {} : { shortWithValue: 'efmABCgtdT', longWithValue: new Set(['regexp', 'file', 'max-count', 'glob', 'type', 'max-depth', 'context']) });
    if (cmd.name === 'find') {
      const roots: string[] = [];
      for (const a of cmd.args) {
        if (a.startsWith('-') || a === '(' || a === '!') break;
        roots.push(a);
      }
      if (!roots.some((r) => WIDE_ROOT.test(r))) return null;
      for (let i = 0; i < cmd.args.length - 1; i++) {
        const a = cmd.args[i];
        if ((a === '-name' || a === '-iname' || a === '-path' || a === '-ipath') && SECRET_NAMES.test(cmd.args[i + 1])) {
          return { summary: `searches ${code(roots.join(' '))} for credential files (${code(cmd.args[i + 1])})`, target: roots.join(' ') };
        }
      }
      return null;
    }
    // Pattern: -e/--regexp value, else the first operand; the rest are paths.
    const explicit = s.values.get('e') ?? s.values.get('regexp');
    const pattern = explicit ?? s.positionals[0];
    const paths = explicit === undefined ? s.positionals.slice(1) : s.positionals;
    if (pattern === undefined || !SECRET_WORDS.test(pattern)) return null;
    const wide = paths.filter((p) => WIDE_ROOT.test(p));
    if (wide.length === 0) return null;
    return { summary: `searches ${wide.map(code).join(', ')} for ${code(pattern)}, looking for credentials`, target: wide.join(' ') };
  },
};

export const GUARD_RULES: RulePack = {
  name: 'guard',
  rules: [editGuardConfig, uninstallGuard, tamperEnvironment, disarmTerminalGuard, readSecretFiles, printToken, searchSecrets, patchGuardFile],
};
