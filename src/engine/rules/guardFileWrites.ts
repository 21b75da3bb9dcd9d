// Which files a simple command writes, replaces, moves, removes or re-permissions, read per command:
// the guard rule (guardRules.ts) asks when one of them is a guard file or a folder holding one. Only
// the written side counts: `cp .claude/settings.json /tmp/x` reads the hook file and runs.
import type { SimpleCommand } from '../types';
import { scanArgs } from './scanArgs';
import type { ArgSpec } from './scanArgs';

/** What the command does to the path, in the words of the finding ("removes `.claude`"). */
export type WriteVerb = 'removes' | 'moves away' | 'overwrites' | 'edits in place' | 'changes the permissions of' | 'restores from git over' | 'stashes the changes of' | 'makes a link through which any program can rewrite';

export interface WrittenPath {
  path: string;
  verb: WriteVerb;
  /** A folder here counts too: removing, moving or re-permissioning `.claude` does it to the hook file inside. */
  folderCounts: boolean;
}

/** Redirections that write their target (`<>` opens it for writing too). */
const WRITE_REDIRECTS: ReadonlySet<string> = new Set(['>', '>>', '>|', '&>', '&>>', '1>', '1>>', '2>', '2>>', '<>', '>&']);
const FD_NUMBER = /^\d+$|^-$/;

const REMOVERS: ReadonlySet<string> = new Set(['rm', 'unlink', 'rmdir', 'shred', 'srm', 'trash', 'trash-put', 'gio', 'Remove-Item', 'ri', 'del', 'erase', 'rd']);
const OVERWRITERS: ReadonlySet<string> = new Set(['tee', 'sponge', 'Set-Content', 'Add-Content', 'Clear-Content', 'Out-File', 'sc', 'ac', 'clc', 'New-Item', 'ni', 'Tee-Object']);
const PERMISSION: ReadonlySet<string> = new Set(['chmod', 'chown', 'chgrp', 'chattr', 'chflags', 'setfacl', 'icacls', 'attrib']);
/** Copy-like commands: the last operand (or `-t DIR`) is written, the others are read. */
const COPIERS: ReadonlySet<string> = new Set(['cp', 'install', 'ln', 'rsync', 'scp', 'Copy-Item', 'copy', 'cpi', 'ditto', 'xcopy']);
const MOVERS: ReadonlySet<string> = new Set(['mv', 'Move-Item', 'move', 'mi', 'ren', 'Rename-Item']);
/** Line editors and editors run from a script: the file operand is rewritten. */
const SCRIPTED_EDITORS: ReadonlySet<string> = new Set(['ed', 'ex']);
const VISUAL_EDITORS: ReadonlySet<string> = new Set(['vi', 'vim', 'nvim', 'emacs']);

const TRUNCATE_SPEC: ArgSpec = { shortWithValue: 'sr', longWithValue: new Set(['size', 'reference']) };
const COPY_SPEC: ArgSpec = { shortWithValue: 'tSmogeB', longWithValue: new Set(['target-directory', 'suffix', 'mode', 'owner', 'group', 'exclude', 'include', 'rsh', 'filter', 'files-from', 'Destination', 'Path']) };
const SED_SPEC: ArgSpec = { shortWithValue: 'efl', longWithValue: new Set(['expression', 'file', 'line-length']) };
const PERL_SPEC: ArgSpec = { shortWithValue: 'eEIMml' };
const GIT_GLOBAL_SPEC: ArgSpec = { shortWithValue: 'Cc', longWithValue: new Set(['git-dir', 'work-tree', 'namespace', 'exec-path', 'config-env']) };
const CURL_SPEC: ArgSpec = { shortWithValue: 'oOdHXuFTAeEKbcrwx', longWithValue: new Set(['output', 'data', 'header', 'request', 'user', 'form', 'config', 'cookie', 'cookie-jar', 'url']) };

