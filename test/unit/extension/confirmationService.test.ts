import * as assert from 'assert';
import { ConfirmationService } from '../../../src/extension/confirm/confirmationService';
import { ALLOW_ONCE, ALLOW_SESSION, BLOCK } from '../../../src/extension/confirm/confirmTypes';
import type { ConfirmSettings, ConfirmUi, ModalChoice, ModalContent } from '../../../src/extension/confirm/confirmTypes';
import { typedMatches as typedNameMatches } from '../../../src/outcome/modalText';
import type { TypedStepText } from '../../../src/outcome/modalText';
import type { Action, Verdict } from '../../../src/engine/types';
import type { Origin } from '../../../src/protocol/protocol';

interface Shown {
  content: ModalContent;
  choices: readonly ModalChoice[];
  answer(c: ModalChoice | undefined): void;
}

/** A UI whose modals stay open until the test answers them, like a person would. */
class FakeUi implements ConfirmUi {
  shown: Shown[] = [];
  typedAnswers: Array<string | undefined> = [];
  typedAsked: string[] = [];
  typedTexts: TypedStepText[] = [];
  notices: string[] = [];
  private waiters: Array<() => void> = [];

  showModal(content: ModalContent, choices: readonly ModalChoice[]): Promise<ModalChoice | undefined> {
    return new Promise((resolve) => {
      this.shown.push({ content, choices, answer: resolve });
      for (const w of this.waiters.splice(0)) w();
    });
  }
  askTyped(text: TypedStepText, signal: AbortSignal): Promise<string | undefined> {
    this.typedTexts.push(text);
    this.typedAsked.push(/Type (.+?) to allow/.exec(text.prompt)?.[1] ?? '');
    if (signal.aborted) return Promise.resolve(undefined);
    return Promise.resolve(this.typedAnswers.shift());
  }
  notice(message: string): void {
    this.notices.push(message);
  }
  async waitForShown(n: number): Promise<void> {
    while (this.shown.length < n) await new Promise<void>((r) => this.waiters.push(r));
  }
}

const staging: Verdict = {
  decision: 'confirm',
  findings: [
    { rule: 'sql.drop', category: 'sql', severity: 'high', summary: 'drops table `users`', agentMessage: 'ask', source: 'builtin' },
  ],
  environment: { name: 'staging', production: false, source: 'host `db.staging.internal` matches `*staging*`' },
};
const production: Verdict = {
  ...staging,
  environment: { name: 'production', production: true, source: 'from `--environment production`' },
};
const origin: Origin = { door: 'hook', agent: 'Claude Code', cwd: '/work/app' };
const shell = (command: string): Action => ({ kind: 'shell', command });

function service(ui: FakeUi, s: Partial<ConfirmSettings> = {}): ConfirmationService {
  const settings: ConfirmSettings = { timeoutSeconds: 300, requireTypedNameForProduction: true, allowForSession: false, ...s };
  return new ConfirmationService({ ui, settings: () => settings, mask: (t) => t.replace(/secret\w+/g, 'secr****') });
}

const tick = (): Promise<void> => new Promise((r) => setImmediate(r));

