// Runs the real CLI (`dist/cli.js`, the loader, `dist/cli-fast.js` and `dist/cli-main.js`, rebuilt here from the sources with the same esbuild
// options as `npm run build`) as a child process, JSON on stdin, the way an agent host does.
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildSync } from 'esbuild';
import type { BuildOptions } from 'esbuild';

export const ROOT = path.join(__dirname, '..', '..', '..');
export const CLI = path.join(ROOT, 'dist', 'cli.js');
/** The CLI proper, which the loader `dist/cli.js` runs through a compile cache (src/cli/entry.ts). */
export const CLI_MAIN = path.join(ROOT, 'dist', 'cli-main.js');
/** The fast path the loader tries first for `hook`, `ask` and `check` (a remembered clean allow). */
export const CLI_FAST = path.join(ROOT, 'dist', 'cli-fast.js');

/** The CLI part of esbuild.config.mjs (its `cliBuilds`, less the start-up plugins), so the test never runs a stale bundle. */
export function buildCli(): void {
  const options: BuildOptions = {
    bundle: true,
    platform: 'node',
    target: 'node18',
    format: 'cjs',
    sourcemap: true,
    logLevel: 'warning',
    // As esbuild.config.mjs: jsonc-parser's UMD `main` hides its requires from the bundler.
    mainFields: ['module', 'main'],
  };
  buildSync({ ...options, entryPoints: [path.join(ROOT, 'src', 'cli', 'main.ts')], outfile: CLI_MAIN });
  buildSync({ ...options, entryPoints: [path.join(ROOT, 'src', 'cli', 'fastMain.ts')], outfile: CLI_FAST });
  buildSync({ ...options, entryPoints: [path.join(ROOT, 'src', 'cli', 'entry.ts')], outfile: CLI, banner: { js: '#!/usr/bin/env node' } });
}

export interface CliResult {
  stdout: string;
  stderr: string;
  status: number | null;
}

/** A runtime dir of its own, so no real VS Code window on this machine is found. */
export function isolatedEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, XDG_RUNTIME_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'ag-rt-')), ...extra };
  delete env.AGENT_GUARD_IPC;
  return env;
}

export function runHook(host: string, stdin: string, env: NodeJS.ProcessEnv, cwd = os.tmpdir()): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'hook', host], { env, cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('error', reject);
    child.on('close', (status) => resolve({ stdout, stderr, status }));
    child.stdin.end(stdin);
  });
}
