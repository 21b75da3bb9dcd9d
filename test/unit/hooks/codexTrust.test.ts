// Recording Codex's trust in Agent Guard's hook the way its /hooks review does: the key, the digest of
// the normalized entry, and a config.toml edited without touching anything else.
import { strict as assert } from 'assert';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { codexHookHash, codexHookKey, codexTrustOf, findCodexEntry, recordCodexTrust, trustedHashIn, withTrust } from '../../../src/extension/hooks/codexTrust';
import { installHook } from '../../../src/extension/hooks/hookInstaller';
import { currentTarget } from '../../../src/extension/hooks/hookOverview';
import { isAgentGuardCommand } from '../../../src/hosts/launcher';

describe('Codex hook trust', () => {
  it('the digest is SHA-256 of the sorted compact JSON of the normalized entry (default timeout 600, async false, unset fields left out)', () => {
    const expected = 'sha256:' + createHash('sha256').update('{"event_name":"pre_tool_use","hooks":[{"async":false,"command":"echo hi","timeout":600,"type":"command"}],"matcher":"Bash"}').digest('hex');
    assert.equal(codexHookHash('Bash', { command: 'echo hi' }), expected);
    assert.equal(codexHookHash('Bash', { command: 'echo hi', timeout: 600 }), expected);
    assert.notEqual(codexHookHash('Bash', { command: 'echo hi', timeout: 5 }), expected);
    assert.equal(codexHookKey('/w/.codex/hooks.json', 2), '/w/.codex/hooks.json:pre_tool_use:2:0');
  });

  it('config.toml: appends a table, replaces an old hash in place, keeps everything else', () => {
    const base = 'model = "gpt-5"\n\n[projects."/w"]\ntrust_level = "trusted"\n';
    const one = withTrust(base, '/w/.codex/hooks.json:pre_tool_use:0:0', 'sha256:aa')!;
    assert.ok(one.startsWith(base));
    assert.match(one, /\[hooks\.state\."\/w\/\.codex\/hooks\.json:pre_tool_use:0:0"\]\ntrusted_hash = "sha256:aa"\n$/);
    assert.equal(trustedHashIn(one, '/w/.codex/hooks.json:pre_tool_use:0:0'), 'sha256:aa');
    const two = withTrust(one, '/w/.codex/hooks.json:pre_tool_use:0:0', 'sha256:bb')!;
    assert.equal(trustedHashIn(two, '/w/.codex/hooks.json:pre_tool_use:0:0'), 'sha256:bb');
    assert.equal(two.match(/hooks\.state/g)!.length, 1);
    assert.equal(withTrust('hooks.state = { }\n', 'k', 'sha256:x'), undefined, 'an inline hooks.state is left for /hooks');
    assert.equal(trustedHashIn("[hooks.state.'C:\\w\\hooks.json:pre_tool_use:0:0']\ntrusted_hash = 'sha256:cc'\n", 'C:\\w\\hooks.json:pre_tool_use:0:0'), 'sha256:cc');
  });

  it('an installed Codex hook is not trusted until recorded, then trusted; an edited entry is "modified"', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-codex-'));
    try {
      const places = { home: path.join(dir, 'home'), workspace: path.join(dir, 'ws') };
      const rt = { home: places.home, platform: 'linux' as const };
      const t = currentTarget('codex', 'workspace', places, rt);
      fs.mkdirSync(path.dirname(t.file), { recursive: true });
      fs.writeFileSync(t.file, JSON.stringify({ hooks: { PreToolUse: [{ matcher: 'Bash', hooks: [{ type: 'command', command: './mine.sh' }] }] } }));
      installHook(t, undefined, path.join(dir, 'b'));
      const entry = findCodexEntry(t.file, (c) => isAgentGuardCommand(c, 'codex'))!;
      assert.equal(entry.groupIndex, 1, 'after the person\'s own hook');
      const config = path.join(places.home, '.codex', 'config.toml');
      assert.equal(codexTrustOf(entry, config), 'not-trusted');
      recordCodexTrust(entry, config);
      assert.equal(codexTrustOf(entry, config), 'trusted');
      assert.match(fs.readFileSync(config, 'utf8'), new RegExp(`\\[hooks\\.state\\.".*hooks\\.json:pre_tool_use:1:0"\\]`));
      assert.equal(codexTrustOf({ ...entry, handler: { ...entry.handler, timeout: 1 } }, config), 'modified');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
