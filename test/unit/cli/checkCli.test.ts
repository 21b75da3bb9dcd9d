// The CLI contract other doors and external checks rely on, run as a real child process.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildCli, CLI, isolatedEnv } from '../hooks/cliRunner';

function cli(args: string[], opts: { input?: string; cwd?: string } = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], { input: opts.input, cwd: opts.cwd ?? os.tmpdir(), env: isolatedEnv(), encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('agent-guard check (built dist/cli.js)', function () {
  this.timeout(60_000);
  before(() => buildCli());

  it('exits 0 and says ALLOW for a benign command', () => {
    const r = cli(['check', '--', 'git status']);
    assert.strictEqual(r.status, 0);
    assert.match(r.stdout, /^ALLOW: git status/);
  });

  it('exits 10 with findings and the environment for a destructive one', () => {
    const r = cli(['check', '--', 'railway volume delete pg-data --environment production']);
    assert.strictEqual(r.status, 10);
    assert.match(r.stdout, /^CONFIRM/);
    assert.match(r.stdout, /PRODUCTION/);
    assert.match(r.stdout, /--environment production/);
  });

  it('prints one JSON object with --json', () => {
    const r = cli(['check', '--json', '--', 'psql "$DATABASE_URL" -c "DROP TABLE users"']);
    assert.strictEqual(r.status, 10);
    const v = JSON.parse(r.stdout);
    assert.deepStrictEqual(Object.keys(v).sort(), ['decision', 'environment', 'findings']);
    assert.strictEqual(v.decision, 'confirm');
    assert.ok(v.findings.some((f: { category: string }) => f.category === 'sql'));
  });

  it('exits 20 when the policy says deny (settings found from the cwd)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-ws-'));
    fs.mkdirSync(path.join(dir, '.vscode'));
    fs.writeFileSync(path.join(dir, '.vscode', 'settings.json'), '{\n  // comments are fine\n  "agentGuard.decisions": { "medium": "deny", "high": "deny", "critical": "deny" },\n}\n');
    const r = cli(['check', '--cwd', dir, '--', 'git push --force origin main']);
    assert.strictEqual(r.status, 20);
    assert.match(r.stdout, /^DENY/);
  });

  it('applies a workspace rule from .vscode/settings.json and reports a bad one on stderr', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-ws-'));
    fs.mkdirSync(path.join(dir, '.vscode'));
    const rules = [{ id: 'make-nuke', command: 'make', args: ['nuke'] }, { id: 'broken', command: 'x', pattern: '(' }];
    fs.writeFileSync(path.join(dir, '.vscode', 'settings.json'), JSON.stringify({ 'agentGuard.rules': rules }));
    const r = cli(['check', '--', 'make nuke'], { cwd: dir });
    assert.strictEqual(r.status, 10);
    assert.match(r.stderr, /agentGuard\.rules\[1\]\.pattern/);
  });

  it('checks a batch as JSON Lines, same order, heredocs included, bad lines asked', () => {
    const input = [JSON.stringify('ls -la'), JSON.stringify('psql <<SQL\nDROP TABLE users;\nSQL'), JSON.stringify({ command: 'git status', cwd: os.tmpdir() }), 'not json', ''].join('\n');
    const r = cli(['check', '--batch', '--json'], { input });
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    assert.deepStrictEqual(lines.map((l) => l.decision), ['allow', 'confirm', 'allow', 'confirm']);
    assert.strictEqual(lines[3].findings[0].rule, 'cli.bad-input');
    assert.strictEqual(r.status, 10);
  });

  it('exits 2 on usage errors', () => {
    assert.strictEqual(cli(['check']).status, 2);
    assert.strictEqual(cli(['frobnicate']).status, 2);
    assert.strictEqual(cli(['check', '--bogus', '--', 'ls']).status, 2);
    assert.strictEqual(cli([]).status, 2);
  });
});
