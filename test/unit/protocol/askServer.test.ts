import * as assert from 'assert';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { AskServer } from '../../../src/protocol/askServer';
import type { AskHandlerResult, ProtocolProblem } from '../../../src/protocol/askServer';
import { askExtension } from '../../../src/protocol/askClient';
import { containmentScore, discoveryDirs, newSecret, socketPathFor, windowsDir, writeDiscoveryRecord } from '../../../src/protocol/discovery';
import type { WindowRecord } from '../../../src/protocol/discovery';
import type { AskRequest } from '../../../src/protocol/protocol';
import type { Verdict } from '../../../src/engine/types';

const verdict: Verdict = {
  decision: 'confirm',
  findings: [{ rule: 'sql.drop', category: 'sql', severity: 'high', summary: 'drops table `users`', agentMessage: 'ask', source: 'builtin' }],
  environment: { name: 'production', production: true, source: 'from `--environment production`' },
};

interface Harness {
  server: AskServer;
  env: NodeJS.ProcessEnv;
  secret: string;
  asked: AskRequest[];
  problems: ProtocolProblem[];
  /** Answers the next pending ask. */
  answers: Array<(r: AskHandlerResult) => void>;
  aborted: string[];
  recordPath: string;
}

async function harness(folders: string[], onAsk?: (req: AskRequest) => AskHandlerResult | undefined): Promise<Harness> {
  const runtime = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-rt-'));
  const env: NodeJS.ProcessEnv = { XDG_RUNTIME_DIR: runtime };
  const secret = newSecret();
  const id = Math.random().toString(16).slice(2, 10);
  const h: Partial<Harness> = { env, secret, asked: [], problems: [], answers: [], aborted: [] };
  fs.mkdirSync(path.dirname(socketPathFor(id, env)), { recursive: true, mode: 0o700 });
  h.server = await AskServer.listen({
    socketPath: socketPathFor(id, env),
    secret,
    handleAsk: (req, signal) => {
      h.asked!.push(req);
      const immediate = onAsk?.(req);
      if (immediate) return Promise.resolve(immediate);
      return new Promise((resolve) => {
        h.answers!.push(resolve);
        signal.addEventListener('abort', () => {
          h.aborted!.push(req.id);
          resolve({ decision: 'block', by: 'closed', message: 'closed' });
        });
      });
    },
    onProtocolError: (p) => h.problems!.push(p),
  });
  const record: WindowRecord = {
    v: 1,
    socketPath: socketPathFor(id, env),
    secret,
    pid: process.pid,
    workspaceFolders: folders,
    createdAt: new Date().toISOString(),
    confirmTimeoutSeconds: 300,
  };
  h.recordPath = writeDiscoveryRecord(id, record, env);
  return h as Harness;
}

/** Sends raw lines and collects reply lines until `count` arrive or the socket closes. */
function raw(socketPath: string, lines: string[], count: number): Promise<any[]> {
  return new Promise((resolve, reject) => {
    const sock = net.createConnection(socketPath);
    const replies: any[] = [];
    let buf = '';
    sock.setEncoding('utf8');
    sock.on('data', (c: string) => {
      buf += c;
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        replies.push(JSON.parse(buf.slice(0, nl)));
        buf = buf.slice(nl + 1);
      }
      if (replies.length >= count) {
        sock.destroy();
        resolve(replies);
      }
    });
    sock.on('close', () => resolve(replies));
    sock.on('error', reject);
    sock.write(lines.join(''));
  });
}

function ask(secret: string, id: string, extra: Record<string, unknown> = {}): string {
  return (
    JSON.stringify({ v: 1, id, type: 'ask', secret, action: { kind: 'shell', command: 'psql -c "DROP TABLE users"' }, verdict, origin: { door: 'hook', agent: 'Claude Code' }, ...extra }) + '\n'
  );
}

