// Which delete targets are safe to remove without asking (the DESIGN "Conventions" for files):
// a recursive or forced delete runs only for literal, relative, rebuildable folders and for paths under
// the temporary folders. Everything else (home, root, the current folder, `*`, `.git`, absolute paths,
// paths built from a variable that may be empty, `..` escapes) asks. Shared by `rm`, `find -delete`,
// `xargs rm`, `rimraf`, `shutil.rmtree`, `fs.rmSync` and `Remove-Item` rules.

import type { Severity } from '../types';
import { code } from './scanArgs';

/** Folders any build or install step recreates: deleting them loses nothing. */
export const REBUILDABLE_FOLDERS: ReadonlySet<string> = new Set([
  'node_modules',
  'dist',
  'build',
  'out',
  '.next',
  '.nuxt',
  '.turbo',
  '.parcel-cache',
  '.svelte-kit',
  'target',
  'coverage',
  '__pycache__',
  '.pytest_cache',
  '.mypy_cache',
  '.ruff_cache',
  '.nyc_output',
  '.cache',
  '.gradle',
  '.tox',
  // Virtual environments and tool caches: `pip install -r …`, `terraform init`, `flutter pub get` recreate them.
  '.venv',
  'venv',
  '.terraform',
  '.angular',
  '.expo',
  '.dart_tool',
  '.pnpm-store',
  // Build outputs of Sphinx and Elixir (`_build`), Jekyll (`_site`), autotools (`.deps`), setuptools (`.eggs`).
  '_build',
  '_site',
  '.deps',
  '.eggs',
]);

/** Generated files and folders known by their suffix: setuptools metadata, TypeScript's incremental state. */
const REBUILDABLE_SUFFIXES: readonly string[] = ['.egg-info', '.tsbuildinfo'];

/**
 * File name patterns (`-name` filters of `find`) that only match generated files: compiled bytecode,
 * objects, editor swap files, OS litter. `*.db`, `*.sql`, `*.json`, `*` are data and are not here.
 */
const DISPOSABLE_EXTENSIONS: ReadonlySet<string> = new Set([
  'pyc', 'pyo', 'o', 'obj', 'class', 'tsbuildinfo', 'swp', 'swo', 'tmp', 'orig', 'rej', 'gcda', 'gcno',
]);
const DISPOSABLE_NAMES: ReadonlySet<string> = new Set([
  '.DS_Store', 'Thumbs.db', 'desktop.ini', '.eslintcache', '.coverage', '*~', '*.egg-info',
]);

/** Top-level folders of the system: a delete or recursive chmod there breaks the machine. */
const SYSTEM_FOLDERS: ReadonlySet<string> = new Set([
  'bin', 'boot', 'dev', 'etc', 'home', 'lib', 'lib64', 'opt', 'proc', 'root', 'sbin', 'srv', 'sys', 'usr',
  'var', 'Users', 'System', 'Library', 'Applications', 'Volumes', 'mnt', 'media', 'snap',
]);

