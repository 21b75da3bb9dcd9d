import * as assert from 'assert';
import { locateSetting, settingPathSegments } from '../../../src/extension/settings/settingLocation';

const SETTINGS = `{
  // the demo's mappings
  "agentGuard.environments": [{ "pattern": "127.0.0.1", "name": "production", "production": true }],
  "agentGuard.rules": [
    { "id": "user.make-nuke", "command": "make", "args": ["nuke"] },
    { "id": "user.broken-regex", "command": "psql", "args": ["/([unclosed/"] },
  ],
  "agentGuard.log.maxEntries": 3,
}
`;

describe('where a bad setting stands in settings.json', () => {
  it('splits the resolver\'s path into the flat key and the steps inside it', () => {
    assert.deepStrictEqual(settingPathSegments('agentGuard.rules[1].args[0]'), ['agentGuard.rules', 1, 'args', 0]);
    assert.deepStrictEqual(settingPathSegments('agentGuard.rules[2].pattern'), ['agentGuard.rules', 2, 'pattern']);
  });

  it('finds the bad value on its line, with comments and trailing commas', () => {
    assert.deepStrictEqual(locateSetting(SETTINGS, 'agentGuard.rules[1].args[0]'), { startLine: 5, startCharacter: 61, endLine: 5, endCharacter: 75 });
    assert.strictEqual(locateSetting(SETTINGS, 'agentGuard.rules[1]')!.startLine, 5);
    assert.strictEqual(locateSetting(SETTINGS, 'agentGuard.log.maxEntries')!.startLine, 7);
  });

  it('falls back to the nearest existing node, and says nothing for a setting not in the file', () => {
    assert.strictEqual(locateSetting(SETTINGS, 'agentGuard.rules[1].pattern')!.startLine, 5, 'the entry, when its field is absent');
    assert.strictEqual(locateSetting(SETTINGS, 'agentGuard.decisions'), undefined);
    assert.strictEqual(locateSetting('not json at all', 'agentGuard.rules'), undefined);
  });
});
