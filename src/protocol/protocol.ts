// The wire contract between the CLI (hooks, terminal guard, `agent-guard ask`) and the extension.
// Shared by both sides so they cannot drift. There is deliberately no message that approves:
// an approval only ever comes from the person's click inside VS Code.
import type { Action, Verdict } from '../engine/types';

export const PROTOCOL_VERSION = 1;

/** Environment variable set in integrated terminals: path of this window's discovery file. */
export const IPC_ENV_VAR = 'AGENT_GUARD_IPC';

/** Which door an action came through and who asked, shown in the modal and the log. */
export interface Origin {
  door: 'hook' | 'terminal' | 'task' | 'cli' | 'command';
  /** Agent or host: `Claude Code`, `Cursor`, `Copilot`, `Gemini CLI`, `bash terminal`, task name … */
  agent?: string;
  cwd?: string;
  pid?: number;
  /** Task label when door is `task`. */
  task?: string;
  /** The reason the agent gave for this call, as it gave it (Claude's `description`, Copilot's `explanation`). */
  reason?: string;
}

/** Newline-delimited JSON; one request per connection line. */
export interface AskRequest {
  v: typeof PROTOCOL_VERSION;
  id: string;
  type: 'ask';
  /** The per-window secret from the discovery file: proves the asker can read the owner-only file. */
  secret: string;
  action: Action;
  /** The CLI's verdict; the extension re-evaluates with its own policy and never trusts this one to allow. */
  verdict: Verdict;
  origin: Origin;
  /** What a restore point would keep (taken by the CLI only if the person allows): shown in the modal, logged with its id. */
  restorePoint?: RestorePointNote;
}

/** The undo feature's words for one action: `text` follows "Restore point: " ("will keep 3 uncommitted files (12 KB)", "none possible: …"). */
export interface RestorePointNote {
  /** The id the point has once taken (`agent-guard restore <id>`); absent when nothing can be kept. */
  id?: string;
  text: string;
}

export type AnswerDecision = 'allow' | 'block';
export type AnsweredBy = 'person' | 'timeout' | 'policy' | 'session-allow' | 'closed' | 'error' | 'disabled';

export interface AskAnswer {
  v: typeof PROTOCOL_VERSION;
  id: string;
  type: 'answer';
  decision: AnswerDecision;
  by: AnsweredBy;
  /** For the agent: on block, that the person stopped it, the rule, and to ask the person rather than retry. */
  message: string;
}

export interface ErrorReply {
  v: typeof PROTOCOL_VERSION;
  id?: string;
  type: 'error';
  message: string;
}

export type ServerReply = AskAnswer | ErrorReply;

/** Written by each VS Code window (owner-only, 0600) so a CLI can find it from its cwd. */
export interface DiscoveryRecord {
  v: typeof PROTOCOL_VERSION;
  /** Unix domain socket path or Windows named pipe. */
  socketPath: string;
  secret: string;
  pid: number;
  workspaceFolders: string[];
  createdAt: string;
  /**
   * The window's effective `agentGuard.*` settings (rules, disabledRules, environments, decisions), so a
   * CLI judging a command in this workspace applies the same user rules before deciding to ask.
   */
  policy?: import('../engine/types').PolicyInput;
  /** False when the person switched the guard off in this window (the CLI still asks for `deny`-level). */
  enabled?: boolean;
}
