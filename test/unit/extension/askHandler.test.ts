import * as assert from 'assert';
import { createAskHandler, mergeVerdicts } from '../../../src/extension/askHandler';
import type { ConfirmOutcome } from '../../../src/extension/confirm/confirmTypes';
import type { LogEntry } from '../../../src/log/logEntry';
import type { Verdict } from '../../../src/engine/types';
import type { AskRequest } from '../../../src/protocol/protocol';

const finding = (rule: string) => ({ rule, category: 'sql', severity: 'high' as const, summary: `summary of ${rule}`, agentMessage: 'ask', source: 'builtin' as const });
const unknownEnv = { name: 'unknown', production: false, source: 'unknown' };
const prodEnv = { name: 'production', production: true, source: 'from `RAILWAY_ENVIRONMENT=production`' };
const v = (decision: Verdict['decision'], rules: string[], environment = unknownEnv): Verdict => ({ decision, findings: rules.map(finding), environment });

function request(claimed: Verdict, command = 'RAILWAY_TOKEN=abcdef123456 railway volume delete pg'): AskRequest {
  return { v: 1, id: 'r1', type: 'ask', secret: 's', action: { kind: 'shell', command }, verdict: claimed, origin: { door: 'hook', agent: 'Claude Code', cwd: '/w' } };
}

function setup(own: Verdict, opts: { enabled?: boolean; answer?: ConfirmOutcome } = {}) {
  const asked: Verdict[] = [];
  const logged: LogEntry[] = [];
  const handler = createAskHandler({
    evaluate: () => own,
    enabled: () => opts.enabled ?? true,
    confirm: async (_a, verdict) => {
      asked.push(verdict);
      return opts.answer ?? { decision: 'block', by: 'person', message: 'stopped' };
    },
    append: async (e) => {
      logged.push(e);
    },
    mask: (t) => t.replace(/abcdef\d+/g, 'abcd****'),
    reportError: () => undefined,
  });
  return { handler, asked, logged };
}

describe('ask handler (window side of the socket)', () => {
  it('a request claiming "allow" is still put to the person when the window says confirm', async () => {
    const { handler, asked, logged } = setup(v('confirm', ['cloud.railway-volume-delete']));
    const out = await handler(request(v('allow', [])), new AbortController().signal);
    assert.strictEqual(asked.length, 1);
    assert.deepStrictEqual([out.decision, out.by], ['block', 'person']);
    assert.strictEqual(logged.length, 1);
    assert.match(logged[0]!.command, /^RAILWAY_TOKEN=abcd\S*[…*]\S* railway volume delete pg$/, 'secrets are masked in the log');
    assert.ok(!/abcdef\d/.test(logged[0]!.command), 'no secret in the log');
  });

  it('the window’s deny blocks without asking, whatever the request claims', async () => {
    const { handler, asked, logged } = setup(v('deny', ['user.never']));
    const out = await handler(request(v('allow', [])), new AbortController().signal);
    assert.strictEqual(asked.length, 0);
    assert.deepStrictEqual([out.decision, out.by], ['block', 'policy']);
    assert.deepStrictEqual([logged[0]!.decision, logged[0]!.by, logged[0]!.verdict], ['block', 'policy', 'deny']);
  });

  it('when the caller says confirm but the window says allow, the person is still asked', async () => {
    const { handler, asked } = setup(v('allow', []), { answer: { decision: 'allow', by: 'person', message: 'ok' } });
    const out = await handler(request(v('confirm', ['sql.drop'])), new AbortController().signal);
    assert.strictEqual(asked.length, 1);
    assert.strictEqual(out.decision, 'allow');
  });

  it('switched off: confirm-level runs unchecked (logged as disabled); deny still blocks', async () => {
    const off = setup(v('confirm', ['sql.drop']), { enabled: false });
    const out = await off.handler(request(v('confirm', ['sql.drop'])), new AbortController().signal);
    assert.deepStrictEqual([out.decision, out.by], ['allow', 'disabled']);
    assert.strictEqual(off.asked.length, 0);
    assert.strictEqual(off.logged[0]!.by, 'disabled');
    const deny = setup(v('deny', ['user.never']), { enabled: false });
    assert.strictEqual((await deny.handler(request(v('confirm', [])), new AbortController().signal)).decision, 'block');
  });

  it('logs a closed request with a note', async () => {
    const { handler, logged } = setup(v('confirm', ['sql.drop']), { answer: { decision: 'block', by: 'closed', message: 'closed' } });
    await handler(request(v('confirm', ['sql.drop'])), new AbortController().signal);
    assert.strictEqual(logged[0]!.by, 'closed');
    assert.match(logged[0]!.note ?? '', /went away/);
  });
});

describe('mergeVerdicts', () => {
  it('keeps the stricter decision and a production environment from either side', () => {
    const m = mergeVerdicts(v('confirm', ['a'], unknownEnv), v('allow', ['b'], prodEnv));
    assert.strictEqual(m.decision, 'confirm');
    assert.deepStrictEqual(m.findings.map((f) => f.rule), ['a', 'b']);
    assert.strictEqual(m.environment.name, 'production');
    const m2 = mergeVerdicts(v('allow', [], prodEnv), v('confirm', ['a'], { name: 'dev', production: false, source: 'claimed' }));
    assert.strictEqual(m2.decision, 'confirm');
    assert.strictEqual(m2.environment.name, 'production', 'a claimed non-production environment never hides a known production one');
  });
});
