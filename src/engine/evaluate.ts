// The one entry point every door uses: evaluate(action, policy, context) → Verdict.
// Pure and fast: the policy is precompiled, nothing is read from disk, nothing is compiled per call.
// Any internal failure becomes a `confirm` verdict: the guard asks, it never silently allows.
import { caseFoldedRules } from './caseFold';
import type { Action, Decision, EvalContext, Finding, Rule, RuleContext, RuleHit, Severity, SimpleCommand, Verdict } from './types';
import { SEVERITIES } from './types';
import type { Policy } from './policy';
import { parseCommandLine } from './shell/parseCommandLine';
import { resolveEnvironment, UNKNOWN_ENVIRONMENT } from './environment/resolveEnvironment';
import { evaluateToolCall } from './toolCall';
import { tooLongToRead } from './inputBounds';
import { expandWhatRuns } from './files/expandWhatRuns';
import { withReadFile } from './files/fileBounds';
import { findingAgentMessage } from './findingWords';

const DECISION_RANK: Readonly<Record<Decision, number>> = { allow: 0, confirm: 1, deny: 2 };

export function raiseSeverity(s: Severity, steps = 1): Severity {
  const i = Math.min(SEVERITIES.length - 1, SEVERITIES.indexOf(s) + steps);
  return SEVERITIES[i];
}

/** The message an agent gets back per finding (`findingWords.ts`; `outcome/agentWords.ts` words the rest around it). */
export const agentMessageFor = findingAgentMessage;

function toFinding(rule: Rule, hit: RuleHit, cmd: SimpleCommand | undefined, source: Finding['source']): Finding {
  const summary = hit.summary ?? rule.summary;
  const finding: Finding = {
    rule: rule.id,
    category: rule.category,
    severity: hit.severity ?? rule.severity,
    summary,
    agentMessage: agentMessageFor(summary, rule.id),
    target: hit.target,
    source,
    command: cmd?.text,
  };
  // Added, not spread in: the same object (rationale last, only when the rule has one) without a copy.
  if (rule.rationale) finding.rationale = rule.rationale;
  return finding;
}

function runRules(rules: readonly Rule[] | undefined, cmd: SimpleCommand, rc: RuleContext, policy: Policy, out: Finding[], hitCommands: Set<SimpleCommand>): void {
  if (!rules) return;
  for (const rule of rules) {
    let result: RuleHit | RuleHit[] | null | undefined;
    try {
      result = rule.match(cmd, rc);
    } catch (err) {
      // A broken matcher must not let the command through: it becomes a finding that asks.
      out.push({
        rule: 'engine.rule-error',
        category: 'opaque',
        severity: 'medium',
        summary: `could not be checked by rule ${rule.id} (${(err as Error).message})`,
        agentMessage: agentMessageFor('could not be checked', rule.id),
        source: 'builtin',
        command: cmd.text,
      });
      continue;
    }
    if (!result) continue;
    const hits = Array.isArray(result) ? result : [result];
    for (const hit of hits) {
      out.push(toFinding(rule, hit, cmd, policy.userRuleIds.has(rule.id) ? 'user' : 'builtin'));
      hitCommands.add(cmd);
    }
  }
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.rule}\u0000${f.target ?? ''}\u0000${f.command ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Credentials next to a destructive finding, and production targets, make every finding more serious. */
function adjustSeverities(findings: Finding[], production: boolean): void {
  const carriesCredential = findings.some((f) => f.category === 'credential');
  const destructive = findings.some((f) => f.category !== 'credential' && f.severity !== 'low');
  for (const f of findings) {
    if (f.category === 'credential') continue;
    let steps = 0;
    if (carriesCredential && destructive && f.severity !== 'low') steps++;
    if (production) steps++;
    if (steps > 0) f.severity = raiseSeverity(f.severity, steps);
  }
}

function decide(findings: readonly Finding[], policy: Policy): Decision {
  let decision: Decision = 'allow';
  for (const f of findings) {
    let d = policy.decisions[f.severity];
    // A finding about the guard's own files or shell hooks always reaches the person: a severity map
    // loosened toward allow (even one the person accepted) must not let an agent rewrite or switch off the
    // guard silently. Switching such a rule off takes `disabledRules`, itself a loosening the person accepts.
    if (f.category === 'guard' && d === 'allow') d = 'confirm';
    if (DECISION_RANK[d] > DECISION_RANK[decision]) decision = d;
  }
  return decision;
}

function evaluateShell(command: string, policy: Policy, given: EvalContext): Verdict {
  // Files the line runs (scripts, package scripts, Makefile recipes, interpreter code) are read and nested in.
  const parsed = expandWhatRuns(parseCommandLine(command), given);
  const ctx = parsed.context;
  const findings: Finding[] = [];
  const hitCommands = new Set<SimpleCommand>();
  // One context for every rule of the line (rules only read it): not an object per rule call.
  const rc: RuleContext = { ctx, all: parsed.commands };
  for (const cmd of parsed.commands) {
    const folded = caseFoldedRules(cmd, policy.rulesByCommand);
    if (folded) runRules(folded.rules, folded.cmd, rc, policy, findings, hitCommands);
    else runRules(policy.rulesByCommand.get(cmd.name), cmd, rc, policy, findings, hitCommands);
    runRules(policy.wildcardRules, cmd, rc, policy, findings, hitCommands);
  }
  for (const o of parsed.opaque) {
    if (policy.disabledRules.has(o.rule)) continue;
    findings.push({
      rule: o.rule,
      category: 'opaque',
      severity: 'medium',
      summary: o.summary,
      agentMessage: agentMessageFor(o.summary, o.rule),
      source: 'builtin',
      command: o.command,
    });
  }
  const focus = [...hitCommands];
  const environment = resolveEnvironment(focus, parsed.commands, ctx, policy);
  const unique = dedupe(findings);
  adjustSeverities(unique, environment.production);
  const verdict: Verdict = { decision: decide(unique, policy), findings: unique, environment };
  if (parsed.notes.length > 0) verdict.notes = parsed.notes;
  return verdict;
}

export function evaluate(action: Action, policy: Policy, given: EvalContext = {}): Verdict {
  const context = withReadFile(given);
  try {
    // Past the bound nothing is read: it asks (and a stalling payload is answered at once).
    const tooLong = tooLongToRead(action);
    if (tooLong) return tooLong;
    if (action.kind === 'shell') return evaluateShell(action.command, policy, context);
    const result = evaluateToolCall(action.tool, action.args, (cmd) => evaluateShell(cmd, policy, context));
    if ('verdict' in result) return result.verdict;
    const findings = dedupe(result.findings);
    const environment = result.environment ?? UNKNOWN_ENVIRONMENT;
    adjustSeverities(findings, environment.production);
    return { decision: decide(findings, policy), findings, environment };
  } catch (err) {
    const summary = `could not be checked: the guard failed while reading it (${(err as Error).message})`;
    return {
      decision: 'confirm',
      findings: [{ rule: 'engine.internal-error', category: 'opaque', severity: 'medium', summary, agentMessage: agentMessageFor(summary, 'engine.internal-error'), source: 'builtin' }],
      environment: UNKNOWN_ENVIRONMENT,
    };
  }
}
