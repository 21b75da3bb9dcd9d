// The words a person reads about a verdict: what it destroys, where, how serious. One place, so the
// modal, the terminal line, the log view and `agent-guard check` say the same thing. Pure: no `vscode`,
// no `fs`; plain text only (VS Code modals show no markdown, so no backticks reach a person).
import type { EnvironmentInfo, Finding, Verdict } from '../engine/types';
import { SEVERITIES } from '../engine/types';
import type { Origin } from '../protocol/protocol';

/** Said for an irreversible cloud or API delete whose environment nobody could name. */
export const MAY_BE_PRODUCTION = 'UNKNOWN — may be production';

const BACKTICKS = /`/g;

/** Text without markdown backticks (rule summaries quote names as `customers`). */
export function plain(text: string): string {
  return text.replace(BACKTICKS, '');
}

/** Findings about what the command destroys (a carried credential is said once, on its own line). */
export function destructiveFindings(verdict: Verdict): Finding[] {
  return verdict.findings.filter((f) => f.category !== 'credential');
}

export function credentialFindings(verdict: Verdict): Finding[] {
  return verdict.findings.filter((f) => f.category === 'credential');
}

const RANK = new Map<string, number>(SEVERITIES.map((s, i) => [s, i]));

/** The most serious finding about destruction first (the title names it); stable otherwise. */
export function byImportance(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => (RANK.get(b.severity) ?? 0) - (RANK.get(a.severity) ?? 0));
}

/** Categories whose deletes reach a remote service and cannot be undone from here. */
const REMOTE_CATEGORIES = new Set(['cloud', 'http', 'database', 'iac', 'kubernetes', 'tool']);

/**
 * An irreversible cloud or API delete with no named environment: the person is told it may be
 * production, and allowing it needs the typed confirmation like production does.
 */
export function mayBeProduction(verdict: Verdict): boolean {
  const env = verdict.environment;
  if (!env || env.production || (env.name && env.name !== 'unknown')) return false;
  return destructiveFindings(verdict).some((f) => REMOTE_CATEGORIES.has(String(f.category)) && (f.severity === 'high' || f.severity === 'critical'));
}

/** PRODUCTION in capitals; other names as they are; "UNKNOWN — may be production" or "unknown". */
export function environmentLabel(verdict: Verdict): string {
  const env = verdict.environment;
  if (mayBeProduction(verdict)) return MAY_BE_PRODUCTION;
  if (!env || !env.name || env.name === 'unknown') return 'unknown';
  return env.production ? env.name.toUpperCase() : env.name;
}

/** " on PRODUCTION", " on Railway API (UNKNOWN — may be production)", "" when nothing is known. */
export function wherePhrase(verdict: Verdict): string {
  const env: EnvironmentInfo | undefined = verdict.environment;
  const label = environmentLabel(verdict);
  const provider = env?.provider;
  if (provider && label !== 'unknown') return ` on ${provider} (${label})`;
  if (provider) return ` on ${provider}`;
  return label === 'unknown' ? '' : ` on ${label}`;
}

/** How the environment was worked out, without backticks. */
export function environmentSource(verdict: Verdict): string {
  return plain(verdict.environment?.source || 'unknown');
}

/** "drops table customers", or "drops table customers and 2 more" when a line does several things. */
export function destructionPhrase(verdict: Verdict): string {
  const main = byImportance(destructiveFindings(verdict));
  const pick = main.length > 0 ? main : verdict.findings;
  if (pick.length === 0) return 'runs a command Agent Guard stopped';
  const first = plain(pick[0]!.summary);
  return pick.length > 1 ? `${first} and ${pick.length - 1} more` : first;
}

const IRREGULAR: Readonly<Record<string, string>> = { does: 'do', has: 'have', is: 'be', goes: 'go' };
const ES_ENDING = /(sh|ch|x|ss|z)es$/;

/** "drops table x" → "drop table x"; a summary that does not start with a verb is said whole. */
export function asInfinitive(summary: string): string {
  const text = plain(summary);
  const space = text.indexOf(' ');
  const verb = space < 0 ? text : text.slice(0, space);
  const rest = space < 0 ? '' : text.slice(space);
  let base: string | undefined;
  if (IRREGULAR[verb]) base = IRREGULAR[verb];
  else if (verb.endsWith('ies') && verb.length > 4) base = verb.slice(0, -3) + 'y';
  else if (ES_ENDING.test(verb)) base = verb.slice(0, -2);
  else if (/^[a-z]+s$/.test(verb) && !verb.endsWith('ss')) base = verb.slice(0, -1);
  return base ? base + rest : `run a command that ${text}`;
}

const DOOR_LABEL: Record<Origin['door'], string> = {
  hook: 'An agent',
  terminal: 'A terminal',
  task: 'A task',
  cli: 'agent-guard ask',
  command: 'An Agent Guard command',
};

/** Who asked, as a person names it: "Claude Code", "bash terminal", "task deploy". */
export function askerName(origin: Origin): string {
  if (origin.door === 'task' && origin.task) return `task ${origin.task}`;
  if (origin.agent) return origin.agent;
  return DOOR_LABEL[origin.door] ?? String(origin.door);
}

/** "How it reached Agent Guard", for the modal and the record: "agent hook", "terminal". */
export function doorName(door: string): string {
  switch (door) {
    case 'hook':
      return 'agent hook';
    case 'cli':
      return 'agent-guard ask';
    case 'command':
      return 'Agent Guard command';
    default:
      return door;
  }
}

/** "Claude Code (agent hook)", but "bash terminal", not "bash terminal (terminal)". */
export function askerWithDoor(origin: Origin): string {
  const who = askerName(origin);
  const door = doorName(origin.door);
  return who.toLowerCase().includes(door.toLowerCase()) ? who : `${who} (${door})`;
}

/** The Details line: rule ids and one severity each, for people who want them. */
export function detailsLine(verdict: Verdict): string {
  if (verdict.findings.length === 0) return 'Details: no rule matched';
  const parts = verdict.findings.map((f) => `${f.rule} (${f.severity}${f.source === 'user' ? ', your rule' : ''})`);
  return `Details: ${parts.join(' · ')}`;
}

/** A rule's "why it matters", when it says more than its own id. */
export function rationaleOf(f: Pick<Finding, 'rationale' | 'rule'>): string | undefined {
  const r = f.rationale?.trim();
  if (!r || r === `your rule ${f.rule}`) return undefined;
  return plain(r);
}

/** The short line a person at a terminal reads after a block. */
export function terminalBlockLine(verdict: Verdict, reason?: string): string {
  const what = destructionPhrase(verdict);
  const tail = reason ? ` — ${reason}` : ' — see the Agent Guard log';
  return `Agent Guard blocked: ${what}${wherePhrase(verdict)}${tail}`;
}
