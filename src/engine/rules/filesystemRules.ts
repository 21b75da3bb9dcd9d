// Filesystem rules: deletes and overwrites of files that cannot be rebuilt from the repository.
// Convention (DESIGN "Conventions"): `rm` of named files runs; a recursive or forced delete runs only for
// literal, relative, rebuildable folders or paths under the temporary folders; everything else asks.

import type { Rule, RuleHit, RulePack, Severity, SimpleCommand } from '../types';
import { SEVERITIES } from '../types';
import { classifyDeletePath, isDisposableNamePattern, isSystemOrDataFolder, isSystemPath, isTemporaryFolder, overwriteRisk } from './deletePathSafety';
import type { PathClass, PathKind } from './deletePathSafety';
import { code, hasLong, hasShort, scanArgs, viaXargs } from './scanArgs';
import { ownEntry } from '../ownEntry';

function maxSeverity(a: Severity, b: Severity): Severity {
  return SEVERITIES.indexOf(a) >= SEVERITIES.indexOf(b) ? a : b;
}

/** Joins person-facing target descriptions: "`a`, `b` and `c`". */
function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? '';
  return words.slice(0, -1).join(', ') + ' and ' + words[words.length - 1];
}

interface Unsafe {
  path: string;
  cls: PathClass;
}

/** One hit for a delete whose unsafe targets are `bad`; null when all targets are safe. */
function deleteHit(bad: readonly Unsafe[], verb: string, recursive: boolean): RuleHit | null {
  if (bad.length === 0) return null;
  let severity: Severity = 'medium';
  for (const b of bad) severity = maxSeverity(severity, b.cls.severity);
  const what = listWords(bad.map((b) => b.cls.describe));
  const tail = recursive ? (bad.length > 1 ? ' and everything in them' : ' and everything in it') : '';
  return { summary: `${verb} ${what}${tail}`, target: bad.map((b) => b.path).join(' '), severity };
}

/** Via lists name `find -exec`; such `{}` operands are judged by the `find` rule, which sees the filters. */
function viaFind(cmd: SimpleCommand): boolean {
  for (const v of cmd.via) if (v.startsWith('find')) return true;
  return false;
}

const GLOB_TAIL = /\/\*$/;

/** Kinds that a plain (not recursive) `rm` still must not touch: it would empty the folder of its files. */
const PLAIN_RM_UNSAFE: ReadonlySet<PathKind> = new Set(['root', 'system', 'home', 'everything-here', 'current', 'git']);

function plainRmUnsafe(path: string, cls: PathClass): boolean {
  if (cls.safe) return false;
  if (PLAIN_RM_UNSAFE.has(cls.kind)) return true;
  // System files outside the home folder and the workspace (`/etc/hosts`, `/usr/bin/x`) ask, forced or not.
  if (isSystemPath(path)) return true;
  // `rm "$DIR"/*` with an empty DIR and `rm ~/*` empty whole folders of files.
  return (cls.kind === 'variable' || cls.kind === 'in-home') && (GLOB_TAIL.test(path) || path.endsWith('/'));
}

// --- find -----------------------------------------------------------------------------------

const FIND_NAME_TESTS: ReadonlySet<string> = new Set([
  '-name', '-iname', '-path', '-ipath', '-wholename', '-iwholename', '-regex', '-iregex', '-lname', '-ilname',
]);
const DELETING_COMMANDS: ReadonlySet<string> = new Set(['rm', 'shred', 'unlink', 'rimraf', 'srm']);

interface FindShape {
  roots: string[];
  deletes: boolean;
  /** Every name filter matches only generated files (and there is at least one). */
  disposableFilter: boolean;
  /** `-empty`: only empty files and folders go. */
  emptyOnly: boolean;
  firstFilter: string | undefined;
  /** The first name filter was negated (`! -name …`). */
  firstNegated: boolean;
  /** Deletes through `-exec rm` rather than `-delete`. */
  viaExec: boolean;
}

