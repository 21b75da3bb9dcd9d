// The policy a CLI run applies: the same settings the VS Code window uses, so a command judged by a
// hook and by the window gets the same verdict. Order: the discovery record of the window whose
// workspace holds the cwd (it carries the window's effective settings), else the nearest
// `.vscode/settings.json` above the cwd, else the built-ins. A bad setting is reported on stderr and
// the rest still applies (compilePolicy never drops the built-ins).
import * as fs from 'fs';
import * as path from 'path';
import { compilePolicy, defaultPolicy, type Policy } from '../engine/policy';
import type { PolicyInput } from '../engine/types';
import { candidateWindows } from '../protocol/discovery';

const SETTINGS_KEYS: Readonly<Record<string, keyof PolicyInput>> = {
  'agentGuard.rules': 'rules',
  'agentGuard.disabledRules': 'disabledRules',
  'agentGuard.environments': 'environments',
  'agentGuard.decisions': 'decisions',
};
const MAX_SETTINGS_BYTES = 1024 * 1024;

/** JSON with comments and trailing commas, as VS Code writes settings files. */
export function parseJsonc(text: string): unknown {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
    } else out += c;
  }
  return JSON.parse(out.replace(/,(\s*[}\]])/g, '$1'));
}

function fromSettingsFile(cwd: string): { input: PolicyInput; file: string } | undefined {
  let dir = path.resolve(cwd);
  for (let depth = 0; depth < 64; depth++) {
    const file = path.join(dir, '.vscode', 'settings.json');
    try {
      const stat = fs.statSync(file);
      if (stat.isFile() && stat.size <= MAX_SETTINGS_BYTES) {
        const json = parseJsonc(fs.readFileSync(file, 'utf8'));
        const input: PolicyInput = {};
        if (json && typeof json === 'object') {
          for (const [key, field] of Object.entries(SETTINGS_KEYS)) {
            const v = (json as Record<string, unknown>)[key];
            if (v !== undefined) input[field] = v;
          }
        }
        return { input, file };
      }
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
        process.stderr.write(`agent-guard: could not read ${file} (${(err as Error).message}); using the built-in rules\n`);
        return undefined;
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return undefined;
}

export function loadPolicyForCwd(cwd: string, env: NodeJS.ProcessEnv = process.env): Policy {
  let input: PolicyInput | undefined;
  let where = '';
  try {
    const window = candidateWindows(cwd, env)[0];
    if (window?.record.policy) {
      input = window.record.policy;
      where = 'the VS Code window';
    }
  } catch {
    // An unreadable discovery directory is the same as no window.
  }
  if (!input) {
    const fromFile = fromSettingsFile(cwd);
    if (fromFile) {
      input = fromFile.input;
      where = fromFile.file;
    }
  }
  if (!input || Object.keys(input).length === 0) return defaultPolicy();
  const { policy, errors } = compilePolicy(input);
  for (const e of errors) process.stderr.write(`agent-guard: ignoring ${e.path} from ${where}: ${e.message}\n`);
  return policy;
}