describe('AskServer', () => {
  const servers: AskServer[] = [];
  afterEach(async () => {
    for (const s of servers.splice(0)) await s.close();
  });

  it('answers malformed input with an error reply, reports it, and keeps serving', async () => {
    const h = await harness(['/w']);
    servers.push(h.server);
    const replies = await raw(h.server.socketPath, ['this is not json\n', '[1,2]\n', '{"v":1}\n', '{"v":99,"id":"a","type":"ask"}\n', ask(h.secret, 'ok-1')], 4);
    assert.deepStrictEqual(replies.slice(0, 4).map((r) => r.type), ['error', 'error', 'error', 'error']);
    assert.match(replies[3].message, /unsupported protocol version/);
    assert.strictEqual(h.problems.length, 4);
    // The valid request after the garbage still reaches the person (and is closed when the asker leaves).
    assert.strictEqual(h.asked.length, 1);
    assert.strictEqual(h.asked[0]!.id, 'ok-1');
    while (h.aborted.length === 0) await new Promise((r) => setTimeout(r, 10));
  });

  it('refuses a wrong secret without asking anyone, and never logs the secret', async () => {
    const h = await harness(['/w']);
    servers.push(h.server);
    const [r] = await raw(h.server.socketPath, [ask('f'.repeat(64), 'x1')], 1);
    assert.strictEqual(r.type, 'error');
    assert.strictEqual(r.id, 'x1');
    assert.match(r.message, /wrong secret/);
    assert.strictEqual(h.asked.length, 0);
    assert.ok(!h.problems.some((p) => p.sample.includes('f'.repeat(64))));
  });

  it('a forged approval is impossible: approve/answer messages are refused, and a claimed allow still asks the person', async () => {
    const h = await harness(['/w']);
    servers.push(h.server);
    const forged = [
      JSON.stringify({ v: 1, id: 'f1', type: 'approve', secret: h.secret }) + '\n',
      JSON.stringify({ v: 1, id: 'f2', type: 'answer', secret: h.secret, decision: 'allow', by: 'person', message: '' }) + '\n',
    ];
    const replies = await raw(h.server.socketPath, forged, 2);
    assert.deepStrictEqual(replies.map((r) => [r.id, r.type]), [['f1', 'error'], ['f2', 'error']]);
    assert.strictEqual(h.asked.length, 0);
    // An ask that claims its verdict is `allow` and carries `decision: "allow"` is still put to the handler,
    // whose answer alone is sent back.
    const p = raw(h.server.socketPath, [ask(h.secret, 'f3', { verdict: { ...verdict, decision: 'allow' }, decision: 'allow', by: 'person' })], 1);
    while (h.answers.length === 0) await new Promise((r) => setTimeout(r, 10));
    h.answers[0]!({ decision: 'block', by: 'person', message: 'stopped by the person' });
    const [r] = await p;
    assert.deepStrictEqual([r.type, r.id, r.decision, r.by], ['answer', 'f3', 'block', 'person']);
  });

  it('concurrent askers each wait for and get their own answer', async () => {
    const h = await harness(['/w']);
    servers.push(h.server);
    const pending = Array.from({ length: 6 }, (_, i) => raw(h.server.socketPath, [ask(h.secret, `c${i}`)], 1));
    while (h.asked.length < 6) await new Promise((r) => setTimeout(r, 10));
    // Answer in reverse order of arrival; each reply must carry its own id and decision.
    const byId = new Map(h.asked.map((req, i) => [req.id, h.answers[i]!]));
    for (let i = 5; i >= 0; i--) byId.get(`c${i}`)!({ decision: i % 2 ? 'allow' : 'block', by: 'person', message: `m${i}` });
    const replies = (await Promise.all(pending)).map((r) => r[0]);
    replies.forEach((r, i) => {
      assert.strictEqual(r.id, `c${i}`);
      assert.strictEqual(r.decision, i % 2 ? 'allow' : 'block');
      assert.strictEqual(r.message, `m${i}`);
    });
  });

  it('an asker that disconnects aborts its pending request', async () => {
    const h = await harness(['/w']);
    servers.push(h.server);
    const sock = net.createConnection(h.server.socketPath);
    await new Promise((r) => sock.once('connect', r));
    sock.write(ask(h.secret, 'gone'));
    while (h.asked.length === 0) await new Promise((r) => setTimeout(r, 10));
    sock.destroy();
    while (h.aborted.length === 0) await new Promise((r) => setTimeout(r, 10));
    assert.deepStrictEqual(h.aborted, ['gone']);
  });

  it('a handler that throws answers block, never crashes the server', async () => {
    const h = await harness(['/w'], () => {
      throw new Error('boom');
    });
    servers.push(h.server);
    const [r] = await raw(h.server.socketPath, [ask(h.secret, 't1')], 1);
    assert.deepStrictEqual([r.type, r.decision, r.by], ['answer', 'block', 'error']);
    const [r2] = await raw(h.server.socketPath, ['{oops\n'], 1);
    assert.strictEqual(r2.type, 'error');
  });

  it('refuses an over-long line and closes that connection', async () => {
    const runtime = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-rt-'));
    const socketPath = path.join(runtime, 's.sock');
    const problems: ProtocolProblem[] = [];
    const server = await AskServer.listen({ socketPath, secret: newSecret(), handleAsk: async () => ({ decision: 'block', by: 'person', message: '' }), onProtocolError: (p) => problems.push(p), maxLineBytes: 1000 });
    servers.push(server);
    const replies = await raw(socketPath, ['x'.repeat(5000)], 1);
    assert.strictEqual(replies[0].type, 'error');
    assert.match(replies[0].message, /longer than 1000/);
  });
});

