// The one list of Agent Guard's own files: what an agent must not rewrite, move or remove to switch the
// guard off. The shell rules (rules/guardRules.ts), the file-edit judge (guardFileEdit.ts), the hooks and
// the extension's tamper watcher all ask this module, so a new hook file is added in one place.
//
// Paths are matched by their trailing parts, so `~/.claude/settings.json`, `$HOME/.claude/…`,
// `/home/u/.claude/…` and a project's `.claude/settings.json` are all found without knowing the home
// folder or the workspace. Matching is case-insensitive (macOS and Windows file systems are) and reads
// `\` as `/`. Written as segment comparisons rather than one large regular expression: linear in the
// path's length, and easy to read.

/**
 * - `settings`: editor settings that may hold `agentGuard.*` (judged by the change: only a change of the
 *   guard's keys matters, and a shell write whose result cannot be known asks);
 * - `hooks`: an agent host's hook configuration Set Up writes (judged by path);
 * - `state`: the guard's state folder (log, spool, acceptances, restore points, discovery);
 * - `extension`: the installed extension itself.
 */
export type GuardFileKind = 'settings' | 'hooks' | 'state' | 'extension';

/** What each kind is, for a person: "… which holds Agent Guard's settings". */
export const GUARD_KIND_WORDS: Readonly<Record<GuardFileKind, string>> = {
  settings: "editor settings that can hold Agent Guard's settings",
  hooks: "an agent's hook configuration, which runs Agent Guard before each tool call",
  state: "Agent Guard's own state (its log, acceptances, restore points)",
  extension: 'the installed Agent Guard extension',
};

/** Folders VS Code and its forks keep per-user data in (`~/.config/<app>/User/settings.json`, `%APPDATA%\<app>\…`). */
const EDITOR_APPS: ReadonlySet<string> = new Set(['code', 'code - insiders', 'code - oss', 'vscodium', 'vscodium - insiders', 'cursor', 'windsurf', 'code-server', 'positron', 'trae', 'kiro']);
/** Where those per-user folders live: Linux `~/.config`, code-server `~/.local/share`, macOS `Application Support`, Windows `Roaming`. */
const APP_DATA_PARENTS: ReadonlySet<string> = new Set(['.config', 'share', 'application support', 'roaming', '$appdata', '%appdata%', '${appdata}', '$env:appdata']);
/** Dot folders that hold an editor's extensions (`~/.vscode/extensions/…`) or a server's data. */
const EDITOR_DOT_FOLDERS: ReadonlySet<string> = new Set([
  '.vscode', '.vscode-insiders', '.vscode-oss', '.vscodium', '.vscode-server', '.vscode-server-insiders', '.vscode-remote',
  '.cursor', '.cursor-server', '.windsurf', '.windsurf-server', '.positron', '.kiro', '.trae',
]);
/** Project or home folders that hold a hook file or settings. Removing or moving one removes the file inside. */
const HOOK_FOLDERS: ReadonlySet<string> = new Set(['.claude', '.cursor', '.gemini', '.codex', '.windsurf', '.codeium', '.clinerules', '.github', '.copilot']);
/** Parents of the discovery folder `agent-guard-<uid>` (`$XDG_RUNTIME_DIR` is `/run/user/<uid>`; macOS's is `…/T`). */
const TEMP_PARENTS: ReadonlySet<string> = new Set(['tmp', 't', 'temp', '$tmpdir', '${tmpdir}', '$xdg_runtime_dir', '${xdg_runtime_dir}', '%temp%', '$env:temp']);
const EXTENSION_ID_PREFIX = 'agent-guard.';
const STATE_FOLDER = '.agent-guard';
const DISCOVERY_PREFIX = 'agent-guard-';
const SEPARATORS = /[\\/]+/;
const DIGITS = /^\d+$/;

