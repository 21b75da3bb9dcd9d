// What the guard cares about in one guard file, and the difference between two looks at it in words.
// Settings files: the `agentGuard.*` values (other settings may change freely: agents configure
// formatters). Hook files: Agent Guard's own entries (the objects that run `agent-guard`) and whether a
// hook script can still run. State files: their content as a whole. Pure: callers read the file.
import { canonicalJson } from '../../settings/canonicalJson';
import { createHash } from 'crypto';
import { parseJsonc } from '../../settings/jsonc';
import { guardSettingValues } from '../../engine/guardFileEdit';

export type WatchedKind = 'settings' | 'hooks' | 'state';

export interface GuardFileView {
  exists: boolean;
  /** Owner-executable (hook scripts must stay runnable). */
  executable: boolean;
  /** The parts that matter, by name, as canonical JSON. */
  parts: Record<string, string>;
  /** Set when the text could not be parsed (a broken settings or hook file is a change in itself). */
  unreadable: boolean;
}

export const ABSENT: GuardFileView = Object.freeze({ exists: false, executable: false, parts: {}, unreadable: false });

const MARK = 'agent-guard';

function mentionsGuard(v: unknown): boolean {
  if (typeof v === 'string') return v.includes(MARK);
  if (Array.isArray(v)) return v.some(mentionsGuard);
  if (v && typeof v === 'object') return Object.values(v as Record<string, unknown>).some(mentionsGuard);
  return false;
}

/**
 * Agent Guard's hook entries: each item of a host's hook list that runs `agent-guard` anywhere inside it,
 * whole (its matcher and timeout count too: `"matcher": "Nothing"` disarms it as surely as deleting it).
 */
function guardEntries(v: unknown, at: string, out: Record<string, string>): void {
  if (Array.isArray(v)) {
    v.forEach((x, i) => {
      if (mentionsGuard(x)) out[`entry ${at}[${i}]`] = canonicalJson(x);
    });
    return;
  }
  if (!v || typeof v !== 'object') return;
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) guardEntries(x, at ? `${at}.${k}` : k, out);
}

export function viewOf(kind: WatchedKind, text: string | undefined, executable: boolean): GuardFileView {
  if (text === undefined) return ABSENT;
  const parts: Record<string, string> = {};
  if (kind === 'state') {
    parts.content = createHash('sha256').update(text).digest('hex');
    return { exists: true, executable, parts, unreadable: false };
  }
  if (kind === 'settings') {
    // The one reading of agentGuard.* keys in a settings or .code-workspace text (the engine's file-edit judge uses it too).
    const values = guardSettingValues(text);
    if (!values) return { exists: true, executable, parts, unreadable: true };
    for (const [k, v] of values) parts[k] = v;
    return { exists: true, executable, parts, unreadable: false };
  }
  let json: unknown;
  try {
    json = parseJsonc(text);
  } catch {
    // A hook script (Cline) is not JSON: its lines that run agent-guard are its entries.
    text.split('\n').forEach((line, i) => {
      if (line.includes(MARK) && !line.trimStart().startsWith('#')) parts[`line ${i + 1}`] = line.trim();
    });
    return { exists: true, executable, parts, unreadable: false };
  }
  guardEntries(json, '', parts);
  return { exists: true, executable, parts, unreadable: false };
}

/** The changes from `before` to `after` that matter to the guard, in words; empty when none do. */
export function describeChange(kind: WatchedKind, before: GuardFileView, after: GuardFileView): string[] {
  if (before.exists && !after.exists) return before.unreadable || Object.keys(before.parts).length > 0 || kind === 'state' ? ['file deleted'] : [];
  const out: string[] = [];
  if (after.unreadable && !before.unreadable) out.push('can no longer be read as JSON');
  const names = new Set([...Object.keys(before.parts), ...Object.keys(after.parts)]);
  for (const name of names) {
    const was = before.parts[name];
    const now = after.parts[name];
    if (was === now) continue;
    if (kind === 'state') out.push(before.exists ? 'content changed' : 'file created');
    else if (kind === 'settings') {
      // `settings/agentGuard.x` is the key inside a .code-workspace file's "settings": say it as the setting.
      const key = name.replace(/^settings\//, '');
      out.push(was === undefined ? `${key} added` : now === undefined ? `${key} removed` : `${key} changed`);
    }
    else out.push(was === undefined ? `Agent Guard hook ${name} added` : now === undefined ? `Agent Guard's hook ${name} gone` : `Agent Guard's hook ${name} changed`);
  }
  // A hook script, the hook launcher or the CLI shim that cannot run any more disarms the hooks.
  if (kind !== 'settings' && before.executable && after.exists && !after.executable) out.push(kind === 'hooks' ? 'the hook script is no longer executable' : 'no longer executable');
  return out;
}
