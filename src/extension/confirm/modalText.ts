// The words of the confirmation modal and of the agent's answer. Plain text only: the same words reach
// the person, the log and the agent, and the end-to-end test reads them from the dialog.
import type { Verdict } from '../../engine/types';
import type { Origin } from '../../protocol/protocol';
import type { CredentialNote, ModalContent } from './confirmTypes';

const MAX_COMMAND_CHARS = 2000;

/** The action as one line of text (not masked: callers mask). */

function clip(text: string): string {
  return text.length > MAX_COMMAND_CHARS ? text.slice(0, MAX_COMMAND_CHARS) + ' …(truncated)' : text;
}

const DOOR_LABEL: Record<Origin['door'], string> = {
  hook: 'agent hook',
  terminal: 'terminal',
  task: 'task',
  cli: 'agent-guard ask',
  command: 'Agent Guard command',
};

/** "Claude Code (agent hook)", "task `deploy`", "bash terminal (terminal)". */
export function askerText(origin: Origin): string {
  const door = DOOR_LABEL[origin.door] ?? String(origin.door);
  if (origin.door === 'task' && origin.task) return `task \`${origin.task}\``;
  return origin.agent ? `${origin.agent} (${door})` : door;
}

/** PRODUCTION in capitals; other names as they are; `unknown` said plainly. */
export function environmentLabel(verdict: Verdict): string {
  const env = verdict.environment;
  if (!env || !env.name || env.name === 'unknown') return 'unknown';
  return env.production ? env.name.toUpperCase() : env.name;
}

export function buildModal(
  maskedCommand: string,
  verdict: Verdict,
  origin: Origin,
  credentials: readonly CredentialNote[],
  requireTypedName: boolean,
): ModalContent {
  const env = environmentLabel(verdict);
  const production = verdict.environment?.production === true;
  const where = env === 'unknown' ? '(target environment unknown)' : `on ${env}`;
  const message = `Agent Guard: ${askerText(origin)} wants to run a destructive command ${where}`;
  const lines: string[] = [];
  lines.push(`Target environment: ${env}${production ? ' (production)' : ''}`);
  lines.push(`How it was determined: ${verdict.environment?.source || 'unknown'}`);
  lines.push(`Asked by: ${askerText(origin)}`);
  if (origin.cwd) lines.push(`Folder: ${origin.cwd}`);
  lines.push('');
  lines.push('Command:');
  lines.push(clip(maskedCommand));
  lines.push('');
  lines.push('What it would destroy:');
  if (verdict.findings.length === 0) lines.push('- (no specific finding reported)');
  for (const f of verdict.findings) {
    lines.push(`- ${f.summary} [${f.rule}, ${f.severity}${f.source === 'user' ? ', your rule' : ''}]`);
  }
  if (credentials.length > 0) {
    lines.push('');
    lines.push('Credential it carries:');
    for (const c of credentials) {
      lines.push(`- ${c.kind} ${c.masked}${c.file ? ` (the same secret is in ${c.file})` : ''}`);
    }
  }
  lines.push('');
  lines.push(
    production && requireTypedName
      ? `Block is the default (Escape blocks). Allow once asks you to type "${verdict.environment.name}".`
      : 'Block is the default (Escape blocks).',
  );
  return { message, detail: lines.join('\n') };
}

function ruleList(verdict: Verdict): string {
  if (verdict.findings.length === 0) return 'no specific rule';
  return verdict.findings.map((f) => `${f.summary} (rule ${f.rule})`).join('; ');
}

function envPhrase(verdict: Verdict): string {
  const env = environmentLabel(verdict);
  return env === 'unknown' ? '' : ` on ${env}`;
}

const DO_NOT_WORK_AROUND =
  'Do not look for another way or another credential to do the same thing, and do not retry it: stop and ask the person what they want.';

export function blockedByPersonMessage(verdict: Verdict): string {
  return `The person stopped this command${envPhrase(verdict)} in VS Code (Agent Guard): ${ruleList(verdict)}. ${DO_NOT_WORK_AROUND}`;
}

export function typedNameMismatchMessage(verdict: Verdict): string {
  return (
    `The person did not confirm the environment name, so Agent Guard blocked this command${envPhrase(verdict)}: ` +
    `${ruleList(verdict)}. ${DO_NOT_WORK_AROUND}`
  );
}

export function timeoutMessage(verdict: Verdict, seconds: number): string {
  return (
    `Nobody answered in VS Code within ${seconds} s, so Agent Guard blocked this command${envPhrase(verdict)}: ` +
    `${ruleList(verdict)}. ${DO_NOT_WORK_AROUND}`
  );
}

export function closedMessage(verdict: Verdict): string {
  return `The request was closed before the person answered, so this command${envPhrase(verdict)} was blocked: ${ruleList(verdict)}. ${DO_NOT_WORK_AROUND}`;
}

export function policyBlockMessage(verdict: Verdict): string {
  return `Agent Guard's policy forbids this command${envPhrase(verdict)}: ${ruleList(verdict)}. ${DO_NOT_WORK_AROUND}`;
}

export function allowedMessage(verdict: Verdict, bySession: boolean): string {
  return bySession
    ? `The person allowed this exact command for this VS Code session${envPhrase(verdict)}.`
    : `The person allowed this command once${envPhrase(verdict)} in VS Code.`;
}

/** Typed confirmation: the environment's name, ignoring surrounding spaces and letter case. */
export function typedNameMatches(typed: string | undefined, environmentName: string): boolean {
  if (typeof typed !== 'string') return false;
  const want = environmentName.trim().toLowerCase();
  return want !== '' && typed.trim().toLowerCase() === want;
}