/** Lower-case path segments without empty and `.` parts, `..` applied: `./.vscode//settings.json` → ['.vscode', 'settings.json']. */
export function pathSegments(path: string): string[] {
  const out: string[] = [];
  for (const s of path.split(SEPARATORS)) {
    if (s === '' || s === '.') continue;
    // `.vscode/x/../settings.json` is `.vscode/settings.json`.
    if (s === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else out.push(s.toLowerCase());
  }
  return out;
}

/**
 * Whether `pattern` (one path segment, possibly a glob with `*`, `?`, `[…]`) can name `name`.
 * `rm .claude/settings*` must be read as naming `settings.json`. Iterative two-pointer match: no
 * backtracking beyond the last `*`, so linear in practice and never exponential.
 */
export function segmentMatches(pattern: string, name: string): boolean {
  if (pattern === name) return true;
  if (!hasGlob(pattern)) return false;
  // A shell glob names a dot file only when it starts with the dot itself: `dist/*` is not `dist/.vscode`.
  if (name.startsWith('.') && !pattern.startsWith('.')) return false;
  let p = 0;
  let n = 0;
  let star = -1;
  let mark = 0;
  while (n < name.length) {
    if (p < pattern.length && pattern[p] === '[') {
      // A bracket class matches one character (read as "any": the guard errs toward matching).
      const close = pattern.indexOf(']', p + 2);
      if (close > 0) {
        p = close + 1;
        n++;
        continue;
      }
    }
    if (p < pattern.length && (pattern[p] === '?' || pattern[p] === name[n])) {
      p++;
      n++;
    } else if (p < pattern.length && pattern[p] === '*') {
      star = p++;
      mark = n;
    } else if (star >= 0) {
      p = star + 1;
      n = ++mark;
    } else return false;
  }
  while (p < pattern.length && pattern[p] === '*') p++;
  return p === pattern.length;
}

/** A `*`, `?` or `[` in the segment: one pass (it is asked for every segment test of every written path). */
function hasGlob(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 42 /* * */ || c === 63 /* ? */ || c === 91 /* [ */) return true;
  }
  return false;
}

/** Segment `i` of `s` can be `name` (glob-aware). */
function at(s: readonly string[], i: number, name: string): boolean {
  return i >= 0 && i < s.length && segmentMatches(s[i], name);
}

function atAny(s: readonly string[], i: number, names: ReadonlySet<string>): boolean {
  if (i < 0 || i >= s.length) return false;
  if (names.has(s[i])) return true;
  if (!hasGlob(s[i])) return false;
  for (const n of names) if (segmentMatches(s[i], n)) return true;
  return false;
}

function isSettingsJson(s: readonly string[], last: number): boolean {
  if (!at(s, last, 'settings.json')) return false;
  // Workspace settings, user settings (every editor, every OS, profiles), remote machine settings.
  if (at(s, last - 1, '.vscode') || at(s, last - 1, 'user') || at(s, last - 1, 'machine')) return true;
  return at(s, last - 2, 'profiles') && at(s, last - 3, 'user');
}

function isHookFile(s: readonly string[], last: number): boolean {
  const name = s[last];
  const parent = last - 1;
  if (at(s, parent, '.claude')) return segmentMatches(name, 'settings.json') || segmentMatches(name, 'settings.local.json') || (name.startsWith('settings') && name.endsWith('.json'));
  if (at(s, parent, '.cursor') || at(s, parent, '.windsurf') || (at(s, parent, 'windsurf') && at(s, parent - 1, '.codeium'))) return segmentMatches(name, 'hooks.json');
  if (at(s, parent, '.gemini')) return segmentMatches(name, 'settings.json');
  if (at(s, parent, '.codex')) return segmentMatches(name, 'hooks.json') || segmentMatches(name, 'config.toml');
  return false;
}

/** Index of a `hooks` segment that is a hook folder (`.clinerules/hooks`, `.github/hooks`, `~/.copilot/hooks`, `Documents/Cline/Hooks`), or -1. */
function hookFolderAt(s: readonly string[]): number {
  for (let i = 1; i < s.length; i++) {
    if (!at(s, i, 'hooks')) continue;
    if (at(s, i - 1, '.clinerules') || at(s, i - 1, '.github') || at(s, i - 1, '.copilot')) return i;
    if (at(s, i - 1, 'cline') && at(s, i - 2, 'documents')) return i;
  }
  return -1;
}

function isStatePath(s: readonly string[]): boolean {
  for (let i = 0; i < s.length; i++) {
    if (at(s, i, STATE_FOLDER)) return true;
    // The window discovery folder: `/tmp/agent-guard-1000`, `/run/user/1000/agent-guard-1000`.
    // The suffix is the uid (Windows: the user name, under `…\\Temp`); `/tmp/agent-guard-test.log` is not it.
    if (s[i].startsWith(DISCOVERY_PREFIX) && i > 0 && (TEMP_PARENTS.has(s[i - 1]) || DIGITS.test(s[i - 1]))) {
      if (DIGITS.test(s[i].slice(DISCOVERY_PREFIX.length)) || i < s.length - 1 || s[i - 1] === 'temp') return true;
    }
    // The extension's global storage (terminal flags, the CLI shim): `…/User/globalStorage/agent-guard.agent-guard`.
    if (s[i] === 'globalstorage' && i + 1 < s.length && s[i + 1].startsWith(EXTENSION_ID_PREFIX)) return true;
  }
  return false;
}

