// Judges an agent's file-edit tool call (Claude `Write`/`Edit`/`MultiEdit`, Gemini `write_file`/`replace`,
// Cline `write_to_file`/`replace_in_file`, Codex `apply_patch` …) that touches one of the guard's files.
// Hook files, the state folder and the extension's folder count by path: any edit is denied. Editor
// settings count by the change: an edit that adds, removes or changes an `agentGuard.*` key is denied,
// any other passes, so agents can still set up a formatter. The edit tools carry the new content or the
// old and new strings; the caller hands in the file's current text (the engine reads nothing), and a
// settings file it could not read counts as a guard file.
import { parse } from 'jsonc-parser';
import type { ParseError } from 'jsonc-parser';
import type { Finding } from './types';
import { GUARD_KIND_WORDS, guardPathKind } from './guardFiles';
import type { GuardFileKind } from './guardFiles';

/** The file's text as the caller found it. */
export type CurrentText =
  | { state: 'read'; text: string }
  /** The file does not exist: the tool would create it. */
  | { state: 'missing' }
  /** Anything else (no permission, too big, a folder): judged as a guard file. */
  | { state: 'unreadable'; reason: string };

export interface TextReplacement {
  oldText: string;
  newText: string;
  /** Replace every occurrence (Claude `Edit` `replace_all`), else the first. */
  replaceAll?: boolean;
}

export type FileEditChange =
  /** The whole new content: `Write`, `write_file`, `write_to_file`, a created file. */
  | { kind: 'write'; content: string }
  /** `Edit`, `MultiEdit`, `replace`, SEARCH/REPLACE blocks, patch hunks (old = context and `-` lines, new = context and `+` lines), applied in order. */
  | { kind: 'replace'; edits: readonly TextReplacement[] }
  | { kind: 'delete' }
  /** Renamed to `to` (apply_patch `Move to`): removes `path` and writes its content at `to`. */
  | { kind: 'move'; to: string }
  /** An edit whose result the caller cannot compute. */
  | { kind: 'unknown' };

export interface FileEdit {
  /** As the tool gives it: absolute, or relative to `places.cwd`; `/` or `\`. */
  path: string;
  change: FileEditChange;
}

export interface EditPlaces {
  /** The folder relative paths are read from. */
  cwd?: string;
}

const GUARD_KEY = /^agentguard(?:\.|$)/i;
/** A key VS Code reads as a language override block: `"[python]": { … }`. */
const LANGUAGE_BLOCK = /^\[.*\]$/s;
const MENTIONS_GUARD = /agentguard/i;
/** `\u0061gentGuard`: a JSON escape can spell the key without its letters. */
const JSON_ESCAPE = /\\u/i;
const ABSOLUTE = /^(?:[\\/~]|[A-Za-z]:|\$)/;

const AGENT_MESSAGE =
  "Only the person can change Agent Guard's settings, hooks or files. Do not try another tool, command, " +
  'path or way to make this change: stop and ask the person to make it themselves in VS Code.';

function finding(rule: string, summary: string, target: string): Finding {
  return {
    rule,
    category: 'guard',
    severity: 'critical',
    summary,
    agentMessage: `Agent Guard blocked this edit: it ${summary} (rule ${rule}). ${AGENT_MESSAGE}`,
    target,
    source: 'builtin',
  };
}

function resolve(path: string, places: EditPlaces): string {
  if (places.cwd === undefined || ABSOLUTE.test(path)) return path;
  return `${places.cwd}/${path}`;
}

/** Sorted-key JSON, so reordering the keys inside `agentGuard.decisions` is no change. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o).sort().map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(v) ?? 'undefined';
}

function collectGuardKeys(obj: unknown, prefix: string, into: Map<string, string>): void {
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) return;
  for (const [k, v] of Object.entries(obj as Record<string, unknown>)) {
    if (GUARD_KEY.test(k)) into.set(prefix + k, canonical(v));
    else if (LANGUAGE_BLOCK.test(k)) collectGuardKeys(v, `${prefix}${k}/`, into);
  }
}

/**
 * The `agentGuard.*` values a settings text holds (also inside `"settings"` of a `.code-workspace` and in
 * language blocks), read the way VS Code reads it (the same lenient JSONC parser); undefined when the
 * text is too broken to be sure.
 */
export function guardSettingValues(text: string): Map<string, string> | undefined {
  const errors: ParseError[] = [];
  const root: unknown = parse(text, errors, { allowTrailingComma: true, disallowComments: false });
  const keys = new Map<string, string>();
  if (errors.length > 0 && (MENTIONS_GUARD.test(text) || JSON_ESCAPE.test(text))) return undefined;
  collectGuardKeys(root, '', keys);
  if (root !== null && typeof root === 'object' && !Array.isArray(root)) collectGuardKeys((root as Record<string, unknown>).settings, 'settings/', keys);
  return keys;
}

