// Codex runs a hook that is not managed by an administrator only after the person trusts that exact
// entry (its `/hooks` review); the trust is a digest of the entry stored in the user's `config.toml`:
//   [hooks.state."<absolute hooks.json>:pre_tool_use:<group index>:<handler index>"]
//   trusted_hash = "sha256:<hex>"
// where the digest is SHA-256 of the compact JSON, keys sorted, of the normalized entry
// `{event_name, matcher, hooks: [{type: "command", command, timeout, async}]}` (fields that are unset are
// left out) — codex-rs/hooks/src/engine/discovery.rs `command_hook_hash` and codex-rs/config
// `version_for_toml`; checked against codex-cli 0.169.0, whose app-server `hooks/list` reports the same
// `currentHash` and `trustStatus: "trusted"` once this is recorded (user and project hooks.json). Agent
// Guard records it only after the person confirms in VS Code, and Hook Status
// reads it back; a `config.toml` whose `hooks.state` is written in a form this reader does not know is
// left alone (the person trusts the entry in `/hooks` instead). Plain node.
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { writeFileAtomic } from '../../files/writeFileAtomic';

export interface CodexHandler {
  command: string;
  timeout?: number;
  async?: boolean;
  statusMessage?: string;
}

/** Codex's default handler timeout, filled in before hashing. */
const DEFAULT_TIMEOUT_SECONDS = 600;

function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v as Record<string, unknown>).sort()) {
      const x = (v as Record<string, unknown>)[k];
      if (x !== undefined && x !== null) out[k] = canonical(x);
    }
    return out;
  }
  return v;
}

/** The digest Codex stores as `trusted_hash` for a `PreToolUse` command handler under `matcher`. */
export function codexHookHash(matcher: string | undefined, handler: CodexHandler): string {
  const normalized = {
    event_name: 'pre_tool_use',
    matcher,
    hooks: [{ type: 'command', command: handler.command, timeout: Math.max(1, handler.timeout ?? DEFAULT_TIMEOUT_SECONDS), async: handler.async ?? false, statusMessage: handler.statusMessage }],
  };
  return 'sha256:' + createHash('sha256').update(JSON.stringify(canonical(normalized))).digest('hex');
}

export function codexHookKey(hooksJson: string, groupIndex: number, handlerIndex = 0): string {
  return `${hooksJson}:pre_tool_use:${groupIndex}:${handlerIndex}`;
}

export function codexConfigFile(env: NodeJS.ProcessEnv = process.env, home: string = os.homedir()): string {
  const codexHome = env.CODEX_HOME && path.isAbsolute(env.CODEX_HOME) ? env.CODEX_HOME : path.join(home, '.codex');
  return path.join(codexHome, 'config.toml');
}

/** TOML basic string (what Codex writes for these keys). */
function tomlString(s: string): string {
  return JSON.stringify(s);
}

