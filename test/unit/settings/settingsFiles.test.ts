// The files around the resolver: the machine policy and the acceptance record. Bad input is reported
// and counts as absent, so it can never loosen anything.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { acceptedDigest, readAcceptances, storeAcceptance } from '../../../src/settings/acceptanceStore';
import { machinePolicyPath, readMachinePolicy } from '../../../src/settings/machinePolicy';
import { parseJsonc } from '../../../src/settings/jsonc';
import { resolveSettings } from '../../../src/settings/resolveSettings';

const tmp = (): string => fs.mkdtempSync(path.join(os.tmpdir(), 'ag-settings-'));

describe('machine policy file', () => {
  it('lives where each platform keeps machine-wide settings', () => {
    assert.strictEqual(machinePolicyPath('linux'), '/etc/agent-guard/policy.json');
    assert.strictEqual(machinePolicyPath('darwin'), '/Library/Application Support/AgentGuard/policy.json');
    assert.strictEqual(machinePolicyPath('win32', { ProgramData: 'D:\\PD' }), 'D:\\PD\\AgentGuard\\policy.json');
  });

  it('reads agentGuard.* keys (with comments) and nothing else', () => {
    const file = path.join(tmp(), 'policy.json');
    fs.writeFileSync(file, '{ // set by IT\n "agentGuard.decisions": { "critical": "deny" }, "editor.tabSize": 2, }');
    const p = readMachinePolicy(file);
    assert.strictEqual(p.problem, undefined);
    assert.deepStrictEqual(p.values, { decisions: { critical: 'deny' } });
  });

  it('a missing file is no policy, silently', () => {
    const p = readMachinePolicy(path.join(tmp(), 'none.json'));
    assert.deepStrictEqual(p, { values: {}, file: p.file });
  });

  for (const [name, text] of [
    ['not JSON', '{ "agentGuard.enabled": '],
    ['a list', '[1, 2]'],
  ] as const) {
    it(`malformed (${name}): reported and treated as absent`, () => {
      const file = path.join(tmp(), 'policy.json');
      fs.writeFileSync(file, text);
      const p = readMachinePolicy(file);
      assert.ok(p.problem);
      assert.deepStrictEqual(p.values, {});
    });
  }
});

describe('acceptance record', () => {
  it('stores owner-only, keyed by workspace and digest', () => {
    const state = path.join(tmp(), '.agent-guard');
    const file = path.join(state, 'acceptances.json');
    storeAcceptance('/work/app', { digest: 'a'.repeat(64), items: [], acceptedAt: 'now' }, file);
    if (process.platform !== 'win32') {
      assert.strictEqual(fs.statSync(file).mode & 0o777, 0o600);
      assert.strictEqual(fs.statSync(state).mode & 0o777, 0o700);
    }
    const read = readAcceptances(file);
    assert.strictEqual(acceptedDigest(read, '/work/app'), 'a'.repeat(64));
    assert.strictEqual(acceptedDigest(read, '/work/other'), undefined);
  });

  for (const [name, text] of [
    ['not JSON', '{"v":1,'],
    ['wrong version', '{"v":2,"workspaces":{}}'],
  ] as const) {
    it(`malformed (${name}): reported and treated as absent`, () => {
      const file = path.join(tmp(), 'acceptances.json');
      fs.writeFileSync(file, text, { mode: 0o600 });
      const read = readAcceptances(file);
      assert.ok(read.problem);
      assert.deepStrictEqual(read.workspaces, {});
      const r = resolveSettings({ workspace: { enabled: false } }, { trusted: true, acceptedDigest: acceptedDigest(read, '/w') });
      assert.strictEqual(r.settings.enabled, true);
    });
  }

  it('an entry with a bad digest is dropped, the others kept', () => {
    const file = path.join(tmp(), 'acceptances.json');
    fs.writeFileSync(file, JSON.stringify({ v: 1, workspaces: { '/a': { digest: 'x', items: [], acceptedAt: '' }, '/b': { digest: 'b'.repeat(64), items: [], acceptedAt: '' } } }), { mode: 0o600 });
    const read = readAcceptances(file);
    assert.strictEqual(acceptedDigest(read, '/a'), undefined);
    assert.strictEqual(acceptedDigest(read, '/b'), 'b'.repeat(64));
  });

  it('a record others can write is ignored', function () {
    if (process.platform === 'win32') this.skip();
    const file = path.join(tmp(), 'acceptances.json');
    fs.writeFileSync(file, JSON.stringify({ v: 1, workspaces: { '/b': { digest: 'b'.repeat(64), items: [], acceptedAt: '' } } }));
    fs.chmodSync(file, 0o666);
    const read = readAcceptances(file);
    assert.ok(read.problem);
    assert.strictEqual(acceptedDigest(read, '/b'), undefined);
  });
});

describe('JSONC as VS Code writes settings', () => {
  it('keeps // and , inside strings, drops comments and trailing commas', () => {
    assert.deepStrictEqual(parseJsonc('{ "a": "http://x,}", /* c */ "b": [1, 2,], // end\n }'), { a: 'http://x,}', b: [1, 2] });
  });
});
