// Puts `agent-guard` on PATH in this window's integrated terminals: a tiny shim in the extension's
// global storage that runs the CLI shipped with the installed version, with `node` when there is one,
// else VS Code's own runtime in Node mode. Rewritten at every activation, so it follows upgrades.
import * as fs from 'fs';
import * as path from 'path';
import type * as vscode from 'vscode';
import { writeFileAtomic } from '../files/writeFileAtomic';

function shQuote(s: string): string {
  return `"${s.replace(/(["$`\\])/g, '\\$1')}"`;
}

export function posixShim(cliPath: string, execPath: string): string {
  return [
    '#!/bin/sh',
    '# agent-guard: written by the Agent Guard extension; runs the CLI of the installed version.',
    `if command -v node >/dev/null 2>&1; then exec node ${shQuote(cliPath)} "$@"; fi`,
    `ELECTRON_RUN_AS_NODE=1 exec ${shQuote(execPath)} ${shQuote(cliPath)} "$@"`,
    '',
  ].join('\n');
}

export function windowsShim(cliPath: string, execPath: string): string {
  return [
    '@echo off',
    'rem agent-guard: written by the Agent Guard extension; runs the CLI of the installed version.',
    'where node >nul 2>nul',
    `if %ERRORLEVEL%==0 (node "${cliPath}" %*) else (set ELECTRON_RUN_AS_NODE=1& "${execPath}" "${cliPath}" %*)`,
    '',
  ].join('\r\n');
}


/** Writes the shim and prepends its folder to PATH for new terminals. Failure only costs the convenience. */
export function installCliShim(context: vscode.ExtensionContext, report: (message: string) => void): void {
  try {
    const cliPath = path.join(context.extensionPath, 'dist', 'cli.js');
    const binDir = path.join(context.globalStorageUri.fsPath, 'bin');
    fs.mkdirSync(binDir, { recursive: true, mode: 0o700 });
    if (process.platform === 'win32') writeFileAtomic(path.join(binDir, 'agent-guard.cmd'), windowsShim(cliPath, process.execPath), 0o755);
    else writeFileAtomic(path.join(binDir, 'agent-guard'), posixShim(cliPath, process.execPath), 0o755);
    context.environmentVariableCollection.prepend('PATH', binDir + path.delimiter);
  } catch (e) {
    report(`could not put agent-guard on the terminals' PATH: ${(e as Error).message}`);
  }
}
