// The confirmation service's small interfaces. No `vscode` import: the queue, timeout and typed-name
// logic run in plain node under mocha, with a fake UI.
import type { Action, Verdict } from '../../engine/types';
import type { AnsweredBy, Origin } from '../../protocol/protocol';

export interface ConfirmOutcome {
  decision: 'allow' | 'block';
  by: AnsweredBy;
  /** For the agent. */
  message: string;
}

export const BLOCK = 'Block';
export const ALLOW_ONCE = 'Allow once';
export const ALLOW_SESSION = 'Allow for this session';
export type ModalChoice = typeof BLOCK | typeof ALLOW_ONCE | typeof ALLOW_SESSION;

export interface ModalContent {
  /** First line, shown large. */
  message: string;
  /** Plain text under it (the end-to-end test reads it from `.monaco-dialog-box`). */
  detail: string;
}

/** What the person is shown and asked. Dismissing anything (Escape, closing) returns `undefined`. */
export interface ConfirmUi {
  /** A modal with Block as the default; returns the button clicked. */
  showModal(content: ModalContent, choices: readonly ModalChoice[]): Promise<ModalChoice | undefined>;
  /** Asks the person to type the environment's name; aborted when the request ends meanwhile. */
  askTypedName(environmentName: string, signal: AbortSignal): Promise<string | undefined>;
  /** A short non-modal notice (e.g. a click on a dialog whose request had already timed out). */
  notice(message: string): void;
}

export interface ConfirmSettings {
  timeoutSeconds: number;
  requireTypedNameForProduction: boolean;
  allowForSession: boolean;
}

/** A credential the command carries, masked, and the workspace file that holds the same secret. */
export interface CredentialNote {
  kind: string;
  masked: string;
  file?: string;
}

export interface ConfirmRequest {
  action: Action;
  verdict: Verdict;
  origin: Origin;
  /** Aborted when the asker goes away (socket closed): the request is closed and logged as such. */
  signal?: AbortSignal;
}
