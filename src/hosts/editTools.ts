// Agents' file-edit tools, read into what each would do to which file, so the hook can deny an edit of
// Agent Guard's own files. Every host names its tools and fields differently (Claude `Write`/`Edit`/
// `MultiEdit`/`NotebookEdit`, Gemini `write_file`/`replace`, Cline `write_to_file`/`replace_in_file`,
// Copilot `create_file`/`replace_string_in_file`/`apply_patch` and its CLI's `create`/`edit`, Codex
// `apply_patch`, Cursor `Write`/`StrReplace`, Windsurf `pre_write_code`); a tool whose result cannot be
// computed is an `unknown` change, which counts against a guard file.
import type { FileEdit, FileEditChange } from '../engine/guardFileEdit';
import { argsObject, optRecord } from './payloadFields';
import type { Json } from './payloadFields';

const PATH_KEYS = ['file_path', 'filePath', 'path', 'target_file', 'targetFile', 'notebook_path', 'absolute_path', 'file', 'filename'];
const CONTENT_KEYS = ['content', 'contents', 'file_text', 'fileText', 'text'];
const OLD_KEYS = ['old_string', 'oldString', 'old_str', 'old_text', 'oldText'];
const NEW_KEYS = ['new_string', 'newString', 'new_str', 'new_text', 'newText'];

const WRITE_TOOLS = new Set(['write', 'write_file', 'write_to_file', 'create_file', 'create', 'writefile', 'tabwrite']);
const REPLACE_TOOLS = new Set(['edit', 'replace', 'str_replace', 'strreplace', 'replace_string_in_file', 'search_replace']);
const MULTI_TOOLS = new Set(['multiedit', 'multi_edit', 'multi_replace_string_in_file']);
const PATCH_TOOLS = new Set(['apply_patch', 'applypatch', 'patch']);
const DIFF_TOOLS = new Set(['replace_in_file']);
const DELETE_TOOLS = new Set(['delete_file', 'delete', 'remove_file']);
/** Tools whose result is not computable from the call (placeholders such as "...existing code...", notebook cells). */
const OPAQUE_EDIT_TOOLS = new Set(['notebookedit', 'edit_notebook_file', 'insert_edit_into_file', 'edit_file', 'insert', 'append_to_file']);

/** A tool that is none of the above but whose name says it writes a file it names: checked as an unknown change. */
const WRITE_WORDS = new Set(['write', 'edit', 'create', 'replace', 'patch', 'insert', 'append', 'save', 'move', 'rename', 'delete', 'remove']);

/** Words of a tool name: `writeFile`, `write_file`, `write-file` → ['write', 'file']. */
function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

function str(input: Json, keys: readonly string[]): string | undefined {
  for (const k of keys) if (typeof input[k] === 'string') return input[k] as string;
  return undefined;
}

function pathOf(input: Json): string | undefined {
  const p = str(input, PATH_KEYS);
  return p && p.length > 0 ? p : undefined;
}

function replaceAll(input: Json): boolean {
  const n = input.expected_replacements ?? input.expectedReplacements;
  return input.replace_all === true || input.replaceAll === true || (typeof n === 'number' && n > 1);
}

/** One old/new pair, or undefined when the pair is not there. */
function pair(input: Json): { oldText: string; newText: string; replaceAll?: boolean } | undefined {
  const oldText = str(input, OLD_KEYS);
  const newText = str(input, NEW_KEYS);
  if (oldText === undefined || newText === undefined) return undefined;
  return replaceAll(input) ? { oldText, newText, replaceAll: true } : { oldText, newText };
}

function replaceChange(items: unknown[]): FileEditChange {
  const edits = [];
  for (const item of items) {
    const p = optRecord(item) && pair(item as Json);
    if (!p) return { kind: 'unknown' };
    edits.push(p);
  }
  return edits.length > 0 ? { kind: 'replace', edits } : { kind: 'unknown' };
}

const SEARCH_START = /^(?:-{3,} SEARCH|<{3,} SEARCH)\s*$/;
const SEARCH_SPLIT = /^={3,}\s*$/;
const SEARCH_END = /^(?:\+{3,} REPLACE|>{3,} REPLACE)\s*$/;

/** Cline's `replace_in_file` diff: SEARCH/REPLACE blocks (`------- SEARCH` … `=======` … `+++++++ REPLACE`, or the `<<<<<<<` form). */
export function searchReplaceBlocks(diff: string): FileEditChange {
  const edits: Array<{ oldText: string; newText: string }> = [];
  let mode: 'out' | 'old' | 'new' = 'out';
  let oldLines: string[] = [];
  let newLines: string[] = [];
  for (const line of diff.split(/\r?\n/)) {
    if (mode === 'out' && SEARCH_START.test(line)) {
      mode = 'old';
      oldLines = [];
      newLines = [];
    } else if (mode === 'old' && SEARCH_SPLIT.test(line)) mode = 'new';
    else if (mode === 'new' && SEARCH_END.test(line)) {
      edits.push({ oldText: oldLines.join('\n'), newText: newLines.join('\n') });
      mode = 'out';
    } else if (mode === 'old') oldLines.push(line);
    else if (mode === 'new') newLines.push(line);
  }
  return edits.length > 0 && mode === 'out' ? { kind: 'replace', edits } : { kind: 'unknown' };
}

/**
 * The `apply_patch` format (Codex, Copilot): `*** Add File: p` (`+` lines), `*** Delete File: p`,
 * `*** Update File: p` with an optional `*** Move to: q` and `@@` hunks whose ` `/`-` lines are the old
 * text and ` `/`+` lines the new. Unreadable patch text gives no files, which the caller treats as unknown.
 */