/** `-i`, `-i.bak`, `-Ei`, `--in-place[=SUF]` (sed, perl): the files are rewritten. */
const SHORT_IN_PLACE = /^-[A-Za-z]*i/;
function inPlace(args: readonly string[]): boolean {
  for (const a of args) {
    if (a.startsWith('--in-place')) return true;
    if (a.length > 1 && a[1] !== '-' && SHORT_IN_PLACE.test(a)) return true;
  }
  return false;
}

function basename(p: string): string {
  const trimmed = p.endsWith('/') || p.endsWith('\\') ? p.slice(0, -1) : p;
  const i = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
  return i < 0 ? trimmed : trimmed.slice(i + 1);
}

function joinPath(dir: string, name: string): string {
  return dir.endsWith('/') || dir.endsWith('\\') ? dir + name : `${dir}/${name}`;
}

function all(paths: readonly string[], verb: WriteVerb, folderCounts: boolean): WrittenPath[] {
  return paths.map((path) => ({ path, verb, folderCounts }));
}

/** Copy or move: each source is (for a move) removed; the destination, and the destination joined with each source's name, are written. */
function copyTargets(cmd: SimpleCommand, move: boolean): WrittenPath[] {
  const s = scanArgs(cmd.args, COPY_SPEC);
  const targetDir = s.values.get('t') ?? s.values.get('target-directory') ?? s.values.get('Destination');
  const ops = s.positionals;
  const sources = targetDir !== undefined ? ops : ops.slice(0, -1);
  const dest = targetDir ?? ops[ops.length - 1];
  const out: WrittenPath[] = move ? all(sources, 'moves away', true) : [];
  // `ln -s .vscode/settings.json notes.json`, then any write to notes.json lands in the settings.
  if (cmd.name === 'ln') out.push(...all(sources, 'makes a link through which any program can rewrite', false));
  if (dest === undefined || sources.length === 0) return out;
  // `cp -r x .vscode` and `mv x .claude` can replace or fill the folder itself.
  const recursive = move || s.short.includes('r') || s.short.includes('R') || s.short.includes('a') || s.long.includes('recursive') || s.long.includes('archive');
  out.push({ path: dest, verb: 'overwrites', folderCounts: recursive && targetDir === undefined });
  for (const src of sources) out.push({ path: joinPath(dest, basename(src)), verb: 'overwrites', folderCounts: recursive });
  // `find … -exec cp {} .cursor/ \;`, `cp "$f" .cursor/`: a name known only when it runs may be any file of the folder.
  if (sources.some((src) => src.includes('{}') || src.includes('$'))) out.push({ path: dest, verb: 'overwrites', folderCounts: true });
  return out;
}

/** `git rm|mv|checkout|restore|stash` of paths. */
function gitTargets(cmd: SimpleCommand): WrittenPath[] {
  const g = scanArgs(cmd.args, GIT_GLOBAL_SPEC);
  const sub = g.positionals[0];
  if (sub === undefined) return [];
  const rest = cmd.args.slice(g.positionalIndexes[0] + 1);
  const s = scanArgs(rest, { shortWithValue: 'sbBmU', longWithValue: new Set(['source', 'message', 'pathspec-from-file']) });
  switch (sub) {
    case 'rm':
      return s.short.includes('n') || s.long.includes('dry-run') || s.long.includes('cached') ? [] : all(s.positionals, 'removes', true);
    case 'mv':
      return all(s.positionals, 'moves away', true);
    case 'checkout':
    case 'restore':
      // `git restore --staged` changes only the index; `git checkout <branch>` names no path of ours.
      if (sub === 'restore' && (s.long.includes('staged') || s.short.includes('S')) && !(s.long.includes('worktree') || s.short.includes('W'))) return [];
      return all(s.positionals, 'restores from git over', true);
    case 'stash': {
      // `git stash push -- .vscode/settings.json` (or `git stash -- …`) takes the file's changes away.
      const ops = s.positionals[0] === 'push' || s.positionals[0] === 'save' ? s.positionals.slice(1) : s.positionals;
      return all(ops.filter((p) => p !== 'list' && p !== 'show' && p !== 'pop' && p !== 'apply'), 'stashes the changes of', true);
    }
    default:
      return [];
  }
}

