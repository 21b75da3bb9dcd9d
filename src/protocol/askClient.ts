// The CLI side of the socket: find this cwd's VS Code window, send one `ask`, wait for the person.
// Every failure is reported as `{ ok: false, reason }`; callers fail closed (block) on it.
import * as net from 'net';
import { randomBytes } from 'crypto';
import { IPC_ENV_VAR, PROTOCOL_VERSION } from './protocol';
import type { AskAnswer, AskRequest, Origin, RestorePointNote } from './protocol';
import type { Action, Verdict } from '../engine/types';
import { candidateWindows } from './discovery';
import type { FoundWindow } from './discovery';

/** Longer than the extension's default confirm timeout (300 s) plus a margin, so the window answers first. */
export const DEFAULT_ASK_TIMEOUT_MS = 6 * 60 * 1000;
const MARGIN_MS = 30_000;
const CONNECT_TIMEOUT_MS = 2_000;
const MAX_REPLY_BYTES = 1_000_000;

export type AskResult = { ok: true; answer: AskAnswer } | { ok: false; reason: string };

export interface AskExtensionRequest {
  action: Action;
  verdict: Verdict;
  origin: Origin;
  cwd: string;
  timeoutMs?: number;
  /** For tests: where to look instead of `process.env`. */
  env?: NodeJS.ProcessEnv;
  restorePoint?: RestorePointNote;
}

function connect(socketPath: string): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const sock = net.createConnection(socketPath);
    const timer = setTimeout(() => {
      sock.destroy();
      reject(new Error('connect timed out'));
    }, CONNECT_TIMEOUT_MS);
    sock.once('connect', () => {
      clearTimeout(timer);
      sock.removeAllListeners('error');
      resolve(sock);
    });
    sock.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

/** Only a well-formed answer to our own request id counts; anything else is a failure (→ block). */
export function validateAnswer(raw: unknown, id: string): AskResult {
  if (!raw || typeof raw !== 'object') return { ok: false, reason: 'the window sent something that is not JSON object' };
  const r = raw as Record<string, unknown>;
  if (r.v !== PROTOCOL_VERSION) return { ok: false, reason: `the window speaks protocol ${String(r.v)}, this CLI ${PROTOCOL_VERSION}` };
  if (r.type === 'error') return { ok: false, reason: `the window refused the request: ${typeof r.message === 'string' ? r.message : 'no reason given'}` };
  if (r.type !== 'answer' || r.id !== id) return { ok: false, reason: 'the window sent an unexpected reply' };
  if (r.decision !== 'allow' && r.decision !== 'block') return { ok: false, reason: 'the window sent an answer without a decision' };
  if (typeof r.by !== 'string' || typeof r.message !== 'string') return { ok: false, reason: 'the window sent an incomplete answer' };
  return { ok: true, answer: r as unknown as AskAnswer };
}

function exchange(sock: net.Socket, request: AskRequest, timeoutMs: number): Promise<AskResult> {
  return new Promise((resolve) => {
    let buf = '';
    let done = false;
    const finish = (r: AskResult): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      sock.destroy();
      resolve(r);
    };
    const timer = setTimeout(
      () => finish({ ok: false, reason: `no answer from VS Code within ${Math.round(timeoutMs / 1000)} s` }),
      timeoutMs,
    );
    sock.setEncoding('utf8');
    sock.on('data', (chunk: string) => {
      buf += chunk;
      if (buf.length > MAX_REPLY_BYTES) return finish({ ok: false, reason: 'the window sent an oversized reply' });
      const nl = buf.indexOf('\n');
      if (nl < 0) return;
      let parsed: unknown;
      try {
        parsed = JSON.parse(buf.slice(0, nl));
      } catch {
        return finish({ ok: false, reason: 'the window sent a reply that is not JSON' });
      }
      finish(validateAnswer(parsed, request.id));
    });
    sock.on('error', (e) => finish({ ok: false, reason: `connection to VS Code failed: ${e.message}` }));
    sock.on('close', () => finish({ ok: false, reason: 'VS Code closed the connection before answering' }));
    sock.write(JSON.stringify(request) + '\n');
  });
}

function timeoutFor(w: FoundWindow, requested?: number): number {
  const windowLimit = (w.record.confirmTimeoutSeconds ?? 0) * 1000 + MARGIN_MS;
  return Math.max(requested ?? DEFAULT_ASK_TIMEOUT_MS, windowLimit);
}

/**
 * Asks the VS Code window that owns `cwd` (or the one named by `AGENT_GUARD_IPC`) to put the action to
 * the person, and waits for the answer. Windows whose socket refuses are skipped; the first that
 * accepts the connection is the one that answers.
 */
export async function askExtension(req: AskExtensionRequest): Promise<AskResult> {
  const env = req.env ?? process.env;
  const windows = candidateWindows(req.cwd, env, IPC_ENV_VAR);
  if (windows.length === 0) {
    return { ok: false, reason: `no VS Code window with Agent Guard is open on ${req.cwd}` };
  }
  const failures: string[] = [];
  for (const w of windows) {
    let sock: net.Socket;
    try {
      sock = await connect(w.record.socketPath);
    } catch (e) {
      failures.push(`${w.recordPath}: ${(e as Error).message}`);
      continue;
    }
    const request: AskRequest = {
      v: PROTOCOL_VERSION,
      id: randomBytes(8).toString('hex'),
      type: 'ask',
      secret: w.record.secret,
      action: req.action,
      verdict: req.verdict,
      origin: { ...req.origin, cwd: req.origin.cwd ?? req.cwd, pid: req.origin.pid ?? process.pid },
      ...(req.restorePoint ? { restorePoint: req.restorePoint } : {}),
    };
    return exchange(sock, request, timeoutFor(w, req.timeoutMs));
  }
  return { ok: false, reason: `no VS Code window answered (${failures.join('; ')})` };
}
