import assert from 'node:assert/strict';
import { cloudRulesOf, findPath, flagValueAt, hasFlag, positionals } from '../../../src/engine/rules/cloudVerbTable';
import type { CloudCli } from '../../../src/engine/rules/cloudVerbTable';
import type { SimpleCommand } from '../../../src/engine/types';

function cmd(argv: string[]): SimpleCommand {
  const [name, ...args] = argv;
  return { name, args, dynamic: args.map(() => false), assignments: {}, redirects: [], via: [], text: argv.join(' ') };
}

const DEMO: CloudCli = {
  cli: 'demo',
  names: ['demo'],
  valueFlags: ['--region', '-g'],
  verbs: [
    { id: 'demo-db-delete', path: [['db', 'database'], 'delete'], what: 'the database', targetFlags: ['--db-id'] },
    { id: 'demo-down', path: ['down'], anchored: true, what: 'the deployment', severity: 'medium' },
    { id: 'demo-rm-bulk', path: ['rm'], anchored: true, what: 'every object under that prefix', bulk: { flags: ['-r', '--recursive'], wildcard: true } },
    { id: 'demo-stop-wipe', path: ['stop'], anchored: true, what: 'local data', requireFlags: ['--no-backup'] },
  ],
  generic: { id: 'demo-delete', verbs: ['delete'], what: 'the resource', severity: 'medium', exemptGroups: ['config'], exemptPaths: [['blob', 'delete']] },
};
const rules = new Map(cloudRulesOf(DEMO).map((r) => [r.id, r]));

function hit(id: string, argv: string[]): string | undefined | null {
  const r = rules.get(id);
  assert.ok(r, id);
  const h = r.match(cmd(argv), { ctx: {}, all: [] });
  if (!h || Array.isArray(h)) return null;
  return h.target;
}

describe('cloudVerbTable', () => {
  it('skips options and the values of options known to take one', () => {
    assert.deepStrictEqual(positionals(cmd(['demo', '--region', 'eu', 'db', '-x', 'delete', 'd1']), new Set(['--region'])).map((p) => p.word), ['db', 'delete', 'd1']);
    assert.deepStrictEqual(positionals(cmd(['demo', '--region=eu', 'db', '--', '-weird']), new Set(['--region'])).map((p) => p.word), ['db', '-weird']);
  });

  it('finds a path anywhere, or only at the start when anchored', () => {
    const pos = positionals(cmd(['demo', 'beta', 'db', 'delete', 'x']), new Set());
    assert.equal(findPath(pos, ['db', 'delete'], false), 3);
    assert.equal(findPath(pos, ['db', 'delete'], true), -1);
    assert.equal(findPath(pos, [/^b/, ['db', 'database']], true), 2);
  });

  it('reads flags in every spelling', () => {
    assert.equal(hasFlag(['-rf', 'x'], ['-r']), true);
    assert.equal(hasFlag(['--recursive=true'], ['--recursive']), true);
    assert.equal(hasFlag(['--rr'], ['-r']), false);
    assert.deepStrictEqual(flagValueAt(['a', '--id', 'v1'], ['--id']), { value: 'v1', index: 2 });
    assert.deepStrictEqual(flagValueAt(['--id=v2'], ['--id']), { value: 'v2', index: 0 });
    assert.equal(flagValueAt(['--id'], ['--id']), undefined);
  });

  // [rule, argv, expected target (undefined = hit without target, null = no hit)]
  const ROWS: [string, string[], string | undefined | null][] = [
    ['cloud.demo-db-delete', ['demo', 'db', 'delete', 'd1'], 'd1'],
    ['cloud.demo-db-delete', ['demo', 'database', 'delete', '--db-id', 'd2', 'other'], 'd2'],
    ['cloud.demo-db-delete', ['demo', '-g', 'eu', 'beta', 'db', 'delete', 'd3'], 'd3'],
    ['cloud.demo-db-delete', ['demo', 'db', 'list'], null],
    ['cloud.demo-db-delete', ['demo', 'db', 'delete', 'd1', '--help'], null],
    ['cloud.demo-db-delete', ['demo', 'db', 'delete', 'd1', '--dry-run'], null],
    ['cloud.demo-db-delete', ['demo', 'help', 'db', 'delete'], null],
    ['cloud.demo-down', ['demo', 'down', '-y'], undefined],
    ['cloud.demo-down', ['demo', 'logs', 'down'], null],
    ['cloud.demo-rm-bulk', ['demo', 'rm', '-r', 'bucket/x'], 'bucket/x'],
    ['cloud.demo-rm-bulk', ['demo', 'rm', 'bucket/*'], 'bucket/*'],
    ['cloud.demo-rm-bulk', ['demo', 'rm', 'bucket/one.txt'], null],
    ['cloud.demo-stop-wipe', ['demo', 'stop', '--no-backup'], undefined],
    ['cloud.demo-stop-wipe', ['demo', 'stop'], null],
    ['cloud.demo-delete', ['demo', 'firewall', 'delete', 'fw1'], 'fw1'],
    ['cloud.demo-delete', ['demo', 'config', 'delete', 'old'], null],
    ['cloud.demo-delete', ['demo', 'blob', 'delete', 'a.txt'], null],
    // A specific row already reports it: the generic rule stays quiet.
    ['cloud.demo-delete', ['demo', 'db', 'delete', 'd1'], null],
  ];
  for (const [id, argv, expected] of ROWS) {
    it(`${id}: ${argv.join(' ')} → ${expected === null ? 'no finding' : expected ?? 'finding'}`, () => {
      assert.equal(hit(id, argv), expected);
    });
  }

  it('builds one rule per row plus the generic one, with the row severity', () => {
    assert.deepStrictEqual([...rules.keys()], ['cloud.demo-db-delete', 'cloud.demo-down', 'cloud.demo-rm-bulk', 'cloud.demo-stop-wipe', 'cloud.demo-delete']);
    assert.equal(rules.get('cloud.demo-db-delete')?.severity, 'high');
    assert.equal(rules.get('cloud.demo-down')?.severity, 'medium');
    assert.equal(rules.get('cloud.demo-db-delete')?.category, 'cloud');
  });
});
