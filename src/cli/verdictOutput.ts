// What `check` prints for a verdict (and a blocked `ask` outside an interactive terminal), and its exit
// codes: shared by the CLI proper and the fast path (cli-fast.js), which prints remembered verdicts.
import type { Verdict } from '../engine/types';
import { maskedVerdict, safeMask } from '../log/logRecord';
import { environmentLabel, plain } from '../outcome/personWords';

export const EXIT = { allow: 0, confirm: 10, deny: 20, usage: 2 } as const;

/**
 * The human output of `check` (and of a blocked `ask` outside an interactive terminal): masked, one
 * severity per finding. `known`: the verdict is already masked and the command's masked text is known (a
 * remembered decision, src/cli/memo/), so nothing is scanned again.
 */
export function formatVerdict(command: string, verdict: Verdict, known?: { maskedCommand: string }): string {
  const v = known ? verdict : maskedVerdict(verdict);
  const lines = [`${v.decision.toUpperCase()}: ${known ? known.maskedCommand : safeMask(command)}`];
  const provider = v.environment.provider ? ` — ${v.environment.provider}` : '';
  lines.push(`  environment: ${environmentLabel(v)}${provider} (${plain(v.environment.source)})`);
  for (const f of v.findings) lines.push(`  - ${plain(f.summary)} [${f.rule}, ${f.severity}]${f.target ? ` (target: ${f.target})` : ''}`);
  if (v.findings.length === 0) lines.push('  no findings');
  for (const n of v.notes ?? []) lines.push(`  note: ${known ? n : safeMask(n)}`);
  return lines.join('\n') + '\n';
}

/** `check --json`; `alreadyMasked` as for formatVerdict. */
export function verdictJson(v: Verdict, alreadyMasked = false): string {
  const m = alreadyMasked ? v : maskedVerdict(v);
  return JSON.stringify({ decision: m.decision, findings: m.findings, environment: m.environment, ...(m.notes ? { notes: m.notes } : {}) });
}
