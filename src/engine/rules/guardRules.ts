// The guard protects itself: an agent that is stopped must not be able to remove the stop. These rules
// catch edits and removals of Agent Guard's hook entries and settings, its uninstall, tampering with the
// variables and shell traps the terminal guard runs on, and reads of secret stores that would hand the
// agent another credential. Reading project `.env*` files is too common to flag and is left alone.

import type { Rule, RuleHit, RulePack, SimpleCommand } from '../types';
import { code, scanArgs } from './scanArgs';

// --- the guard's own files ------------------------------------------------------------------

/**
 * Hook and settings files of the agents Agent Guard installs into, the folders holding them, and the
 * installed extension itself. Matched against a path with `/` separators, case-insensitively.
 */
const GUARD_FILES = new RegExp(
  '(?:^|/)(?:' +
    [
      '\\.claude/settings[^/]*\\.json',
      '\\.cursor/hooks\\.json',
      '\\.gemini/settings\\.json',
      '\\.codex/hooks\\.json',
      '\\.?windsurf/hooks\\.json',
      '\\.clinerules/hooks(?:/.*)?',
      '\\.github/hooks(?:/.*)?',
      // Whole folders: deleting `.claude` removes the hook with everything else.
      '\\.(?:claude|cursor|gemini|codex|windsurf|clinerules|github)/?',
      '(?:\\.vscode|\\.vscode-server|\\.cursor|\\.windsurf|\\.vscode-insiders)/extensions/[^/]*agent-guard[^/]*(?:/.*)?',
    ].join('|') +
    ')$',
  'i',
);
/** Editor settings files: only a change that mentions the guard counts (they hold much else). */
const EDITOR_SETTINGS = /(?:^|\/)(?:\.vscode\/settings\.json|User\/settings\.json)$/i;
const MENTIONS_GUARD = /agent[-_.]?guard/i;
const BACKSLASH = /\\/g;

/** Whether writing `path` touches the guard; editor settings count only when the command mentions the guard. */
function guardPath(path: string, cmd: SimpleCommand): boolean {
  const p = path.includes('\\') ? path.replace(BACKSLASH, '/') : path;
  return GUARD_FILES.test(p) || (EDITOR_SETTINGS.test(p) && mentionsGuard(cmd));
}

function mentionsGuard(cmd: SimpleCommand): boolean {
  for (const a of cmd.args) if (MENTIONS_GUARD.test(a)) return true;
  return cmd.stdin !== undefined && MENTIONS_GUARD.test(cmd.stdin);
}

type WriteKind = 'removes' | 'moves away' | 'overwrites' | 'edits';

