// Every word an agent reads about a finding or a failure comes from `outcome/agentWords.ts`: each
// kind of finding (command, tool call, text too long, an edit of the guard's own files, an edit whose
// file cannot be placed) gets advice that names what was stopped and tells the agent to ask the person.
import { strict as assert } from 'assert';
import { LAUNCHER_FAILURE_REASON, UNKNOWN_EDIT_FILE_RULE, agentMessageForFinding, failureMessage } from '../../../src/outcome/agentWords';
import { TOO_LONG_RULE } from '../../../src/engine/inputBounds';

const rows: ReadonlyArray<[rule: string, summary: string, expected: RegExp]> = [
  ['sql.drop', 'drops table `users`', /^Agent Guard stopped this command: it drops table users \(rule sql\.drop\)\..*another credential.*ask the person/],
  ['tool.destructive-name', 'calls `neon delete_project`', /^Agent Guard stopped this tool call: it calls neon delete_project \(rule tool\.destructive-name\)\..*Stop and ask the person/],
  [TOO_LONG_RULE, 'is too long to read', /^Agent Guard stopped this: it is too long to read .*Do not split it up/],
  ['guard.edit-guard-file', 'writes `.claude/settings.json`', /^Agent Guard blocked this edit: .*Only the person can change/],
  [UNKNOWN_EDIT_FILE_RULE, 'edits a file the tool call does not name', /^Agent Guard could not tell which file this edit changes.*ask the person/],
];

describe('agent words', () => {
  for (const [rule, summary, expected] of rows) {
    it(`${rule}: ${summary}`, () => assert.match(agentMessageForFinding({ rule, summary }), expected));
  }

  it('a failure to judge blocks and says why', () => {
    const m = failureMessage(LAUNCHER_FAILURE_REASON);
    assert.match(m, /could not check this action \(its checker could not run/);
    assert.match(m, /stop and ask the person/);
  });
});