function isExtensionPath(s: readonly string[]): boolean {
  for (let i = 0; i + 1 < s.length; i++) if (s[i] === 'extensions' && (s[i + 1].startsWith(EXTENSION_ID_PREFIX) || segmentMatches(s[i + 1], 'agent-guard.agent-guard'))) return true;
  return false;
}

/** What guard file `path` names, or undefined for an ordinary file. A path inside a guard folder counts. */
export function guardFileKind(path: string): GuardFileKind | undefined {
  return fileKindOf(pathSegments(path));
}

function fileKindOf(s: readonly string[]): GuardFileKind | undefined {
  if (s.length === 0) return undefined;
  const last = s.length - 1;
  if (isExtensionPath(s)) return 'extension';
  if (isStatePath(s)) return 'state';
  if (hookFolderAt(s) >= 0 || isHookFile(s, last)) return 'hooks';
  if (isSettingsJson(s, last) || s[last].endsWith('.code-workspace') || (hasGlob(s[last]) && s[last].includes('workspace') && segmentMatches(s[last], 'x.code-workspace'))) return 'settings';
  return undefined;
}

/**
 * The most serious kind of guard file a folder holds, when `path` names such a folder: removing,
 * moving or re-permissioning `.claude`, `.vscode`, `~/.config/Code/User` or `~/.vscode/extensions`
 * does the same to the files inside.
 */
export function guardFolderKind(path: string): GuardFileKind | undefined {
  return folderKindOf(pathSegments(path));
}

function folderKindOf(s: readonly string[]): GuardFileKind | undefined {
  if (s.length === 0) return undefined;
  const last = s.length - 1;
  if (at(s, last, 'extensions') && atAny(s, last - 1, EDITOR_DOT_FOLDERS)) return 'extension';
  if (at(s, last, 'extensions') && atAny(s, last - 1, EDITOR_APPS)) return 'extension';
  if (atAny(s, last, EDITOR_DOT_FOLDERS) && !at(s, last, '.vscode') && !at(s, last, '.cursor') && !at(s, last, '.windsurf')) return 'extension';
  // All extensions' storage holds ours; only the folder named as it is counts (a glob there is any folder).
  if (at(s, last, STATE_FOLDER) || s[last] === 'globalstorage') return 'state';
  if (atAny(s, last, HOOK_FOLDERS)) return 'hooks';
  if (at(s, last, 'hooks') && hookFolderAt(s) === last) return 'hooks';
  if (at(s, last, 'cline') && at(s, last - 1, 'documents')) return 'hooks';
  if (at(s, last, '.vscode') || at(s, last, '.cursor') || at(s, last, '.windsurf')) return at(s, last, '.vscode') ? 'settings' : 'hooks';
  // Per-user editor data: `~/.config/Code`, `…/Code/User`, `…/User/profiles`, `~/.vscode-server/data`.
  if (atAny(s, last, EDITOR_APPS) && atAny(s, last - 1, APP_DATA_PARENTS)) return 'settings';
  if ((at(s, last, 'user') || at(s, last, 'machine')) && (atAny(s, last - 1, EDITOR_APPS) || at(s, last - 1, 'data'))) return 'settings';
  if (at(s, last, 'profiles') && at(s, last - 1, 'user')) return 'settings';
  if (at(s, last, 'data') && atAny(s, last - 1, EDITOR_DOT_FOLDERS)) return 'settings';
  return undefined;
}

/** A guard file, or a folder holding guard files. */
export function guardPathKind(path: string): GuardFileKind | undefined {
  // The path is split once for both questions.
  const s = pathSegments(path);
  return fileKindOf(s) ?? folderKindOf(s);
}

/**
 * Substrings one of which stands in every guard file's path (not every folder's: removing or moving a
 * folder goes through `rm`/`mv`/…, whose names already start the CLI). They are the terminal prefilter's
 * triggers for writes by any command (`… > .vscode/settings.json`), and a quick test of interpreter code.
 */
export const GUARD_PATH_TRIGGERS: readonly string[] = [
  'settings.json', 'Settings.json', 'settings.local.json', 'code-workspace', 'hooks.json', 'config.toml', '/hooks', '/Hooks',
  '.agent-guard', 'agent-guard', 'globalStorage',
];