/** Words that run the next word as a command (`-exec sudo rm`, `-exec env X=1 nice rm`). */
const EXEC_WRAPPERS: ReadonlySet<string> = new Set(['sudo', 'doas', 'env', 'nice', 'ionice', 'nohup', 'command', 'builtin', 'exec', 'stdbuf', 'busybox', 'toybox', 'time', 'timeout', 'chrt', 'taskset']);
const ENV_ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;
/** `timeout 30`, `timeout 1.5m`: a wrapper's duration value. */
const DURATION = /^[0-9.]+[smhd]?$/;

/** Whether the command an `-exec` runs (from `args[from]`, through wrappers) deletes files. */
function execDeletes(args: readonly string[], from: number): boolean {
  for (let j = from; j < args.length; j++) {
    const w = args[j];
    if (w === ';' || w === '+' || w === '\\;') return false;
    const base = w.slice(w.lastIndexOf('/') + 1);
    if (DELETING_COMMANDS.has(base)) return true;
    // Wrapper words, their options and values (`timeout 30`, `nice -n 5`, `sudo -u x`) are skipped.
    if (EXEC_WRAPPERS.has(base) || w.startsWith('-') || ENV_ASSIGNMENT.test(w) || DURATION.test(w)) continue;
    return false;
  }
  return false;
}

/** Reads `find`'s roots and filters; `deletes` says whether it deletes by itself (`-delete`, `-exec rm`). */
function readFind(args: readonly string[]): FindShape {
  const shape: FindShape = { roots: [], deletes: false, disposableFilter: false, emptyOnly: false, firstFilter: undefined, firstNegated: false, viaExec: false };
  let i = 0;
  // Leading options: -H -L -P -D debugopts -Olevel.
  while (i < args.length && (args[i] === '-H' || args[i] === '-L' || args[i] === '-P' || args[i].startsWith('-O') || args[i] === '-D')) {
    i += args[i] === '-D' ? 2 : 1;
  }
  while (i < args.length) {
    const a = args[i];
    if (a.startsWith('-') || a === '(' || a === '!' || a === ')' || a === ',') break;
    shape.roots.push(a);
    i++;
  }
  if (shape.roots.length === 0) shape.roots.push('.');
  let names = 0;
  let disposable = 0;
  let negated = false;
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === '!' || a === '-not') {
      negated = true;
      continue;
    }
    if (FIND_NAME_TESTS.has(a)) {
      const v = args[i + 1] ?? '';
      names++;
      if (shape.firstFilter === undefined) {
        shape.firstFilter = v;
        shape.firstNegated = negated;
      }
      // `! -name '*.pyc'` deletes everything else: never disposable.
      if (!negated && isDisposableNamePattern(v)) disposable++;
      i++;
    } else if (a === '-empty') {
      if (!negated) shape.emptyOnly = true;
    } else if (a === '-delete') {
      shape.deletes = true;
    } else if (a === '-exec' || a === '-execdir' || a === '-ok' || a === '-okdir') {
      if (execDeletes(args, i + 1)) {
        shape.deletes = true;
        shape.viaExec = true;
      }
      // Skip the executed command up to its terminator.
      while (i + 1 < args.length && args[i + 1] !== ';' && args[i + 1] !== '+' && args[i + 1] !== '\\;') i++;
    }
    negated = false;
  }
  shape.disposableFilter = names > 0 && names === disposable;
  return shape;
}

/** Unsafe roots of a deleting `find` (empty when the find only removes generated or temporary files). */
function unsafeFindRoots(shape: FindShape): Unsafe[] {
  const bad: Unsafe[] = [];
  for (const root of shape.roots) {
    const cls = classifyDeletePath(root);
    // `find /tmp … -delete` removes things inside the temporary folder, never the folder.
    if (cls.safe || isTemporaryFolder(root)) continue;
    const relativeInside = cls.kind === 'folder' || cls.kind === 'current' || cls.kind === 'everything-here';
    if (relativeInside && (shape.emptyOnly || shape.disposableFilter)) continue;
    bad.push({ path: root, cls });
  }
  return bad;
}

