// Smoke tests in a desktop VS Code: the extension activates, registers its fixed command ids and its
// settings, and the engine behind "Check a Command…" is reachable. The modal, terminal and hook paths
// are covered end to end by `npm run test:e2e` (code-server + Chromium).
const assert = require('node:assert/strict');
const vscode = require('vscode');

const EXTENSION_ID = 'agent-guard.agent-guard';
const COMMANDS = [
  'agentGuard.showLog', 'agentGuard.checkCommand', 'agentGuard.enable', 'agentGuard.disable',
  'agentGuard.setupHooks', 'agentGuard.removeHooks',
];

describe('Agent Guard in VS Code (test-electron)', () => {
  it('activates', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is installed from the development path`);
    await ext.activate();
    assert.equal(ext.isActive, true);
  });

  it('registers the fixed command ids', async () => {
    const all = await vscode.commands.getCommands(true);
    for (const id of COMMANDS) assert.ok(all.includes(id), `command ${id} is registered`);
  });

  it('contributes its settings with their defaults', () => {
    const cfg = vscode.workspace.getConfiguration('agentGuard');
    assert.equal(cfg.get('enabled'), true);
    assert.ok(Array.isArray(cfg.get('rules')));
  });

  it('reads the demo workspace mapping of 127.0.0.1 to production', () => {
    const envs = vscode.workspace.getConfiguration('agentGuard').get('environments');
    assert.ok(envs.some((e) => e.pattern === '127.0.0.1' && e.name === 'production'));
  });

  it('opens the log view', async () => {
    await vscode.commands.executeCommand('agentGuard.showLog');
  });
});
