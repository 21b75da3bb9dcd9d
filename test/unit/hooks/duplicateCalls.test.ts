// Copilot runs its own hook file and the Claude Code one for the same call: the second invocation gives
// the first one's answer instead of asking the person again.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { answerOncePerCall, callKey } from '../../../src/cli/hooks/duplicateCalls';
import type { HookAnswer } from '../../../src/hosts/hostTypes';

const DENY: HookAnswer = { stdout: '{"permissionDecision":"deny"}\n', stderr: '', exitCode: 0 };

describe('one answer per Copilot tool call', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-dup-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('keys Copilot calls only: VS Code by tool_use_id, the CLI by timestamp, tool, arguments and cwd', () => {
    const cli = { timestamp: 1764666000123, cwd: '/w', toolName: 'bash', toolArgs: '{"command":"rm -rf x"}' };
    assert.ok(callKey(cli));
    assert.equal(callKey(cli), callKey({ ...cli }));
    assert.notEqual(callKey(cli), callKey({ ...cli, timestamp: 1764666000124 }), 'the same command a moment later is another call');
    const vscode = { hookEventName: 'PreToolUse', sessionId: 's', tool_use_id: 'call_1', tool_name: 'run_in_terminal', tool_input: {} };
    assert.ok(callKey(vscode));
    assert.notEqual(callKey(vscode), callKey({ ...vscode, tool_use_id: 'call_2' }));
    assert.equal(callKey({ hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: {} }), undefined, 'Claude Code: no key');
  });

  it('two invocations at once: the person is asked once and both give that answer', async () => {
    let asked = 0;
    const compute = async (): Promise<HookAnswer> => {
      asked++;
      await new Promise((r) => setTimeout(r, 200));
      return DENY;
    };
    const [a, b] = await Promise.all([answerOncePerCall('k1', dir, 5000, compute), answerOncePerCall('k1', dir, 5000, compute)]);
    assert.deepEqual([a, b, asked], [DENY, DENY, 1]);
  });

  it('one after the other (hooks run in turn): the second reuses the first answer', async () => {
    let asked = 0;
    const compute = async (): Promise<HookAnswer> => (asked++, DENY);
    await answerOncePerCall('k2', dir, 5000, compute);
    assert.deepEqual([await answerOncePerCall('k2', dir, 5000, compute), asked], [DENY, 1]);
  });

  it('a first invocation that died without answering does not hold the second: it answers on its own', async () => {
    fs.writeFileSync(path.join(dir, 'k3.claim'), '999999999');
    let asked = 0;
    const a = await answerOncePerCall('k3', dir, 5000, async () => (asked++, DENY));
    assert.deepEqual([a, asked], [DENY, 1]);
  });
});