/** Applies the replacements in order; undefined when one of them does not apply (the result is unknown). */
export function applyReplacements(text: string, edits: readonly TextReplacement[]): string | undefined {
  let out = text;
  for (const e of edits) {
    if (e.oldText === '') {
      // An empty old string creates the file (Claude `Edit` on a new file): the new text is the content.
      if (out !== '') return undefined;
      out = e.newText;
      continue;
    }
    const at = out.indexOf(e.oldText);
    if (at < 0) return undefined;
    out = e.replaceAll ? out.split(e.oldText).join(e.newText) : out.slice(0, at) + e.newText + out.slice(at + e.oldText.length);
  }
  return out;
}

function sameValues(a: Map<string, string>, b: Map<string, string>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (b.get(k) !== v) return false;
  return true;
}

/** Names what changed, for the person: "adds agentGuard.enabled". */
function describeChange(before: Map<string, string>, after: Map<string, string>): string {
  const parts: string[] = [];
  for (const k of after.keys()) if (!before.has(k)) parts.push(`adds \`${k}\``);
  for (const k of before.keys()) if (!after.has(k)) parts.push(`removes \`${k}\``);
  for (const [k, v] of after) if (before.has(k) && before.get(k) !== v) parts.push(`changes \`${k}\``);
  return parts.slice(0, 4).join(', ') + (parts.length > 4 ? ` and ${parts.length - 4} more` : '');
}

function byPath(kind: GuardFileKind, path: string, verb: string): Finding {
  return finding('guard.edit-guard-file', `${verb} \`${path}\`, ${GUARD_KIND_WORDS[kind]}`, path);
}

function unreadable(path: string, why: string): Finding {
  return finding('guard.edit-guard-settings', `edits \`${path}\`, editor settings that can hold Agent Guard's settings, and ${why}`, path);
}

/** Judges the settings file `path` going from `before` to `after` (undefined: the file is gone). */
function judgeSettingsChange(path: string, before: CurrentText, after: string | undefined): Finding | undefined {
  if (before.state === 'unreadable') return unreadable(path, `its current content could not be read (${before.reason})`);
  const beforeText = before.state === 'read' ? before.text : '';
  const was = guardSettingValues(beforeText);
  const will = after === undefined ? new Map<string, string>() : guardSettingValues(after);
  if (was === undefined || will === undefined) return unreadable(path, 'the file is too malformed to tell whether Agent Guard\'s settings change');
  if (sameValues(was, will)) return undefined;
  return finding('guard.edit-guard-settings', `changes Agent Guard's settings in \`${path}\` (${describeChange(was, will)})`, path);
}

function verbOf(change: FileEditChange): string {
  switch (change.kind) {
    case 'delete':
      return 'deletes';
    case 'move':
      return 'moves';
    case 'write':
      return 'rewrites';
    default:
      return 'edits';
  }
}

/**
 * Undefined when the edit leaves every guard file as it was (let it run); otherwise a finding to deny
 * with (`finding.agentMessage` is written for the agent). `readCurrent` is called only for settings
 * files, so an ordinary edit reads nothing.
 */
export function judgeFileEdit(edit: FileEdit, readCurrent: (path: string) => CurrentText, places: EditPlaces = {}): Finding | undefined {
  const from = resolve(edit.path, places);
  const change = edit.change;
  const fromKind = guardPathKind(from);
  if (fromKind !== undefined && fromKind !== 'settings') return byPath(fromKind, edit.path, verbOf(change));
  if (change.kind === 'move') {
    const toKind = guardPathKind(resolve(change.to, places));
    if (toKind !== undefined && toKind !== 'settings') return byPath(toKind, change.to, 'overwrites');
    if (fromKind === undefined && toKind === undefined) return undefined;
    const current = readCurrent(edit.path);
    if (fromKind === 'settings') {
      const gone = judgeSettingsChange(edit.path, current, undefined);
      if (gone) return gone;
    }
    if (toKind === 'settings') {
      if (current.state !== 'read') return unreadable(change.to, 'the content moved onto it could not be read');
      return judgeSettingsChange(change.to, readCurrent(change.to), current.text);
    }
    return undefined;
  }
  if (fromKind === undefined) return undefined;
  const current = readCurrent(edit.path);
  switch (change.kind) {
    case 'write':
      return judgeSettingsChange(edit.path, current, change.content);
    case 'delete':
      return judgeSettingsChange(edit.path, current, undefined);
    case 'replace': {
      if (current.state === 'unreadable') return judgeSettingsChange(edit.path, current, undefined);
      const after = applyReplacements(current.state === 'read' ? current.text : '', change.edits);
      if (after === undefined) return unreadable(edit.path, 'the edit does not apply to its current content, so its result is unknown');
      return judgeSettingsChange(edit.path, current, after);
    }
    case 'unknown':
      return unreadable(edit.path, 'the result of the edit cannot be known in advance');
  }
}