function findHit(shape: FindShape, via: string): RuleHit | null {
  const bad = unsafeFindRoots(shape);
  if (bad.length === 0) return null;
  const hit = deleteHit(bad, 'deletes files under', false);
  if (hit === null) return null;
  const filter =
    shape.firstFilter === undefined ? 'every file'
    : shape.firstNegated ? `every file not matching ${code(shape.firstFilter)}`
    : `files matching ${code(shape.firstFilter)}`;
  hit.summary = `deletes ${filter} under ${listWords(bad.map((b) => b.cls.describe))}, through ${via}`;
  return hit;
}

interface Move {
  dest: string;
  sources: string[];
}

const MV_SPEC = { shortWithValue: 'tS', longWithValue: new Set(['target-directory', 'suffix']) };

/** The `mv` commands of the line, read once per `rm`. */
function movesOf(all: readonly SimpleCommand[]): Move[] {
  const out: Move[] = [];
  for (const c of all) {
    if (c.name !== 'mv') continue;
    const s = scanArgs(c.args, MV_SPEC);
    const dest = s.values.get('t') ?? s.values.get('target-directory') ?? s.positionals[s.positionals.length - 1];
    if (dest === undefined) continue;
    out.push({ dest, sources: s.values.has('t') || s.values.has('target-directory') ? s.positionals : s.positionals.slice(0, -1) });
  }
  return out;
}

/**
 * What an earlier `mv` on the same line moved into (or under) the temporary `path`, when it is not safe to
 * delete: `mv src /tmp/x && rm -rf /tmp/x` deletes `src`.
 */
function movedIntoTemporary(path: string, moves: readonly Move[]): Unsafe[] {
  const out: Unsafe[] = [];
  const dir = path.endsWith('/') ? path : path + '/';
  for (const { dest, sources } of moves) {
    if (!(dest === path || dest.startsWith(dir) || dir.startsWith(dest.endsWith('/') ? dest : dest + '/'))) continue;
    for (const src of sources) {
      const cls = classifyDeletePath(src);
      if (!cls.safe) out.push({ path: src, cls: { ...cls, describe: `${cls.describe} (moved to ${code(dest)} first)` } });
    }
  }
  return out;
}

// --- rules ----------------------------------------------------------------------------------

const rmRecursive: Rule = {
  id: 'fs.rm-recursive',
  category: 'filesystem',
  severity: 'high',
  commands: ['rm', 'rimraf', 'unlink'],
  summary: 'deletes a folder and everything in it',
  rationale:
    'A recursive or forced delete of anything but a rebuildable folder (node_modules, dist, build …) or a temporary path ' +
    'destroys work that is not in the repository; `rm -rf ~`, `rm -rf "$DIR/"` with an empty DIR and `rm -rf .` are the classic accidents.',
  match(cmd, rc) {
    const s = scanArgs(cmd.args);
    // -r/-R/--recursive: descends into folders. rimraf is always recursive.
    const recursive = cmd.name === 'rimraf' || hasShort(s, 'rR') || hasLong(s, 'recursive');
    // -f/--force: no prompt, no error on missing files, write-protected files go too.
    const force = hasShort(s, 'f') || hasLong(s, 'force');
    // --no-preserve-root: the only way to make `rm -rf /` actually run.
    const noPreserveRoot = hasLong(s, 'no-preserve-root');
    const fromXargs = viaXargs(cmd);
    if ((recursive || force) && fromXargs) {
      const from = cmd.pipeFrom;
      if (from !== undefined && from.name === 'find') {
        const hit = findHit(readFind(from.args), code('find | xargs rm'));
        if (hit !== null || s.positionals.length === 0) return hit;
      } else {
        return {
          summary: `deletes ${recursive ? 'files and folders' : 'files'} named by ${from === undefined ? 'its input' : code(from.text)}, through ${code('xargs rm')}; the names cannot be checked`,
          target: from?.text ?? 'files listed on input',
          severity: 'high',
        };
      }
    }
    const bad: Unsafe[] = [];
    let moves: Move[] | undefined;
    for (let k = 0; k < s.positionals.length; k++) {
      const path = s.positionals[k];
      // `find … -exec rm -rf {} +`: the find rule judges the roots and filters.
      if (path === '{}' && viaFind(cmd)) continue;
      // The items `xargs` feeds were judged above (from the piped `find`, or as unknown).
      if (fromXargs && cmd.dynamic[s.positionalIndexes[k]] === true) continue;
      const cls = classifyDeletePath(path, cmd.dynamic[s.positionalIndexes[k]] === false);
      // Recursive (DESIGN conventions): every target outside the rebuildable and temporary folders asks.
      // `rm` and `rm -f` of named files run; only `*`, `.`, `~`, `/`, system files … ask.
      if (recursive ? !cls.safe : plainRmUnsafe(path, cls)) bad.push({ path, cls });
      // `mv data /tmp/x && rm -rf /tmp/x`: the temporary path holds what was moved there on this line.
      else if (recursive && cls.kind === 'temporary') for (const u of movedIntoTemporary(path, (moves ??= movesOf(rc.all)))) bad.push(u);
    }
    const hit = deleteHit(bad, recursive ? 'deletes' : force ? 'force-deletes' : 'deletes', recursive);
    if (hit !== null && noPreserveRoot) hit.severity = 'critical';
    return hit;
  },
};

