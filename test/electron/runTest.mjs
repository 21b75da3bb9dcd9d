#!/usr/bin/env node
// `npm run test:electron`: the extension's smoke tests inside a desktop VS Code downloaded by
// @vscode/test-electron. For developer machines that can reach Microsoft's download servers; these
// build machines cannot (the end-to-end suite there uses code-server: `npm run test:e2e`).
// VSCODE_VERSION picks the VS Code build: `stable` (default), `insiders`, or a number such as the
// oldest that engines.vscode allows (`1.90.0`).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const version = process.env.VSCODE_VERSION || 'stable';
const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'agent-guard-electron-'));
fs.cpSync(path.join(root, 'demo'), workspace, { recursive: true });

try {
  await runTests({
    version,
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(root, 'test/electron/suite/index.cjs'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
  });
  console.log(`test:electron passed on VS Code ${version}`);
} catch (e) {
  console.error(`test:electron failed on VS Code ${version}: ${e?.message ?? e}`);
  console.error('(This runner downloads VS Code; without access to its download servers use `npm run test:e2e`.)');
  process.exitCode = 1;
} finally {
  fs.rmSync(workspace, { recursive: true, force: true });
}
