import { strict as assert } from 'assert';
import { HOST_IDS, PayloadError } from '../../../src/hosts/hostTypes';
import type { HookCall, HostAdapter, HostId } from '../../../src/hosts/hostTypes';
import { HOSTS } from '../../../src/hosts/registry';
import { fixture } from './fixtures';

const HOST_ADAPTERS = Object.fromEntries(HOST_IDS.map((h) => [h, HOSTS[h].adapter])) as Record<HostId, HostAdapter>;

const CWD = '/home/dev/shop';
const RAILWAY = 'railway volume delete --volume 5f1c9a3e-2b7d-4e8a-9c1f-0d6e7b8a9c2d --yes';
const PSQL = `psql "$DATABASE_URL" -c 'DROP TABLE users'`;
const CURL_START = 'curl -X POST https://backboard.railway.app/graphql/v2';

function parse(host: HostId, name: string): HookCall {
  return HOST_ADAPTERS[host].parse(fixture(name), '/fallback');
}

function judged(call: HookCall): Extract<HookCall, { kind: 'judge' }> {
  assert.equal(call.kind, 'judge');
  return call as Extract<HookCall, { kind: 'judge' }>;
}

describe('hook adapters: payload → Action + Origin', () => {
  const shellCases: Array<[HostId, string, string, string]> = [
    ['claude', 'claude-bash-railway-volume-delete.json', RAILWAY, 'Claude Code'],
    ['claude', 'copilot-run-in-terminal-drop-table.json', PSQL, 'Copilot'], // the shared .claude file, fired by Copilot
    ['copilot', 'copilot-run-in-terminal-drop-table.json', PSQL, 'Copilot'],
    ['copilot', 'copilot-runTerminalCommand-benign.json', 'npm test', 'Copilot'],
    ['gemini', 'gemini-before-tool-railway.json', RAILWAY, 'Gemini CLI'],
    ['codex', 'codex-bash-drop-table.json', PSQL, 'Codex CLI'],
    ['claude', 'codex-bash-drop-table.json', PSQL, 'Codex CLI'], // turn_id identifies Codex
    ['windsurf', 'windsurf-pre-run-command-railway.json', RAILWAY, 'Windsurf'],
  ];
  for (const [host, file, command, agent] of shellCases) {
    it(`${host} reads the shell command of ${file}`, () => {
      const c = judged(parse(host, file));
      assert.deepEqual(c.action, { kind: 'shell', command });
      assert.deepEqual({ door: c.origin.door, agent: c.origin.agent, cwd: c.origin.cwd }, { door: 'hook', agent, cwd: CWD });
      assert.equal(c.cwd, CWD);
    });
  }

  it('cursor beforeShellExecution keeps the curl GraphQL command whole', () => {
    const c = judged(parse('cursor', 'cursor-before-shell-railway-graphql.json'));
    assert.equal(c.action.kind, 'shell');
    const cmd = (c.action as { command: string }).command;
    assert.ok(cmd.startsWith(CURL_START));
    assert.ok(cmd.includes('volumeDelete(volumeId: \\"v1\\")'));
    assert.deepEqual(c.origin, { door: 'hook', agent: 'Cursor', cwd: CWD });
  });

  it('cline execute_command reads parameters.command and the first workspace root', () => {
    const c = judged(parse('cline', 'cline-execute-command-railway-graphql.json'));
    assert.ok((c.action as { command: string }).command.startsWith(CURL_START));
    assert.deepEqual(c.origin, { door: 'hook', agent: 'Cline', cwd: CWD });
  });

  const mcpCases: Array<[HostId, string, string, string]> = [
    ['claude', 'claude-mcp-delete-project.json', 'neon/delete_project', 'Claude Code (MCP server neon)'],
    ['gemini', 'gemini-before-tool-mcp-delete-project.json', 'neon/delete_project', 'Gemini CLI (MCP server neon)'],
    ['windsurf', 'windsurf-pre-mcp-delete-project.json', 'neon/delete_project', 'Windsurf (MCP server neon)'],
    ['cline', 'cline-use-mcp-tool-delete-project.json', 'neon/delete_project', 'Cline (MCP server neon)'],
    // Cursor names the server by its launch command or URL, which cannot stand in `server/tool`.
    ['cursor', 'cursor-before-mcp-delete-project.json', 'delete_project', 'Cursor (MCP server npx -y @neondatabase/mcp-server-neon start)'],
  ];
  for (const [host, file, tool, agent] of mcpCases) {
    it(`${host} turns the MCP delete_project call into a tool action (${file})`, () => {
      const c = judged(parse(host, file));
      assert.deepEqual(c.action, { kind: 'tool', tool, args: { projectId: 'shy-meadow-123456' } });
      assert.equal(c.origin.agent, agent);
      assert.equal(c.origin.door, 'hook');
    });
  }

  it('a Codex argv command array is quoted back into one command line', () => {
    const c = judged(HOST_ADAPTERS.codex.parse({ hook_event_name: 'PreToolUse', turn_id: 't', tool_name: 'Bash', tool_input: { command: ['bash', '-lc', 'rm -rf ~'] }, cwd: CWD }, '/x'));
    assert.deepEqual(c.action, { kind: 'shell', command: "bash -lc 'rm -rf ~'" });
  });

  it('uses the hook process cwd when the payload names none', () => {
    const c = judged(HOST_ADAPTERS.windsurf.parse({ agent_action_name: 'pre_mcp_tool_use', tool_info: { mcp_tool_name: 'list_projects', mcp_tool_arguments: {} } }, '/fallback'));
    assert.equal(c.cwd, '/fallback');
  });

  it('events that run nothing pass without evaluation', () => {
    assert.equal(HOST_ADAPTERS.claude.parse({ hook_event_name: 'PostToolUse', tool_name: 'Bash', tool_input: {} }, CWD).kind, 'pass');
    assert.equal(HOST_ADAPTERS.cursor.parse({ hook_event_name: 'afterFileEdit', file_path: 'a' }, CWD).kind, 'pass');
    assert.equal(HOST_ADAPTERS.gemini.parse({ hook_event_name: 'AfterTool', tool_name: 'x' }, CWD).kind, 'pass');
    assert.equal(HOST_ADAPTERS.windsurf.parse({ agent_action_name: 'post_write_code', tool_info: {} }, CWD).kind, 'pass');
    assert.equal(HOST_ADAPTERS.cline.parse({ hookName: 'PostToolUse' }, CWD).kind, 'pass');
  });

  const badPayloads: Array<[HostId, unknown]> = [
    ['claude', []],
    ['claude', { hook_event_name: 'PreToolUse' }],
    ['claude', { hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { description: 'no command' } }],
    ['claude', { hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: 42 }],
    ['copilot', 'a string'],
    ['cursor', { command: 'rm -rf /' }],
    ['cursor', { hook_event_name: 'beforeShellExecution' }],
    ['gemini', { hook_event_name: 'BeforeTool' }],
    ['codex', null],
    ['windsurf', { agent_action_name: 'pre_run_command', tool_info: {} }],
    ['windsurf', { agent_action_name: 'pre_run_command' }],
    ['cline', { hookName: 'PreToolUse', preToolUse: {} }],
  ];
  for (const [host, payload] of badPayloads) {
    it(`${host} refuses the unknown shape ${JSON.stringify(payload)}`, () => {
      assert.throws(() => HOST_ADAPTERS[host].parse(payload, CWD), PayloadError);
    });
  }
});