const findDelete: Rule = {
  id: 'fs.find-delete',
  category: 'filesystem',
  severity: 'high',
  commands: ['find'],
  summary: 'deletes every file that `find` matches',
  rationale:
    '`find -delete` and `find -exec rm` delete whatever the filters match, often far more than intended; ' +
    'a find rooted in the project that only matches generated files (`-name "*.pyc"`) or empty folders is fine.',
  match(cmd) {
    const shape = readFind(cmd.args);
    return shape.deletes ? findHit(shape, code(shape.viaExec ? 'find -exec rm' : 'find -delete')) : null;
  },
};

// Deletes inside interpreter code (`shutil.rmtree`, `fs.rmSync`) reach `rm` above: src/engine/interpreters/
// turns them into `rm -rf -- <path>` commands, so one path judgment serves every language.

/** PowerShell parameters of Remove-Item that take a value (names lower-cased, without the dash). */
const PS_VALUE_PARAMS: readonly string[] = ['filter', 'include', 'exclude', 'credential', 'stream'];
const BACKSLASH = /\\/g;

/** `-Recurse` → `recurse`, `-Confirm:$false` → `confirm`; undefined for a non-parameter word. */
function psParam(word: string): string | undefined {
  if (word.length < 2 || word.charCodeAt(0) !== 45) return undefined;
  const colon = word.indexOf(':');
  return (colon < 0 ? word.slice(1) : word.slice(1, colon)).toLowerCase();
}

/** PowerShell's names for Remove-Item (cmd.exe's `rd`/`rmdir`/`del`/`erase` take `/s` instead of `-Recurse`). */
const REMOVE_ITEM_NAMES: ReadonlySet<string> = new Set(['remove-item', 'ri']);
const CMD_DELETE_NAMES: ReadonlySet<string> = new Set(['rd', 'rmdir', 'del', 'erase']);
/** Commands whose output items a piped Remove-Item deletes. */
const CHILD_ITEM_NAMES: ReadonlySet<string> = new Set(['get-childitem', 'gci', 'ls', 'dir', 'get-item', 'gi']);
const FOREACH_NAMES: ReadonlySet<string> = new Set(['%', 'foreach', 'foreach-object']);

/** Windows variables in a path, as the Unix forms the path rules know (`%USERPROFILE%\x` → `~/x`). */
const WINDOWS_HOME_VARIABLE = /^(?:%USERPROFILE%|%HOMEPATH%|\$env:USERPROFILE|\$HOME)(?=\/|$)/i;
const WINDOWS_APPDATA_VARIABLE = /^(?:%APPDATA%|%LOCALAPPDATA%|\$env:APPDATA|\$env:LOCALAPPDATA)(?=\/|$)/i;
const WINDOWS_TEMP_VARIABLE = /^(?:%TEMP%|%TMP%|\$env:TEMP|\$env:TMP)(?=\/)/i;
const WINDOWS_SYSTEM_VARIABLE = /^(?:%SystemRoot%|%WINDIR%|%ProgramFiles%|%ProgramData%|\$env:SystemRoot|\$env:windir|\$env:ProgramFiles)/i;

