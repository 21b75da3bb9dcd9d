// The extension side of the socket. Newline-delimited JSON, versioned; the only request is `ask`.
// There is no request that approves: whatever a client sends, an allow can only come from the handler,
// i.e. from the person's click. Malformed input gets an error reply and is reported; the server never
// throws out of a connection. A closed connection aborts that asker's pending requests.
import * as fs from 'fs';
import * as net from 'net';
import { timingSafeEqual } from 'crypto';
import { PROTOCOL_VERSION } from './protocol';
import type { AnswerDecision, AnsweredBy, AskAnswer, AskRequest, ErrorReply, Origin, RestorePointNote } from './protocol';
import type { Action, Verdict } from '../engine/types';

export interface AskHandlerResult {
  decision: AnswerDecision;
  by: AnsweredBy;
  message: string;
}

export interface ProtocolProblem {
  message: string;
  /** The start of the offending input, for the log (never the secret). */
  sample: string;
}

export interface AskServerOptions {
  socketPath: string;
  secret: string;
  handleAsk(req: AskRequest, signal: AbortSignal): Promise<AskHandlerResult>;
  onProtocolError?(problem: ProtocolProblem): void;
  /** Largest accepted request line; longer input is refused and the connection closed. */
  maxLineBytes?: number;
}

const DEFAULT_MAX_LINE = 1_000_000;
const MAX_ID = 200;
const MAX_FINDINGS = 200;
const DOORS: ReadonlySet<string> = new Set<Origin['door']>(['hook', 'terminal', 'task', 'cli', 'command']);
const DECISIONS: ReadonlySet<string> = new Set(['allow', 'confirm', 'deny']);
const SEVERITIES: ReadonlySet<string> = new Set(['low', 'medium', 'high', 'critical']);

export type ParsedRequest = { ok: true; req: AskRequest } | { ok: false; id?: string; message: string };

