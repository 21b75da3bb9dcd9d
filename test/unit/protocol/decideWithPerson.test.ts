import * as assert from 'assert';
import { decideWithPerson } from '../../../src/cli/decideWithPerson';
import { runAsk } from '../../../src/cli/askCommand';
import { compilePolicy, defaultPolicy } from '../../../src/engine/policy';
import type { AskExtensionRequest, AskResult } from '../../../src/protocol/askClient';

function spyAsk(result: AskResult | Error) {
  const calls: AskExtensionRequest[] = [];
  const ask = async (req: AskExtensionRequest): Promise<AskResult> => {
    calls.push(req);
    if (result instanceof Error) throw result;
    return result;
  };
  return { ask, calls };
}

const cwd = '/work/app';
const DROP = { kind: 'shell' as const, command: "railway volume delete pg-data --environment production" };

describe('decideWithPerson (CLI decision path)', () => {
  it('allow → runs without contacting anything', async () => {
    const { ask, calls } = spyAsk(new Error('must not be called'));
    const r = await decideWithPerson({ kind: 'shell', command: 'ls -la' }, { door: 'cli' }, { cwd, policy: defaultPolicy(), ask, env: {} });
    assert.deepStrictEqual([r.decision, r.by, calls.length], ['allow', 'policy', 0]);
  });

  it('deny by policy → blocks without asking, with a message for the agent', async () => {
    const { ask, calls } = spyAsk(new Error('must not be called'));
    const policy = compilePolicy({ decisions: { critical: 'deny' } }).policy;
    const r = await decideWithPerson(DROP, { door: 'hook', agent: 'Claude Code' }, { cwd, policy, ask, env: {} });
    assert.deepStrictEqual([r.decision, r.by, calls.length], ['block', 'policy', 0]);
    assert.match(r.message, /PRODUCTION/);
    assert.match(r.message, /ask the person/);
  });

  it('confirm → asks the window and returns the person’s answer', async () => {
    const { ask, calls } = spyAsk({ ok: true, answer: { v: 1, id: 'x', type: 'answer', decision: 'block', by: 'person', message: 'The person stopped this command' } });
    const r = await decideWithPerson(DROP, { door: 'hook', agent: 'Cursor' }, { cwd, policy: defaultPolicy(), ask, env: {} });
    assert.strictEqual(calls.length, 1);
    assert.strictEqual(calls[0]!.verdict.decision, 'confirm');
    assert.strictEqual(calls[0]!.origin.cwd, cwd);
    assert.deepStrictEqual([r.decision, r.by, r.message], ['block', 'person', 'The person stopped this command']);
  });

  it('VS Code unreachable (or the client throws) → blocked, telling the agent to stop and ask', async () => {
    for (const res of [{ ok: false as const, reason: 'no VS Code window with Agent Guard is open on /work/app' }, new Error('socket exploded')]) {
      const { ask } = spyAsk(res);
      const r = await decideWithPerson(DROP, { door: 'cli' }, { cwd, policy: defaultPolicy(), ask, env: {} });
      assert.deepStrictEqual([r.decision, r.by], ['block', 'unreachable']);
      assert.match(r.message, /Stop and ask the person/);
    }
  });

  it('agent-guard ask: exit 0 when the person allows, 20 when blocked; --json prints the outcome', async () => {
    const out: string[] = [];
    const io = { stdout: (t: string) => void out.push(t), stderr: () => undefined };
    const allow = spyAsk({ ok: true, answer: { v: 1, id: 'x', type: 'answer', decision: 'allow', by: 'person', message: 'allowed once' } });
    const args = { json: true, batch: false, cwd, command: DROP.command };
    assert.strictEqual(await runAsk(args, defaultPolicy(), io, { ask: allow.ask, env: {} }), 0);
    assert.strictEqual(JSON.parse(out[0]!).by, 'person');
    const block = spyAsk({ ok: false, reason: 'nobody' });
    assert.strictEqual(await runAsk(args, defaultPolicy(), io, { ask: block.ask, env: {} }), 20);
    await assert.rejects(runAsk({ ...args, command: undefined }, defaultPolicy(), io), /needs a command/);
    await assert.rejects(runAsk({ ...args, door: 'approve' }, defaultPolicy(), io), /--door/);
  });
});
