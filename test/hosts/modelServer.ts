// A scripted model on 127.0.0.1 for the real-host suite: it speaks the four wire formats the agent CLIs
// use (Anthropic Messages, Gemini generateContent, OpenAI Responses and Chat Completions, each with SSE)
// and, whenever a request offers tools, makes the host call its shell tool with the next command of the
// script. Every tool result the host sends back is recorded, so the suite can assert what the model saw.
// Requests without tools (titles, summaries, quota checks) get a short plain answer.
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Api = 'anthropic' | 'gemini' | 'responses' | 'chat';

export interface ToolResult {
  api: Api;
  /** The command the model asked for (the step this result answers). */
  command: string;
  text: string;
}

interface ToolSpec {
  name: string;
  schema: Record<string, unknown>;
}

type Json = Record<string, unknown>;

/** Shell tools the hosts offer, most specific first. */
const SHELL_TOOL_NAMES = ['Bash', 'run_shell_command', 'shell', 'exec_command', 'shell_command', 'bash', 'execute_command', 'run_commands', 'powershell'];

const rec = (v: unknown): Json => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

function textOf(v: unknown): string {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map(textOf).join('\n');
  const r = rec(v);
  if (typeof r.text === 'string') return r.text;
  if ('content' in r) return textOf(r.content);
  if ('output' in r) return textOf(r.output);
  return JSON.stringify(v);
}

/** The arguments for `command` that the tool's JSON schema asks for. */
function argsFor(tool: ToolSpec, command: string): Json {
  const props = rec(tool.schema.properties);
  const required = arr(tool.schema.required).filter((k): k is string => typeof k === 'string');
  const args: Json = {};
  for (const key of ['command', 'cmd', 'commands']) {
    const p = rec(props[key]);
    if (!(key in props)) continue;
    if (p.type === 'array') args[key] = key === 'commands' ? [command] : ['bash', '-lc', command];
    else args[key] = command;
    break;
  }
  for (const key of required) {
    if (key in args) continue;
    const t = rec(props[key]).type;
    if (key === 'description' || key === 'explanation' || key === 'justification') args[key] = 'Scripted test step';
    else if (t === 'boolean') args[key] = false;
    else if (t === 'number' || t === 'integer') args[key] = 0;
    else if (t === 'array') args[key] = [];
    else if (t === 'object') args[key] = {};
    else args[key] = '';
  }
  if ('description' in props && !('description' in args)) args.description = 'Scripted test step';
  return args;
}

function pickShellTool(tools: ToolSpec[]): ToolSpec | undefined {
  for (const name of SHELL_TOOL_NAMES) {
    const t = tools.find((x) => x.name === name);
    if (t) return t;
  }
  return undefined;
}

/** What one request carries, read the same way for every API. */
interface Reading {
  tools: ToolSpec[];
  results: string[];
}

function readAnthropic(body: Json): Reading {
  const tools = arr(body.tools).map((t) => ({ name: String(rec(t).name), schema: rec(rec(t).input_schema) }));
  const results: string[] = [];
  for (const m of arr(body.messages)) for (const b of arr(rec(m).content)) if (rec(b).type === 'tool_result') results.push(textOf(rec(b).content));
  return { tools, results };
}

function readGemini(body: Json): Reading {
  const tools: ToolSpec[] = [];
  for (const t of arr(body.tools)) {
    for (const f of arr(rec(t).functionDeclarations)) tools.push({ name: String(rec(f).name), schema: rec(rec(f).parametersJsonSchema ?? rec(f).parameters) });
  }
  const results: string[] = [];
  for (const c of arr(body.contents)) for (const p of arr(rec(c).parts)) if (rec(p).functionResponse) results.push(JSON.stringify(rec(rec(p).functionResponse).response));
  return { tools, results };
}

function readResponses(body: Json): Reading {
  const tools = arr(body.tools).map((t) => ({ name: String(rec(t).name), schema: rec(rec(t).parameters) }));
  const results: string[] = [];
  for (const i of arr(body.input)) {
    const t = rec(i).type;
    if (t === 'function_call_output' || t === 'custom_tool_call_output' || t === 'local_shell_call_output') results.push(textOf(rec(i).output));
  }
  return { tools, results };
}

function readChat(body: Json): Reading {
  const tools = arr(body.tools).map((t) => ({ name: String(rec(rec(t).function).name), schema: rec(rec(rec(t).function).parameters) }));
  const results: string[] = [];
  for (const m of arr(body.messages)) if (rec(m).role === 'tool') results.push(textOf(rec(m).content));
  return { tools, results };
}

