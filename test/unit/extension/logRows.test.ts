// The log view's rows, filters and readable record, on entries built the way the window builds them.
import * as assert from 'assert';
import { evaluate } from '../../../src/engine/evaluate';
import { compilePolicy } from '../../../src/engine/policy';
import { decisionEntry, guardEntry, safeMask, storedCommand, worthLogging } from '../../../src/log/logRecord';
import type { LogEntry } from '../../../src/log/logEntry';
import {
  commandExcerpt, describeFilter, filterValues, groupGuardEvents, matchesFilter, rowDescription, rowLabel,
} from '../../../src/extension/panel/logRows';
import { recordMarkdown } from '../../../src/extension/panel/recordText';

const policy = compilePolicy({ environments: [{ pattern: '127.0.0.1', name: 'production', production: true }] }).policy;
const TOKEN = 'rw_live_9f8e7d6c5b4a39281706';
const LONG_DROP = `PGPASSWORD=hunter2hunter2 psql "postgres://app@127.0.0.1:5432/shop" --set ON_ERROR_STOP=1 --no-psqlrc --quiet --echo-errors -c 'DROP TABLE customers'\n`;
const GRAPHQL = `curl -sS -X POST https://backboard.railway.app/graphql/v2 -H 'Authorization: Bearer ${TOKEN}' -H 'Content-Type: application/json' -d '{"query":"mutation { volumeDelete(volumeId: \\"vol-7f3a\\") }"}'`;

function entry(command: string, decision: 'allow' | 'block', agent = 'bash terminal', by: LogEntry['by'] = 'person'): LogEntry {
  const verdict = evaluate({ kind: 'shell', command }, policy, { cwd: '/w' });
  return decisionEntry({ kind: 'shell', command }, verdict, { door: agent === 'Claude Code' ? 'hook' : 'terminal', agent, cwd: '/w', reason: `why ${TOKEN}` }, { decision, by }, safeMask);
}

describe('log rows, filters and the readable record', () => {
  const drop = entry(LONG_DROP, 'block');
  const volume = entry(GRAPHQL, 'block', 'Claude Code');
  const ls = entry('ls -la', 'allow', 'bash terminal', 'policy');

  it('stored commands are trimmed, masked and bounded', () => {
    assert.ok(!drop.command.endsWith('\n'));
    assert.ok(!drop.command.includes('hunter2hunter2'));
    assert.ok(!volume.command.includes(TOKEN) && !JSON.stringify(volume).includes(TOKEN), 'no secret anywhere in the entry');
    assert.match(storedCommand('x'.repeat(5000), (t) => t), /…\(cut, 5000 characters\)$/);
  });

  it('an allowed command with no finding is not logged unless the audit setting is on; guard events always are', () => {
    assert.strictEqual(worthLogging(ls, false), false);
    assert.strictEqual(worthLogging(ls, true), true);
    assert.strictEqual(worthLogging(drop, false), true);
    assert.strictEqual(worthLogging(guardEntry('Disable Agent Guard', 'x', 'allow', 'person'), false), true);
  });

  it('rows lead with what is destroyed and where, then who, when and the dangerous part of the command', () => {
    assert.match(rowLabel(drop), /^\[PRODUCTION\] drops table customers/);
    const d = rowDescription(drop, '10:00');
    assert.match(d, /^bash terminal · 10:00 · /);
    assert.match(d, /DROP TABLE customers'$/, `the excerpt keeps the DROP: ${d}`);
    assert.match(rowLabel(volume), /^\[Railway API\] runs the GraphQL mutation volumeDelete/);
    assert.match(rowDescription(volume, '10:01'), /volumeDelete/);
  });

  it('the excerpt centres on the first anchor', () => {
    const long = `${'a '.repeat(80)}DROP TABLE t ${'b '.repeat(80)}`;
    const ex = commandExcerpt(long, ['drop '], 40);
    assert.ok(ex.startsWith('…') && ex.endsWith('…') && ex.includes('DROP TABLE t'), ex);
    assert.strictEqual(commandExcerpt('ls', ['x']), 'ls');
  });

  it('filters narrow by outcome, environment, agent and day, and say what they are', () => {
    const all = [drop, volume, ls];
    assert.deepStrictEqual(all.filter((e) => matchesFilter(e, { outcome: 'block' })).length, 2);
    assert.deepStrictEqual(all.filter((e) => matchesFilter(e, { environment: 'PRODUCTION' })), [drop]);
    assert.deepStrictEqual(all.filter((e) => matchesFilter(e, { agent: 'Claude Code' })), [volume]);
    assert.strictEqual(all.filter((e) => matchesFilter(e, { day: filterValues(all, 'day')[0]!.value })).length, 3);
    assert.deepStrictEqual(filterValues(all, 'outcome'), [{ value: 'block', count: 2 }, { value: 'allow', count: 1 }]);
    assert.strictEqual(describeFilter({ outcome: 'block', environment: 'PRODUCTION' }), 'Filter: Blocked · PRODUCTION');
    assert.strictEqual(describeFilter({}), '');
  });

  it('guard on/off events with the same text fold into one row', () => {
    const events = [guardEntry('terminal guard OFF: bash', 'a', 'allow', 'person'), guardEntry('terminal guard ON: bash', 'b', 'allow', 'person'), guardEntry('terminal guard OFF: bash', 'c', 'allow', 'person')];
    const groups = groupGuardEvents(events);
    assert.deepStrictEqual(groups.map((g) => [g.latest.command, g.count]), [['terminal guard OFF: bash', 2], ['terminal guard ON: bash', 1]]);
  });

  it('the readable record has the modal fields, plain words, and the raw JSON behind a link', () => {
    const md = recordMarkdown(volume, 'agent-guard-record:/decision-x.json');
    assert.match(md, /^# Blocked: Claude Code wanted to run the GraphQL mutation volumeDelete/m);
    assert.match(md, /## Command\n\n```shell\ncurl /);
    assert.match(md, /Environment: \*\*Railway API\*\*/);
    assert.match(md, /How it was determined: host backboard\.railway\.app/);
    assert.match(md, /Reason it gave: why rw_l…06/);
    assert.match(md, /Credential it carried: a bearer token \(rw_l…06\)/);
    assert.match(md, /Details: http\.graphql-delete-mutation \(critical\) · credential\.carried \(low\)/);
    assert.match(md, /\[Raw JSON\]\(agent-guard-record:\/decision-x\.json\)/);
    assert.ok(!md.includes(TOKEN));
  });
});