const GLOB_CHARS = /[*?[]/;
const ONLY_GLOB = /^[.*?]+$/;
const TMP_VARIABLE = /^(?:\$TMPDIR|\$\{TMPDIR(?:[:?=-][^}]*)?\}|\$TMP|\$TEMP|\$\{TMP\}|\$\{TEMP\}|\$env:TEMP|\$env:TMP)\/(.+)$/i;
const HOME_VARIABLE = /^(?:\$HOME|\$\{HOME\}|\$env:USERPROFILE|\$env:HOME)(\/.*)?$/i;
const PWD_VARIABLE = /^(?:\$PWD|\$\{PWD\}|\$\(pwd\)|`pwd`)(\/.*)?$/;
const HAS_VARIABLE = /[$`]/;
const LITERAL_TMP_PREFIX = /^\/(?:tmp|var\/tmp|private\/tmp)\/+/;
const WINDOWS_DRIVE = /^[A-Za-z]:(?:\/|$)/;

export type PathKind =
  | 'rebuildable'
  | 'temporary'
  | 'root'
  | 'system'
  | 'home'
  | 'in-home'
  | 'everything-here'
  | 'current'
  | 'escapes'
  | 'git'
  | 'absolute'
  | 'variable'
  | 'folder';

export interface PathClass {
  safe: boolean;
  kind: PathKind;
  severity: Severity;
  /** Person-facing words for the target: "your home folder (`~`)", "`src`". */
  describe: string;
}

function safe(kind: PathKind, path: string): PathClass {
  return { safe: true, kind, severity: 'low', describe: code(path) };
}

function unsafe(kind: PathKind, severity: Severity, describe: string): PathClass {
  return { safe: false, kind, severity, describe };
}

/**
 * Resolves `.` and `..` in a relative path's components. Returns null when `..` climbs above the start
 * (the path leaves the folder it is written against).
 */
export function normalizeComponents(path: string): string[] | null {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length === 0) return null;
      out.pop();
      continue;
    }
    out.push(part);
  }
  return out;
}

function hasRebuildableComponent(parts: readonly string[]): boolean {
  for (const p of parts) {
    if (REBUILDABLE_FOLDERS.has(p)) return true;
    for (const suffix of REBUILDABLE_SUFFIXES) if (p.length > suffix.length && p.endsWith(suffix)) return true;
  }
  return false;
}

function classifyAbsolute(path: string, parts: string[]): PathClass {
  // Climbing above `/` stays at `/`; normalizeComponents reports it as null.
  if (parts.length === 0) return unsafe('root', 'critical', 'the whole disk (`/`)');
  const first = parts[0];
  const tmpDepth =
    first === 'tmp' ? 1
    : first === 'var' && parts[1] === 'tmp' ? 2
    : first === 'private' && parts[1] === 'tmp' ? 2
    : first === 'private' && parts[1] === 'var' && parts[2] === 'folders' ? 3
    : first === 'var' && parts[1] === 'folders' ? 2
    : 0;
  if (tmpDepth > 0 && parts.length > tmpDepth) return safe('temporary', path);
  if (parts.length === 1 && ONLY_GLOB.test(first)) return unsafe('root', 'critical', `everything on the disk (${code(path)})`);
  if (parts.length === 1 && (SYSTEM_FOLDERS.has(first) || tmpDepth > 0)) {
    return unsafe('system', 'critical', `the system folder ${code(path)}`);
  }
  return unsafe('absolute', 'high', code(path));
}

function classifyRelative(path: string, parts: string[] | null): PathClass {
  if (parts === null) return unsafe('escapes', 'high', `${code(path)}, outside the current folder`);
  if (parts.length === 0) return unsafe('current', 'high', `the current folder (${code(path)})`);
  if (hasRebuildableComponent(parts)) return safe('rebuildable', path);
  if (parts.includes('.git')) return unsafe('git', 'high', `the repository's history (${code(path)})`);
  if (parts.length === 1 && ONLY_GLOB.test(parts[0])) {
    return unsafe('everything-here', 'high', `every file in the current folder (${code(path)})`);
  }
  return unsafe('folder', 'medium', code(path));
}

/**
 * Classifies one target of a recursive or forced delete. Variables are recognised from the text (the
 * parser leaves `$DIR` unexpanded), since a `$DIR` that expands to nothing turns `"$DIR/"` into `/`.
 * Globs are judged by the literal components around them, not by the parser's `dynamic` flag. A word
 * the parser marks as not dynamic that still holds `$` (single-quoted) is passed with `literal`.
 */
