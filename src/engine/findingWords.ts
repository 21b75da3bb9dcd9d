// The agent-facing words the engine puts on each finding (`Finding.agentMessage`). They live here, not in
// `src/outcome/`, so the engine depends on nothing outside itself; the outcome module imports these and
// words every other message around them (one set of words, one direction of dependency).

/** Said after every stop: the agent must not work around the person. */
export const DO_NOT_WORK_AROUND =
  'Do not try another way, another command or another credential to do the same thing, and do not retry it. Stop and ask the person what they want.';

const BACKTICKS = /`/g;

/** Per finding: what was stopped and by which rule (summaries may carry markdown backticks; agents get plain text). */
export function findingAgentMessage(summary: string, ruleId: string): string {
  return `Agent Guard stopped this command: it ${summary.replace(BACKTICKS, '')} (rule ${ruleId}). ${DO_NOT_WORK_AROUND}`;
}