function windowsPath(raw: string): string {
  const p = raw.replace(BACKSLASH, '/');
  if (WINDOWS_SYSTEM_VARIABLE.test(p)) return 'C:/Windows' + p.replace(WINDOWS_SYSTEM_VARIABLE, '');
  if (WINDOWS_TEMP_VARIABLE.test(p)) return '$TMPDIR' + p.replace(WINDOWS_TEMP_VARIABLE, '');
  if (WINDOWS_APPDATA_VARIABLE.test(p)) return '~/AppData' + p.replace(WINDOWS_APPDATA_VARIABLE, '');
  if (WINDOWS_HOME_VARIABLE.test(p)) return '~' + p.replace(WINDOWS_HOME_VARIABLE, '');
  return p;
}

interface RemoveCall {
  recursive: boolean;
  paths: string[];
  whatIf: boolean;
}

/** Reads Remove-Item's parameters (any unambiguous prefix, as PowerShell allows: `-r`, `-fo`, `-lit`). */
function readRemoveItem(args: readonly string[]): RemoveCall {
  const call: RemoveCall = { recursive: false, paths: [], whatIf: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const p = psParam(a);
    if (p === undefined) {
      for (const part of a.split(',')) if (part !== '') call.paths.push(part);
    } else if ('recurse'.startsWith(p)) {
      // -Recurse (any prefix, `-r` included): deletes the folder's whole tree.
      call.recursive = true;
    } else if (p.length >= 2 && 'whatif'.startsWith(p)) {
      call.whatIf = true;
    } else if ('path'.startsWith(p) || (p.length >= 2 && 'literalpath'.startsWith(p))) {
      for (const part of (args[++i] ?? '').split(',')) if (part !== '') call.paths.push(part);
    } else if (p.length >= 2 && PS_VALUE_PARAMS.some((v) => v.startsWith(p))) {
      i++;
    }
  }
  return call;
}

/** What a Get-ChildItem feeding a pipe lists: its paths, and whether a `-Filter`/`-Include` keeps it to generated files. */
function childItems(from: SimpleCommand): { paths: string[]; disposable: boolean } {
  const paths: string[] = [];
  let filters = 0;
  let disposable = 0;
  for (let i = 0; i < from.args.length; i++) {
    const p = psParam(from.args[i]);
    if (p === undefined) paths.push(from.args[i]);
    else if (p.length >= 2 && ('filter'.startsWith(p) || 'include'.startsWith(p))) {
      filters++;
      if (isDisposableNamePattern(from.args[i + 1] ?? '')) disposable++;
      i++;
    } else if ('path'.startsWith(p) || (p.length >= 2 && 'literalpath'.startsWith(p))) paths.push(from.args[++i] ?? '');
    else if (p.length >= 2 && ('exclude'.startsWith(p) || 'depth'.startsWith(p) || 'attributes'.startsWith(p))) i++;
  }
  if (paths.length === 0) paths.push('.');
  return { paths, disposable: filters > 0 && filters === disposable };
}

/** The paths a delete must not touch: for a plain (not recursive) delete, judged as `rm` judges them. */
function unsafePaths(paths: readonly string[], recursive = true): Unsafe[] {
  const bad: Unsafe[] = [];
  for (const raw of paths) {
    const path = windowsPath(raw);
    const cls = classifyDeletePath(path);
    if (recursive ? !cls.safe : plainRmUnsafe(path, cls)) bad.push({ path: raw, cls });
  }
  return bad;
}

const GLOB = /[*?]/;

/** `*.pyc`, `build\*.obj`: a `del /s` pattern that only matches generated files. */
function generatedFilePattern(path: string): boolean {
  const name = path.slice(path.replace(BACKSLASH, '/').lastIndexOf('/') + 1);
  return GLOB.test(name) && isDisposableNamePattern(name);
}

