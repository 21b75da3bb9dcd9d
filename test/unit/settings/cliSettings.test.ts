// The CLI's side of the one resolver (src/cli/loadPolicy.ts), in process with its places handed in:
// the machine policy wins, the user layer comes only from a window's record, an untrusted window's
// workspace stays tighten-only even with an acceptance, and bad files are said once and count as absent.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { resolveSettingsForCwd } from '../../../src/cli/loadPolicy';
import { storeAcceptance } from '../../../src/settings/acceptanceStore';
import { writeDiscoveryRecord } from '../../../src/protocol/discovery';
import { PROTOCOL_VERSION } from '../../../src/protocol/protocol';
import { userSettingsFiles } from '../../../src/settings/userSettingsFiles';

function setup(workspaceSettings: Record<string, unknown>) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-cli-settings-'));
  const ws = path.join(root, 'ws');
  fs.mkdirSync(path.join(ws, '.vscode'), { recursive: true });
  fs.writeFileSync(path.join(ws, '.vscode', 'settings.json'), JSON.stringify(workspaceSettings));
  const state = path.join(root, 'home', '.agent-guard');
  const env: NodeJS.ProcessEnv = { XDG_RUNTIME_DIR: path.join(root, 'run') };
  const warnings: string[] = [];
  const places = { home: path.join(root, 'home'), state, machinePolicyFile: path.join(root, 'policy.json'), warn: (l: string) => void warnings.push(l) };
  return { root, ws, state, env, warnings, places };
}

function decisions(s: { settings: { policyInput: { decisions?: unknown } } }): Record<string, string> {
  return (s.settings.policyInput.decisions ?? {}) as Record<string, string>;
}

describe('CLI settings: the same resolver with the layers read from disk', () => {
  it('the machine policy wins over an accepted workspace loosening', () => {
    const t = setup({ 'agentGuard.decisions': { critical: 'allow' } });
    const first = resolveSettingsForCwd(t.ws, t.env, t.places);
    storeAcceptance(t.ws, { digest: first.loosening!.digest, items: [], acceptedAt: 'now' }, path.join(t.state, 'acceptances.json'));
    assert.strictEqual(decisions(resolveSettingsForCwd(t.ws, t.env, t.places)).critical, 'allow', 'accepted, no machine policy');
    fs.writeFileSync(t.places.machinePolicyFile, JSON.stringify({ 'agentGuard.decisions': { critical: 'deny' } }));
    const r = resolveSettingsForCwd(t.ws, t.env, t.places);
    assert.strictEqual(decisions(r).critical, 'deny');
    assert.deepStrictEqual(r.managed, ['agentGuard.decisions']);
  });

  it('a malformed machine policy is said once and treated as absent', () => {
    const t = setup({ 'agentGuard.decisions': { critical: 'deny' } });
    fs.writeFileSync(t.places.machinePolicyFile, '{ "agentGuard.enabled": ');
    const r = resolveSettingsForCwd(t.ws, t.env, t.places);
    assert.strictEqual(decisions(r).critical, 'deny', 'the workspace tightening still applies');
    resolveSettingsForCwd(t.ws, t.env, t.places);
    assert.strictEqual(t.warnings.filter((w) => /machine policy .* is not valid JSON/.test(w)).length, 1);
  });

  it("a window's record brings the person's user values and its trust; untrusted keeps the workspace tighten-only", () => {
    const t = setup({ 'agentGuard.decisions': { critical: 'allow' } });
    const digest = resolveSettingsForCwd(t.ws, t.env, t.places).loosening!.digest;
    storeAcceptance(t.ws, { digest, items: [], acceptedAt: 'now' }, path.join(t.state, 'acceptances.json'));
    const record = {
      v: PROTOCOL_VERSION,
      socketPath: path.join(t.root, 'sock'),
      secret: 'x'.repeat(32),
      pid: process.pid,
      workspaceFolders: [t.ws],
      createdAt: new Date().toISOString(),
      userSettings: { decisions: { high: 'deny' } },
      trusted: false,
    };
    writeDiscoveryRecord('w1', record as never, t.env);
    const r = resolveSettingsForCwd(t.ws, t.env, t.places);
    assert.strictEqual(decisions(r).high, 'deny', "the person's user value from the record");
    assert.strictEqual(decisions(r).critical, undefined, 'untrusted: the stored acceptance does not apply');
    assert.strictEqual(r.loosening?.reason, 'untrusted');
    assert.ok(t.warnings.some((w) => /does not trust this folder/.test(w)));
  });

  it("with no window, the editors' user settings count for their tightenings only", () => {
    const t = setup({});
    const userFile = userSettingsFiles(t.places.home)[0]!;
    fs.mkdirSync(path.dirname(userFile), { recursive: true });
    const mine = { id: 'user.make-nuke', command: 'make', args: ['nuke'] };
    fs.writeFileSync(userFile, JSON.stringify({ 'agentGuard.rules': [mine], 'agentGuard.decisions': { high: 'deny', critical: 'allow' }, 'agentGuard.enabled': false }));
    const r = resolveSettingsForCwd(t.ws, t.env, t.places);
    assert.deepStrictEqual(r.settings.policyInput.rules, [mine], "the person's own rule applies without a window");
    assert.strictEqual(decisions(r).high, 'deny');
    assert.strictEqual(decisions(r).critical, undefined, 'a loosening in a user file an agent could have written is not taken');
    assert.strictEqual(r.settings.enabled, true);
  });

  it('with no window, a .code-workspace next to the folder counts for its tightenings only', () => {
    const t = setup({});
    fs.writeFileSync(path.join(t.ws, 'app.code-workspace'), JSON.stringify({ folders: [{ path: '.' }], settings: { 'agentGuard.decisions': { critical: 'deny', high: 'allow' } } }));
    const r = resolveSettingsForCwd(t.ws, t.env, t.places);
    assert.strictEqual(decisions(r).critical, 'deny');
    assert.strictEqual(decisions(r).high, undefined);
  });

  it('a workspace settings file that cannot be read loses only its tightenings', () => {
    const t = setup({});
    fs.rmSync(path.join(t.ws, '.vscode', 'settings.json'));
    fs.mkdirSync(path.join(t.ws, '.vscode', 'settings.json'));
    const r = resolveSettingsForCwd(t.ws, t.env, t.places);
    assert.strictEqual(r.loosening, undefined);
    assert.ok(t.warnings.some((w) => /could not read the workspace settings/.test(w)));
  });
});