const HEADER = /^\s*\[\s*hooks\s*\.\s*state\s*\.\s*("(?:[^"\\]|\\.)*"|'[^']*')\s*\]\s*(?:#.*)?$/;
const TRUSTED = /^\s*trusted_hash\s*=\s*("(?:[^"\\]|\\.)*"|'[^']*')\s*(?:#.*)?$/;
const ANY_HEADER = /^\s*\[/;

function unquote(q: string): string {
  return q.startsWith("'") ? q.slice(1, -1) : (JSON.parse(q) as string);
}

/** Line range of `[hooks.state."<key>"]`'s table and its `trusted_hash`, if present. */
function findTable(lines: string[], key: string): { header: number; end: number; trusted?: { line: number; value: string } } | undefined {
  for (let i = 0; i < lines.length; i++) {
    const m = HEADER.exec(lines[i]);
    if (!m || unquote(m[1]) !== key) continue;
    let end = i + 1;
    let trusted: { line: number; value: string } | undefined;
    for (; end < lines.length && !ANY_HEADER.test(lines[end]); end++) {
      const t = TRUSTED.exec(lines[end]);
      if (t) trusted = { line: end, value: unquote(t[1]) };
    }
    return { header: i, end, trusted };
  }
  return undefined;
}

/** `hooks.state` written in a form other than `[hooks.state."…"]` tables (inline, dotted): not edited here. */
const OTHER_STATE_FORMS = [/^\s*\[\s*hooks\s*\.\s*state\s*\]/, /^\s*hooks\s*[.=]/, /^\s*state\s*[.=]/];

function hasOtherStateForm(text: string): boolean {
  return text.split(/\r?\n/).some((l) => OTHER_STATE_FORMS.some((re) => re.test(l)));
}

export function trustedHashIn(configText: string, key: string): string | undefined {
  return findTable(configText.split(/\r?\n/), key)?.trusted?.value;
}

/** The config text with the trust recorded, or undefined when the file uses a form this code does not edit. */
export function withTrust(configText: string, key: string, hash: string): string | undefined {
  const lines = configText.split(/\r?\n/);
  const table = findTable(lines, key);
  const line = `trusted_hash = ${tomlString(hash)}`;
  if (table?.trusted) lines[table.trusted.line] = line;
  else if (table) lines.splice(table.header + 1, 0, line);
  else {
    if (hasOtherStateForm(configText)) return undefined;
    while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
    if (lines.length > 0) lines.push('');
    lines.push(`[hooks.state.${tomlString(key)}]`, line);
  }
  return lines.join('\n').replace(/\n*$/, '\n');
}

export interface CodexEntry {
  /** Absolute path of the `hooks.json` holding it. */
  file: string;
  groupIndex: number;
  matcher?: string;
  handler: CodexHandler;
}

/** Agent Guard's entry in a Codex `hooks.json` (the group whose handler runs `isOurs`), with its position. */
export function findCodexEntry(file: string, isOurs: (command: string) => boolean): CodexEntry | undefined {
  let root: unknown;
  try {
    root = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
  const groups = (root as { hooks?: { PreToolUse?: unknown } })?.hooks?.PreToolUse;
  if (!Array.isArray(groups)) return undefined;
  for (let g = 0; g < groups.length; g++) {
    const group = groups[g] as { matcher?: unknown; hooks?: unknown };
    const handlers = Array.isArray(group?.hooks) ? group.hooks : [];
    const h = handlers[0] as { command?: unknown; timeout?: unknown; async?: unknown; statusMessage?: unknown } | undefined;
    if (handlers.length === 1 && typeof h?.command === 'string' && isOurs(h.command)) {
      return {
        file,
        groupIndex: g,
        matcher: typeof group.matcher === 'string' ? group.matcher : undefined,
        handler: {
          command: h.command,
          timeout: typeof h.timeout === 'number' ? h.timeout : undefined,
          async: h.async === true,
          statusMessage: typeof h.statusMessage === 'string' ? h.statusMessage : undefined,
        },
      };
    }
  }
  return undefined;
}

export type CodexTrust = 'trusted' | 'not-trusted' | 'modified';

export function codexTrustOf(entry: CodexEntry, configFile: string = codexConfigFile()): CodexTrust {
  let text = '';
  try {
    text = fs.readFileSync(configFile, 'utf8');
  } catch {
    return 'not-trusted';
  }
  const stored = trustedHashIn(text, codexHookKey(entry.file, entry.groupIndex));
  if (stored === undefined) return 'not-trusted';
  return stored === codexHookHash(entry.matcher, entry.handler) ? 'trusted' : 'modified';
}

/** Records the trust (after the person confirmed), keeping a copy of the old file next to it. Throws with a reason a person can act on. */
export function recordCodexTrust(entry: CodexEntry, configFile: string = codexConfigFile()): void {
  let text = '';
  try {
    text = fs.readFileSync(configFile, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw new Error(`cannot read ${configFile}: ${(e as Error).message}`);
  }
  const next = withTrust(text, codexHookKey(entry.file, entry.groupIndex), codexHookHash(entry.matcher, entry.handler));
  if (next === undefined) throw new Error(`${configFile} keeps hook trust in a form Agent Guard does not edit; trust the hook in Codex with /hooks`);
  if (next === text) return;
  fs.mkdirSync(path.dirname(configFile), { recursive: true });
  if (text) fs.writeFileSync(`${configFile}.agent-guard-backup`, text, { mode: 0o600 });
  writeFileAtomic(configFile, next, 0o600);
}
