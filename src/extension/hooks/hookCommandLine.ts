// The command line every installed hook runs: the CLI shipped inside the installed extension
// (`<extensionPath>/dist/cli.js`), started by a Node that exists on this machine — `node` found on
// PATH (by absolute path, so a host with a different PATH still finds it), else VS Code's own
// runtime in Node mode (`ELECTRON_RUN_AS_NODE=1`). No `vscode` import: unit-tested in plain node.
import * as fs from 'fs';
import * as path from 'path';
import type { HostId } from '../../cli/hooks/hookTypes';

export interface RuntimeFacts {
  /** `<extensionPath>/dist/cli.js`. */
  cliPath: string;
  /** Absolute path of `node` on PATH, if any. */
  nodePath?: string;
  /** VS Code's executable (`process.execPath` in the extension host). */
  execPath: string;
  platform: NodeJS.Platform;
}

/** Double-quoted for POSIX sh: `"`, `$`, `` ` `` and `\` are escaped. */
export function shQuote(s: string): string {
  return `"${s.replace(/(["$`\\])/g, '\\$1')}"`;
}

/** Double-quoted for cmd.exe (paths cannot contain `"` on Windows). */
function winQuote(s: string): string {
  return `"${s}"`;
}

export function hookCommandLine(host: HostId, rt: RuntimeFacts): string {
  const win = rt.platform === 'win32';
  const q = win ? winQuote : shQuote;
  if (rt.nodePath) return `${q(rt.nodePath)} ${q(rt.cliPath)} hook ${host}`;
  if (win) return `cmd /d /s /c "set ELECTRON_RUN_AS_NODE=1&& ${q(rt.execPath)} ${q(rt.cliPath)} hook ${host}"`;
  return `ELECTRON_RUN_AS_NODE=1 ${q(rt.execPath)} ${q(rt.cliPath)} hook ${host}`;
}

/** Matches any Agent Guard hook command for `host`, whichever Node or extension version it names. */
export function isAgentGuardCommand(text: string, host: HostId): boolean {
  return text.includes('cli.js') && new RegExp(`\\bhook ${host}\\b`).test(text);
}

/** First executable `name` on PATH (`.exe`/`.cmd` tried on Windows). */
export function findOnPath(name: string, env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string | undefined {
  const dirs = (env.PATH ?? env.Path ?? '').split(platform === 'win32' ? ';' : ':').filter(Boolean);
  const exts = platform === 'win32' ? ['.exe', '.cmd', ''] : [''];
  for (const dir of dirs) {
    for (const ext of exts) {
      const candidate = path.join(dir, name + ext);
      try {
        fs.accessSync(candidate, fs.constants.X_OK);
        if (fs.statSync(candidate).isFile()) return candidate;
      } catch {
        // Not here: keep looking.
      }
    }
  }
  return undefined;
}

/** The runtime a hook command starts (`node` or VS Code's executable), or undefined if unreadable. */
export function commandRuntime(command: string, platform: NodeJS.Platform = process.platform): string | undefined {
  if (platform === 'win32') {
    const w = /^"([^"]*)"/.exec(command) ?? /^cmd \/d \/s \/c "set ELECTRON_RUN_AS_NODE=1&& "([^"]*)"/.exec(command);
    return w?.[1];
  }
  const m = /^(?:ELECTRON_RUN_AS_NODE=1 )?"((?:[^"\\]|\\.)*)"/.exec(command);
  return m ? m[1].replace(/\\(.)/g, '$1') : undefined;
}

/**
 * The command a recorded hook should keep: the recorded one while it still names this copy of the
 * extension and its runtime still exists (a VS Code started with another PATH must not flip the hook
 * between Node and VS Code's runtime), otherwise the one this window would write.
 */
export function preferredCommand(host: HostId, rt: RuntimeFacts, recorded: string | undefined, exists: (p: string) => boolean = fs.existsSync): string {
  const fresh = hookCommandLine(host, rt);
  if (!recorded || !recorded.includes(rt.platform === 'win32' ? `"${rt.cliPath}"` : shQuote(rt.cliPath))) return fresh;
  const runtime = commandRuntime(recorded, rt.platform);
  return runtime && exists(runtime) ? recorded : fresh;
}