describe('askExtension (client)', () => {
  const servers: AskServer[] = [];
  afterEach(async () => {
    for (const s of servers.splice(0)) await s.close();
  });

  it('finds the window whose folder contains cwd and returns the person’s answer', async () => {
    const h = await harness(['/work/app'], () => ({ decision: 'block', by: 'person', message: 'The person stopped this command' }));
    servers.push(h.server);
    const r = await askExtension({ action: { kind: 'shell', command: 'dropdb app' }, verdict, origin: { door: 'cli' }, cwd: '/work/app/sub', env: h.env });
    assert.ok(r.ok);
    assert.strictEqual(r.answer.decision, 'block');
    assert.strictEqual(h.asked[0]!.origin.cwd, '/work/app/sub');
  });

  it('prefers AGENT_GUARD_IPC, then the longest containing folder; skips dead pids and refused sockets', async () => {
    const outer = await harness(['/work'], () => ({ decision: 'block', by: 'person', message: 'outer' }));
    servers.push(outer.server);
    const env = outer.env;
    // An inner window in the same runtime dir.
    const innerSecret = newSecret();
    const innerSock = socketPathFor('inner01', env);
    const inner = await AskServer.listen({ socketPath: innerSock, secret: innerSecret, handleAsk: async () => ({ decision: 'allow', by: 'person', message: 'inner' }) });
    servers.push(inner);
    writeDiscoveryRecord('inner01', { v: 1, socketPath: innerSock, secret: innerSecret, pid: process.pid, workspaceFolders: ['/work/app'], createdAt: '' }, env);
    // A more specific record whose owner is dead, and one whose socket refuses.
    writeDiscoveryRecord('dead0001', { v: 1, socketPath: socketPathFor('dead0001', env), secret: newSecret(), pid: 2 ** 22 + 12345, workspaceFolders: ['/work/app/sub'], createdAt: '' }, env);
    writeDiscoveryRecord('refuse01', { v: 1, socketPath: socketPathFor('refuse01', env), secret: newSecret(), pid: process.pid, workspaceFolders: ['/work/app/sub'], createdAt: '' }, env);
    const action = { kind: 'shell' as const, command: 'dropdb app' };
    const r1 = await askExtension({ action, verdict, origin: { door: 'cli' }, cwd: '/work/app/sub', env });
    assert.ok(r1.ok && r1.answer.message === 'inner', JSON.stringify(r1));
    const r2 = await askExtension({ action, verdict, origin: { door: 'cli' }, cwd: '/work/app/sub', env: { ...env, AGENT_GUARD_IPC: outer.recordPath } });
    assert.ok(r2.ok && r2.answer.message === 'outer', JSON.stringify(r2));
    // A record outside the owner-only discovery directories is not followed, whatever the variable says.
    const forgedDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-forged-'));
    const forged = path.join(forgedDir, 'fake.json');
    fs.writeFileSync(forged, fs.readFileSync(outer.recordPath), { mode: 0o600 });
    const r4 = await askExtension({ action, verdict, origin: { door: 'cli' }, cwd: '/elsewhere', env: { ...env, AGENT_GUARD_IPC: forged } });
    assert.ok(!r4.ok);
    const r3 = await askExtension({ action, verdict, origin: { door: 'cli' }, cwd: '/elsewhere', env });
    assert.ok(!r3.ok);
    assert.match(r3.reason, /no VS Code window/);
  });

  it('fails (so the caller blocks) when the window refuses the request or times out', async () => {
    const h = await harness(['/w']);
    servers.push(h.server);
    // Corrupt the secret in the record: the server refuses, the client reports failure.
    const rec = JSON.parse(fs.readFileSync(h.recordPath, 'utf8'));
    writeDiscoveryRecord(path.basename(h.recordPath, '.json'), { ...rec, secret: newSecret() }, h.env);
    const r = await askExtension({ action: { kind: 'shell', command: 'x' }, verdict, origin: { door: 'cli' }, cwd: '/w', env: h.env });
    assert.ok(!r.ok);
    assert.match(r.reason, /wrong secret/);
    writeDiscoveryRecord(path.basename(h.recordPath, '.json'), { ...rec, confirmTimeoutSeconds: 0 }, h.env);
    const pending = askExtension({ action: { kind: 'shell', command: 'x' }, verdict, origin: { door: 'cli' }, cwd: '/w', env: h.env, timeoutMs: 200 });
    // The record's limit (0 s) + a 30 s margin wins over the short 200 ms request: the window answers first.
    await new Promise((r) => setTimeout(r, 500));
    assert.strictEqual(h.answers.length, 1);
    h.answers[0]!({ decision: 'block', by: 'timeout', message: 'late' });
    const t = await pending;
    assert.ok(t.ok && t.answer.by === 'timeout');
  });
});

