// The outcome module: the one ladder and the one set of words, on one table of cases; the modal text
// builder on a table of real verdicts from the engine.
import * as assert from 'assert';
import { evaluate } from '../../../src/engine/evaluate';
import { compilePolicy, defaultPolicy } from '../../../src/engine/policy';
import type { Verdict } from '../../../src/engine/types';
import { allowedByPerson, blocked, decideWithoutPerson, mergeVerdicts, unreachable } from '../../../src/outcome/decisionLadder';
import { buildModal, modalTitle, typedConfirmationFor, typedStepText } from '../../../src/outcome/modalText';
import { asInfinitive, environmentLabel, terminalBlockLine } from '../../../src/outcome/personWords';
import { safeMask } from '../../../src/log/logRecord';
import type { Origin } from '../../../src/protocol/protocol';

const TOKEN = 'rw_live_9f8e7d6c5b4a39281706';
const SEED_DROP = `psql "$DATABASE_URL" -c 'DROP TABLE customers'`;
const GRAPHQL = `curl -X POST https://backboard.railway.app/graphql/v2 -H 'Authorization: Bearer ${TOKEN}' -H 'Content-Type: application/json' -d '{"query":"mutation { volumeDelete(volumeId: \\"vol-7f3a\\") }"}'`;
const seedPolicy = compilePolicy({
  environments: [{ pattern: '127.0.0.1', name: 'production', production: true }],
  rules: [{ id: 'user.make-nuke', command: 'make', args: ['nuke'], severity: 'high', message: 'wipes the dev database' }],
}).policy;
const seedEnv = { DATABASE_URL: 'postgres://app:pw@127.0.0.1:5432/shop' };
const verdictOf = (command: string, env: Record<string, string> = {}): Verdict => evaluate({ kind: 'shell', command }, seedPolicy, { cwd: '/w', env });

const terminal: Origin = { door: 'terminal', agent: 'bash terminal', cwd: '/w' };
const claude: Origin = { door: 'hook', agent: 'Claude Code', cwd: '/w', reason: 'Clean up the old volume' };

describe('outcome: the ladder and its words (one table)', () => {
  const drop = verdictOf(SEED_DROP, seedEnv);
  const deny: Verdict = { ...drop, decision: 'deny' };
  const allow: Verdict = { decision: 'allow', findings: [], environment: { name: 'unknown', production: false, source: 'unknown' } };
  const rows: Array<{ name: string; got: () => { decision: string; by: string; message: string } | undefined; want: [string, string, RegExp] | undefined }> = [
    { name: 'policy deny blocks, guard on or off', got: () => decideWithoutPerson(deny, false), want: ['block', 'policy', /on PRODUCTION: it drops table customers \(rule sql\.drop\)\. The person's policy forbids it\. .*Stop and ask the person/] },
    { name: 'guard off allows unchecked', got: () => decideWithoutPerson(drop, false), want: ['allow', 'disabled', /switched off/] },
    { name: 'allow runs with no message', got: () => decideWithoutPerson(allow, true), want: ['allow', 'policy', /^$/] },
    { name: 'confirm asks the person', got: () => decideWithoutPerson(drop, true), want: undefined },
    { name: 'the person blocks', got: () => blocked(drop, { kind: 'person' }), want: ['block', 'person', /chose Block in VS Code/] },
    { name: 'a typo in the typed words', got: () => blocked(drop, { kind: 'typed-name' }), want: ['block', 'person', /did not type the confirmation/] },
    { name: 'a timeout', got: () => blocked(drop, { kind: 'timeout', seconds: 120 }), want: ['block', 'timeout', /within 120 s/] },
    { name: 'the asker went away', got: () => blocked(drop, { kind: 'closed' }), want: ['block', 'closed', /ended before the person answered/] },
    { name: 'the UI failed', got: () => blocked(drop, { kind: 'error', detail: 'no window' }), want: ['block', 'error', /could not ask the person \(no window\)/] },
    { name: 'no VS Code to ask', got: () => unreachable(drop, 'no window on /w'), want: ['block', 'unreachable', /VS Code could not be asked \(no window on \/w\)/] },
    { name: 'allowed once', got: () => allowedByPerson(drop, false), want: ['allow', 'person', /allowed this command once on PRODUCTION/] },
    { name: 'allowed for the session', got: () => allowedByPerson(drop, true), want: ['allow', 'session-allow', /for this VS Code session/] },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const o = row.got();
      if (!row.want) return assert.strictEqual(o, undefined);
      assert.ok(o);
      assert.deepStrictEqual([o.decision, o.by], row.want.slice(0, 2));
      assert.match(o.message, row.want[2]);
      assert.ok(!o.message.includes('`'), 'no markdown backticks');
    });
  }

  it('the terminal line is one short line naming what and where', () => {
    assert.strictEqual(terminalBlockLine(drop), 'Agent Guard blocked: drops table customers on PRODUCTION — see the Agent Guard log');
    assert.ok(!terminalBlockLine(drop).includes('\n'));
  });

  it('one severity per finding: the merge keeps the higher of the two (the CLI saw production, the window did not)', () => {
    const windowOwn = verdictOf(SEED_DROP);
    assert.strictEqual(windowOwn.findings[0]!.severity, 'high');
    assert.strictEqual(drop.findings[0]!.severity, 'critical');
    const merged = mergeVerdicts(windowOwn, drop);
    assert.strictEqual(merged.findings.length, 1);
    assert.strictEqual(merged.findings[0]!.severity, 'critical');
    assert.strictEqual(merged.environment.production, true);
  });

  it('verbs become infinitives for the title; a non-verb summary is said whole', () => {
    const rows: Array<[string, string]> = [
      ['drops table `customers`', 'drop table customers'],
      ['deletes `src` and everything in it', 'delete src and everything in it'],
      ['throws away every uncommitted change', 'throw away every uncommitted change'],
      ['pushes over the remote branch', 'push over the remote branch'],
      ['empties the bucket', 'empty the bucket'],
      ['could not be checked', 'run a command that could not be checked'],
    ];
    for (const [summary, want] of rows) assert.strictEqual(asInfinitive(summary), want);
  });
});

