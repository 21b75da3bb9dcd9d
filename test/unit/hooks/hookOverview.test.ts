import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { installHook } from '../../../src/extension/hooks/hookInstaller';
import { agentRows, claudeVersionWarning, currentTarget, findRecord, setupPlan, statusRows } from '../../../src/extension/hooks/hookOverview';
import type { TargetPlaces } from '../../../src/extension/hooks/hookTargets';
import type { InstallRecord } from '../../../src/extension/hooks/installRecord';
import { hookTarget } from '../../../src/extension/hooks/hookTargets';
import { HOST_IDS } from '../../../src/hosts/hostTypes';
import type { HostId, Scope } from '../../../src/hosts/hostTypes';

const RT = { home: '/home/dev', platform: 'linux' as const };
const NONE_FOUND = Object.fromEntries(HOST_IDS.map((h) => [h, []])) as unknown as Record<HostId, string[]>;

describe('hook overview (status rows, agent rows and set-up plan)', () => {
  let dir: string;
  let places: TargetPlaces;
  let backups: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-ov-'));
    places = { home: path.join(dir, 'home'), workspace: path.join(dir, 'ws') };
    backups = path.join(dir, 'b');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  function install(host: HostId, scope: Scope): InstallRecord {
    return installHook(currentTarget(host, scope, places, RT), undefined, backups).record;
  }

  it('lists every host at each level it has; a fresh machine is not installed anywhere', () => {
    const rows = statusRows(places, RT, []);
    assert.equal(rows.length, 15, 'Claude has a personal file too');
    assert.ok(rows.every((r) => r.status.state === 'not-installed'));
    assert.equal(statusRows({ home: places.home }, RT, []).length, 7, 'no workspace: user level only');
  });

  it('one row per agent: agent not found, not installed (found), installed, out of date', () => {
    const rec = install('cursor', 'workspace');
    // An entry from before the launcher, naming an extension folder.
    installHook(hookTarget('gemini', 'user', places, '"/usr/bin/node" "/ext/agent-guard-0.1.0/dist/cli.js" hook gemini'), undefined, backups);
    const rows = statusRows(places, RT, [rec]);
    const agents = agentRows(rows, { found: { ...NONE_FOUND, claude: ['~/.claude'] } });
    assert.equal(agents.length, HOST_IDS.length);
    const by = (h: HostId) => agents.find((a) => a.host === h)!;
    assert.equal(by('claude').text, 'Claude Code — not installed');
    assert.equal(by('cursor').text, 'Cursor — hook installed');
    assert.deepEqual(by('cursor').files, [rec.file]);
    assert.equal(by('gemini').text, 'Gemini CLI — out of date');
    assert.equal(by('windsurf').text, 'Windsurf — agent not found');
  });

  it('a Codex hook that Codex does not trust is "installed, not trusted by Codex"', () => {
    install('codex', 'workspace');
    const rows = statusRows(places, RT, []);
    assert.equal(agentRows(rows, { found: NONE_FOUND, codexTrusted: () => false }).find((a) => a.host === 'codex')!.text, 'Codex CLI — installed, not trusted by Codex');
    assert.equal(agentRows(rows, { found: NONE_FOUND, codexTrusted: () => true }).find((a) => a.host === 'codex')!.text, 'Codex CLI — hook installed');
  });

  it('an old Claude Code is warned about on its row', () => {
    assert.match(claudeVersionWarning('2.1.197 (Claude Code)')!, /older than 2\.1\.295.*lets the call run/);
    assert.equal(claudeVersionWarning('2.1.332 (Claude Code)'), undefined);
    const rows = statusRows(places, RT, []);
    const claude = agentRows(rows, { found: { ...NONE_FOUND, claude: ['`claude` on PATH'] }, warnings: { claude: [claudeVersionWarning('2.1.197')!] } }).find((a) => a.host === 'claude')!;
    assert.match(claude.detail, /older than 2\.1\.295/);
  });

  it('Copilot counts as protected through the Claude Code hook file at the same level (personal counts for the workspace)', () => {
    const rec = install('claude', 'personal');
    const rows = statusRows(places, RT, [rec]);
    const copilot = rows.find((r) => r.host === 'copilot' && r.scope === 'workspace')!;
    assert.equal(copilot.status.state, 'protected');
    assert.match(copilot.status.detail, /through the Claude Code hook/);
    assert.equal(rows.find((r) => r.host === 'copilot' && r.scope === 'user')!.status.state, 'not-installed');
    const agent = agentRows(rows, { found: NONE_FOUND }).find((a) => a.host === 'copilot')!;
    assert.deepEqual([agent.state, agent.files], ['installed', []], 'Remove on the Copilot row never takes out Claude Code\'s hook');
  });

  it('set-up: recommended scopes are Claude\'s personal file, user level for Gemini and Copilot, the workspace for the rest', () => {
    const plan = setupPlan(['claude', 'gemini', 'copilot', 'cursor', 'codex'], 'recommended', places, []);
    assert.deepEqual(plan.write, [
      { host: 'claude', scope: 'personal' },
      { host: 'gemini', scope: 'user' },
      { host: 'copilot', scope: 'user' },
      { host: 'cursor', scope: 'workspace' },
      { host: 'codex', scope: 'workspace' },
    ]);
    assert.equal(plan.copilotScope, 'user');
    assert.deepEqual(setupPlan(['claude', 'cursor'], 'recommended', { home: places.home }, []).write.map((w) => w.scope), ['user', 'user'], 'no folder open: user level');
  });

  it('set-up writes no Copilot file where the Claude Code hook is or will be at the same level', () => {
    assert.deepEqual(setupPlan(['claude', 'copilot', 'cursor'], 'workspace', places, []).write.map((w) => w.host), ['claude', 'cursor']);
    assert.deepEqual(setupPlan(['copilot'], 'workspace', places, []).write.map((w) => w.host), ['copilot']);
    const rec = install('claude', 'user');
    assert.deepEqual(setupPlan(['copilot'], 'user', places, [rec]), { write: [], viaClaude: true, copilotScope: 'user' });
    assert.deepEqual(setupPlan(['copilot'], 'workspace', places, [rec]).write.map((w) => w.host), ['copilot']);
  });

  it('a workspace record of another folder is not this workspace\'s', () => {
    const other = { ...places, workspace: path.join(dir, 'other') };
    const rec = installHook(currentTarget('cursor', 'workspace', other, RT), undefined, backups).record;
    assert.equal(findRecord([rec], 'cursor', 'workspace', places), undefined);
    assert.equal(findRecord([rec], 'cursor', 'workspace', other), rec);
    const row = statusRows(places, RT, [rec]).find((r) => r.host === 'cursor' && r.scope === 'workspace')!;
    assert.deepEqual([row.status.state, row.record], ['not-installed', undefined]);
  });
});
