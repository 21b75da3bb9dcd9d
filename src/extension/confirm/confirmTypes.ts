// The confirmation service's small interfaces. No `vscode` import: the queue, timeout and typed-name
// logic run in plain node under mocha, with a fake UI.
import type { Action, Verdict } from '../../engine/types';
import type { Origin } from '../../protocol/protocol';
import type { WindowOutcome } from '../../outcome/decisionLadder';
import type { ModalContent, TypedStepText } from '../../outcome/modalText';

export type { CredentialNote, ModalContent, ResolvedTarget } from '../../outcome/modalText';

/** How an asked request ended (the message is for the agent). */
export type ConfirmOutcome = WindowOutcome;

export const BLOCK = 'Block';
export const ALLOW_ONCE = 'Allow once';
export const ALLOW_SESSION = 'Allow for this session';
export type ModalChoice = typeof BLOCK | typeof ALLOW_ONCE | typeof ALLOW_SESSION;

/** What the person is shown and asked. Dismissing anything (Escape, closing) returns `undefined`. */
export interface ConfirmUi {
  /** A modal with Block as the default; returns the button clicked. */
  showModal(content: ModalContent, choices: readonly ModalChoice[]): Promise<ModalChoice | undefined>;
  /** Asks the person to type what allowing needs (empty box, `text` says what); aborted when the request ends meanwhile. */
  askTyped(text: TypedStepText, signal: AbortSignal): Promise<string | undefined>;
  /** A short non-modal notice (e.g. a click on a dialog whose request had already timed out). */
  notice(message: string): void;
}

export interface ConfirmSettings {
  timeoutSeconds: number;
  requireTypedNameForProduction: boolean;
  allowForSession: boolean;
}

export interface ConfirmRequest {
  action: Action;
  verdict: Verdict;
  origin: Origin;
  /** Aborted when the asker goes away (socket closed): the request is closed and logged as such. */
  signal?: AbortSignal;
  /** The asker's words for the restore point it keeps if allowed ("will keep 3 uncommitted files (12 KB)"). */
  restorePoint?: string;
}