/** The paths `cmd` writes, replaces, moves, removes or re-permissions (not the ones it reads). */
export function writtenPaths(cmd: SimpleCommand): WrittenPath[] {
  const out: WrittenPath[] = [];
  for (const r of cmd.redirects) if (WRITE_REDIRECTS.has(r.op) && !(r.op === '>&' && FD_NUMBER.test(r.target))) out.push({ path: r.target, verb: 'overwrites', folderCounts: false });
  const n = cmd.name;
  const args = cmd.args;
  if (REMOVERS.has(n)) out.push(...all(scanArgs(args).positionals, 'removes', true));
  else if (OVERWRITERS.has(n)) out.push(...all(scanArgs(args).positionals, 'overwrites', false));
  else if (n === 'truncate') out.push(...all(scanArgs(args, TRUNCATE_SPEC).positionals, 'overwrites', false));
  else if (PERMISSION.has(n)) out.push(...all(scanArgs(args).positionals, 'changes the permissions of', true));
  else if (COPIERS.has(n)) out.push(...copyTargets(cmd, false));
  else if (MOVERS.has(n)) out.push(...copyTargets(cmd, true));
  else if ((n === 'sed' || n === 'gsed') && inPlace(args)) out.push(...all(scanArgs(args, SED_SPEC).positionals, 'edits in place', false));
  else if (n === 'perl' && inPlace(args)) out.push(...all(scanArgs(args, PERL_SPEC).positionals, 'edits in place', false));
  else if ((n === 'awk' || n === 'gawk') && args.some((a, i) => (a === '-i' && args[i + 1] === 'inplace') || a === '-iinplace' || a === '--include=inplace')) {
    out.push(...all(scanArgs(args, { shortWithValue: 'ifvF' }).positionals, 'edits in place', false));
  } else if (n === 'dd') {
    for (const a of args) if (a.startsWith('of=')) out.push({ path: a.slice(3), verb: 'overwrites', folderCounts: false });
  } else if (n === 'patch') out.push(...all(scanArgs(args, { shortWithValue: 'pioBrdDFVYz' }).positionals.slice(0, 1), 'edits in place', false));
  else if (SCRIPTED_EDITORS.has(n)) out.push(...all(scanArgs(args).positionals, 'edits in place', false));
  else if (VISUAL_EDITORS.has(n) && args.some((a) => a.startsWith('-c') || a.startsWith('+') || a === '-s' || a === '-es' || a === '-Es' || a === '--batch' || a.startsWith('--eval'))) {
    out.push(...all(scanArgs(args, { shortWithValue: 'cSuiT' }).positionals.filter((p) => !p.startsWith('+')), 'edits in place', false));
  } else if (n === 'curl' || n === 'wget') {
    const s = scanArgs(args, n === 'curl' ? CURL_SPEC : { shortWithValue: 'OoPaeUtTwQ', longWithValue: new Set(['output-document', 'directory-prefix']) });
    const target = n === 'curl' ? s.values.get('o') ?? s.values.get('output') : s.values.get('O') ?? s.values.get('output-document');
    if (target !== undefined) out.push({ path: target, verb: 'overwrites', folderCounts: false });
  } else if (n === 'tar' || n === 'unzip' || n === 'bsdtar') {
    // Unpacking into a guard folder (`tar -xf x.tar -C .claude`, `unzip -o x.zip -d .vscode`) replaces what is there.
    const s = scanArgs(args, { shortWithValue: 'fCdbT', longWithValue: new Set(['file', 'directory']) });
    const dir = s.values.get('C') ?? s.values.get('directory') ?? (n === 'unzip' ? s.values.get('d') : undefined);
    if (dir !== undefined) out.push({ path: dir, verb: 'overwrites', folderCounts: true });
  } else if (n === 'git') out.push(...gitTargets(cmd));
  return out;
}
