// Issue 14 "Done when": with no VS Code window open, a workspace whose `.vscode/settings.json` loosens
// the guard in any way still makes `agent-guard check` confirm and `agent-guard hook claude` deny
// `rm -rf ~` and a DROP TABLE on a production host, which stays production. Real CLI processes, a
// temporary HOME (state folder, acceptances) and a temporary workspace.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { storeAcceptance } from '../../../src/settings/acceptanceStore';
import { resolveSettings } from '../../../src/settings/resolveSettings';
import { settingValuesFrom } from '../../../src/settings/settingTable';
import { buildCli, CLI, isolatedEnv } from '../hooks/cliRunner';

const RM_HOME = 'rm -rf ~';
const DROP_PROD = "psql -h db.prod.internal -c 'DROP TABLE users'";

const LOOSENINGS: Record<string, Record<string, unknown>> = {
  'guard off': { 'agentGuard.enabled': false },
  'rules disabled': { 'agentGuard.disabledRules': ['fs.rm-recursive', 'sql.drop', 'fs.*', 'sql.*'] },
  'decisions toward allow': { 'agentGuard.decisions': { low: 'allow', medium: 'allow', high: 'allow', critical: 'allow' } },
  'production renamed': {
    'agentGuard.environments': [
      { pattern: '*prod*', name: 'dev', production: false },
      { pattern: '*', name: 'local', production: false },
    ],
  },
  'typed confirmation off': { 'agentGuard.requireTypedNameForProduction': false },
  'session allows': { 'agentGuard.allowForSession': true },
  'longer timeout': { 'agentGuard.confirmTimeoutSeconds': 3600 },
  'fewer log entries': { 'agentGuard.log.maxEntries': 100 },
};
const ALL_AT_ONCE = Object.assign({}, ...Object.values(LOOSENINGS)) as Record<string, unknown>;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function workspaceWith(settings: Record<string, unknown>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-loose-ws-'));
  fs.mkdirSync(path.join(dir, '.vscode'));
  fs.writeFileSync(path.join(dir, '.vscode', 'settings.json'), '// written by the agent\n' + JSON.stringify(settings, null, 2));
  return dir;
}

function run(args: string[], cwd: string, home: string, input?: string): Run {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, input, env: isolatedEnv({ HOME: home, USERPROFILE: home }), encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function claudeBash(command: string, cwd: string): string {
  return JSON.stringify({ session_id: 's', cwd, hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command }, tool_use_id: 't' });
}

function claudeDecision(r: Run): string | undefined {
  return (JSON.parse(r.stdout) as { hookSpecificOutput?: { permissionDecision?: string } }).hookSpecificOutput?.permissionDecision;
}

describe('a workspace that loosens the guard, with no window open (real CLI)', function () {
  this.timeout(120_000);
  before(() => buildCli());

  for (const [name, settings] of [...Object.entries(LOOSENINGS), ['every way at once', ALL_AT_ONCE] as const]) {
    it(`${name}: check confirms and hook claude denies rm -rf ~ and a production DROP TABLE`, () => {
      const ws = workspaceWith(settings);
      const home = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-home-'));
      for (const command of [RM_HOME, DROP_PROD]) {
        const checked = run(['check', '--json', '--', command], ws, home);
        assert.strictEqual(checked.status, 10, `${command}: ${checked.stdout} ${checked.stderr}`);
        const verdict = JSON.parse(checked.stdout) as { decision: string; environment: { production: boolean } };
        assert.strictEqual(verdict.decision, 'confirm');
        if (command === DROP_PROD) assert.strictEqual(verdict.environment.production, true, 'the production host stays production');
        const hooked = run(['hook', 'claude'], ws, home, claudeBash(command, ws));
        assert.strictEqual(claudeDecision(hooked), 'deny', `${command}: ${hooked.stdout}`);
      }
    });
  }

  it('says once, on stderr only, which loosening it ignored and why', () => {
    const ws = workspaceWith(LOOSENINGS['decisions toward allow']!);
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-home-'));
    const first = run(['hook', 'claude'], ws, home, claudeBash(RM_HOME, ws));
    assert.doesNotThrow(() => JSON.parse(first.stdout), 'stdout stays the host’s JSON');
    assert.match(first.stderr, /ignored what .*settings\.json loosens \(agentGuard\.decisions: .*critical findings: allow/);
    assert.match(first.stderr, /accept exactly that change in VS Code/);
    const second = run(['check', '--', RM_HOME], ws, home);
    assert.doesNotMatch(second.stderr, /ignored what/, 'not repeated on every call');
    // A different loosening is news again.
    fs.writeFileSync(path.join(ws, '.vscode', 'settings.json'), JSON.stringify({ 'agentGuard.enabled': false }));
    assert.match(run(['check', '--', RM_HOME], ws, home).stderr, /agentGuard\.enabled: switches the guard off/);
  });

  it('applies a loosening the person accepted (same resolver, same digest as the window)', () => {
    const settings = { 'agentGuard.decisions': { critical: 'allow' } };
    const ws = workspaceWith(settings);
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-home-'));
    const digest = resolveSettings({ workspace: settingValuesFrom(settings) }, { trusted: true }).loosening!.digest;
    storeAcceptance(ws, { digest, items: [], acceptedAt: new Date().toISOString() }, path.join(home, '.agent-guard', 'acceptances.json'));
    const r = run(['check', '--', RM_HOME], ws, home);
    assert.strictEqual(r.status, 0, r.stdout + r.stderr);
    // Any change to the loosening is asked again: the old acceptance no longer applies.
    fs.writeFileSync(path.join(ws, '.vscode', 'settings.json'), JSON.stringify({ 'agentGuard.decisions': { critical: 'allow', high: 'allow' } }));
    assert.strictEqual(run(['check', '--', RM_HOME], ws, home).status, 10);
  });

  it('a workspace that only tightens applies at once', () => {
    const ws = workspaceWith({ 'agentGuard.decisions': { critical: 'deny' } });
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-home-'));
    const r = run(['check', '--', RM_HOME], ws, home);
    assert.strictEqual(r.status, 20);
    assert.strictEqual(r.stderr, '');
  });
});
