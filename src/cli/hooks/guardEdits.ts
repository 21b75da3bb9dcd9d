// The hook's check of file-edit tool calls against Agent Guard's own files: reads each settings file's
// current text (bounded; only when the engine asks, so an ordinary file is never read) and hands it to
// the engine's `judgeFileEdit`. A file that cannot be read counts as a guard file.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { judgeFileEdit } from '../../engine/guardFileEdit';
import type { CurrentText, FileEdit } from '../../engine/guardFileEdit';
import type { Finding } from '../../engine/types';
import type { LogEntry } from '../../log/logEntry';
import { decisionEntry, safeMask } from '../../log/logRecord';
import type { Origin } from '../../protocol/protocol';
import { UNKNOWN_EDIT_FILE_RULE, agentMessageForFinding } from '../../outcome/agentWords';

/** A settings file is small; anything larger is not read and counts as a guard file. */
export const MAX_GUARD_FILE_BYTES = 4 * 1024 * 1024;

export function absolutePath(p: string, cwd: string, home: string = os.homedir()): string {
  if (p === '~' || p.startsWith('~/') || p.startsWith('~\\')) return path.join(home, p.slice(1));
  return path.resolve(cwd, p);
}

export function readCurrentBounded(file: string, limit: number = MAX_GUARD_FILE_BYTES): CurrentText {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const st = fs.fstatSync(fd);
    if (!st.isFile()) return { state: 'unreadable', reason: 'it is not a regular file' };
    if (st.size > limit) return { state: 'unreadable', reason: `it is larger than ${limit} bytes` };
    const buf = Buffer.alloc(st.size);
    let read = 0;
    while (read < st.size) {
      const n = fs.readSync(fd, buf, read, st.size - read, read);
      if (n === 0) break;
      read += n;
    }
    return { state: 'read', text: buf.subarray(0, read).toString('utf8') };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { state: 'missing' };
    return { state: 'unreadable', reason: (e as Error).message };
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/**
 * The first edit that touches a guard file, as the engine's finding; undefined when every edit passes.
 * An edit whose file the tool call does not name cannot be checked, so it is refused too.
 */
export function guardEditFinding(edits: readonly FileEdit[], cwd: string, read: (file: string) => CurrentText = readCurrentBounded): Finding | undefined {
  for (const edit of edits) {
    if (edit.path.trim() === '') {
      return unknownFileFinding('edits a file the tool call does not name');
    }
    const finding = judgeFileEdit(edit, (p) => read(absolutePath(p, cwd)), { cwd });
    if (finding) return finding;
    // A link elsewhere (`notes.json` → `.vscode/settings.json`) is judged where it leads.
    const real = realEdit(edit, cwd);
    if (real === 'unresolvable') return unresolvable(edit.path);
    const viaLink = real && judgeFileEdit(real, (p) => read(absolutePath(p, cwd)), { cwd });
    if (viaLink) return viaLink;
  }
  return undefined;
}

/**
 * Where a path really leads: the real path of the file, or of its nearest existing folder plus the rest
 * (a file the edit would create inside a linked folder). Undefined when nothing is linked.
 */
function realPath(abs: string): string | 'unresolvable' {
  try {
    return fs.realpathSync(abs);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') return 'unresolvable';
    const parent = path.dirname(abs);
    if (parent === abs) return abs;
    const up = realPath(parent);
    return up === 'unresolvable' ? up : path.join(up, path.basename(abs));
  }
}

function realEdit(edit: FileEdit, cwd: string): FileEdit | 'unresolvable' | undefined {
  const abs = absolutePath(edit.path, cwd);
  const real = realPath(abs);
  if (real === 'unresolvable') return real;
  let change = edit.change;
  let moved = false;
  if (change.kind === 'move') {
    const to = absolutePath(change.to, cwd);
    const realTo = realPath(to);
    if (realTo === 'unresolvable') return realTo;
    moved = realTo !== to;
    change = { kind: 'move', to: realTo };
  }
  return real !== abs || moved ? { path: real, change } : undefined;
}

/** An edit whose file cannot be placed: it cannot be checked, so it is refused like a guard file. */
function unknownFileFinding(summary: string, target?: string): Finding {
  return {
    rule: UNKNOWN_EDIT_FILE_RULE,
    category: 'guard',
    severity: 'critical',
    summary,
    agentMessage: agentMessageForFinding({ rule: UNKNOWN_EDIT_FILE_RULE, summary }),
    source: 'builtin',
    ...(target !== undefined ? { target } : {}),
  };
}

function unresolvable(file: string): Finding {
  return unknownFileFinding(`edits ${file}, whose real location cannot be read (a link it cannot follow)`, file);
}

/**
 * The log entry for a refused edit of a guard file (no window saw it: it goes through the spool like
 * every policy decision). The action names the file; the finding says why.
 */
export function guardEditEntry(edits: readonly FileEdit[], finding: Finding, origin: Origin): LogEntry {
  const file = finding.target ?? edits.find((e) => e.path.trim() !== '')?.path ?? '(no file named)';
  return decisionEntry(
    { kind: 'tool', tool: 'file edit', args: { path: file } },
    { decision: 'deny', findings: [finding], environment: { name: 'this machine', production: false, source: "Agent Guard's own files" } },
    origin,
    { decision: 'block', by: 'policy' },
    safeMask,
  );
}