/** Commands that remove, move, overwrite or edit the files they are given. */
const WRITERS: ReadonlyMap<string, WriteKind> = new Map<string, WriteKind>([
  ['rm', 'removes'], ['unlink', 'removes'], ['rmdir', 'removes'], ['shred', 'removes'], ['srm', 'removes'],
  ['trash', 'removes'], ['trash-put', 'removes'], ['truncate', 'overwrites'], ['Remove-Item', 'removes'],
  ['mv', 'moves away'], ['cp', 'overwrites'], ['install', 'overwrites'], ['ln', 'overwrites'], ['rsync', 'overwrites'],
  ['tee', 'overwrites'], ['sponge', 'overwrites'], ['Set-Content', 'overwrites'], ['Out-File', 'overwrites'],
  ['sed', 'edits'], ['gsed', 'edits'], ['perl', 'edits'], ['chmod', 'edits'], ['chattr', 'edits'], ['chflags', 'edits'],
]);
const WRITE_REDIRECTS: ReadonlySet<string> = new Set(['>', '>>', '>|', '&>', '&>>', '1>', '1>>', '2>', '2>>']);
const IN_PLACE = /^(?:-[a-zA-Z]*i.*|--in-place(?:=.*)?)$/;
/** Program text of an interpreter that names a guard file and writes or deletes something. */
const CODE_GUARD_FILE = /\.claude\/settings|\.cursor\/hooks\.json|\.gemini\/settings\.json|\.codex\/hooks\.json|windsurf\/hooks\.json|\.clinerules\/hooks|\.github\/hooks/i;
const CODE_WRITES = /write|unlink|remove|rmSync|rmtree|dump|truncate|rename|open\([^)]*['"][wa]/i;
const INTERPRETERS: ReadonlySet<string> = new Set(['python', 'python3', 'node', 'ruby', 'deno', 'bun']);

function hookHit(kind: WriteKind, path: string): RuleHit {
  return { summary: `${kind} ${code(path)}, which holds Agent Guard's hooks or settings`, target: path };
}

const editGuardConfig: Rule = {
  id: 'guard.edit-config',
  category: 'guard',
  severity: 'high',
  // Any command can redirect onto a hook file (`echo {} > .claude/settings.json`).
  commands: ['*'],
  triggers: ['.claude', '.cursor', '.gemini', '.codex', 'windsurf', '.clinerules', '.github', 'settings.json', 'agent-guard', 'agent_guard', 'agentGuard', 'AgentGuard'],
  summary: 'changes or removes Agent Guard\'s hooks or settings',
  rationale: 'An agent that edits the hook files or the guard\'s settings switches the guard off for every later command.',
  match(cmd) {
    for (const r of cmd.redirects) {
      if (WRITE_REDIRECTS.has(r.op) && guardPath(r.target, cmd)) return hookHit('overwrites', r.target);
    }
    if (INTERPRETERS.has(cmd.name)) {
      for (const a of cmd.args) if (CODE_GUARD_FILE.test(a) && CODE_WRITES.test(a)) return { summary: 'runs code that rewrites Agent Guard\'s hook files', target: a };
      return null;
    }
    let kind = WRITERS.get(cmd.name);
    let from = 0;
    if (kind === undefined && cmd.name === 'git' && cmd.args[0] === 'rm') {
      kind = 'removes';
      from = 1;
    }
    if (kind === undefined) return null;
    if (kind === 'edits' && (cmd.name === 'sed' || cmd.name === 'gsed' || cmd.name === 'perl')) {
      // sed/perl only write files with -i / --in-place; otherwise they print.
      let inPlace = false;
      for (const a of cmd.args) if (IN_PLACE.test(a)) inPlace = true;
      if (!inPlace) return null;
    }
    const s = scanArgs(cmd.args, {}, from);
    const ops = s.positionals;
    for (let k = 0; k < ops.length; k++) {
      if (!guardPath(ops[k], cmd)) continue;
      // For copies and links only the destination is written; a source is read.
      if ((cmd.name === 'cp' || cmd.name === 'install' || cmd.name === 'ln' || cmd.name === 'rsync') && k !== ops.length - 1) continue;
      if (cmd.name === 'mv' && k === ops.length - 1) return hookHit('overwrites', ops[k]);
      return hookHit(kind, ops[k]);
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

const GUARD_VARIABLE = /^AGENT_GUARD/;

const tamperEnvironment: Rule = {
  id: 'guard.tamper-environment',
  category: 'guard',
  severity: 'high',
  // `AGENT_GUARD_IPC= cmd` can prefix any command.
  commands: ['*'],
  triggers: ['AGENT_GUARD', 'DEBUG'],
  summary: 'unsets or changes the variables and shell hooks Agent Guard runs on',
  rationale: 'The terminal guard finds the extension through `AGENT_GUARD_IPC` and checks commands from a DEBUG trap; removing either turns it off.',
  match(cmd) {
    for (const k in cmd.assignments) {
      if (GUARD_VARIABLE.test(k)) return { summary: `sets ${code(k)}, which Agent Guard uses to reach VS Code`, target: k };
    }
    const n = cmd.name;
    if (n === 'unset' || n === 'export' || n === 'declare' || n === 'typeset' || n === 'env' || n === 'Remove-Item') {
      for (const a of cmd.args) {
        // `unset AGENT_GUARD_IPC`, `export AGENT_GUARD_IPC=`, `env -u AGENT_GUARD_IPC`, `Remove-Item Env:AGENT_GUARD_IPC`.
        const name = a.startsWith('--unset=') ? a.slice(8) : a.startsWith('Env:') || a.startsWith('env:') ? a.slice(4) : a;
        if (GUARD_VARIABLE.test(name)) return { summary: `removes or changes ${code(name.split('=')[0])}, which Agent Guard uses to reach VS Code`, target: name };
      }
      return null;
    }
    if (n === 'trap') {
      // `trap - DEBUG` / `trap '' DEBUG` remove the terminal guard's pre-exec check.
      const last = cmd.args[cmd.args.length - 1];
      if (last === 'DEBUG' && (cmd.args[0] === '-' || cmd.args[0] === '')) {
        return { summary: 'removes the shell\'s DEBUG trap, which the terminal guard checks commands from', target: 'DEBUG trap' };
      }
    }
    return null;
  },
};

// --- secret stores --------------------------------------------------------------------------

/** Credential files in a home folder (`~/`, `$HOME/`, `/home/u/`, `/Users/u/`, `/root/`), plus /etc/shadow. */
const SECRET_FILE = new RegExp(
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
);
/** Substrings one of which every SECRET_FILE path holds, for the terminal prefilter. */
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
    for (const r of cmd.redirects) if (r.op === '<' && SECRET_FILE.test(r.target)) return secretHit(r.target);
    if (!FILE_READERS.has(cmd.name)) return null;
    for (const a of cmd.args) {
      // `curl -F f=@~/.aws/credentials`, `--data-binary @~/.netrc`: uploads read the file too.
      const path = a.charCodeAt(0) === 64 /* @ */ ? a.slice(1) : a.includes('=@') ? a.slice(a.indexOf('=@') + 2) : a;
      if (SECRET_FILE.test(path)) return secretHit(path);
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
  rules: [editGuardConfig, uninstallGuard, tamperEnvironment, readSecretFiles, printToken, searchSecrets],
};
