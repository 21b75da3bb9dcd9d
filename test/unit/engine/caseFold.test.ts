// macOS and Windows file systems ignore case: `RM -rf ~` runs rm there. The terminal prefilter is
// case-sensitive (a request to its owner), so these lines live here rather than in the corpus.
import * as assert from 'assert';
import { evaluate } from '../../../src/engine/evaluate';
import { defaultPolicy } from '../../../src/engine/policy';

const decide = (command: string): string => evaluate({ kind: 'shell', command }, defaultPolicy(), { cwd: '/work/project' }).decision;

describe('command names in another case', () => {
  for (const line of ['RM -rf ~', 'Rm -rf ~/projects', '/BIN/RM -rf ~', 'GIT push --force origin main', 'SUDO RM -rf /srv', "BASH -c 'rm -rf ~'"]) {
    it(`asks for ${line}`, () => assert.notStrictEqual(decide(line), 'allow'));
  }
  for (const line of ['LS -la', "R -e 'print(1)'", 'GIT status', 'Remove-Item notes.txt']) {
    it(`runs ${line}`, () => assert.strictEqual(decide(line), 'allow'));
  }
  it('keeps the rules of a name known as written (Remove-Item, not remove-item only)', () => {
    assert.notStrictEqual(decide('Remove-Item -Recurse -Force C:\\data'), 'allow');
  });
});