export function classifyDeletePath(path: string, literal = false): PathClass {
  if (path === '') return unsafe('variable', 'high', 'an empty path');
  if (path === '~' || path === '~/') return unsafe('home', 'critical', `your home folder (${code(path)})`);
  if (path.startsWith('~')) return unsafe('in-home', 'high', `${code(path)} in your home folder`);
  // `literal`: the shell does not expand this word (`'$TMPDIR/x'` in single quotes names a folder called `$TMPDIR`).
  if (!literal && HAS_VARIABLE.test(path)) {
    // `/tmp/$USER-build`: whatever the variable holds, the path stays inside the temporary folder.
    const literalTmp = LITERAL_TMP_PREFIX.exec(path);
    if (literalTmp && !path.includes('..') && path.length > literalTmp[0].length) return safe('temporary', path);
    const tmp = TMP_VARIABLE.exec(path);
    if (tmp && !HAS_VARIABLE.test(tmp[1])) {
      const parts = normalizeComponents(tmp[1]);
      if (parts !== null && parts.length > 0) return safe('temporary', path);
    }
    const home = HOME_VARIABLE.exec(path);
    if (home) {
      const rest = home[1] ?? '';
      if (rest === '' || rest === '/' || (normalizeComponents(rest)?.length ?? 0) === 0) {
        return unsafe('home', 'critical', `your home folder (${code(path)})`);
      }
      return unsafe('in-home', 'high', `${code(path)} in your home folder`);
    }
    const pwd = PWD_VARIABLE.exec(path);
    if (pwd && !HAS_VARIABLE.test(pwd[1] ?? '')) return classifyRelative(path, normalizeComponents(pwd[1] ?? ''));
    return unsafe('variable', 'high', `${code(path)}, a path built from a variable that may be empty`);
  }
  if (path.charCodeAt(0) === 47 /* / */) {
    return classifyAbsolute(path, normalizeComponents(path) ?? []);
  }
  if (WINDOWS_DRIVE.test(path)) {
    const parts = normalizeComponents(path.slice(2)) ?? [];
    if (parts.length === 0) return unsafe('root', 'critical', `the whole drive (${code(path)})`);
    return unsafe('absolute', 'high', code(path));
  }
  // A glob in the path is fine as long as a literal rebuildable component bounds what it can match.
  return classifyRelative(path, normalizeComponents(path));
}

const TEMPORARY_FOLDERS: ReadonlySet<string> = new Set([
  '/tmp', '/tmp/', '/var/tmp', '/var/tmp/', '/private/tmp', '/private/tmp/', '$TMPDIR', '${TMPDIR}', '$TMPDIR/', '${TMPDIR}/',
]);

/** Whether the path is a temporary folder itself (`/tmp`): what is inside may go, the folder is not `rm -rf`'d. */
export function isTemporaryFolder(path: string): boolean {
  return TEMPORARY_FOLDERS.has(path);
}

/** Whether `name` (a `find -name` pattern) matches only generated files or rebuildable folders. */
export function isDisposableNamePattern(name: string): boolean {
  if (REBUILDABLE_FOLDERS.has(name) || DISPOSABLE_NAMES.has(name)) return true;
  if (name.startsWith('*.')) {
    const ext = name.slice(2);
    return !GLOB_CHARS.test(ext) && DISPOSABLE_EXTENSIONS.has(ext);
  }
  return false;
}

/** Whether an absolute path is `/`, a home folder, a top-level system folder or a database's data folder. */
export function isSystemOrDataFolder(path: string): boolean {
  if (path === '~' || path === '~/') return true;
  const home = HOME_VARIABLE.exec(path);
  if (home) return home[1] === undefined || home[1] === '/';
  if (path.charCodeAt(0) !== 47) return false;
  const parts = normalizeComponents(path) ?? [];
  if (parts.length === 0) return true;
  if (parts.length === 1) return SYSTEM_FOLDERS.has(parts[0]) || ONLY_GLOB.test(parts[0]);
  // Database and container engines keep their data under /var/lib: a wrong owner there stops them.
  if (parts[0] === 'var' && parts[1] === 'lib') return true;
  if (parts[0] === 'home' || parts[0] === 'Users') return parts.length === 2;
  return false;
}

/** Folders of the operating system under which a file is a system file (not `/tmp`, `/var/tmp`, home). */
const SYSTEM_FILE_ROOTS: ReadonlySet<string> = new Set([
  'etc', 'usr', 'boot', 'bin', 'sbin', 'lib', 'lib32', 'lib64', 'libx32', 'opt', 'srv', 'root', 'sys', 'proc', 'dev', 'var',
  'System', 'Library', 'Applications', 'private', 'snap', 'nix',
]);
const SYSTEM_FILE_EXCEPTIONS = /^\/(?:var\/tmp|var\/folders|private\/tmp|private\/var\/folders|dev\/null$|dev\/shm\/)/;
const BACKSLASH_RE = /\\/g;
const WINDOWS_SYSTEM = /^[A-Za-z]:\/(?:Windows|Program Files(?: \(x86\))?|ProgramData)(?:\/|$)/i;

