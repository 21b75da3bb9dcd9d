import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { compilePolicy, defaultPolicy } from '../../../src/engine/policy';
import { AUTO_APPROVE_DENY, activeCategories, autoApproveDenyEntries, mergeAutoApprove, unmergeAutoApprove } from '../../../src/extension/hooks/copilotAutoApprove';
import { detectAgents } from '../../../src/extension/hooks/agentDetection';

/** VS Code's `/regex/flags` key → RegExp, the way the auto-approve setting reads it. */
function regexOf(key: string): RegExp {
  const m = /^\/(.*)\/([a-z]*)$/s.exec(key);
  assert.ok(m, key);
  return new RegExp(m![1], m![2]);
}

describe('Copilot autoApprove deny layer', () => {
  it('every entry is a valid regex key that matches what it stands for and not its near miss', () => {
    const rows: Array<[string, string, string]> = [
      ['drops or empties tables', `psql "$DATABASE_URL" -c 'DROP TABLE users'`, `psql -c 'SELECT * FROM drop_shipping'`],
      ['deletes Railway volumes, environments or deployments', 'railway volume delete --volume v1', 'railway volume list'],
      ['sends a Railway GraphQL delete mutation', `curl -d '{"query":"mutation { volumeDelete(volumeId: \\"v1\\") }"}' https://backboard.railway.app/graphql/v2`, 'curl https://backboard.railway.app/graphql/v2'],
      ['rewrites or deletes remote history', 'git push --force origin main', 'git push origin main'],
      ['deletes folders recursively', 'rm -rf ~/data', 'rm notes.txt'],
      ['destroys infrastructure', 'terraform destroy -auto-approve', 'terraform plan'],
    ];
    for (const [why, hit, miss] of rows) {
      const entries = AUTO_APPROVE_DENY.filter((e) => e.why === why);
      assert.ok(entries.length > 0, why);
      assert.ok(entries.some((e) => regexOf(e.key).test(hit)), `${why}: ${hit}`);
      assert.ok(!entries.some((e) => regexOf(e.key).test(miss)), `${why}: ${miss}`);
    }
    for (const e of AUTO_APPROVE_DENY) regexOf(e.key);
  });

  it('entries follow the active rules: a disabled pack drops its entries', () => {
    const all = autoApproveDenyEntries(activeCategories(defaultPolicy()));
    assert.ok(Object.values(all).every((v) => v === false));
    const p = defaultPolicy();
    const cloudIds = [...[...p.rulesByCommand.values()].flat(), ...p.wildcardRules].filter((r) => r.category === 'cloud').map((r) => r.id);
    assert.ok(cloudIds.length > 0);
    const { policy } = compilePolicy({ disabledRules: [...new Set(cloudIds)] });
    const fewer = autoApproveDenyEntries(activeCategories(policy));
    assert.ok(Object.keys(all).some((k) => k.includes('railway')));
    assert.ok(!Object.keys(fewer).some((k) => k.includes('railway')));
  });

  it('merging keeps the person\'s entries (theirs win) and removal takes out only ours', () => {
    const mine = { '/\\bkubectl\\s+delete\\b/': true, npm: true };
    const ours = { '/\\bkubectl\\s+delete\\b/': false as const, '/\\bgit\\s+reset\\s+--hard\\b/': false as const };
    const { merged, added } = mergeAutoApprove(mine, ours);
    assert.deepEqual(merged, { '/\\bkubectl\\s+delete\\b/': true, npm: true, '/\\bgit\\s+reset\\s+--hard\\b/': false });
    assert.deepEqual(added, ['/\\bgit\\s+reset\\s+--hard\\b/']);
    assert.deepEqual(mergeAutoApprove(merged, ours).added, [], 'idempotent');
    assert.deepEqual(unmergeAutoApprove(merged, added), mine);
  });
});

describe('agent detection', () => {
  it('reports config folders, binaries on PATH and extensions', () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-home-'));
    const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-bin-'));
    fs.mkdirSync(path.join(home, '.claude'));
    fs.mkdirSync(path.join(home, '.codeium', 'windsurf'), { recursive: true });
    fs.writeFileSync(path.join(bin, 'gemini'), '#!/bin/sh\n', { mode: 0o755 });
    const found = detectAgents({ home, extensionIds: ['GitHub.copilot-chat'], env: { PATH: bin } });
    assert.deepEqual(found.claude, ['~/.claude']);
    assert.deepEqual(found.gemini, ['`gemini` on PATH']);
    assert.deepEqual(found.copilot, ['extension github.copilot-chat']);
    assert.equal(found.windsurf.length, 1);
    assert.deepEqual(found.cursor, []);
    fs.rmSync(home, { recursive: true, force: true });
    fs.rmSync(bin, { recursive: true, force: true });
  });
});