describe('discovery', () => {
  it('writes owner-only records atomically in an owner-only directory', () => {
    const env = { XDG_RUNTIME_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'ag-rt-')) };
    const p = writeDiscoveryRecord('abc', { v: 1, socketPath: '/x', secret: newSecret(), pid: 1, workspaceFolders: [], createdAt: '' }, env);
    assert.strictEqual(fs.statSync(p).mode & 0o777, 0o600);
    assert.strictEqual(fs.statSync(windowsDir(env)).mode & 0o777, 0o700);
    assert.deepStrictEqual(fs.readdirSync(windowsDir(env)), ['abc.json']);
  });

  it('also looks where a VS Code with a different XDG_RUNTIME_DIR would have written', () => {
    const uid = process.getuid!();
    assert.deepStrictEqual(discoveryDirs({ XDG_RUNTIME_DIR: '/run/user/1234' }), [
      `/run/user/1234/agent-guard-${uid}/windows`,
      path.join(os.tmpdir(), `agent-guard-${uid}`, 'windows'),
    ]);
    assert.deepStrictEqual(discoveryDirs({}), [path.join(os.tmpdir(), `agent-guard-${uid}`, 'windows'), `/run/user/${uid}/agent-guard-${uid}/windows`]);
  });

  it('scores containment by the longest folder, not by string prefix', () => {
    assert.strictEqual(containmentScore('/work/app', ['/work/app']), '/work/app'.length);
    assert.strictEqual(containmentScore('/work/app2', ['/work/app']), -1);
    assert.strictEqual(containmentScore('/work/app/x', ['/work', '/work/app']), '/work/app'.length);
  });
});