/** Whether an absolute path names a file of the system (`/etc/hosts`, `/var/lib/…`, `C:/Windows/…`). */
export function isSystemPath(path: string): boolean {
  const p = path.replace(BACKSLASH_RE, '/');
  if (WINDOWS_SYSTEM.test(p)) return true;
  if (p.charCodeAt(0) !== 47 || SYSTEM_FILE_EXCEPTIONS.test(p)) return false;
  const parts = normalizeComponents(p) ?? [];
  return parts.length > 0 && SYSTEM_FILE_ROOTS.has(parts[0]);
}

/** File extensions of databases and data stores: emptying one loses data no repository holds. */
const DATA_EXTENSIONS: ReadonlySet<string> = new Set([
  'db', 'db3', 'sqlite', 'sqlite3', 'sqlitedb', 's3db', 'sl3', 'duckdb', 'mdb', 'accdb', 'frm', 'ibd', 'myd', 'myi', 'mdf', 'ndf',
  'ldf', 'realm', 'kdbx', 'rdb', 'aof', 'wt', 'parquet', 'avro', 'jsonl', 'ndjson', 'dump', 'bak', 'wal', 'lmdb', 'leveldb', 'fdb', 'gdb',
]);
/** Folders that conventionally hold data rather than code. */
const DATA_FOLDERS: ReadonlySet<string> = new Set(['data', 'db', 'database', 'databases', 'storage', 'uploads', 'backups', 'backup', 'dumps', 'pgdata', 'mysql']);
const SQLITE_SIDE_FILE = /\.(?:sqlite3?|db)-(?:wal|shm|journal)$/i;

/** Whether a path names a database or data file (`app.db`, `prod.sqlite3`, `data/events.jsonl`). */
export function isDataFile(path: string): boolean {
  const p = path.replace(BACKSLASH_RE, '/');
  const name = p.slice(p.lastIndexOf('/') + 1);
  if (SQLITE_SIDE_FILE.test(name)) return true;
  const dot = name.lastIndexOf('.');
  if (dot > 0 && DATA_EXTENSIONS.has(name.slice(dot + 1).toLowerCase())) return true;
  const parts = p.split('/');
  for (let i = 0; i < parts.length - 1; i++) if (DATA_FOLDERS.has(parts[i])) return true;
  return false;
}

export interface OverwriteRisk {
  /** Person-facing words: "the database file `app.db`", "`~/notes.txt`, outside the workspace". */
  describe: string;
}

/**
 * Whether emptying or replacing the file at `path` loses data the DESIGN conventions protect: a database
 * or data file, a system file, or a file outside the workspace (home, other absolute paths, `..` escapes,
 * a path from a variable). Temporary files, devices like `/dev/null` and files in the workspace return
 * undefined: they run (a restore point keeps what a workspace file held).
 */
export function overwriteRisk(path: string, cwd: string | undefined): OverwriteRisk | undefined {
  if (path === '' || path === '/dev/null' || path.startsWith('/dev/fd/') || path.startsWith('/dev/std')) return undefined;
  const p = path.replace(BACKSLASH_RE, '/');
  if (isDataFile(p)) return { describe: `the database or data file ${code(path)}` };
  const cls = classifyDeletePath(p);
  if (cls.kind === 'temporary') return undefined;
  if (isSystemPath(p)) return { describe: `the system file ${code(path)}` };
  if (cls.kind === 'home' || cls.kind === 'in-home') return { describe: `${code(path)}, outside the workspace` };
  if (cls.kind === 'variable') return { describe: `${code(path)}, a path built from a variable` };
  if (cls.kind === 'escapes') return { describe: `${code(path)}, outside the workspace` };
  if (cls.kind === 'absolute' || cls.kind === 'root' || cls.kind === 'system') {
    const root = cwd === undefined ? undefined : cwd.endsWith('/') ? cwd : cwd + '/';
    if (root !== undefined && p.startsWith(root) && !p.includes('/../')) return undefined;
    return { describe: `${code(path)}, outside the workspace` };
  }
  return undefined;
}