describe('ConfirmationService', () => {
  it('queues concurrent requests, shows them one at a time in order, each gets its own answer', async () => {
    const ui = new FakeUi();
    const svc = service(ui);
    const answers = [1, 2, 3].map((i) => svc.confirm(shell(`psql -c 'DROP TABLE t${i}'`), staging, origin));
    await ui.waitForShown(1);
    await tick();
    assert.strictEqual(ui.shown.length, 1, 'only one modal at a time');
    assert.strictEqual(svc.pendingCount, 3);
    assert.match(ui.shown[0]!.content.detail, /t1/);
    ui.shown[0]!.answer(BLOCK);
    await ui.waitForShown(2);
    assert.match(ui.shown[1]!.content.detail, /t2/);
    ui.shown[1]!.answer(ALLOW_ONCE);
    await ui.waitForShown(3);
    assert.match(ui.shown[2]!.content.detail, /t3/);
    ui.shown[2]!.answer(undefined); // Escape
    const out = await Promise.all(answers);
    assert.deepStrictEqual(out.map((o) => [o.decision, o.by]), [['block', 'person'], ['allow', 'person'], ['block', 'person']]);
    assert.match(out[0]!.message, /blocked this command on staging.*chose Block/);
    assert.match(out[0]!.message, /sql\.drop/);
    assert.match(out[0]!.message, /another credential/);
  });

  it('Block is offered first and Escape blocks', async () => {
    const ui = new FakeUi();
    const svc = service(ui);
    const p = svc.confirm(shell('rm -rf ~'), staging, origin);
    await ui.waitForShown(1);
    assert.deepStrictEqual(ui.shown[0]!.choices, [BLOCK, ALLOW_ONCE]);
    ui.shown[0]!.answer(undefined);
    assert.strictEqual((await p).decision, 'block');
  });

  it('a time limit ends in Block, and a late click on the stale dialog allows nothing', async () => {
    const ui = new FakeUi();
    const svc = service(ui, { timeoutSeconds: 1 });
    const started = Date.now();
    const p = svc.confirm(shell('terraform destroy'), staging, origin);
    await ui.waitForShown(1);
    const out = await p;
    assert.strictEqual(out.decision, 'block');
    assert.strictEqual(out.by, 'timeout');
    assert.match(out.message, /within 1 s/);
    assert.ok(Date.now() - started >= 900);
    ui.shown[0]!.answer(ALLOW_ONCE);
    await tick();
    assert.strictEqual(ui.notices.length, 1);
  });

  it('requests waiting behind an open dialog time out on their own clock', async () => {
    const ui = new FakeUi();
    const svc = service(ui, { timeoutSeconds: 1 });
    const first = svc.confirm(shell('a'), staging, origin);
    const second = svc.confirm(shell('b'), staging, origin);
    const [o1, o2] = await Promise.all([first, second]);
    assert.strictEqual(o1.by, 'timeout');
    assert.strictEqual(o2.by, 'timeout');
    assert.strictEqual(ui.shown.length, 1, 'the second was never shown: the first dialog is still open');
    ui.shown[0]!.answer(BLOCK);
    await tick();
    assert.strictEqual(ui.shown.length, 1, 'a request that already ended is not shown later');
  });

  it('an asker that goes away closes its request, queued or shown', async () => {
    const ui = new FakeUi();
    const svc = service(ui);
    const gone1 = new AbortController();
    const gone2 = new AbortController();
    const shownReq = svc.confirm(shell('x'), staging, origin, gone1.signal);
    const queuedReq = svc.confirm(shell('y'), staging, origin, gone2.signal);
    const third = svc.confirm(shell('z'), staging, origin);
    await ui.waitForShown(1);
    gone2.abort();
    assert.strictEqual((await queuedReq).by, 'closed');
    gone1.abort();
    const o = await shownReq;
    assert.deepStrictEqual([o.decision, o.by], ['block', 'closed']);
    ui.shown[0]!.answer(BLOCK);
    await ui.waitForShown(2);
    assert.match(ui.shown[1]!.content.detail, /^z$/m, 'the closed queued request is skipped');
    ui.shown[1]!.answer(ALLOW_ONCE);
    assert.strictEqual((await third).decision, 'allow');
  });

  it('production: Allow once needs the typed environment name; a typo says so and may be retried (three tries); Escape blocks', async () => {
    const ui = new FakeUi();
    const svc = service(ui);
    // 1: a typo, then the right name → allow. 2: Escape → block. 3: three typos → block.
    ui.typedAnswers = ['prod', ' PRODUCTION ', undefined, 'x', 'y', 'z'];
    const results = [];
    for (let i = 0; i < 3; i++) {
      const p = svc.confirm(shell(`railway volume delete v${i} --environment production`), production, origin);
      await ui.waitForShown(i + 1);
      ui.shown[i]!.answer(ALLOW_ONCE);
      results.push(await p);
    }
    assert.deepStrictEqual(results.map((r) => r.decision), ['allow', 'block', 'block']);
    assert.match(results[2]!.message, /did not type the confirmation/);
    assert.deepStrictEqual(ui.typedAsked, ['production', 'production', 'production', 'production', 'production', 'production']);
    assert.match(ui.typedTexts[0]!.title, /railway volume delete v0/, 'the typed step shows the command');
    assert.match(ui.typedTexts[0]!.prompt, /drops table users/, 'and what it destroys');
    assert.match(ui.typedTexts[1]!.prompt, /"prod" is not production.*2 tries left/, 'a typo is said, with the tries left');
    assert.match(ui.shown[0]!.content.message, /on PRODUCTION/);
    assert.match(ui.shown[0]!.content.detail, /How it was determined: from --environment production/);
  });

  it('production without the typed-name setting allows on the click', async () => {
    const ui = new FakeUi();
    const svc = service(ui, { requireTypedNameForProduction: false });
    const p = svc.confirm(shell('x'), production, origin);
    await ui.waitForShown(1);
    ui.shown[0]!.answer(ALLOW_ONCE);
    assert.strictEqual((await p).decision, 'allow');
    assert.strictEqual(ui.typedAsked.length, 0);
  });

  it('"Allow for this session" is off by default, and when on covers the exact command only, never production', async () => {
    const ui = new FakeUi();
    const off = service(ui);
    const p0 = off.confirm(shell('git push --force'), staging, origin);
    await ui.waitForShown(1);
    assert.ok(!ui.shown[0]!.choices.includes(ALLOW_SESSION));
    ui.shown[0]!.answer(BLOCK);
    await p0;

    const ui2 = new FakeUi();
    const on = service(ui2, { allowForSession: true });
    const p1 = on.confirm(shell('git push --force'), staging, origin);
    await ui2.waitForShown(1);
    assert.ok(ui2.shown[0]!.choices.includes(ALLOW_SESSION));
    ui2.shown[0]!.answer(ALLOW_SESSION);
    assert.strictEqual((await p1).decision, 'allow');
    const again = await on.confirm(shell('git push --force'), staging, origin);
    assert.deepStrictEqual([again.decision, again.by], ['allow', 'session-allow']);
    const other = on.confirm(shell('git push --force origin main'), staging, origin);
    await ui2.waitForShown(2);
    ui2.shown[1]!.answer(BLOCK);
    assert.strictEqual((await other).decision, 'block');
    const prod = on.confirm(shell('git push --force'), production, origin);
    await ui2.waitForShown(3);
    assert.ok(!ui2.shown[2]!.choices.includes(ALLOW_SESSION));
    ui2.shown[2]!.answer(BLOCK);
    assert.strictEqual((await prod).decision, 'block');
  });

  it('a failing UI blocks rather than allows; dispose closes everything waiting', async () => {
    const ui = new FakeUi();
    ui.showModal = () => Promise.reject(new Error('no window'));
    const svc = service(ui);
    const o = await svc.confirm(shell('x'), staging, origin);
    assert.deepStrictEqual([o.decision, o.by], ['block', 'error']);

    const ui2 = new FakeUi();
    const svc2 = service(ui2);
    const a = svc2.confirm(shell('a'), staging, origin);
    const b = svc2.confirm(shell('b'), staging, origin);
    svc2.dispose();
    assert.deepStrictEqual((await Promise.all([a, b])).map((r) => r.by), ['closed', 'closed']);
    assert.strictEqual((await svc2.confirm(shell('c'), staging, origin)).decision, 'block');
  });

  it('the modal masks secrets and names the agent and the credential file', async () => {
    const ui = new FakeUi();
    const settings: ConfirmSettings = { timeoutSeconds: 300, requireTypedNameForProduction: true, allowForSession: false };
    const svc = new ConfirmationService({
      ui,
      settings: () => settings,
      mask: (t) => t.replace(/secret\w+/g, 'secr****'),
      describeCredentials: async () => [{ kind: 'Railway token', masked: 'secr****', file: '.env' }],
    });
    const p = svc.confirm(shell('RAILWAY_TOKEN=secretABC123 railway volume delete x'), production, origin);
    await ui.waitForShown(1);
    const { message, detail } = ui.shown[0]!.content;
    assert.ok(!detail.includes('secretABC123'));
    assert.match(message, /^Claude Code wants to drop table users on PRODUCTION$/);
    assert.match(detail, /Railway token secr\*\*\*\* \(the same secret is in \.env\)/);
    ui.shown[0]!.answer(BLOCK);
    await p;
  });
});

describe('typedNameMatches', () => {
  const rows: Array<[string | undefined, string, boolean]> = [
    ['production', 'production', true],
    ['  Production ', 'production', true],
    ['prod', 'production', false],
    ['', 'production', false],
    [undefined, 'production', false],
    ['production!', 'production', false],
    ['', '', false],
  ];
  for (const [typed, name, want] of rows) {
    it(`${JSON.stringify(typed)} vs ${name} → ${want}`, () => assert.strictEqual(typedNameMatches(typed, name), want));
  }
});
