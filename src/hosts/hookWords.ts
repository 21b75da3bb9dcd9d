// What a hook answer says to the agent when Agent Guard could not judge a call (it blocks). Shared by
// the CLI and the launcher the extension writes.

export function failureMessage(reason: string): string {
  return (
    `Agent Guard could not check this action (${reason}), so it was blocked. ` +
    'Do not retry it or try another way: stop and ask the person what to do.'
  );
}

/** The launcher's own deny, when the extension's CLI or a runtime to start it is missing, or the CLI crashed. */
export const LAUNCHER_FAILURE_REASON = 'its checker could not run: the Agent Guard extension or a Node runtime is missing on this machine, or the checker stopped unexpectedly';
