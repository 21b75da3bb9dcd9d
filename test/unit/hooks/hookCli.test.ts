// The built `dist/cli.js` answering each host's real payload shape, with no VS Code reachable
// (a temporary XDG_RUNTIME_DIR holds no window): destructive calls are denied in the host's own
// format with a blocking exit code, benign calls pass without asking anyone, bad input is denied.
import { strict as assert } from 'assert';
import { buildCli, isolatedEnv, runHook } from './cliRunner';
import type { CliResult } from './cliRunner';
import { fixtureText } from './fixtures';

const STOP = /Stop and ask the person/;

function json(r: CliResult): any {
  return JSON.parse(r.stdout);
}

function assertClaudeDeny(r: CliResult, finding: RegExp): void {
  assert.equal(r.status, 2, r.stderr);
  const out = json(r);
  assert.equal(out.hookSpecificOutput.hookEventName, 'PreToolUse');
  assert.equal(out.hookSpecificOutput.permissionDecision, 'deny');
  assert.match(out.hookSpecificOutput.permissionDecisionReason, finding);
  assert.match(out.hookSpecificOutput.permissionDecisionReason, /VS Code could not be asked/);
  assert.match(r.stderr, STOP);
}

describe('agent-guard hook (built dist/cli.js, no VS Code reachable)', function () {
  this.timeout(60_000);
  before(() => buildCli());

  it('Claude Code Bash `railway volume delete` → deny JSON, exit 2', async () => {
    assertClaudeDeny(await runHook('claude', fixtureText('claude-bash-railway-volume-delete.json'), isolatedEnv()), /railway-volume-delete/);
  });

  it('Cursor beforeShellExecution curl GraphQL volumeDelete → permission deny, exit 2', async () => {
    const r = await runHook('cursor', fixtureText('cursor-before-shell-railway-graphql.json'), isolatedEnv());
    assert.equal(r.status, 2);
    const out = json(r);
    assert.equal(out.permission, 'deny');
    assert.match(out.agent_message, /volumeDelete/);
    assert.equal(out.agentMessage, out.agent_message);
    assert.equal(out.user_message, out.agent_message);
    assert.match(out.agent_message, STOP);
  });

  it('Copilot run_in_terminal `psql … DROP TABLE users` → deny JSON, exit 2', async () => {
    assertClaudeDeny(await runHook('copilot', fixtureText('copilot-run-in-terminal-drop-table.json'), isolatedEnv()), /users/);
  });

  it('the shared .claude hook fired by Copilot answers the Copilot payload too', async () => {
    assertClaudeDeny(await runHook('claude', fixtureText('copilot-run-in-terminal-drop-table.json'), isolatedEnv()), /users/);
  });

  it('MCP delete_project is denied in every host format', async () => {
    assertClaudeDeny(await runHook('claude', fixtureText('claude-mcp-delete-project.json'), isolatedEnv()), /delete_project/);
    const cursor = await runHook('cursor', fixtureText('cursor-before-mcp-delete-project.json'), isolatedEnv());
    assert.deepEqual([cursor.status, json(cursor).permission], [2, 'deny']);
    const gemini = await runHook('gemini', fixtureText('gemini-before-tool-mcp-delete-project.json'), isolatedEnv());
    assert.deepEqual([gemini.status, json(gemini).decision], [0, 'deny'], 'Gemini: a JSON deny with exit 0 blocks without "hook failed"');
    assert.match(json(gemini).reason, /delete_project/);
    const windsurf = await runHook('windsurf', fixtureText('windsurf-pre-mcp-delete-project.json'), isolatedEnv());
    assert.deepEqual([windsurf.status, windsurf.stdout], [2, '']);
    assert.match(windsurf.stderr, /delete_project/);
    const cline = await runHook('cline', fixtureText('cline-use-mcp-tool-delete-project.json'), isolatedEnv());
    assert.equal(cline.status, 0);
    assert.equal(json(cline).cancel, true);
    assert.match(json(cline).errorMessage, STOP);
  });

  it('Gemini, Codex, Windsurf and Cline shell payloads are denied in their formats', async () => {
    const gemini = await runHook('gemini', fixtureText('gemini-before-tool-railway.json'), isolatedEnv());
    assert.deepEqual([gemini.status, json(gemini).decision], [0, 'deny']);
    const codex = await runHook('codex', fixtureText('codex-bash-drop-table.json'), isolatedEnv());
    assertClaudeDeny(codex, /users/);
    const windsurf = await runHook('windsurf', fixtureText('windsurf-pre-run-command-railway.json'), isolatedEnv());
    assert.equal(windsurf.status, 2);
    assert.match(windsurf.stderr, /railway-volume-delete/);
    const cline = await runHook('cline', fixtureText('cline-execute-command-railway-graphql.json'), isolatedEnv());
    assert.equal(json(cline).cancel, true);
  });

  it('benign calls pass with no prompt, in each host format', async () => {
    const env = isolatedEnv();
    const claude = await runHook('claude', fixtureText('claude-bash-benign.json'), env);
    assert.deepEqual([claude.status, claude.stdout, claude.stderr], [0, '', '']);
    const mcp = await runHook('claude', fixtureText('claude-mcp-list-projects.json'), env);
    assert.deepEqual([mcp.status, mcp.stdout], [0, '']);
    const copilot = await runHook('copilot', fixtureText('copilot-runTerminalCommand-benign.json'), env);
    assert.deepEqual([copilot.status, copilot.stdout], [0, '']);
    const cursor = await runHook('cursor', fixtureText('cursor-before-shell-benign.json'), env);
    assert.deepEqual([cursor.status, cursor.stdout], [0, '{"permission":"allow"}\n']);
    const codex = await runHook('codex', fixtureText('codex-bash-benign.json'), env);
    assert.deepEqual([codex.status, codex.stdout], [0, '']);
    const windsurf = await runHook('windsurf', fixtureText('windsurf-pre-run-command-benign.json'), env);
    assert.deepEqual([windsurf.status, windsurf.stdout], [0, '']);
    const cline = await runHook('cline', fixtureText('cline-read-file-benign.json'), env);
    assert.deepEqual([cline.status, cline.stdout], [0, '{"cancel":false}\n']);
    const gemini = await runHook('gemini', JSON.stringify({ session_id: 's', cwd: '/tmp', hook_event_name: 'BeforeTool', tool_name: 'run_shell_command', tool_input: { command: 'ls -la' } }), env);
    assert.deepEqual([gemini.status, gemini.stdout], [0, '']);
  });

  it('a payload that is not JSON, an unknown shape and empty stdin are denied (fail closed)', async () => {
    const env = isolatedEnv();
    for (const [host, input] of [['claude', 'rm -rf /'], ['claude', '{"tool_name":"Bash","tool_input":{}}'], ['copilot', ''], ['gemini', '[]'], ['codex', '{']] as const) {
      const r = await runHook(host, input, env);
      assert.equal(r.status, host === 'gemini' ? 0 : 2, `${host} ${input}`);
      assert.equal(json(r).hookSpecificOutput?.permissionDecision ?? json(r).decision, 'deny');
      assert.match(r.stdout, /could not check this action/);
    }
    const cursor = await runHook('cursor', '{"hook_event_name":"beforeShellExecution"}', env);
    assert.deepEqual([cursor.status, json(cursor).permission], [2, 'deny']);
    const windsurf = await runHook('windsurf', 'garbage', env);
    assert.deepEqual([windsurf.status, windsurf.stdout], [2, '']);
    const cline = await runHook('cline', 'garbage', env);
    assert.deepEqual([cline.status, json(cline).cancel], [0, true]);
  });

  it('an unknown host name still blocks (exit 2) and says which names exist', async () => {
    const r = await runHook('aider', '{}', isolatedEnv());
    assert.equal(r.status, 2);
    assert.match(r.stderr, /claude, copilot, cursor, gemini, codex, windsurf, cline/);
  });
});