const powershellRemove: Rule = {
  id: 'fs.powershell-remove-recurse',
  category: 'filesystem',
  severity: 'high',
  commands: ['Remove-Item', 'remove-item', 'REMOVE-ITEM', 'ri', 'rmdir', 'rd', 'del', 'erase', 'RD', 'RMDIR', 'DEL', 'ERASE', '%', 'foreach', 'ForEach-Object', 'foreach-object'],
  summary: 'deletes a folder and everything in it (Windows)',
  rationale:
    '`Remove-Item -Recurse -Force` (also `ri -r -fo`, `rd`, `del`), `rmdir /s /q` and `del /s` are Windows\' `rm -rf`; the ' +
    'same folders are safe or unsafe, `%USERPROFILE%` is the home folder, and a Get-ChildItem piped into Remove-Item is ' +
    'judged like `find -delete`.',
  match(cmd) {
    const name = cmd.name.toLowerCase();
    let words = cmd.args;
    if (FOREACH_NAMES.has(name)) {
      // `… | % { rm $_ -r }`: the script block's first word is the command it runs on every item.
      const body = words.filter((w) => w !== '{' && w !== '}');
      const inner = (body[0] ?? '').toLowerCase();
      if (!REMOVE_ITEM_NAMES.has(inner) && inner !== 'rm' && inner !== 'del' && inner !== 'rd' && inner !== 'rmdir' && inner !== 'erase') return null;
      words = body.slice(1).filter((w) => w !== '$_' && w !== '$PSItem');
    }
    const removeItemStyle = REMOVE_ITEM_NAMES.has(name) || FOREACH_NAMES.has(name) || words.some((w) => psParam(w) !== undefined);
    let call: RemoveCall;
    if (removeItemStyle) {
      call = readRemoveItem(words);
    } else {
      if (!CMD_DELETE_NAMES.has(name)) return null;
      call = { recursive: false, paths: [], whatIf: false };
      for (const a of words) {
        // cmd.exe switches: /s deletes subfolders (rmdir/rd) or matches in every subfolder (del).
        if (a.length === 2 && a.charCodeAt(0) === 47 /* / */) {
          if (a[1] === 's' || a[1] === 'S') call.recursive = true;
        } else call.paths.push(a);
      }
    }
    if (call.whatIf) return null;
    const from = cmd.pipeFrom;
    if (call.paths.length === 0 && from !== undefined && CHILD_ITEM_NAMES.has(from.name.toLowerCase())) {
      // `Get-ChildItem src -Recurse | Remove-Item`: every listed item goes; a generated-file filter in the project runs.
      const listed = childItems(from);
      const bad = unsafePaths(listed.paths).filter((b) => !(listed.disposable && (b.cls.kind === 'folder' || b.cls.kind === 'current')));
      const hit = deleteHit(bad, 'deletes everything listed under', false);
      if (hit) hit.summary += ` (${code(from.name + ' | ' + cmd.name)})`;
      return hit;
    }
    // `Remove-Item C:\Windows\…\hosts`, `del /q *`: one named file runs like `rm` of it; what `rm` asks for asks.
    if (!call.recursive) return deleteHit(unsafePaths(call.paths, false), 'deletes', false);
    // `del /s /q *.pyc`: every match in every subfolder, like `find . -name '*.pyc' -delete`; generated-file patterns run.
    const paths = removeItemStyle || (name !== 'del' && name !== 'erase') ? call.paths : call.paths.filter((p) => !generatedFilePattern(p));
    return deleteHit(unsafePaths(paths), 'deletes', true);
  },
};

const BLOCK_DEVICE_PREFIX = '/dev/';

