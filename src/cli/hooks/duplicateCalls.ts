// One answer per tool call when a host runs two Agent Guard hooks for it: Copilot (the CLI and VS Code)
// reads its own hook files and the Claude Code ones, so a person with both set up would be asked twice.
// The first invocation claims the call (an exclusive file named by the call's identity) and writes its
// answer; the second waits for that answer and gives it. Only Copilot payloads are keyed, by what
// identifies one call: VS Code's `tool_use_id`, or the CLI's `timestamp` with the tool, its arguments and
// the cwd. A payload without them is answered on its own.
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { writeFileAtomic } from '../../files/writeFileAtomic';
import type { HookAnswer } from '../../hosts/hostTypes';
import { optRecord } from '../../hosts/payloadFields';
import { stateFolder } from '../../settings/stateFolder';

/** Claims older than this are left behind by a killed hook: ignored and cleaned up. */
const STALE_MS = 15 * 60 * 1000;
const POLL_MS = 50;
const SWEEP_EVERY = 20;
/** File names stay well under the 255 bytes file systems allow (`.answer` and a temp suffix come on top). */
const MAX_PLAIN_KEY = 160;

export function duplicateCallsDir(env: NodeJS.ProcessEnv = process.env): string {
  const d = env.AGENT_GUARD_HOOK_CALLS_DIR;
  return d && path.isAbsolute(d) ? d : path.join(stateFolder(), 'hook-calls');
}

/** The identity of one Copilot tool call, or undefined when the payload has nothing that identifies it. */
export function callKey(payload: unknown): string | undefined {
  const p = optRecord(payload);
  if (!p) return undefined;
  const copilotVsCode = typeof p.hookEventName === 'string' && typeof p.tool_use_id === 'string' && p.tool_use_id !== '';
  const copilotCli = 'toolName' in p && 'toolArgs' in p && (typeof p.timestamp === 'number' || typeof p.timestamp === 'string');
  if (!copilotVsCode && !copilotCli) return undefined;
  const identity = JSON.stringify(copilotVsCode ? ['vscode', p.sessionId, p.tool_use_id] : ['cli', p.timestamp, p.cwd, p.toolName, p.toolArgs]);
  // The identity itself names the files when it is short (no hash: `crypto` costs ≈ 2.5 ms of the hook's
  // start, issue 11); a long one is hashed. The prefixes keep the two forms apart.
  const plain = Buffer.from(identity, 'utf8').toString('base64url');
  return plain.length <= MAX_PLAIN_KEY ? `i${plain}` : `h${createHash('sha256').update(identity).digest('hex').slice(0, 40)}`;
}

function readAnswer(file: string): HookAnswer | undefined {
  try {
    const a = JSON.parse(fs.readFileSync(file, 'utf8')) as HookAnswer;
    return typeof a.stdout === 'string' && typeof a.stderr === 'string' && typeof a.exitCode === 'number' ? a : undefined;
  } catch {
    return undefined;
  }
}

function sweep(dir: string, now: number): void {
  try {
    for (const name of fs.readdirSync(dir)) {
      const f = path.join(dir, name);
      try {
        if (now - fs.statSync(f).mtimeMs > STALE_MS) fs.unlinkSync(f);
      } catch {
        // Another hook removed it.
      }
    }
  } catch {
    // No folder yet.
  }
}

/**
 * `compute` runs in the first invocation for `key`; a second one waits (up to `waitMs`) for its answer.
 * Any trouble with the folder falls back to answering on our own: never worse than without the check.
 */
export async function answerOncePerCall(key: string, dir: string, waitMs: number, compute: () => Promise<HookAnswer>): Promise<HookAnswer> {
  const claim = path.join(dir, `${key}.claim`);
  const answerFile = path.join(dir, `${key}.answer`);
  const now = Date.now();
  let claimed = false;
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    // Every call would pay for a full listing; one in SWEEP_EVERY keeps the folder small enough.
    if (Math.random() * SWEEP_EVERY < 1) sweep(dir, now);
    const fd = fs.openSync(claim, 'wx', 0o600);
    fs.writeSync(fd, String(process.pid));
    fs.closeSync(fd);
    claimed = true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') return compute();
  }
  if (claimed) {
    const answer = await compute();
    try {
      writeFileAtomic(answerFile, JSON.stringify(answer), 0o600);
    } catch {
      // The other invocation then answers on its own after waiting.
    }
    return answer;
  }
  const deadline = now + waitMs;
  while (Date.now() < deadline) {
    const answer = readAnswer(answerFile);
    if (answer) return answer;
    if (!claimantAlive(claim)) break;
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  return compute();
}

/** The first invocation is still running (its pid is in the claim); a host that killed it leaves a dead pid. */
function claimantAlive(claim: string): boolean {
  try {
    const pid = Number.parseInt(fs.readFileSync(claim, 'utf8'), 10);
    if (!Number.isInteger(pid) || pid <= 0) return true; // being written
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
