// The one decision path every CLI door shares (`agent-guard ask`, `agent-guard hook …`):
// allow → run without contacting anything; deny → block; confirm → ask the person through VS Code;
// VS Code unreachable → block (fail closed) with a message telling the agent to stop and ask the person.
import { evaluate } from '../engine/evaluate';
import type { Policy } from '../engine/policy';
import type { Action, Verdict } from '../engine/types';
import type { Origin } from '../protocol/protocol';
import { askExtension } from '../protocol/askClient';
import { boundedReader } from './checkCommand';
import type { AskResult } from '../protocol/askClient';
import { appendToSpool, spoolDir } from '../log/decisionSpool';
import type { LogEntry } from '../log/logEntry';
import { decisionEntry, safeMask } from '../log/logRecord';

export interface PersonDecision {
  decision: 'allow' | 'block';
  verdict: Verdict;
  /** `policy`, `person`, `timeout`, `session-allow`, `closed`, `error`, `disabled`, or `unreachable`. */
  by: string;
  /** For the agent; empty when allowed by policy. */
  message: string;
}

export interface DecideOptions {
  cwd: string;
  policy: Policy;
  /** Overrides for tests; default to the real environment and socket client. */
  env?: NodeJS.ProcessEnv;
  ask?: typeof askExtension;
  timeoutMs?: number;
  /** Where to spool decisions no window logged: a folder, or false for none (default: `spoolDir(env)`). */
  spool?: string | false;
}

/** "drops table `users` (sql.drop); deletes volume … (cloud.railway-volume-delete)". */
export function describeFindings(verdict: Verdict): string {
  if (verdict.findings.length === 0) return 'no specific finding';
  return verdict.findings.map((f) => `${f.summary} (${f.rule})`).join('; ');
}

function environmentPhrase(verdict: Verdict): string {
  const env = verdict.environment;
  if (!env || env.name === 'unknown') return '';
  return ` on ${env.production ? env.name.toUpperCase() : env.name}`;
}

export function denyMessage(verdict: Verdict): string {
  return (
    `Agent Guard blocked this command${environmentPhrase(verdict)}: the person's policy forbids it — ${describeFindings(verdict)}. ` +
    'Do not try another way or another credential to do the same thing. Stop and ask the person.'
  );
}

export function unreachableMessage(verdict: Verdict, reason: string): string {
  return (
    `Agent Guard blocked this command${environmentPhrase(verdict)} because it needs the person's approval and VS Code could not be asked (${reason}) — ` +
    `${describeFindings(verdict)}. Do not retry it another way or with another credential. ` +
    'Stop and ask the person to run it themselves, or to open this folder in VS Code with Agent Guard so they can approve it.'
  );
}

function fromAnswer(verdict: Verdict, result: AskResult): PersonDecision {
  if (!result.ok) return { decision: 'block', verdict, by: 'unreachable', message: unreachableMessage(verdict, result.reason) };
  const a = result.answer;
  return { decision: a.decision === 'allow' ? 'allow' : 'block', verdict, by: a.by, message: a.message };
}

/**
 * Decisions no window saw (allowed or denied by policy, blocked because none answered) go to the
 * spool, which the extension drains into its log: every decision from every door is logged.
 */
function spoolIfUnlogged(action: Action, origin: Origin, opts: DecideOptions, d: PersonDecision): PersonDecision {
  if (opts.spool === false || (d.by !== 'policy' && d.by !== 'unreachable')) return d;
  const dir = typeof opts.spool === 'string' ? opts.spool : spoolDir(opts.env ?? process.env);
  const entry = decisionEntry(action, d.verdict, { ...origin, cwd: origin.cwd ?? opts.cwd }, { decision: d.decision, by: d.by as LogEntry['by'] }, safeMask);
  appendToSpool(entry, dir);
  return d;
}


export async function decideWithPerson(action: Action, origin: Origin, opts: DecideOptions): Promise<PersonDecision> {
  return spoolIfUnlogged(action, origin, opts, await decide(action, origin, opts));
}

async function decide(action: Action, origin: Origin, opts: DecideOptions): Promise<PersonDecision> {
  const env = opts.env ?? process.env;
  let verdict: Verdict;
  try {
    verdict = evaluate(action, opts.policy, { cwd: opts.cwd, env, readFile: boundedReader(opts.cwd) });
  } catch (e) {
    // The engine should never throw; if it does, the person decides rather than a silent allow.
    verdict = {
      decision: 'confirm',
      findings: [
        {
          rule: 'guard.engine-error',
          category: 'guard',
          severity: 'high',
          summary: `Agent Guard could not analyse this command (${(e as Error).message})`,
          agentMessage: 'Agent Guard could not analyse this command; ask the person.',
          source: 'builtin',
        },
      ],
      environment: { name: 'unknown', production: false, source: 'unknown' },
    };
  }
  if (verdict.decision === 'allow') return { decision: 'allow', verdict, by: 'policy', message: '' };
  if (verdict.decision === 'deny') return { decision: 'block', verdict, by: 'policy', message: denyMessage(verdict) };
  const ask = opts.ask ?? askExtension;
  let result: AskResult;
  try {
    result = await ask({ action, verdict, origin: { ...origin, cwd: origin.cwd ?? opts.cwd }, cwd: opts.cwd, timeoutMs: opts.timeoutMs, env });
  } catch (e) {
    result = { ok: false, reason: (e as Error).message };
  }
  return fromAnswer(verdict, result);
}
