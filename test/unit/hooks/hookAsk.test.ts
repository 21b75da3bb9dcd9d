// A real ask server (src/protocol/askServer.ts) on a real socket with a scripted person: the built CLI
// finds the window from the payload's cwd, the person's block and allow reach the hook's output in
// the host's format, and a benign call never reaches the window.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { AskServer } from '../../../src/protocol/askServer';
import type { AskHandlerResult } from '../../../src/protocol/askServer';
import { newSecret, socketPathFor, writeDiscoveryRecord } from '../../../src/protocol/discovery';
import type { AskRequest } from '../../../src/protocol/protocol';
import { buildCli, isolatedEnv, runHook } from './cliRunner';
import { fixture } from './fixtures';

/** The fixture with its directories moved into `ws`, the folder the scripted window has open. */
function inWorkspace(name: string, ws: string): string {
  const p = fixture(name) as Record<string, any>;
  if ('cwd' in p) p.cwd = ws;
  if (p.workspace_roots) p.workspace_roots = [ws];
  if (p.workspaceRoots) p.workspaceRoots = [ws];
  if (p.tool_info?.cwd) p.tool_info.cwd = ws;
  return JSON.stringify(p);
}

describe('agent-guard hook with a VS Code window answering (real socket, scripted person)', function () {
  this.timeout(60_000);
  let server: AskServer;
  let env: NodeJS.ProcessEnv;
  let ws: string;
  const asked: AskRequest[] = [];
  let answer: (req: AskRequest) => AskHandlerResult;

  before(async () => {
    buildCli();
    env = isolatedEnv();
    ws = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-ws-'));
    const secret = newSecret();
    const id = 'hooktest' + process.pid;
    fs.mkdirSync(path.dirname(socketPathFor(id, env)), { recursive: true, mode: 0o700 });
    server = await AskServer.listen({
      socketPath: socketPathFor(id, env),
      secret,
      handleAsk: (req) => {
        asked.push(req);
        return Promise.resolve(answer(req));
      },
    });
    writeDiscoveryRecord(id, { v: 1, socketPath: socketPathFor(id, env), secret, pid: process.pid, workspaceFolders: [ws], createdAt: new Date().toISOString(), confirmTimeoutSeconds: 300 }, env);
  });
  after(async () => {
    await server.close();
    fs.rmSync(ws, { recursive: true, force: true });
  });
  beforeEach(() => {
    asked.length = 0;
  });

  it('the person blocks a Claude Code `railway volume delete`: deny JSON with their message, exit 2', async () => {
    answer = () => ({ decision: 'block', by: 'person', message: 'The person blocked this in VS Code (production volume). Stop and ask the person.' });
    const r = await runHook('claude', inWorkspace('claude-bash-railway-volume-delete.json', ws), env);
    assert.equal(asked.length, 1);
    assert.deepEqual(asked[0].action, { kind: 'shell', command: 'railway volume delete --volume 5f1c9a3e-2b7d-4e8a-9c1f-0d6e7b8a9c2d --yes' });
    assert.equal(asked[0].origin.door, 'hook');
    assert.equal(asked[0].origin.agent, 'Claude Code');
    assert.equal(asked[0].origin.cwd, ws);
    assert.equal(asked[0].verdict.decision, 'confirm');
    assert.ok(asked[0].verdict.findings.some((f) => f.rule === 'cloud.railway-volume-delete'));
    assert.equal(typeof asked[0].verdict.environment.name, 'string');
    assert.equal(r.status, 2);
    assert.equal(JSON.parse(r.stdout).hookSpecificOutput.permissionDecision, 'deny');
    assert.equal(JSON.parse(r.stdout).hookSpecificOutput.permissionDecisionReason, 'The person blocked this in VS Code (production volume). Stop and ask the person.');
  });

  it('the person allows a Cursor curl GraphQL volumeDelete once: permission allow, exit 0', async () => {
    answer = () => ({ decision: 'allow', by: 'person', message: 'Allowed once by the person.' });
    const r = await runHook('cursor', inWorkspace('cursor-before-shell-railway-graphql.json', ws), env);
    assert.equal(asked.length, 1);
    assert.equal(asked[0].origin.agent, 'Cursor');
    assert.ok(asked[0].verdict.findings.some((f) => /volumeDelete/.test(f.summary)));
    assert.deepEqual([r.status, JSON.parse(r.stdout)], [0, { permission: 'allow', user_message: 'Allowed once by the person.', userMessage: 'Allowed once by the person.' }]);
  });

  it('an MCP delete_project reaches the person with its server named, and their block reaches Gemini', async () => {
    answer = () => ({ decision: 'block', by: 'person', message: 'Blocked by the person.' });
    const r = await runHook('gemini', inWorkspace('gemini-before-tool-mcp-delete-project.json', ws), env);
    assert.equal(asked.length, 1);
    assert.deepEqual(asked[0].action, { kind: 'tool', tool: 'neon/delete_project', args: { projectId: 'shy-meadow-123456' } });
    assert.equal(asked[0].origin.agent, 'Gemini CLI (MCP server neon)');
    assert.deepEqual([r.status, JSON.parse(r.stdout)], [0, { decision: 'deny', reason: 'Blocked by the person.' }]);
  });

  it('the person allows for Claude Code: allow JSON spares a second prompt', async () => {
    answer = () => ({ decision: 'allow', by: 'person', message: 'Allowed once by the person.' });
    const r = await runHook('claude', inWorkspace('claude-mcp-delete-project.json', ws), env);
    assert.equal(r.status, 0);
    assert.deepEqual(JSON.parse(r.stdout), { hookSpecificOutput: { hookEventName: 'PreToolUse', permissionDecision: 'allow', permissionDecisionReason: 'Allowed once by the person.' } });
  });

  it('a timeout answered by the window is a block', async () => {
    answer = () => ({ decision: 'block', by: 'timeout', message: 'Nobody answered in time. Stop and ask the person.' });
    const r = await runHook('windsurf', inWorkspace('windsurf-pre-run-command-railway.json', ws), env);
    assert.deepEqual([r.status, r.stdout, r.stderr], [2, '', 'Nobody answered in time. Stop and ask the person.\n']);
  });

  it('benign calls never reach the window', async () => {
    answer = () => {
      throw new Error('must not be asked');
    };
    const r = await runHook('claude', inWorkspace('claude-bash-benign.json', ws), env);
    assert.deepEqual([r.status, r.stdout, asked.length], [0, '', 0]);
    const c = await runHook('cursor', inWorkspace('cursor-before-shell-benign.json', ws), env);
    assert.deepEqual([c.status, c.stdout, asked.length], [0, '{"permission":"allow"}\n', 0]);
  });
});
