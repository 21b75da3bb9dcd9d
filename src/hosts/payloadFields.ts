// Small readers for untrusted hook payloads: every field is checked, nothing is assumed.
import { PayloadError } from './hostTypes';

export type Json = Record<string, unknown>;

export function asRecord(v: unknown, what: string): Json {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new PayloadError(`${what} is not a JSON object`);
  return v as Json;
}

export function optRecord(v: unknown): Json | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined;
}

export function optString(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

export function reqString(obj: Json, key: string, what: string): string {
  const v = obj[key];
  if (typeof v !== 'string' || v.length === 0) throw new PayloadError(`${what} has no \`${key}\` string`);
  return v;
}

/** First string in `workspace_roots` / `workspaceRoots`, for hosts that send roots instead of a cwd. */
export function firstRoot(v: unknown): string | undefined {
  return Array.isArray(v) ? v.find((r): r is string => typeof r === 'string' && r.length > 0) : undefined;
}

/**
 * Tool arguments as an object. Some hosts send them as a JSON string (Cursor's MCP `tool_input`,
 * Cline's `arguments`, Copilot CLI's `toolArgs`); a string that is not a JSON object is kept whole
 * under `input` so the engine still sees it.
 */
export function argsObject(v: unknown): Json {
  if (v === undefined || v === null) return {};
  if (typeof v === 'string') {
    try {
      const parsed: unknown = JSON.parse(v);
      const rec = optRecord(parsed);
      if (rec) return rec;
    } catch {
      // Not JSON: fall through and keep the text.
    }
    return { input: v };
  }
  return optRecord(v) ?? { input: v };
}
