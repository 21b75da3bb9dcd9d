// Where a bad `agentGuard.*` value stands in a settings.json: the path the settings resolver names
// (`agentGuard.rules[1].args[0]`) found in the file's JSON-with-comments tree, as a line/column range.
// Pure (no `vscode`): unit-tested on settings texts with comments and trailing commas.
import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import type { Node } from 'jsonc-parser';

export interface TextRange {
  startLine: number;
  startCharacter: number;
  endLine: number;
  endCharacter: number;
}

/** `agentGuard.rules[1].args[0]` → ['agentGuard.rules', 1, 'args', 0]: settings keys are flat (`agentGuard.log.maxEntries`) up to the first `[`. */
export function settingPathSegments(path: string): Array<string | number> {
  const bracket = path.indexOf('[');
  if (bracket < 0) return [path];
  const out: Array<string | number> = [path.slice(0, bracket)];
  for (const part of path.slice(bracket).match(/\[\d+\]|\.[A-Za-z0-9_]+/g) ?? []) out.push(part.startsWith('[') ? Number(part.slice(1, -1)) : part.slice(1));
  return out;
}

function offsetToPosition(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, character: offset - lineStart };
}

/**
 * The range of the deepest node of `path` present in the file (the bad value itself, else the entry or
 * the setting that holds it), or undefined when the setting is not in this file at all.
 */
export function locateSetting(text: string, path: string): TextRange | undefined {
  const root = parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
  if (!root) return undefined;
  const segments = settingPathSegments(path);
  // The bad value itself, else the nearest node that exists (the entry, then the setting).
  let node: Node | undefined;
  for (let n = segments.length; n >= 1 && !node; n--) node = findNodeAtLocation(root, segments.slice(0, n));
  if (!node) return undefined;
  // A property's value: point at "key": value, which is where a person looks.
  const target = node.parent?.type === 'property' ? node.parent : node;
  const start = offsetToPosition(text, target.offset);
  const end = offsetToPosition(text, target.offset + target.length);
  return { startLine: start.line, startCharacter: start.character, endLine: end.line, endCharacter: end.character };
}