describe('hook adapters: (decision, message) → exact stdout + exit code', () => {
  const M = 'Agent Guard blocked this. Stop and ask the person.';
  const deny = { decision: 'deny' as const, message: M, approvedByPerson: false };
  const allow = { decision: 'allow' as const, message: '', approvedByPerson: false };
  const byPerson = { decision: 'allow' as const, message: 'Allowed once.', approvedByPerson: true };
  const pre = (d: string, r: string): string =>
    JSON.stringify({ hookSpecificOutput: { hookEventName: 'PreToolUse', permissionDecision: d, permissionDecisionReason: r } }) + '\n';

  it('every host has an adapter', () => {
    assert.deepEqual(Object.keys(HOST_ADAPTERS).sort(), [...HOST_IDS].sort());
  });

  it('Copilot CLI (toolName/toolArgs): a JSON deny at the top level with exit 0, so the reason reaches the model', () => {
    const cli = { ...deny, payload: { timestamp: 1, cwd: '/w', toolName: 'bash', toolArgs: '{"command":"rm -rf x"}' } };
    for (const host of ['claude', 'copilot'] as const) {
      const a = HOST_ADAPTERS[host].render(cli);
      assert.equal(a.exitCode, 0);
      const out = JSON.parse(a.stdout);
      assert.deepEqual([out.permissionDecision, out.permissionDecisionReason], ['deny', M]);
      assert.equal(out.hookSpecificOutput.permissionDecision, 'deny');
    }
  });

  it('Claude Code and Copilot: deny JSON and exit 2 with the reason on stderr', () => {
    for (const host of ['claude', 'copilot'] as const) {
      assert.deepEqual(HOST_ADAPTERS[host].render(deny), { stdout: pre('deny', M), stderr: M + '\n', exitCode: 2 });
      assert.deepEqual(HOST_ADAPTERS[host].render(allow), { stdout: '', stderr: '', exitCode: 0 });
      assert.deepEqual(HOST_ADAPTERS[host].render(byPerson), { stdout: pre('allow', 'Allowed once.'), stderr: '', exitCode: 0 });
    }
  });

  it('Codex: deny only; never prints allow (Codex rejects it)', () => {
    assert.deepEqual(HOST_ADAPTERS.codex.render(deny), { stdout: pre('deny', M), stderr: M + '\n', exitCode: 2 });
    assert.deepEqual(HOST_ADAPTERS.codex.render(byPerson), { stdout: '', stderr: '', exitCode: 0 });
    assert.deepEqual(HOST_ADAPTERS.codex.render(allow), { stdout: '', stderr: '', exitCode: 0 });
  });

  it('Cursor: permission with both message spellings, exit 2 on deny', () => {
    const body = { permission: 'deny', user_message: M, agent_message: M, userMessage: M, agentMessage: M };
    assert.deepEqual(HOST_ADAPTERS.cursor.render(deny), { stdout: JSON.stringify(body) + '\n', stderr: M + '\n', exitCode: 2 });
    assert.deepEqual(HOST_ADAPTERS.cursor.render(allow), { stdout: '{"permission":"allow"}\n', stderr: '', exitCode: 0 });
  });

  it('Gemini: a JSON deny with exit 0 (exit 2 would show the person "hook failed")', () => {
    assert.deepEqual(HOST_ADAPTERS.gemini.render(deny), { stdout: JSON.stringify({ decision: 'deny', reason: M }) + '\n', stderr: '', exitCode: 0 });
    assert.deepEqual(HOST_ADAPTERS.gemini.render(allow), { stdout: '', stderr: '', exitCode: 0 });
    assert.deepEqual(HOST_ADAPTERS.gemini.render(byPerson), { stdout: '{"decision":"allow","reason":"Allowed once."}\n', stderr: '', exitCode: 0 });
  });

  it('Windsurf: exit 2 with the reason on stderr is the only block', () => {
    assert.deepEqual(HOST_ADAPTERS.windsurf.render(deny), { stdout: '', stderr: M + '\n', exitCode: 2 });
    assert.deepEqual(HOST_ADAPTERS.windsurf.render(allow), { stdout: '', stderr: '', exitCode: 0 });
  });

  it('Cline: cancel with errorMessage', () => {
    assert.deepEqual(HOST_ADAPTERS.cline.render(deny), { stdout: JSON.stringify({ cancel: true, errorMessage: M }) + '\n', stderr: M + '\n', exitCode: 0 });
    assert.deepEqual(HOST_ADAPTERS.cline.render(allow), { stdout: '{"cancel":false}\n', stderr: '', exitCode: 0 });
  });
});
