// Agents' tool calls: MCP tools with destructive names, SQL tools, terminal tools.
import * as assert from 'assert';
import { evaluate } from '../../../src/engine/evaluate';
import { defaultPolicy } from '../../../src/engine/policy';

const tool = (name: string, args: Record<string, unknown>) => evaluate({ kind: 'tool', tool: name, args }, defaultPolicy());

describe('tool calls', () => {
  const rows: Array<[string, Record<string, unknown>, string]> = [
    ['mcp__neon__delete_project', { projectId: 'proj-1' }, 'confirm'],
    ['mcp__neon__reset_from_parent', { branchId: 'br-1' }, 'confirm'],
    ['deleteDatabase', { name: 'app' }, 'confirm'],
    ['mcp__supabase__execute_sql', { query: 'DROP TABLE users' }, 'confirm'],
    ['mcp__neon__run_sql', { sql: 'TRUNCATE orders' }, 'confirm'],
    ['mcp__neon__run_sql', { sql: 'SELECT * FROM orders WHERE id = 1' }, 'allow'],
    ['mcp__neon__list_projects', {}, 'allow'],
    ['mcp__github__create_issue', { title: 'drop table bug' }, 'allow'],
    ['Bash', { command: 'rm -rf ~' }, 'confirm'],
    ['run_in_terminal', { command: 'git status' }, 'allow'],
  ];
  for (const [name, args, expected] of rows) {
    it(`${name} ${JSON.stringify(args)} → ${expected}`, () => assert.strictEqual(tool(name, args).decision, expected));
  }
  it('names the target and the tool in the summary', () => {
    const v = tool('mcp__neon__delete_project', { projectId: 'proj-1' });
    assert.strictEqual(v.findings[0].target, 'proj-1');
    assert.match(v.findings[0].summary, /neon delete_project/);
    assert.match(v.findings[0].agentMessage, /ask the person/);
  });
});
