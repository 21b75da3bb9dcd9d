// Runs REAL bash and zsh the way a VS Code terminal does: interactive, on a pseudo-terminal (`script`),
// with the environment the extension puts into the EnvironmentVariableCollection (computed by the real
// `shellEnvironment`), optionally with VS Code's own shell integration scripts (code-server's copy in
// .e2e-cache), the real CLI (bundled once into a temp folder) and no VS Code window to answer, so every
// command that needs the person's approval is blocked (the CLI fails closed).
import { execFileSync, spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildSync } from 'esbuild';
import { shellEnvironment } from '../../../src/extension/terminal/shellEnvironment';
import type { EnvMutation } from '../../../src/extension/terminal/shellEnvironment';
import { shellTriggerWords } from '../../../src/extension/terminal/shellTriggerWords';
import { ZDOTDIR_FILES } from '../../../src/extension/terminal/zdotdirFiles';
import { defaultPolicy } from '../../../src/engine/policy';

export const REPO = path.resolve(__dirname, '../../..');
export const SHELL_DIR = path.join(REPO, 'src/shell');

/** code-server's copy of VS Code's shell integration scripts, when the e2e setup has installed it. */
export function findVscodeScripts(): string | undefined {
  const cache = path.join(REPO, '.e2e-cache');
  if (!fs.existsSync(cache)) return undefined;
  for (const entry of fs.readdirSync(cache)) {
    const dir = path.join(cache, entry, 'node_modules/code-server/lib/vscode/out/vs/workbench/contrib/terminal/common/scripts');
    if (fs.existsSync(path.join(dir, 'shellIntegration-bash.sh')) && fs.existsSync(path.join(dir, 'shellIntegration-rc.zsh'))) return dir;
  }
  return undefined;
}

export function hasShell(name: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Bundles the CLI (src/cli/main.ts) once per run into its own folder: no race with other builds of dist/. */
export function bundleCli(outDir: string): string {
  const out = path.join(outDir, 'cli.js');
  // `module` first, as esbuild.config.mjs does: jsonc-parser's UMD `main` hides its requires from the bundler.
  buildSync({ entryPoints: [path.join(REPO, 'src/cli/main.ts')], bundle: true, platform: 'node', target: 'node18', format: 'cjs', outfile: out, logLevel: 'warning', mainFields: ['module', 'main'] });
  return out;
}

export interface Sandbox {
  root: string;
  home: string;
  bin: string;
  markers: string;
  zdotdir: string;
  stateDir: string;
  project: string;
  /** Counts lines in a marker file (0 if missing). */
  count(marker: string): number;
  exists(p: string): boolean;
}

const FAKE = (name: string): string =>
  `#!/bin/sh\n# Fake ${name}: records that it RAN (the marker a real one would change).\necho "${name} $*" >> "$MARKERS/${name}.ran"\n`;

/** Every sandbox made in this process; `removeSandboxes()` deletes them (call it from an `after` hook). */
const made: string[] = [];
export function removeSandboxes(): void {
  for (const d of made.splice(0)) fs.rmSync(d, { recursive: true, force: true });
}

export function makeSandbox(cliDir: string): Sandbox {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-shell-'));
  made.push(root);
  const home = path.join(root, 'home');
  const bin = path.join(root, 'bin');
  const markers = path.join(root, 'markers');
  const zdotdir = path.join(root, 'zdotdir');
  const stateDir = path.join(root, 'state');
  const project = path.join(home, 'project');
  for (const d of [home, bin, markers, zdotdir, stateDir, project]) fs.mkdirSync(d, { recursive: true });
  for (const name of ['railway', 'psql']) fs.writeFileSync(path.join(bin, name), FAKE(name), { mode: 0o755 });
  fs.writeFileSync(path.join(project, 'data.txt'), 'precious\n');
  fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'p', version: '1.0.0', scripts: { test: 'echo npm-test >> "$MARKERS/npm.ran"' } }));
  execFileSync('git', ['init', '-q', project]);
  for (const [name, content] of Object.entries(ZDOTDIR_FILES)) fs.writeFileSync(path.join(zdotdir, name), content);
  void cliDir;
  return {
    root, home, bin, markers, zdotdir, stateDir, project,
    count: (m) => {
      const f = path.join(markers, m);
      return fs.existsSync(f) ? fs.readFileSync(f, 'utf8').split('\n').filter((l) => l !== '').length : 0;
    },
    exists: (p) => fs.existsSync(p),
  };
}

