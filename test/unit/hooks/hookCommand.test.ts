import { strict as assert } from 'assert';
import { PassThrough } from 'stream';
import { answerHook } from '../../../src/cli/hooks/answerHook';
import { readStdinBounded } from '../../../src/cli/hooks/readStdin';
import type { HookDeps } from '../../../src/cli/hooks/answerHook';
import type { AskResult } from '../../../src/protocol/askClient';
import { fixtureText } from './fixtures';
import { scriptedDeps } from './scriptedDeps';

const deps = scriptedDeps;

const blocked = (): AskResult => ({ ok: true, answer: { v: 1, id: 'x', type: 'answer', decision: 'block', by: 'person', message: 'No. Stop and ask the person.' } });

describe('answerHook (in process, real engine)', () => {
  it('asks once for a destructive call and answers the person\'s block in the host format', async () => {
    const d = deps(blocked);
    const a = await answerHook('claude', fixtureText('claude-bash-railway-volume-delete.json'), d);
    assert.equal(d.asked.length, 1);
    assert.equal(d.asked[0].origin.agent, 'Claude Code');
    assert.equal(a.exitCode, 2);
    assert.match(a.stdout, /"permissionDecision":"deny","permissionDecisionReason":"No. Stop and ask the person."/);
  });

  it('never asks for a benign call', async () => {
    const d = deps(blocked);
    const a = await answerHook('copilot', fixtureText('copilot-runTerminalCommand-benign.json'), d);
    assert.deepEqual([a, d.asked.length], [{ stdout: '', stderr: '', exitCode: 0 }, 0]);
  });

  it('an unreachable window is a deny telling the agent to stop and ask', async () => {
    const d = deps(() => ({ ok: false, reason: 'no VS Code window with Agent Guard is open on /home/dev/shop' }));
    const a = await answerHook('cursor', fixtureText('cursor-before-shell-railway-graphql.json'), d);
    assert.equal(a.exitCode, 2);
    assert.match(JSON.parse(a.stdout).agent_message, /could not be asked.*Stop and ask the person/s);
  });

  it('an internal error (policy cannot load, decision throws) is a deny, never a crash', async () => {
    const broken: HookDeps = { cwd: '/x', decide: () => { throw new Error('settings exploded'); } };
    const a = await answerHook('gemini', fixtureText('gemini-before-tool-railway.json'), broken);
    assert.equal(JSON.parse(a.stdout).decision, 'deny');
    assert.match(JSON.parse(a.stdout).reason, /internal error: settings exploded.*stop and ask the person/);
    const throwing: HookDeps = { cwd: '/x', decide: () => Promise.reject(new Error('boom')) };
    const b = await answerHook('cline', fixtureText('cline-execute-command-railway-graphql.json'), throwing);
    assert.deepEqual([b.exitCode, JSON.parse(b.stdout).cancel], [0, true]);
  });

  it('events that run nothing pass without loading a policy', async () => {
    const d: HookDeps = { cwd: '/x', decide: () => Promise.reject(new Error('must not decide')) };
    const a = await answerHook('claude', JSON.stringify({ hook_event_name: 'PostToolUse', tool_name: 'Bash', tool_input: { command: 'ls' } }), d);
    assert.deepEqual(a, { stdout: '', stderr: '', exitCode: 0 });
  });
});

describe('readStdinBounded', () => {
  it('reads the whole payload', async () => {
    const s = new PassThrough();
    const p = readStdinBounded(s, 100, 1000);
    s.end('{"a":1}');
    assert.equal(await p, '{"a":1}');
  });
  it('refuses a payload over the bound', async () => {
    const s = new PassThrough();
    const p = readStdinBounded(s, 10, 1000);
    s.write('x'.repeat(11));
    await assert.rejects(p, /larger than 10 bytes/);
  });
  it('gives up on a stdin that never ends', async () => {
    const s = new PassThrough();
    s.write('{');
    await assert.rejects(readStdinBounded(s, 10, 50), /did not arrive/);
  });
});