const shred: Rule = {
  id: 'fs.shred',
  category: 'filesystem',
  severity: 'high',
  commands: ['shred', 'srm', 'wipe'],
  summary: 'overwrites a file so it can never be recovered',
  rationale:
    '`shred` exists to make data unrecoverable: there is no undo and no backup in the trash. A named file in the ' +
    'workspace runs like `rm` of it (a restore point keeps a copy); database files and files outside the workspace ask.',
  match(cmd, rc) {
    const s = scanArgs(cmd.args, { shortWithValue: 'ns', longWithValue: new Set(['iterations', 'size', 'random-source']) });
    if (hasLong(s, 'help', 'version')) return null;
    const files = s.positionals.filter((p) => !p.startsWith(BLOCK_DEVICE_PREFIX) && overwriteRisk(p, rc.ctx.cwd) !== undefined);
    if (files.length === 0) return null;
    return { summary: `overwrites ${listWords(files.map(code))} so ${files.length > 1 ? 'they' : 'it'} can never be recovered`, target: files.join(' ') };
  },
};

const DEV_NULL = '/dev/null';

const mvDevNull: Rule = {
  id: 'fs.mv-dev-null',
  category: 'filesystem',
  severity: 'high',
  commands: ['mv'],
  summary: 'moves a file onto /dev/null, which destroys it',
  rationale: 'Moving onto `/dev/null` deletes the file (and, as root, replaces the device); it is a disguised `rm`.',
  match(cmd) {
    const s = scanArgs(cmd.args, { shortWithValue: 'tS', longWithValue: new Set(['target-directory', 'suffix']) });
    const dest = s.values.get('t') ?? s.values.get('target-directory') ?? s.positionals[s.positionals.length - 1];
    if (dest !== DEV_NULL) return null;
    const sources = s.values.has('t') || s.values.has('target-directory') ? s.positionals : s.positionals.slice(0, -1);
    if (sources.length === 0) return null;
    // DESIGN: rebuildable and temporary sources run; as root the move also replaces the device, so `sudo` asks.
    const asRoot = cmd.via.some((v) => v === 'sudo' || v.startsWith('sudo ') || v === 'doas');
    if (!asRoot && sources.every((src) => classifyDeletePath(src).safe)) return null;
    return { summary: `destroys ${listWords(sources.map(code))} by moving ${sources.length > 1 ? 'them' : 'it'} onto /dev/null`, target: sources.join(' ') };
  },
};

const OLD_TAR_BUNDLE = /^[a-zA-Z]+$/;
const TAR_NAMES: ReadonlySet<string> = new Set(['tar', 'bsdtar', 'gtar']);

const tarRemoveFiles: Rule = {
  id: 'fs.tar-remove-files',
  category: 'filesystem',
  severity: 'medium',
  // Keyed on its one flag, not on `tar` (every `tar xzf` in a script would start the CLI).
  commands: ['*'],
  triggers: ['--remove-files'],
  names: [...TAR_NAMES],
  summary: 'deletes the files it puts into an archive',
  rationale:
    '`tar --remove-files` deletes the originals once archived: if the archive is wrong, incomplete or temporary, they are ' +
    'gone. Rebuildable and temporary folders run.',
  match(cmd) {
    if (!TAR_NAMES.has(cmd.name) || !cmd.args.includes('--remove-files')) return null;
    const s = scanArgs(cmd.args, { shortWithValue: 'fCTXbHK', longWithValue: new Set(['file', 'directory', 'files-from', 'exclude-from', 'exclude', 'transform', 'format']) });
    // Old-style bundles (`tar czf out.tgz dir`): the first word is the options and `f` takes the next word.
    const oldStyle = cmd.args[0] !== undefined && OLD_TAR_BUNDLE.test(cmd.args[0]);
    const sources = oldStyle ? s.positionals.slice(cmd.args[0].includes('f') ? 2 : 1) : s.positionals;
    const bad: Unsafe[] = [];
    for (const src of sources) {
      const cls = classifyDeletePath(src);
      if (!cls.safe) bad.push({ path: src, cls });
    }
    const hit = deleteHit(bad, 'deletes', true);
    if (hit) hit.summary += ` once ${bad.length > 1 ? 'they are' : 'it is'} archived (${code('tar --remove-files')})`;
    return hit;
  },
};

const SHORT_BUNDLE = /^-[a-zA-Z]+$/;

