import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { installHook } from '../../../src/extension/hooks/hookInstaller';
import { currentTarget, findRecord, setupPlan, statusRows } from '../../../src/extension/hooks/hookOverview';
import type { TargetPlaces } from '../../../src/extension/hooks/hookTargets';
import type { InstallRecord } from '../../../src/extension/hooks/installRecord';

const RT = { cliPath: '/ext/agent-guard-0.1.0/dist/cli.js', nodePath: process.execPath, execPath: '/usr/share/code/code', platform: 'linux' as const };

describe('hook overview (status rows and set-up plan)', () => {
  let dir: string;
  let places: TargetPlaces;
  let backups: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-ov-'));
    places = { home: path.join(dir, 'home'), workspace: path.join(dir, 'ws') };
    backups = path.join(dir, 'b');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  function install(host: 'claude' | 'cursor' | 'copilot', scope: 'user' | 'workspace', records: InstallRecord[] = []): InstallRecord {
    return installHook(currentTarget(host, scope, places, RT, findRecord(records, host, scope, places)), undefined, backups).record;
  }

  it('lists every host at both levels; a fresh machine is not installed anywhere', () => {
    const rows = statusRows(places, RT, []);
    assert.equal(rows.length, 14);
    assert.ok(rows.every((r) => r.status.state === 'not-installed'));
    assert.equal(statusRows({ home: places.home }, RT, []).length, 7, 'no workspace: user level only');
  });

  it('Copilot counts as protected through the Claude Code hook file at the same level', () => {
    const rec = install('claude', 'workspace');
    const rows = statusRows(places, RT, [rec]);
    const copilot = rows.find((r) => r.host === 'copilot' && r.scope === 'workspace')!;
    assert.equal(copilot.status.state, 'protected');
    assert.match(copilot.status.detail, /through the Claude Code hook/);
    assert.equal(rows.find((r) => r.host === 'copilot' && r.scope === 'user')!.status.state, 'not-installed');
  });

  it('set-up writes no Copilot file where the Claude Code hook is or will be', () => {
    assert.deepEqual(setupPlan(['claude', 'copilot', 'cursor'], 'workspace', places, []), { write: ['claude', 'cursor'], viaClaude: true });
    assert.deepEqual(setupPlan(['copilot'], 'workspace', places, []), { write: ['copilot'], viaClaude: false });
    const rec = install('claude', 'user');
    assert.deepEqual(setupPlan(['copilot'], 'user', places, [rec]), { write: [], viaClaude: true });
    assert.deepEqual(setupPlan(['copilot'], 'workspace', places, [rec]), { write: ['copilot'], viaClaude: false });
  });

  it('a workspace record of another folder is not this workspace\'s', () => {
    const other = { ...places, workspace: path.join(dir, 'other') };
    const rec = installHook(currentTarget('cursor', 'workspace', other, RT, undefined), undefined, backups).record;
    assert.equal(findRecord([rec], 'cursor', 'workspace', places), undefined);
    assert.equal(findRecord([rec], 'cursor', 'workspace', other), rec);
    const row = statusRows(places, RT, [rec]).find((r) => r.host === 'cursor' && r.scope === 'workspace')!;
    assert.deepEqual([row.status.state, row.record], ['not-installed', undefined]);
  });

  it('a hook recorded with Node stays protected in a window that has no node on PATH', () => {
    const rec = install('cursor', 'user');
    const noNode = { ...RT, nodePath: undefined };
    const row = statusRows(places, noNode, [rec]).find((r) => r.host === 'cursor' && r.scope === 'user')!;
    assert.equal(row.status.state, 'protected');
    const moved = { ...RT, cliPath: '/ext/agent-guard-0.2.0/dist/cli.js' };
    const stale = statusRows(places, moved, [rec]).find((r) => r.host === 'cursor' && r.scope === 'user')!;
    assert.deepEqual([stale.status.state, stale.status.tampered], ['out-of-date', false]);
  });
});