export function patchEdits(patch: string): FileEdit[] {
  const out: FileEdit[] = [];
  let current: { path: string; kind: 'add' | 'update'; lines: string[]; hunks: Array<{ oldText: string; newText: string }>; old: string[]; neu: string[] } | undefined;
  const flushHunk = (): void => {
    if (current?.kind === 'update' && (current.old.length || current.neu.length)) current.hunks.push({ oldText: current.old.join('\n'), newText: current.neu.join('\n') });
    if (current) {
      current.old = [];
      current.neu = [];
    }
  };
  const flushFile = (): void => {
    if (!current) return;
    flushHunk();
    if (current.kind === 'add') out.push({ path: current.path, change: { kind: 'write', content: current.lines.join('\n') + (current.lines.length ? '\n' : '') } });
    else out.push({ path: current.path, change: current.hunks.length ? { kind: 'replace', edits: current.hunks } : { kind: 'unknown' } });
    current = undefined;
  };
  for (const line of patch.split(/\r?\n/)) {
    let m: RegExpExecArray | null;
    if ((m = /^\*\*\* (Add|Update|Delete) File: (.+)$/.exec(line))) {
      flushFile();
      const path = m[2].trim();
      if (m[1] === 'Delete') out.push({ path, change: { kind: 'delete' } });
      else current = { path, kind: m[1] === 'Add' ? 'add' : 'update', lines: [], hunks: [], old: [], neu: [] };
    } else if ((m = /^\*\*\* Move to: (.+)$/.exec(line)) && current) {
      out.push({ path: current.path, change: { kind: 'move', to: m[1].trim() } });
    } else if (/^\*\*\* (Begin|End) Patch|^\*\*\* End of File/.test(line)) {
      if (line.startsWith('*** End Patch')) flushFile();
    } else if (current?.kind === 'add') {
      if (line.startsWith('+')) current.lines.push(line.slice(1));
    } else if (current?.kind === 'update') {
      if (line.startsWith('@@')) flushHunk();
      else if (line.startsWith('-')) current.old.push(line.slice(1));
      else if (line.startsWith('+')) current.neu.push(line.slice(1));
      else if (line.startsWith(' ') || line === '') {
        current.old.push(line.slice(1));
        current.neu.push(line.slice(1));
      }
    }
  }
  flushFile();
  return out;
}

/** The patch text of an `apply_patch` call, wherever the host put it (`input`, `patch`, or `command: ["apply_patch", text]`). */
function patchText(input: Json): string | undefined {
  for (const v of [input.input, input.patch, input.command, input.cmd]) {
    if (typeof v === 'string' && v.includes('*** ')) return v;
    if (Array.isArray(v)) {
      const s = v.find((x): x is string => typeof x === 'string' && x.includes('*** Begin Patch'));
      if (s) return s;
    }
  }
  return undefined;
}

function single(path: string | undefined, change: FileEditChange): FileEdit[] {
  return path ? [{ path, change }] : [{ path: '', change: { kind: 'unknown' } }];
}

export interface EditReading {
  /** A known edit tool: the hook checks these and nothing else. */
  known: boolean;
  edits: FileEdit[];
}

/**
 * The files an edit tool call would change, or undefined when the tool is not an edit tool. An edit
 * tool whose path cannot be read gives one edit with an empty path and an unknown change: the caller
 * treats it as touching a guard file (deny), never as nothing.
 */
export function editsForToolCall(name: string, rawInput: unknown): EditReading | undefined {
  const tool = name.toLowerCase();
  const input = argsObject(rawInput);
  const path = pathOf(input);
  if (WRITE_TOOLS.has(tool)) {
    const content = str(input, CONTENT_KEYS);
    return { known: true, edits: single(path, content === undefined ? { kind: 'unknown' } : { kind: 'write', content }) };
  }
  if (REPLACE_TOOLS.has(tool)) {
    const p = pair(input);
    return { known: true, edits: single(path, p ? { kind: 'replace', edits: [p] } : { kind: 'unknown' }) };
  }
  if (MULTI_TOOLS.has(tool)) {
    const items = input.edits ?? input.replacements;
    if (!Array.isArray(items)) return { known: true, edits: single(path, { kind: 'unknown' }) };
    // Copilot's multi-replace names a file per item; Claude's MultiEdit one file for all.
    const byFile = new Map<string, unknown[]>();
    for (const item of items) {
      const rec = optRecord(item);
      const p = (rec && pathOf(rec)) ?? path ?? '';
      byFile.set(p, [...(byFile.get(p) ?? []), item]);
    }
    return { known: true, edits: [...byFile].map(([p, list]) => ({ path: p, change: p ? replaceChange(list) : { kind: 'unknown' } })) };
  }
  if (PATCH_TOOLS.has(tool)) {
    const text = patchText(input);
    const edits = text ? patchEdits(text) : [];
    return { known: true, edits: edits.length ? edits : single(undefined, { kind: 'unknown' }) };
  }
  if (DIFF_TOOLS.has(tool)) {
    const diff = str(input, ['diff']);
    return { known: true, edits: single(path, diff === undefined ? { kind: 'unknown' } : searchReplaceBlocks(diff)) };
  }
  if (DELETE_TOOLS.has(tool)) return { known: true, edits: single(path, { kind: 'delete' }) };
  if (OPAQUE_EDIT_TOOLS.has(tool)) return { known: true, edits: single(path, { kind: 'unknown' }) };
  if (path && nameWords(name).some((w) => WRITE_WORDS.has(w))) return { known: false, edits: [{ path, change: { kind: 'unknown' } }] };
  return undefined;
}
