// Bounded time, always (issue 15 item 8): a hook that never answers is an allow in most agent hosts.
// Every built-in rule set meets long adversarial runs and must answer in time linear in their length;
// a command past the read bound asks at once; and a 1.2 MB hook payload built from the issue's
// ingredients is denied by the real CLI. Growth is compared, never absolute times (the machine is
// shared): a quadratic expression takes 16 times as long on 4 times the input, a linear one 4 times.
import assert from 'node:assert/strict';
import * as os from 'os';
import { defaultPolicy } from '../../../src/engine/policy';
import { evaluate } from '../../../src/engine/evaluate';
import { MAX_READ_CHARS, TOO_LONG_RULE } from '../../../src/engine/inputBounds';
import { buildCli, isolatedEnv, runHook } from '../hooks/cliRunner';
import { allCases, lineFor, timeLine } from './hostileRuns';
import type { Case } from './hostileRuns';

const policy = defaultPolicy();
/** Cases measured for growth after the screen: the slowest of it, plus the five. */
const GROWTH_CASES = 40;
const NAMED: Case[] = [
  // The five: codeDeleteScanner (rm flags in code), httpRequest (headers, @{…}), guardRules (sed -iii…),
  // containerRules (rm inside a container's command), credentials (header values).
  { name: '', context: 'python os.system', kind: 'rm flag word rm -rrr-' },
  { name: 'python3', context: 'code', kind: 'rm -r in text' },
  { name: 'curl', context: 'header', kind: 'spaces' },
  { name: 'sed', context: 'bare', kind: 'flag letters then a newline' },
  { name: 'sed', context: 'bare', kind: 'flag letters -iii' },
  { name: '', context: 'container command', kind: 'rm flags in a container' },
  { name: 'curl', context: 'header', kind: 'tabs after a colon' },
  { name: 'bash', context: 'bare', kind: 'flag letters then a digit -ccc9' },
  { name: 'psql', context: 'code', kind: 'newlines' },
  { name: 'Invoke-RestMethod', context: 'bare', kind: 'at-braces @{' },
  { name: '', context: 'python list call', kind: 'escaped quotes \\"' },
];

function describeCase(c: Case): string {
  return `${c.name || '(no name)'} ${c.context} ${c.kind}`;
}

describe('hostile input', function () {
  this.timeout(600_000);

  it('every rule set answers in linear time on long adversarial runs', () => {
    // Screen: every (rule set, place, run) once at 1 KiB; the slow ones are measured for growth.
    const screened = allCases(policy).map((c) => ({ c, ms: timeLine(lineFor(c, 1024), policy) }));
    screened.sort((a, b) => b.ms - a.ms);
    const measured = [...NAMED, ...screened.slice(0, GROWTH_CASES).map((s) => s.c)];
    const failures: string[] = [];
    for (const c of measured) {
      // Linear: ×4 (noise allowing up to ×8). Quadratic would be ×16. A case fails only when three
      // measurements in a row say so: other work on a shared machine can slow any single one.
      let verdict = '';
      for (let attempt = 0; attempt < 3; attempt++) {
        const small = timeLine(lineFor(c, 4 * 1024), policy, 3 + 2 * attempt);
        const large = timeLine(lineFor(c, 16 * 1024), policy, 3 + 2 * attempt);
        verdict = large > 8 * small + 20 ? `${describeCase(c)}: 4 KiB ${small.toFixed(1)} ms → 16 KiB ${large.toFixed(1)} ms` : '';
        if (verdict === '') break;
      }
      if (verdict !== '') failures.push(verdict);
    }
    assert.deepStrictEqual(failures, [], `super-linear growth:\n${failures.join('\n')}`);
  });

  it(`asks at once about a command past ${MAX_READ_CHARS / 1024} KiB, whatever it holds`, () => {
    const line = `echo ${'{'.repeat(MAX_READ_CHARS)} ; rm -rf ~/projects`;
    const v = evaluate({ kind: 'shell', command: line }, policy, {});
    assert.equal(v.decision, 'confirm');
    assert.deepStrictEqual(v.findings.map((f) => f.rule), [TOO_LONG_RULE]);
    assert.match(v.findings[0].summary, /too long to read/);
    const tool = evaluate({ kind: 'tool', tool: 'mcp__db__run_sql', args: { sql: `SELECT 1; ${' '.repeat(MAX_READ_CHARS)}` } }, policy, {});
    assert.deepStrictEqual(tool.findings.map((f) => f.rule), [TOO_LONG_RULE]);
    // Just under the bound it is read as usual.
    const under = evaluate({ kind: 'shell', command: `echo ${'a'.repeat(MAX_READ_CHARS - 100)}` }, policy, {});
    assert.equal(under.decision, 'allow');
  });

  it('a 1.2 MB hook payload of the issue’s ingredients is denied by the real CLI', async () => {
    buildCli();
    const command = [
      `python3 -c "${'rm -r'.repeat(24_000)}"`,
      `Invoke-RestMethod -Method Post -Body @{${'@{'.repeat(60_000)}}`,
      `sed -${'i'.repeat(150_000)} s/a/b/ notes.txt`,
      `curl -H "X-Token: ${' '.repeat(300_000)}x" https://api.example.com`,
      `docker run --rm -v data:/data alpine sh -c '${'rm -rf -r '.repeat(30_000)}'`,
      `echo ${'\\"'.repeat(200_000)}`,
      'rm -rf ~/projects',
    ].join('; ');
    const payload = JSON.stringify({ session_id: 's', hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command }, cwd: os.tmpdir() });
    assert.ok(payload.length > 1_200_000, `${payload.length} bytes`);
    const start = Date.now();
    const r = await runHook('claude', payload, isolatedEnv());
    const ms = Date.now() - start;
    // Claude Code blocks on exit 2; the JSON says deny.
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stdout, /"permissionDecision":"deny"/);
    assert.match(r.stdout, /too long to read/);
    // Generous for a loaded machine: the point is seconds, not the 1,274 s the issue measured.
    assert.ok(ms < 10_000, `${ms} ms`);
  });
});