describe('outcome: provider names and "UNKNOWN — may be production"', () => {
  it('the seed GraphQL call names the Railway API and may be production; typing the provider allows it', () => {
    const v = verdictOf(GRAPHQL);
    assert.strictEqual(v.environment.provider, 'Railway API');
    assert.strictEqual(environmentLabel(v), 'UNKNOWN — may be production');
    assert.strictEqual(typedConfirmationFor(v, true), 'Railway API');
  });
  const rows: Array<[string, string | undefined]> = [
    ['curl -X DELETE https://api.github.com/repos/acme/shop', 'GitHub API'],
    ['curl -X DELETE https://abc.supabase.co/rest/v1/customers', 'Supabase'],
    ['curl -X DELETE https://s3.us-east-1.amazonaws.com/bucket/key', 'AWS'],
    ['curl -X DELETE https://api.example.com/items/1', undefined],
  ];
  for (const [command, provider] of rows) {
    it(`${command} → ${provider ?? 'no provider'}`, () => assert.strictEqual(verdictOf(command).environment.provider, provider));
  }
  it('a local delete with no environment is not "may be production"', () => {
    assert.strictEqual(environmentLabel(verdictOf('rm -rf src')), 'unknown');
    assert.strictEqual(typedConfirmationFor(verdictOf('rm -rf src'), true), undefined);
  });
});