function isObject(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

function optString(v: unknown, max: number): boolean {
  return v === undefined || (typeof v === 'string' && v.length <= max);
}

export function secretsEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

function validAction(v: unknown): v is Action {
  if (!isObject(v)) return false;
  if (v.kind === 'shell') return typeof v.command === 'string' && v.command.length <= 256_000;
  if (v.kind === 'tool') return typeof v.tool === 'string' && v.tool.length <= 500 && isObject(v.args);
  return false;
}

function validVerdict(v: unknown): v is Verdict {
  if (!isObject(v) || !DECISIONS.has(v.decision as string)) return false;
  if (!Array.isArray(v.findings) || v.findings.length > MAX_FINDINGS) return false;
  for (const f of v.findings) {
    if (!isObject(f) || typeof f.rule !== 'string' || typeof f.summary !== 'string') return false;
    if (!SEVERITIES.has(f.severity as string) || !optString(f.category, 200) || !optString(f.agentMessage, 10_000)) return false;
  }
  const e = v.environment;
  return isObject(e) && typeof e.name === 'string' && typeof e.production === 'boolean' && typeof e.source === 'string';
}

function validOrigin(v: unknown): v is Origin {
  if (!isObject(v) || !DOORS.has(v.door as string)) return false;
  if (!optString(v.agent, 200) || !optString(v.cwd, 4096) || !optString(v.task, 500) || !optString(v.reason, 2000)) return false;
  return v.pid === undefined || (typeof v.pid === 'number' && Number.isInteger(v.pid));
}

function validRestorePoint(v: unknown): v is RestorePointNote {
  return isObject(v) && typeof v.text === 'string' && v.text.length <= 4000 && optString(v.id, 64);
}

/** Validates one request line. The secret check comes before anything is handed on. */
export function parseAskRequest(line: string, secret: string): ParsedRequest {
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch {
    return { ok: false, message: 'request is not valid JSON' };
  }
  if (!isObject(v)) return { ok: false, message: 'request is not a JSON object' };
  const id = typeof v.id === 'string' && v.id.length > 0 && v.id.length <= MAX_ID ? v.id : undefined;
  if (v.v !== PROTOCOL_VERSION) return { ok: false, id, message: `unsupported protocol version ${JSON.stringify(v.v)}; this window speaks ${PROTOCOL_VERSION}` };
  if (!id) return { ok: false, message: 'request has no id' };
  if (v.type !== 'ask') return { ok: false, id, message: `unknown request type ${JSON.stringify(v.type)}: the only request is "ask" (nothing can be approved over this socket)` };
  if (typeof v.secret !== 'string' || !secretsEqual(v.secret, secret)) return { ok: false, id, message: 'wrong secret' };
  if (!validAction(v.action)) return { ok: false, id, message: 'request has no valid action' };
  if (!validVerdict(v.verdict)) return { ok: false, id, message: 'request has no valid verdict' };
  if (!validOrigin(v.origin)) return { ok: false, id, message: 'request has no valid origin' };
  if (v.restorePoint !== undefined && !validRestorePoint(v.restorePoint)) return { ok: false, id, message: 'request has an invalid restorePoint' };
  const restorePoint = v.restorePoint === undefined ? {} : { restorePoint: v.restorePoint };
  return { ok: true, req: { v: PROTOCOL_VERSION, id, type: 'ask', secret: v.secret, action: v.action, verdict: v.verdict, origin: v.origin, ...restorePoint } };
}

function sampleOf(line: string): string {
  // Never echo a secret into the log: drop anything that looks like the `secret` field.
  return line.slice(0, 200).replace(/"secret"\s*:\s*"[^"]*"?/g, '"secret":"…"');
}

export class AskServer {
  private readonly sockets = new Set<net.Socket>();

  private constructor(
    private readonly server: net.Server,
    private readonly options: AskServerOptions,
  ) {}

  get socketPath(): string {
    return this.options.socketPath;
  }

  static listen(options: AskServerOptions): Promise<AskServer> {
    if (process.platform !== 'win32') {
      // A socket file left by a crashed window with the same name: ours to replace (names are random).
      try {
        fs.unlinkSync(options.socketPath);
      } catch {
        // none
      }
    }
    return new Promise((resolve, reject) => {
      let self: AskServer | undefined;
      const server = net.createServer((sock) => self?.accept(sock));
      self = new AskServer(server, options);
      server.once('error', reject);
      server.listen(options.socketPath, () => {
        server.removeListener('error', reject);
        server.on('error', (e) => options.onProtocolError?.({ message: `socket server error: ${e.message}`, sample: '' }));
        if (process.platform !== 'win32') {
          try {
            fs.chmodSync(options.socketPath, 0o600);
          } catch {
            // The directory is already owner-only; the mode is a second fence.
          }
        }
        resolve(self!);
      });
    });
  }

  close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    return new Promise((resolve) => {
      this.server.close(() => {
        if (process.platform !== 'win32') {
          try {
            fs.unlinkSync(this.options.socketPath);
          } catch {
            // already gone
          }
        }
        resolve();
      });
    });
  }

  private accept(sock: net.Socket): void {
    this.sockets.add(sock);
    const controllers = new Set<AbortController>();
    const maxLine = this.options.maxLineBytes ?? DEFAULT_MAX_LINE;
    let buf = '';
    let open = true;
    sock.setEncoding('utf8');
    const send = (reply: AskAnswer | ErrorReply): void => {
      if (open && !sock.destroyed) sock.write(JSON.stringify(reply) + '\n');
    };
    const refuse = (message: string, sample: string, id?: string): void => {
      this.options.onProtocolError?.({ message, sample: sampleOf(sample) });
      send({ v: PROTOCOL_VERSION, ...(id ? { id } : {}), type: 'error', message });
    };
    sock.on('data', (chunk: string) => {
      buf += chunk;
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl).replace(/\r$/, '');
        buf = buf.slice(nl + 1);
        if (line.trim() !== '') this.handleLine(line, send, refuse, controllers);
      }
      if (buf.length > maxLine) {
        refuse(`request longer than ${maxLine} bytes`, buf);
        buf = '';
        sock.end();
      }
    });
    sock.on('error', () => undefined);
    sock.on('close', () => {
      open = false;
      this.sockets.delete(sock);
      // The asker went away: its requests are closed (and logged by the handler as such).
      for (const c of controllers) c.abort();
    });
  }

  private handleLine(
    line: string,
    send: (r: AskAnswer | ErrorReply) => void,
    refuse: (message: string, sample: string, id?: string) => void,
    controllers: Set<AbortController>,
  ): void {
    const parsed = parseAskRequest(line, this.options.secret);
    if (!parsed.ok) return refuse(parsed.message, line, parsed.id);
    const req = parsed.req;
    const controller = new AbortController();
    controllers.add(controller);
    const answer = (r: AskHandlerResult): void =>
      send({ v: PROTOCOL_VERSION, id: req.id, type: 'answer', decision: r.decision === 'allow' ? 'allow' : 'block', by: r.by, message: r.message });
    let pending: Promise<AskHandlerResult>;
    try {
      pending = this.options.handleAsk(req, controller.signal);
    } catch (e) {
      pending = Promise.reject(e);
    }
    pending
      .then(answer, (e: unknown) => {
        this.options.onProtocolError?.({ message: `handling a request failed: ${(e as Error)?.message ?? String(e)}`, sample: '' });
        answer({ decision: 'block', by: 'error', message: 'Agent Guard failed while asking the person, so the command was blocked. Stop and ask the person.' });
      })
      .finally(() => controllers.delete(controller));
  }
}