type Reply = { kind: 'text'; text: string } | { kind: 'tool'; name: string; args: Json; id: string };

function sse(res: http.ServerResponse, events: { event?: string; data: unknown }[]): void {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  for (const e of events) res.write(`${e.event ? `event: ${e.event}\n` : ''}data: ${typeof e.data === 'string' ? e.data : JSON.stringify(e.data)}\n\n`);
  res.end();
}

function json(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function answerAnthropic(res: http.ServerResponse, body: Json, reply: Reply): void {
  const usage = { input_tokens: 10, output_tokens: 5, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 };
  const block = reply.kind === 'text' ? { type: 'text', text: reply.text } : { type: 'tool_use', id: reply.id, name: reply.name, input: reply.args };
  const stop = reply.kind === 'text' ? 'end_turn' : 'tool_use';
  const message = { id: `msg_${Date.now()}`, type: 'message', role: 'assistant', model: String(body.model ?? 'claude'), content: [block], stop_reason: stop, stop_sequence: null, usage };
  if (body.stream !== true) return json(res, 200, message);
  const startBlock = reply.kind === 'text' ? { type: 'text', text: '' } : { ...block, input: {} };
  const delta = reply.kind === 'text' ? { type: 'text_delta', text: reply.text } : { type: 'input_json_delta', partial_json: JSON.stringify(reply.args) };
  sse(res, [
    { event: 'message_start', data: { type: 'message_start', message: { ...message, content: [], stop_reason: null } } },
    { event: 'content_block_start', data: { type: 'content_block_start', index: 0, content_block: startBlock } },
    { event: 'content_block_delta', data: { type: 'content_block_delta', index: 0, delta } },
    { event: 'content_block_stop', data: { type: 'content_block_stop', index: 0 } },
    { event: 'message_delta', data: { type: 'message_delta', delta: { stop_reason: stop, stop_sequence: null }, usage: { output_tokens: 5 } } },
    { event: 'message_stop', data: { type: 'message_stop' } },
  ]);
}

function answerGemini(res: http.ServerResponse, stream: boolean, reply: Reply): void {
  const part = reply.kind === 'text' ? { text: reply.text } : { functionCall: { name: reply.name, args: reply.args, id: reply.id } };
  const chunk = {
    candidates: [{ content: { role: 'model', parts: [part] }, finishReason: 'STOP', index: 0 }],
    usageMetadata: { promptTokenCount: 10, candidatesTokenCount: 5, totalTokenCount: 15 },
    modelVersion: 'gemini-2.5-pro',
  };
  if (stream) sse(res, [{ data: chunk }]);
  else json(res, 200, chunk);
}

function answerResponses(res: http.ServerResponse, body: Json, reply: Reply): void {
  const id = `resp_${Date.now()}`;
  const item = reply.kind === 'text'
    ? { type: 'message', id: `msg_${Date.now()}`, role: 'assistant', status: 'completed', content: [{ type: 'output_text', text: reply.text, annotations: [] }] }
    : { type: 'function_call', id: `fc_${reply.id}`, call_id: reply.id, name: reply.name, arguments: JSON.stringify(reply.args), status: 'completed' };
  const usage = { input_tokens: 10, input_tokens_details: { cached_tokens: 0 }, output_tokens: 5, output_tokens_details: { reasoning_tokens: 0 }, total_tokens: 15 };
  const response = { id, object: 'response', created_at: Math.floor(Date.now() / 1000), status: 'completed', model: String(body.model ?? 'gpt'), output: [item], usage };
  if (body.stream !== true) return json(res, 200, response);
  sse(res, [
    { event: 'response.created', data: { type: 'response.created', response: { ...response, status: 'in_progress', output: [] } } },
    { event: 'response.output_item.added', data: { type: 'response.output_item.added', output_index: 0, item } },
    { event: 'response.output_item.done', data: { type: 'response.output_item.done', output_index: 0, item } },
    { event: 'response.completed', data: { type: 'response.completed', response } },
  ]);
}

function answerChat(res: http.ServerResponse, body: Json, reply: Reply): void {
  const base = { id: `chatcmpl_${Date.now()}`, created: Math.floor(Date.now() / 1000), model: String(body.model ?? 'gpt') };
  const usage = { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 };
  const toolCall = reply.kind === 'tool' ? { id: reply.id, type: 'function', function: { name: reply.name, arguments: JSON.stringify(reply.args) } } : undefined;
  const finish = reply.kind === 'text' ? 'stop' : 'tool_calls';
  if (body.stream !== true) {
    const message = reply.kind === 'text' ? { role: 'assistant', content: reply.text } : { role: 'assistant', content: null, tool_calls: [toolCall] };
    return json(res, 200, { ...base, object: 'chat.completion', choices: [{ index: 0, message, finish_reason: finish }], usage });
  }
  const delta = reply.kind === 'text' ? { role: 'assistant', content: reply.text } : { role: 'assistant', content: null, tool_calls: [{ index: 0, ...toolCall }] };
  sse(res, [
    { data: { ...base, object: 'chat.completion.chunk', choices: [{ index: 0, delta, finish_reason: null }] } },
    { data: { ...base, object: 'chat.completion.chunk', choices: [{ index: 0, delta: {}, finish_reason: finish }], usage } },
    { data: '[DONE]' },
  ]);
}

export interface RecordedRequest {
  method: string;
  url: string;
  api?: Api;
  tools: string[];
  results: number;
}

export class ScriptedModel {
  readonly requests: RecordedRequest[] = [];
  readonly toolResults: ToolResult[] = [];
  /** Set when a request offered tools but none of them is a shell tool (the host's tool names changed). */
  noShellTool?: string[];
  private server?: http.Server;
  private readonly seen = new Set<string>();
  /** Request bodies (the last 4 MB): a reason may reach the model as context rather than as the tool result. */
  private bodies = '';

  constructor(private readonly script: readonly string[]) {}

  async start(): Promise<number> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        try {
          this.handle(req, res, Buffer.concat(chunks).toString('utf8'));
        } catch (e) {
          json(res, 500, { error: { message: String(e) } });
        }
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return (this.server!.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }

  /** Whether any request the host sent contains `text` (JSON-escaped as it is on the wire, or plain). */
  sawText(text: string): boolean {
    return this.bodies.includes(text) || this.bodies.includes(JSON.stringify(text).slice(1, -1));
  }

  /** The command whose result the host sent back, and what it said. */
  resultFor(command: string): string | undefined {
    return this.toolResults.find((r) => r.command === command)?.text;
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse, raw: string): void {
    const url = req.url ?? '/';
    const record: RecordedRequest = { method: req.method ?? 'GET', url, tools: [], results: 0 };
    this.bodies = (this.bodies + raw).slice(-4_000_000);
    this.requests.push(record);
    if (req.method !== 'POST') return json(res, 200, { data: [{ id: 'scripted-model', object: 'model' }], models: [] });
    if (url.includes('count_tokens')) return json(res, 200, { input_tokens: 10 });
    if (url.includes(':countTokens')) return json(res, 200, { totalTokens: 10 });
    let body: Json = {};
    try {
      body = rec(JSON.parse(raw));
    } catch {
      return json(res, 400, { error: { message: 'not JSON' } });
    }
    let api: Api;
    let reading: Reading;
    if (url.includes('/messages')) [api, reading] = ['anthropic', readAnthropic(body)];
    else if (/generatecontent/i.test(url)) [api, reading] = ['gemini', readGemini(body)];
    else if (url.includes('/responses')) [api, reading] = ['responses', readResponses(body)];
    else if (url.includes('/chat/completions')) [api, reading] = ['chat', readChat(body)];
    else return json(res, 404, { error: { message: `scripted model: no API at ${url}` } });
    record.api = api;
    record.tools = reading.tools.map((t) => t.name);
    record.results = reading.results.length;
    const reply = this.next(api, reading);
    if (api === 'anthropic') answerAnthropic(res, body, reply);
    else if (api === 'gemini') answerGemini(res, url.includes('streamGenerateContent'), reply);
    else if (api === 'responses') answerResponses(res, body, reply);
    else answerChat(res, body, reply);
  }

  /** Results so far decide the step: the n-th result answers the n-th command of the script. */
  private next(api: Api, reading: Reading): Reply {
    if (reading.tools.length === 0) return { kind: 'text', text: 'Scripted test session.' };
    reading.results.forEach((text, i) => {
      const key = `${api}:${i}`;
      if (i < this.script.length && !this.seen.has(key)) {
        this.seen.add(key);
        this.toolResults.push({ api, command: this.script[i], text });
      }
    });
    const step = reading.results.length;
    if (step >= this.script.length) return { kind: 'text', text: 'All steps done.' };
    const tool = pickShellTool(reading.tools);
    if (!tool) {
      this.noShellTool = reading.tools.map((t) => t.name);
      return { kind: 'text', text: 'No shell tool offered.' };
    }
    return { kind: 'tool', name: tool.name, args: argsFor(tool, this.script[step]), id: `call_${api}_${step}` };
  }
}
