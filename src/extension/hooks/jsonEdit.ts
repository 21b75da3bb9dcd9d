// Formatting-preserving JSON(C) edits for hook config files: comments, key order and indentation of
// what is already there stay as they were; only the entries Agent Guard owns change.
import { applyEdits, modify } from 'jsonc-parser';
import type { FormattingOptions } from 'jsonc-parser';
import { parseJsonc } from '../../settings/jsonc';

export class HookFileError extends Error {
  override name = 'HookFileError';
}

export type JsonObject = Record<string, unknown>;

const INDENT_LINE = /^([ \t]+)\S/m;

export function detectFormatting(text: string): FormattingOptions {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const m = INDENT_LINE.exec(text);
  if (!m) return { tabSize: 2, insertSpaces: true, eol };
  if (m[1].startsWith('\t')) return { tabSize: 1, insertSpaces: false, eol };
  return { tabSize: m[1].length, insertSpaces: true, eol };
}

/** Parses a config file's text; refuses (never rewrites) a file that is not a JSON object. */
export function parseObject(text: string, file: string): JsonObject {
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = parseJsonc(text);
  } catch (e) {
    throw new HookFileError(`${file} is not valid JSON (${(e as Error).message}); Agent Guard left it unchanged`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new HookFileError(`${file} does not hold a JSON object; Agent Guard left it unchanged`);
  return value as JsonObject;
}

export function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let cur: unknown = root;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  return cur;
}

export function setAt(text: string, path: (string | number)[], value: unknown, arrayInsert = false): string {
  const formattingOptions = detectFormatting(text.trim() === '' ? '' : text);
  const base = text.trim() === '' ? '{}' : text;
  return applyEdits(base, modify(base, path, value, { formattingOptions, isArrayInsertion: arrayInsert }));
}

/** Key-order-independent equality, so an entry re-serialised by another tool still counts as ours. */
export function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o).sort().map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

export function sameJson(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}
