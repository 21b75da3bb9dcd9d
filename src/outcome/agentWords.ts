// The words an agent gets back in its hook answer (and a script on stderr). One set for every way a
// command ends, so an agent reads the same advice whichever door stopped it: what was stopped, why,
// and to ask the person rather than look for another way. Pure.
import type { Finding, Verdict } from '../engine/types';
import { TOO_LONG_RULE } from '../engine/inputBounds';
import { DO_NOT_WORK_AROUND, findingAgentMessage } from '../engine/findingWords';
import { destructionPhrase, plain, wherePhrase } from './personWords';

/** Per finding (the engine's `Finding.agentMessage`): worded in the engine, which may not import this module. */
export { findingAgentMessage };

const ONLY_THE_PERSON_CHANGES_THE_GUARD =
  "Only the person can change Agent Guard's settings, hooks or files. Do not try another tool, command, " +
  'path or way to make this change: stop and ask the person to make it themselves in VS Code.';

/** Findings the CLI raises about an edit whose file it cannot place (`cli/hooks/guardEdits.ts`). */
export const UNKNOWN_EDIT_FILE_RULE = 'guard.edit-unknown-file';
const GUARD_EDIT_RULE_PREFIX = 'guard.edit-';
const TOOL_RULE_PREFIX = 'tool.';

/**
 * What an agent reads about one finding, worded by what was stopped: an edit of the guard's own files,
 * a tool call, text too long to read, or a command. The engine states facts (rule, summary); the words
 * are chosen here, so every door says the same thing.
 */
export function agentMessageForFinding(f: Pick<Finding, 'rule' | 'summary' | 'target'>): string {
  const summary = plain(f.summary);
  if (f.rule === UNKNOWN_EDIT_FILE_RULE) {
    return `Agent Guard could not tell which file this edit changes (it ${summary}), so it was blocked. Name the file, or stop and ask the person.`;
  }
  if (f.rule.startsWith(GUARD_EDIT_RULE_PREFIX)) {
    return `Agent Guard blocked this edit: it ${summary} (rule ${f.rule}). ${ONLY_THE_PERSON_CHANGES_THE_GUARD}`;
  }
  if (f.rule.startsWith(TOOL_RULE_PREFIX)) {
    return `Agent Guard stopped this tool call: it ${summary} (rule ${f.rule}). Do not try another tool, command or credential to do the same thing. Stop and ask the person.`;
  }
  if (f.rule === TOO_LONG_RULE) {
    return `Agent Guard stopped this: it ${summary} (rule ${f.rule}). Do not split it up or send it another way: stop and ask the person to review and run it themselves.`;
  }
  return findingAgentMessage(f.summary, f.rule);
}

/** What a hook answer says when Agent Guard could not judge a call (it blocks). Shared by the CLI and the launcher the extension writes. */
export function failureMessage(reason: string): string {
  return (
    `Agent Guard could not check this action (${reason}), so it was blocked. ` +
    'Do not retry it or try another way: stop and ask the person what to do.'
  );
}

/** The launcher's own deny, when the extension's CLI or a runtime to start it is missing, or the CLI crashed. */
export const LAUNCHER_FAILURE_REASON =
  'its checker could not run: the Agent Guard extension or a Node runtime is missing on this machine, or the checker stopped unexpectedly';

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