describe('outcome: the modal text on a table of verdicts', () => {
  const cases: Array<{ name: string; command: string; env?: Record<string, string>; origin: Origin; title: RegExp; must: RegExp[] }> = [
    { name: 'seed DROP in a terminal', command: SEED_DROP, env: seedEnv, origin: terminal, title: /^bash terminal wants to drop table customers on PRODUCTION$/, must: [/^Command:\npsql "\$DATABASE_URL"/m, /Environment: PRODUCTION/, /How it was determined: host 127\.0\.0\.1/, /type "production"/] },
    { name: 'GraphQL volumeDelete with a bearer token', command: GRAPHQL, origin: claude, title: /^Claude Code wants to run the GraphQL mutation volumeDelete .* on Railway API \(UNKNOWN — may be production\)$/, must: [/Environment: UNKNOWN — may be production \(Railway API\)/, /Reason it gave: Clean up the old volume/, /Credential it carries: .*rw_l…06/, /type "Railway API"/] },
    { name: 'rm -rf of a folder', command: 'rm -rf src', origin: terminal, title: /^bash terminal wants to delete src and everything in it$/, must: [/Why it matters: /, /Environment: this computer/] },
    { name: 'a workspace rule', command: 'make nuke', origin: terminal, title: /^bash terminal wants to run a command that wipes the dev database$|wants to wipe the dev database/, must: [/Details: user\.make-nuke \(high, your rule\)/] },
    { name: 'git reset --hard', command: 'git reset --hard', origin: claude, title: /^Claude Code wants to throw away every uncommitted change$/, must: [/Asked by: Claude Code \(agent hook\) in \/w/] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const verdict = verdictOf(c.command, c.env);
      const { message, detail } = buildModal({
        command: safeMask(c.command), verdict, origin: c.origin, credentials: [], mask: safeMask,
        typedConfirmation: typedConfirmationFor(verdict, true),
      });
      assert.match(message, c.title);
      for (const m of c.must) assert.match(detail, m);
      const all = `${message}\n${detail}`;
      assert.ok(!all.includes('`'), `no backticks:\n${all}`);
      assert.ok(!all.includes(TOKEN), 'the secret is masked');
      const lines = detail.split('\n');
      const details = lines.findIndex((l) => l.startsWith('Details:'));
      assert.strictEqual(details, lines.length - 1, 'Details is the last line');
      for (const f of verdict.findings) {
        assert.ok(!lines.slice(0, details).some((l) => l.includes(f.rule)), `no rule id above Details (${f.rule})`);
        assert.strictEqual(all.split(`(${f.severity}`).length - 1 >= 1, true);
      }
      for (const sev of ['low', 'medium', 'high', 'critical']) {
        assert.ok(!lines.slice(0, details).some((l) => new RegExp(`\\b${sev}\\b`).test(l) && /\[|\(/.test(l) && l.includes(`, ${sev}`)), 'no severity above Details');
      }
    });
  }

  it('the credential is said once, masked, with the file that holds it', () => {
    const verdict = verdictOf(GRAPHQL);
    const { detail } = buildModal({ command: safeMask(GRAPHQL), verdict, origin: claude, credentials: [{ kind: 'Authorization header (Bearer)', masked: 'rw_l…06', file: '.env' }], mask: safeMask });
    assert.strictEqual(detail.split('rw_l…06').length - 1, 2, 'once in the command, once on the credential line');
    assert.match(detail, /Credential it carries: Authorization header \(Bearer\) rw_l…06 \(the same secret is in \.env\)/);
    assert.ok(!/What it destroys:[\s\S]*carries a bearer token[\s\S]*Environment:/.test(detail), 'not listed under what it destroys');
  });

  it('a restore point line appears only when the undo feature fills it', () => {
    const verdict = verdictOf('rm -rf src');
    const without = buildModal({ command: 'rm -rf src', verdict, origin: terminal, credentials: [], mask: safeMask });
    assert.ok(!/Restore point/.test(without.detail));
    const withIt = buildModal({ command: 'rm -rf src', verdict, origin: terminal, credentials: [], mask: safeMask, restorePoint: 'a copy of src is kept (restore from the log)' });
    assert.match(withIt.detail, /^Restore point: a copy of src is kept/m);
  });

  it('resolved counts sit under their finding', () => {
    const verdict = verdictOf('rm -rf src');
    const { detail } = buildModal({ command: 'rm -rf src', verdict, origin: terminal, credentials: [], mask: safeMask, resolved: [{ finding: 0, lines: ['/w/src: 12 files, 3.4 KB; 2 uncommitted in git'] }] });
    assert.match(detail, /- deletes src and everything in it\n(?:  Why it matters: .*\n)?  \/w\/src: 12 files, 3\.4 KB; 2 uncommitted in git/);
  });

  it('the typed step shows the command and what it destroys, and says a typo', () => {
    const verdict = verdictOf(SEED_DROP, seedEnv);
    const first = typedStepText(SEED_DROP, verdict, 'production', 1, 3);
    assert.match(first.title, /DROP TABLE customers/);
    assert.match(first.prompt, /It drops table customers\. Type production to allow it once; Escape blocks\./);
    const second = typedStepText(SEED_DROP, verdict, 'production', 2, 3, 'prod');
    assert.match(second.prompt, /^"prod" is not production\..*\(2 tries left\)$/);
    assert.strictEqual(modalTitle(verdict, terminal), 'bash terminal wants to drop table customers on PRODUCTION');
  });

  it('a verdict with no destructive finding still reads plainly', () => {
    const v: Verdict = { decision: 'confirm', findings: [], environment: defaultEnv() };
    const { message, detail } = buildModal({ command: 'x', verdict: v, origin: terminal, credentials: [], mask: (t) => t });
    assert.match(message, /bash terminal wants to run a command Agent Guard stopped/);
    assert.match(detail, /Details: no rule matched$/);
  });
});

function defaultEnv() {
  return evaluate({ kind: 'shell', command: 'true' }, defaultPolicy()).environment;
}
