// The words an agent gets back in its hook answer (and a script on stderr). One set for every way a
// command ends, so an agent reads the same advice whichever door stopped it: what was stopped, why,
// and to ask the person rather than look for another way. Pure.
import type { Verdict } from '../engine/types';
import { destructionPhrase, plain, wherePhrase } from './personWords';

const DO_NOT_WORK_AROUND =
  'Do not try another way, another command or another credential to do the same thing, and do not retry it. Stop and ask the person what they want.';

/** Per finding (the engine's `Finding.agentMessage`): what was stopped and by which rule. */
export function findingAgentMessage(summary: string, ruleId: string): string {
  return `Agent Guard stopped this command: it ${plain(summary)} (rule ${ruleId}). ${DO_NOT_WORK_AROUND}`;
}

function rules(verdict: Verdict): string {
  const ids = [...new Set(verdict.findings.map((f) => f.rule))];
  return ids.length > 0 ? ` (rule${ids.length > 1 ? 's' : ''} ${ids.join(', ')})` : '';
}

function stopped(verdict: Verdict, why: string): string {
  return `Agent Guard blocked this command${wherePhrase(verdict)}: it ${destructionPhrase(verdict)}${rules(verdict)}. ${why} ${DO_NOT_WORK_AROUND}`;
}

/** Why a command was blocked, as the ladder and the confirmation name it. */
export type BlockReason =
  | { kind: 'policy' }
  | { kind: 'person' }
  | { kind: 'typed-name' }
  | { kind: 'timeout'; seconds: number }
  | { kind: 'closed' }
  | { kind: 'error'; detail: string }
  | { kind: 'unreachable'; detail: string };

export function blockedAgentMessage(verdict: Verdict, reason: BlockReason): string {
  switch (reason.kind) {
    case 'policy':
      return stopped(verdict, "The person's policy forbids it.");
    case 'person':
      return stopped(verdict, 'The person chose Block in VS Code.');
    case 'typed-name':
      return stopped(verdict, 'The person did not type the confirmation that allowing it needs.');
    case 'timeout':
      return stopped(verdict, `Nobody answered in VS Code within ${reason.seconds} s.`);
    case 'closed':
      return stopped(verdict, 'The request ended before the person answered.');
    case 'error':
      return stopped(verdict, `Agent Guard could not ask the person (${reason.detail}).`);
    case 'unreachable':
      return stopped(
        verdict,
        `It needs the person's approval and VS Code could not be asked (${reason.detail}); ask the person to run it themselves, or to open this folder in VS Code with Agent Guard so they can approve it.`,
      );
  }
}

export type AllowReason = 'once' | 'session' | 'disabled' | 'policy';

export function allowedAgentMessage(verdict: Verdict, reason: AllowReason): string {
  switch (reason) {
    case 'once':
      return `The person allowed this command once${wherePhrase(verdict)} in VS Code.`;
    case 'session':
      return `The person allowed this exact command for this VS Code session${wherePhrase(verdict)}.`;
    case 'disabled':
      return 'Agent Guard is switched off in this VS Code window; the command was not checked.';
    case 'policy':
      return '';
  }
}
