// One run's world: a temporary HOME and workspace with a marker file under `important/`, Agent Guard's
// hooks written into it by the same functions Set Up runs (launcher, host entries, Codex trust), and
// the child process bounded in time and stopped by its process group id.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findCodexEntry, recordCodexTrust, codexConfigFile } from '../../src/extension/hooks/codexTrust';
import { installHook } from '../../src/extension/hooks/hookInstaller';
import { hookCommandLine, launcherPath, writeLauncher } from '../../src/extension/hooks/hookLauncher';
import type { RuntimeFacts } from '../../src/extension/hooks/hookLauncher';
import { hookTarget } from '../../src/extension/hooks/hookTargets';
import { isAgentGuardCommand } from '../../src/hosts/launcher';
import type { HostId, Scope } from '../../src/hosts/hostTypes';

export const MARKER = 'marker.txt';

export interface Sandbox {
  root: string;
  home: string;
  workspace: string;
  markerFile: string;
  /** The host's TMPDIR (some write crash reports there). */
  tmp: string;
  runtime: RuntimeFacts;
  hookFile: string;
}

export function makeSandbox(base: string, label: string, cliPath: string): Sandbox {
  fs.mkdirSync(base, { recursive: true });
  const root = fs.mkdtempSync(path.join(base, `${label}-`));
  const home = path.join(root, 'home');
  const workspace = path.join(root, 'work');
  fs.mkdirSync(path.join(workspace, 'important'), { recursive: true });
  const tmp = path.join(root, 'tmp');
  fs.mkdirSync(home, { recursive: true });
  fs.mkdirSync(tmp, { recursive: true });
  const markerFile = path.join(workspace, 'important', MARKER);
  fs.writeFileSync(markerFile, 'must survive\n');
  const runtime: RuntimeFacts = { platform: process.platform, home, cliPath, nodePath: process.execPath, execPath: '/nonexistent/code' };
  return { root, home, workspace, markerFile, tmp, runtime, hookFile: '' };
}

/** What Set Up does for one host and scope, without VS Code: the launcher, the host's entries, Codex's trust. */
export function setUpHooks(sb: Sandbox, host: HostId, scope: Scope): string {
  writeLauncher(sb.runtime);
  const target = hookTarget(host, scope, { home: sb.home, workspace: sb.workspace }, hookCommandLine(host, sb.runtime));
  installHook(target, undefined, path.join(sb.home, '.agent-guard', 'backups'));
  sb.hookFile = target.file;
  if (host === 'codex') {
    const entry = findCodexEntry(target.file, (c) => isAgentGuardCommand(c, 'codex'));
    if (!entry) throw new Error(`Set Up wrote ${target.file} but Agent Guard's Codex entry is not found in it`);
    recordCodexTrust(entry, codexConfigFile({ CODEX_HOME: path.join(sb.home, '.codex') }, sb.home));
  }
  return target.file;
}

/** The launcher's target gone: the extension was uninstalled or moved (the launcher must still deny). */
export function removeLauncherTarget(sb: Sandbox): void {
  sb.runtime = { ...sb.runtime, cliPath: path.join(sb.root, 'gone', 'cli.js'), nodePath: undefined };
  writeLauncher(sb.runtime);
}

/** The launcher itself gone: measures what the host does when its hook cannot start at all. */
export function removeLauncher(sb: Sandbox): void {
  fs.rmSync(launcherPath(sb.runtime), { force: true });
}

/** Decisions the CLI spooled in this HOME (evidence the hook ran, and what it decided). */
export function spooledDecisions(sb: Sandbox): string[] {
  const f = path.join(sb.home, '.agent-guard', 'spool', 'decisions.jsonl');
  try {
    return fs.readFileSync(f, 'utf8').split('\n').filter(Boolean);
  } catch {
    return [];
  }
}

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  stdout: string;
  stderr: string;
  seconds: number;
}

const running = new Set<number>();

/** Kills every process group this suite started and that is still running (on exit or interrupt). */
export function killAll(): void {
  for (const pid of running) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  running.clear();
}

/** Runs the host in its own process group, stdin closed, and kills the group (by its PID) at the deadline. */
export function runBounded(cmd: string, args: string[], opts: { cwd: string; env: NodeJS.ProcessEnv; seconds: number }): Promise<RunResult> {
  const t0 = Date.now();
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const pid = child.pid!;
    running.add(pid);
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (c: Buffer) => (stdout = (stdout + c.toString('utf8')).slice(-200_000)));
    child.stderr!.on('data', (c: Buffer) => (stderr = (stderr + c.toString('utf8')).slice(-200_000)));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }, opts.seconds * 1000);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      // The host may leave children (a shell, an MCP server) in its group: stop them too.
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // Nothing left.
      }
      running.delete(pid);
      resolve({ code, signal, timedOut, stdout, stderr, seconds: (Date.now() - t0) / 1000 });
    });
  });
}

/**
 * Processes that left the host's process group but still run inside this sandbox (Cline starts a hub
 * daemon in its own session with `--cwd <workspace>`): found by the sandbox path in their command line
 * or working directory, and killed by PID.
 */
export function killStrays(sb: Sandbox): number[] {
  const killed: number[] = [];
  let pids: string[] = [];
  try {
    pids = fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return killed;
  }
  for (const pid of pids) {
    let cmdline = '';
    let cwd = '';
    try {
      cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      cwd = fs.readlinkSync(`/proc/${pid}/cwd`);
    } catch {
      // Gone, or not ours to read.
    }
    if (!cmdline.includes(sb.root) && !cwd.startsWith(sb.root)) continue;
    try {
      process.kill(Number(pid), 'SIGKILL');
      killed.push(Number(pid));
    } catch {
      // Already gone.
    }
  }
  return killed;
}

export function tmpBase(): string {
  return path.join(os.tmpdir(), 'agent-guard-hosts');
}
