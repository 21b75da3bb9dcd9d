// Runs a helper program (git, pg_dump, kubectl, terraform) for a restorer: bounded in time and
// output, never through a shell, never throwing. A restore point must never make an allowed action
// fail, so every failure comes back as a value the restorer turns into "partial" or "not possible".
import { spawn } from 'child_process';
import { writeFileSync } from 'fs';

export interface ToolRun {
  /** Exit code; -1 when it could not start or was killed. */
  code: number;
  stdout: Buffer;
  stderr: string;
  timedOut: boolean;
  /** Set when the program could not be started (`ENOENT`: not installed). */
  startError?: string;
}

export interface ToolOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Milliseconds before the program is killed. */
  timeoutMs: number;
  input?: string | Buffer;
  /** Output beyond this is an error (the run is killed), so a runaway program cannot fill memory. */
  maxOutputBytes?: number;
}

const DEFAULT_MAX_OUTPUT = 64 * 1024 * 1024;

export function runTool(program: string, args: readonly string[], opts: ToolOptions): Promise<ToolRun> {
  return new Promise((resolve) => {
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let outBytes = 0;
    let timedOut = false;
    let settled = false;
    const finish = (run: ToolRun): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(run);
    };
    let child;
    try {
      child = spawn(program, [...args], { cwd: opts.cwd, env: opts.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
    } catch (e) {
      resolve({ code: -1, stdout: Buffer.alloc(0), stderr: '', timedOut: false, startError: (e as Error).message });
      return;
    }
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, Math.max(1, opts.timeoutMs));
    const limit = opts.maxOutputBytes ?? DEFAULT_MAX_OUTPUT;
    child.stdout.on('data', (b: Buffer) => {
      outBytes += b.length;
      if (outBytes > limit) child.kill('SIGKILL');
      else out.push(b);
    });
    child.stderr.on('data', (b: Buffer) => {
      if (err.length < 64) err.push(b);
    });
    child.on('error', (e) => finish({ code: -1, stdout: Buffer.alloc(0), stderr: '', timedOut, startError: e.message }));
    child.on('close', (code) => {
      const stderr = Buffer.concat(err).toString('utf8').trim();
      finish({ code: code ?? -1, stdout: Buffer.concat(out), stderr: outBytes > limit ? `output larger than ${limit} bytes` : stderr, timedOut });
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(opts.input ?? '');
  });
}

/** "git: not installed", "git: timed out", or the program's own last error line. */
export function toolFailure(program: string, run: ToolRun): string {
  if (run.startError) return run.startError.includes('ENOENT') ? `${program} is not installed` : `${program} could not start (${run.startError})`;
  if (run.timedOut) return `${program} did not finish in time`;
  const last = run.stderr.split('\n').filter((l) => l.trim() !== '').pop();
  return `${program} failed${last ? `: ${last.trim().slice(0, 200)}` : ` (exit ${run.code})`}`;
}

/**
 * Runs a program whose output is the thing to keep (`kubectl get -o yaml`, `terraform state pull`) and
 * writes that output, owner-only, to `file`. Returns an error in words, or undefined when kept.
 */
export async function keepToolOutput(program: string, args: readonly string[], file: string, opts: ToolOptions): Promise<{ bytes: number; error?: string }> {
  const r = await runTool(program, args, opts);
  if (r.code !== 0 || r.stdout.length === 0) return { bytes: 0, error: toolFailure(`${program} ${args[0] ?? ''}`.trim(), r) };
  writeFileSync(file, r.stdout, { mode: 0o600 });
  return { bytes: r.stdout.length };
}
