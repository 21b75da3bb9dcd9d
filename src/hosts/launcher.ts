// The launcher every hook entry runs: `~/.agent-guard/bin/agent-guard-hook <host>` (a POSIX `sh` script;
// `agent-guard-hook.cmd` on Windows). Hook entries name only this stable path, so an extension update
// rewrites the launcher's target and never the hosts' files (Codex's trust in an entry survives it).
// When neither the extension's CLI nor a runtime can be found, the launcher itself denies in the
// host's own format: several hosts run the call when a hook fails to start.
import { LAUNCHER_FAILURE_REASON, failureMessage } from '../outcome/agentWords';
import { HOST_IDS } from './hostTypes';
import type { HostAdapter, HostId } from './hostTypes';
import { HOSTS } from './registry';

/** Relative to the home folder. */
export const LAUNCHER_DIR = ['.agent-guard', 'bin'];
export const LAUNCHER_NAME = 'agent-guard-hook';

export interface LauncherTarget {
  /** `<extensionPath>/dist/cli.js` of the installed extension. */
  cliPath: string;
  /** Absolute `node` found when the extension wrote the launcher, if any (tried first, then `node` on PATH). */
  nodePath?: string;
  /** VS Code's executable, run with `ELECTRON_RUN_AS_NODE=1` when there is no `node`. */
  execPath: string;
}

export function launcherFileName(platform: NodeJS.Platform): string {
  return platform === 'win32' ? `${LAUNCHER_NAME}.cmd` : LAUNCHER_NAME;
}

/** Double-quoted for POSIX sh: `"`, `$`, `` ` `` and `\` are escaped. */
export function shQuote(s: string): string {
  return `"${s.replace(/(["$`\\])/g, '\\$1')}"`;
}

function shSingle(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** The command a host's hook entry runs. */
export function launcherCommand(host: HostId, launcherPath: string, platform: NodeJS.Platform): string {
  return platform === 'win32' ? `"${launcherPath}" ${host}` : `${shQuote(launcherPath)} ${host}`;
}

/** Per host: the launcher's command, or an older one that ran `cli.js` directly; the text may be JSON (a quote then reads `\"`). */
const OUR_COMMAND: Readonly<Record<HostId, RegExp>> = Object.fromEntries(
  HOST_IDS.map((h) => [h, new RegExp(`(?:${LAUNCHER_NAME}(?:\\.cmd)?\\\\?"? ${h}\\b)|(?:cli\\.js\\\\?"? hook ${h}\\b)`)]),
) as Record<HostId, RegExp>;

/** Any Agent Guard hook command for `host`, in a command line, a script or a JSON entry. */
export function isAgentGuardCommand(text: string, host: HostId): boolean {
  return OUR_COMMAND[host].test(text);
}

function denyFor(adapter: HostAdapter): { stdout: string; stderr: string; exitCode: number } {
  return adapter.render({ decision: 'deny', message: failureMessage(LAUNCHER_FAILURE_REASON), approvedByPerson: false });
}

export function posixLauncher(t: LauncherTarget): string {
  const lines = [
    '#!/bin/sh',
    '# Agent Guard hook launcher, written by the Agent Guard extension and rewritten when it updates.',
    '# Agents\' hook entries run this file, so they never change. It runs the installed extension\'s CLI;',
    '# when the CLI or a runtime is missing, or the CLI crashes, it blocks the call itself, in the agent\'s own format.',
    `cli=${shSingle(t.cliPath)}`,
    `node_bin=${shSingle(t.nodePath ?? '')}`,
    `code_bin=${shSingle(t.execPath)}`,
    'if [ -f "$cli" ]; then',
    '  if [ -z "$node_bin" ] || [ ! -x "$node_bin" ]; then node_bin=$(command -v node 2>/dev/null); fi',
    '  if [ -n "$node_bin" ]; then "$node_bin" "$cli" hook "$@"; rc=$?',
    '  elif [ -x "$code_bin" ]; then ELECTRON_RUN_AS_NODE=1 "$code_bin" "$cli" hook "$@"; rc=$?',
    '  else rc=127; fi',
    '  # The CLI answers with 0 or 2 only; anything else is a crash (a broken bundle, a killed process).',
    '  case $rc in 0|2) exit $rc;; esac',
    'fi',
    '# Read what is left of the payload so the agent does not see a broken pipe, then deny.',
    'cat >/dev/null 2>&1',
    'case "$1" in',
  ];
  for (const host of HOST_IDS) {
    const a = denyFor(HOSTS[host].adapter);
    const out = a.stdout ? `printf '%s' ${shSingle(a.stdout)}; ` : '';
    const err = a.stderr ? `printf '%s' ${shSingle(a.stderr)} >&2; ` : '';
    lines.push(`  ${host}) ${out}${err}exit ${a.exitCode};;`);
  }
  lines.push(`  *) printf '%s\\n' ${shSingle(failureMessage(LAUNCHER_FAILURE_REASON))} >&2; exit 2;;`, 'esac', '');
  return lines.join('\n');
}

/** cmd.exe `echo` text: `^`, `&`, `|`, `<`, `>` escaped with `^`, `%` doubled. */
function cmdEcho(s: string): string {
  return s.replace(/\r?\n$/, '').replace(/([\^&|<>])/g, '^$1').replace(/%/g, '%%');
}

export function windowsLauncher(t: LauncherTarget): string {
  const lines = [
    '@echo off',
    'rem Agent Guard hook launcher, written by the Agent Guard extension and rewritten when it updates.',
    'rem Agents\' hook entries run this file; when the CLI or a runtime is missing it blocks the call itself.',
    `set "AG_CLI=${t.cliPath}"`,
    `set "AG_NODE=${t.nodePath ?? ''}"`,
    `set "AG_CODE=${t.execPath}"`,
    'if not exist "%AG_CLI%" goto deny',
    'if not "%AG_NODE%"=="" if exist "%AG_NODE%" goto run_node',
    'where node >nul 2>nul && goto run_path_node',
    'if exist "%AG_CODE%" goto run_code',
    'goto deny',
    ':run_node',
    '"%AG_NODE%" "%AG_CLI%" hook %*',
    'goto answered',
    ':run_path_node',
    'node "%AG_CLI%" hook %*',
    'goto answered',
    ':run_code',
    'set ELECTRON_RUN_AS_NODE=1',
    '"%AG_CODE%" "%AG_CLI%" hook %*',
    ':answered',
    'rem The CLI answers with 0 or 2 only; anything else is a crash.',
    'if %ERRORLEVEL%==0 exit /b 0',
    'if %ERRORLEVEL%==2 exit /b 2',
    ':deny',
    'more >nul 2>nul',
  ];
  for (const host of HOST_IDS) lines.push(`if /i "%~1"=="${host}" goto deny_${host}`);
  lines.push(`echo ${cmdEcho(failureMessage(LAUNCHER_FAILURE_REASON))} 1>&2`, 'exit /b 2');
  for (const host of HOST_IDS) {
    const a = denyFor(HOSTS[host].adapter);
    lines.push(`:deny_${host}`);
    if (a.stdout) lines.push(`echo ${cmdEcho(a.stdout)}`);
    if (a.stderr) lines.push(`echo ${cmdEcho(a.stderr)} 1>&2`);
    lines.push(`exit /b ${a.exitCode}`);
  }
  return lines.join('\r\n') + '\r\n';
}

export function launcherScript(t: LauncherTarget, platform: NodeJS.Platform): string {
  return platform === 'win32' ? windowsLauncher(t) : posixLauncher(t);
}