function applyMutations(env: NodeJS.ProcessEnv, mutations: readonly EnvMutation[], atShellIntegration: boolean): NodeJS.ProcessEnv {
  const out = { ...env };
  const deferred: Record<'REPLACE' | 'PREPEND', string[]> = { REPLACE: [], PREPEND: [] };
  for (const m of mutations) {
    if (m.op === 'prepend') out[m.name] = m.value + (out[m.name] ?? '');
    else out[m.name] = m.value;
    // What VS Code adds for `applyAtShellIntegration` (terminalEnvironment / environmentVariableCollection).
    if (atShellIntegration && m.applyAtShellIntegration) deferred[m.op === 'prepend' ? 'PREPEND' : 'REPLACE'].push(`${m.name}=${m.value.replaceAll(':', '\\x3a')}`);
  }
  if (deferred.PREPEND.length) out.VSCODE_ENV_PREPEND = deferred.PREPEND.join(':');
  if (deferred.REPLACE.length) out.VSCODE_ENV_REPLACE = deferred.REPLACE.join(':');
  return out;
}

export interface ShellEnvOptions {
  cliPath: string;
  withIntegration: boolean;
  extra?: Record<string, string>;
}

/** The environment a VS Code terminal gets from our collection (plus a clean, sandboxed base). */
export function terminalEnv(sb: Sandbox, opts: ShellEnvOptions): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = {
    PATH: `${sb.bin}:${process.env.PATH ?? '/usr/bin:/bin'}`,
    HOME: sb.home,
    TERM: 'xterm-256color',
    LANG: 'C.UTF-8',
    SHELL: '/bin/bash',
    MARKERS: sb.markers,
    DATABASE_URL: 'postgres://app:secret@db.internal:5432/app',
    // No VS Code window: the CLI finds nobody to ask and blocks (fails closed).
    XDG_RUNTIME_DIR: path.join(sb.root, 'runtime'),
    TMPDIR: path.join(sb.root, 'tmp'),
    TERM_PROGRAM: 'vscode',
    npm_config_update_notifier: 'false',
    npm_config_cache: path.join(sb.root, 'npm-cache'),
  };
  fs.mkdirSync(base.XDG_RUNTIME_DIR!, { recursive: true, mode: 0o700 });
  fs.mkdirSync(base.TMPDIR!, { recursive: true });
  const mutations = shellEnvironment({
    shellDir: SHELL_DIR,
    cliPath: opts.cliPath,
    nodePath: process.execPath,
    triggers: shellTriggerWords(defaultPolicy()),
    stateDir: sb.stateDir,
    zdotdir: sb.zdotdir,
    inherited: {},
  });
  return { ...applyMutations(base, mutations, opts.withIntegration), ...(opts.extra ?? {}) };
}

export interface RunResult {
  output: string;
  code: number | null;
}

/**
 * Types `lines` into an interactive shell on a pty (`script`), one line at a time as a person or
 * `sendText` would, then `exit`. `argv` is the shell command line `script` runs.
 */
export function runInteractive(argv: string, env: NodeJS.ProcessEnv, lines: readonly string[], cwd: string, timeoutMs = 90_000): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    // `script` starts argv through $SHELL -c: with /bin/bash that outer shell would be guarded too (BASH_ENV).
    const child = spawn('script', ['-qfec', argv, '/dev/null'], { env: { ...env, SHELL: '/bin/sh' }, cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (output += d.toString('utf8')));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`shell timed out; output so far:\n${output}`));
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ output: output.replace(/\r/g, ''), code });
    });
    // Feed lines with a pause between them: readline/zle read them as typed input.
    const queue = [...lines, 'exit'];
    const next = (): void => {
      const line = queue.shift();
      if (line === undefined) return;
      child.stdin.write(line + '\n');
      setTimeout(next, 300);
    };
    setTimeout(next, 800);
  });
}

export function runNonInteractive(file: string, args: readonly string[], env: NodeJS.ProcessEnv, cwd: string): RunResult {
  const r = spawnSync(file, args, { env, cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
  return { output: `${r.stdout ?? ''}${r.stderr ?? ''}`, code: r.status };
}