interface MoveShape {
  flag: (a: string) => boolean;
  sources: (positionals: string[]) => string[];
  shortWithValue: string;
  label: string;
}
const SEVEN_ZIP: MoveShape = { flag: (a) => a === '-sdel', sources: (p) => p.slice(2), shortWithValue: '', label: '7z -sdel' };
/** How each archiver or copier says "delete the sources afterwards", and which positionals are sources. */
const MOVE_SOURCES: Readonly<Record<string, MoveShape>> = {
  zip: { flag: (a) => a === '--move' || (SHORT_BUNDLE.test(a) && a.includes('m')), sources: (p) => p.slice(1), shortWithValue: 'bnt', label: 'zip -m' },
  '7z': SEVEN_ZIP,
  '7za': SEVEN_ZIP,
  '7zz': SEVEN_ZIP,
  rsync: { flag: (a) => a === '--remove-source-files', sources: (p) => p.slice(0, -1), shortWithValue: 'e', label: 'rsync --remove-source-files' },
};

const archiveMovesSources: Rule = {
  id: 'fs.archive-moves-sources',
  category: 'filesystem',
  severity: 'medium',
  // Keyed on its flags, like tar --remove-files (every `zip -r` or `rsync -a` would start the CLI otherwise).
  commands: ['*'],
  triggers: ['--move', '-sdel', '--remove-source-files', 'zip'],
  names: Object.keys(MOVE_SOURCES),
  summary: 'deletes the files it copies into an archive or elsewhere',
  rationale:
    '`zip -m`, `7z a -sdel` and `rsync --remove-source-files` delete the originals once copied, as `tar --remove-files` does: ' +
    'if the copy is wrong, incomplete or temporary, they are gone. Rebuildable and temporary sources run.',
  match(cmd) {
    const shape = ownEntry(MOVE_SOURCES, cmd.name);
    if (shape === undefined || !cmd.args.some(shape.flag)) return null;
    const s = scanArgs(cmd.args, { shortWithValue: shape.shortWithValue });
    // `zip -m` without `-r` takes named files only: judged as `rm` of them.
    const recursive = cmd.name !== 'zip' || cmd.args.some((a) => a === '--recurse-paths' || (SHORT_BUNDLE.test(a) && a.includes('r')));
    const bad = unsafePaths(shape.sources(s.positionals), recursive);
    const hit = deleteHit(bad, 'deletes', recursive);
    if (hit) hit.summary += ` once ${bad.length > 1 ? 'they are' : 'it is'} copied (${code(shape.label)})`;
    return hit;
  },
};

const recursiveChmod: Rule = {
  id: 'fs.recursive-chmod',
  category: 'filesystem',
  severity: 'high',
  commands: ['chmod', 'chown', 'chgrp'],
  summary: 'changes permissions or owner of a whole system or home folder',
  rationale:
    'A recursive chmod/chown of `/`, a home folder, a system folder or a database\'s data folder (/var/lib/…) breaks ' +
    'logins, sudo and services, and there is no record of the old modes to restore.',
  match(cmd) {
    const s = scanArgs(cmd.args);
    // -R/--recursive: the change reaches every file below.
    if (!hasShort(s, 'R') && !hasLong(s, 'recursive')) return null;
    // The first operand is the mode or owner unless --reference gives it.
    const targets = s.long.some((l) => l === 'reference') ? s.positionals : s.positionals.slice(1);
    const bad = targets.filter(isSystemOrDataFolder);
    if (bad.length === 0) return null;
    const root = bad.some((b) => b === '/' || b === '/*');
    return {
      summary: `${cmd.name === 'chmod' ? 'changes permissions of' : 'changes the owner of'} everything under ${listWords(bad.map(code))}`,
      target: bad.join(' '),
      severity: root ? 'critical' : 'high',
    };
  },
};

export const FILESYSTEM_RULES: RulePack = {
  name: 'filesystem',
  rules: [rmRecursive, findDelete, powershellRemove, shred, mvDevNull, tarRemoveFiles, archiveMovesSources, recursiveChmod],
};
