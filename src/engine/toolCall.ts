// Agents' tool calls that are not shell commands: MCP tools and the like. A terminal tool's command
// is judged as a shell line; a SQL tool's statement by the SQL classifier; any tool whose name says
// it deletes, drops, destroys, resets or wipes asks, naming what it would destroy.
import type { EnvironmentInfo, Finding, Verdict } from './types';
import { classifySql } from './sql/sqlClassifier';

export type ToolCallResult = { verdict: Verdict } | { findings: Finding[]; environment?: EnvironmentInfo };

/** Tools that run a shell command line, across hosts. */
const TERMINAL_TOOLS = new Set(['bash', 'shell', 'run_in_terminal', 'runterminalcommand', 'run_shell_command', 'execute_command', 'run_command', 'terminal', 'exec', 'local_shell', 'shell_command']);
const COMMAND_KEYS = ['command', 'commandLine', 'command_line', 'cmd'];
/** Argument keys that hold SQL in database MCP servers (Neon `run_sql`, Supabase `execute_sql`, …). */
const SQL_KEYS = ['sql', 'query', 'statement', 'statements', 'sqlQuery', 'sql_query'];
const SQL_TOOL_RE = /(sql|query|statement|execute|run)/i;
const DESTRUCTIVE_WORDS = new Set(['delete', 'drop', 'destroy', 'remove', 'purge', 'reset', 'wipe', 'truncate', 'terminate', 'erase', 'nuke', 'flush', 'rm', 'teardown']);
const TARGET_KEYS = ['projectId', 'project_id', 'project', 'databaseName', 'database', 'database_id', 'branchId', 'branch_id', 'branch', 'volumeId', 'volume_id', 'serviceId', 'environmentId', 'id', 'name', 'table', 'path'];
const ENV_KEYS = ['environment', 'environmentName', 'env', 'stage'];

/** `mcp__neon__delete_project` → { server: 'neon', tool: 'delete_project' }. */
export function splitToolName(raw: string): { server?: string; tool: string } {
  const m = /^mcp__(.+?)__(.+)$/s.exec(raw);
  if (m) return { server: m[1], tool: m[2] };
  const slash = /^([^/]+)\/(.+)$/.exec(raw);
  if (slash) return { server: slash[1], tool: slash[2] };
  return { tool: raw };
}

/** Words of a tool name: `deleteProject`, `delete_project`, `delete-project` → ['delete', 'project']. */
function nameWords(tool: string): string[] {
  return tool
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

function stringArg(args: Record<string, unknown>, keys: readonly string[]): string | undefined {
  for (const k of keys) {
    const v = args[k];
    if (typeof v === 'string' && v.trim() !== '') return v;
    if (typeof v === 'number') return String(v);
  }
  return undefined;
}

function message(summary: string, rule: string): string {
  return (
    `Agent Guard stopped this tool call: it ${summary} (rule ${rule}). ` +
    'Do not try another tool, command or credential to do the same thing. Stop and ask the person.'
  );
}

export function evaluateToolCall(rawName: string, args: Record<string, unknown>, evaluateShell: (command: string) => Verdict): ToolCallResult {
  const { server, tool } = splitToolName(rawName);
  const label = server ? `${server} ${tool}` : tool;
  const command = stringArg(args ?? {}, COMMAND_KEYS);
  if (TERMINAL_TOOLS.has(tool.toLowerCase()) && command !== undefined) return { verdict: evaluateShell(command) };

  const findings: Finding[] = [];
  const sqlText = SQL_KEYS.map((k) => args?.[k]).flatMap((v) => (typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []));
  if (sqlText.length > 0 && (SQL_TOOL_RE.test(tool) || SQL_KEYS.some((k) => k in (args ?? {})))) {
    for (const text of sqlText) {
      for (const f of classifySql(text)) {
        findings.push({
          rule: 'tool.destructive-sql',
          category: 'sql',
          severity: f.severity,
          summary: `${f.summary} (through the tool \`${label}\`)`,
          agentMessage: message(f.summary, 'tool.destructive-sql'),
          target: f.target,
          source: 'builtin',
          command: `${label} ${f.statement}`,
        });
      }
    }
  }

  const words = nameWords(tool);
  const verb = words.find((w) => DESTRUCTIVE_WORDS.has(w));
  if (verb) {
    const target = stringArg(args ?? {}, TARGET_KEYS);
    const object = words.filter((w) => w !== verb).join(' ') || 'something';
    const summary = `calls \`${label}\`, which would ${verb} ${object}${target ? ` \`${target}\`` : ''}`;
    findings.push({ rule: 'tool.destructive-name', category: 'tool', severity: 'high', summary, agentMessage: message(summary, 'tool.destructive-name'), target, source: 'builtin', command: label });
  }

  const envName = stringArg(args ?? {}, ENV_KEYS);
  const environment: EnvironmentInfo | undefined = envName
    ? { name: envName, production: /prod|live|prd/i.test(envName), source: `from the tool argument \`${envName}\`` }
    : undefined;
  return { findings, environment };
}
