// The one confirmation queue every door calls. Requests are shown one at a time, in arrival order;
// none is dropped; each waits for its own answer. Each request's time limit starts when it arrives and
// ends in Block; an asker that goes away closes its request. VS Code cannot dismiss a modal from code,
// so a dialog whose request already ended stays until clicked — and that late click decides nothing.
import type { Action, Verdict } from '../../engine/types';
import type { Origin } from '../../protocol/protocol';
import { ALLOW_ONCE, ALLOW_SESSION, BLOCK } from './confirmTypes';
import type { ConfirmOutcome, ConfirmRequest, ConfirmSettings, ConfirmUi, CredentialNote, ModalChoice, ResolvedTarget } from './confirmTypes';
import { buildModal, typedConfirmationFor, typedMatches, typedStepText } from '../../outcome/modalText';
import { allowedByPerson, blocked } from '../../outcome/decisionLadder';
import { actionText, maskerFor } from '../../log/logRecord';

/** A typo in the typed confirmation may be retried this many times in all; Escape blocks at once. */
export const TYPED_ATTEMPTS = 3;

export interface ConfirmationDeps {
  ui: ConfirmUi;
  settings(): ConfirmSettings;
  /** Masks secrets in a command for display. */
  mask(text: string): string;
  /** Credentials the action carries and where the same secret sits in the workspace (bounded search). */
  describeCredentials?(action: Action): Promise<CredentialNote[]>;
  /** What the findings destroy, counted on disk and in git (bounded): lines under each finding. */
  resolveTargets?(action: Action, verdict: Verdict, origin: Origin): Promise<ResolvedTarget[]>;
  /** The undo feature's "Restore point: …" words for this action, or undefined (then nothing is said). */
  restorePoint?(action: Action, verdict: Verdict, origin: Origin): Promise<string | undefined>;
}

interface Pending {
  req: ConfirmRequest;
  settled: boolean;
  resolve(o: ConfirmOutcome): void;
  /** Aborted once the request has an outcome: cancels a typed-name box still open for it. */
  ended: AbortController;
  timer?: ReturnType<typeof setTimeout>;
  detach?: () => void;
}

/** Requests allowed "for this session" are remembered by exact command text and environment. */
function sessionKey(action: Action, verdict: Verdict): string | undefined {
  if (action.kind !== 'shell') return undefined;
  return `${verdict.environment?.name ?? 'unknown'}\u0000${action.command}`;
}

export class ConfirmationService {
  private readonly queue: Pending[] = [];
  private running = false;
  private readonly sessionAllowed = new Set<string>();
  private disposed = false;

  constructor(private readonly deps: ConfirmationDeps) {}

  /** Requests waiting or being shown. */
  get pendingCount(): number {
    return this.queue.filter((p) => !p.settled).length;
  }

  confirm(action: Action, verdict: Verdict, origin: Origin, signal?: AbortSignal, restorePoint?: string): Promise<ConfirmOutcome> {
    const req: ConfirmRequest = { action, verdict, origin, signal, ...(restorePoint ? { restorePoint } : {}) };
    if (this.disposed) return Promise.resolve(blocked(verdict, { kind: 'closed' }));
    const settings = this.deps.settings();
    const key = sessionKey(action, verdict);
    if (settings.allowForSession && key && this.sessionAllowed.has(key) && !typedConfirmationFor(verdict, true)) {
      return Promise.resolve(allowedByPerson(verdict, true));
    }
    return new Promise<ConfirmOutcome>((resolve) => {
      const p: Pending = { req, settled: false, resolve, ended: new AbortController() };
      const seconds = Math.max(1, settings.timeoutSeconds);
      p.timer = setTimeout(() => this.settle(p, blocked(verdict, { kind: 'timeout', seconds })), seconds * 1000);
      if (signal) {
        const onAbort = (): void => this.settle(p, blocked(verdict, { kind: 'closed' }));
        if (signal.aborted) {
          onAbort();
        } else {
          signal.addEventListener('abort', onAbort, { once: true });
          p.detach = () => signal.removeEventListener('abort', onAbort);
        }
      }
      if (!p.settled) {
        this.queue.push(p);
        void this.pump();
      }
    });
  }

  /** Ends every waiting request with Block (window closing). */
  dispose(): void {
    this.disposed = true;
    for (const p of [...this.queue]) this.settle(p, blocked(p.req.verdict, { kind: 'closed' }));
  }

  private settle(p: Pending, outcome: ConfirmOutcome): void {
    if (p.settled) return;
    p.settled = true;
    if (p.timer) clearTimeout(p.timer);
    p.detach?.();
    p.ended.abort();
    p.resolve(outcome);
  }

  private async pump(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (this.queue.length > 0) {
        const p = this.queue[0]!;
        if (!p.settled) {
          try {
            await this.ask(p);
          } catch (e) {
            // A UI failure must never turn into an allow.
            this.settle(p, blocked(p.req.verdict, { kind: 'error', detail: (e as Error).message }));
          }
        }
        this.queue.shift();
      }
    } finally {
      this.running = false;
    }
  }

  /** Looks something up for the modal; a failure there must not stop the person being asked. */
  private async lookup<T>(fn: (() => Promise<T>) | undefined, fallback: T): Promise<T> {
    if (!fn) return fallback;
    try {
      return await fn();
    } catch {
      return fallback;
    }
  }

  private async ask(p: Pending): Promise<void> {
    const { action, verdict, origin } = p.req;
    const settings = this.deps.settings();
    const deps = this.deps;
    const [credentials, resolved, restorePoint] = await Promise.all([
      this.lookup(deps.describeCredentials && (() => deps.describeCredentials!(action)), [] as CredentialNote[]),
      this.lookup(deps.resolveTargets && (() => deps.resolveTargets!(action, verdict, origin)), [] as ResolvedTarget[]),
      p.req.restorePoint !== undefined ? Promise.resolve(p.req.restorePoint) : this.lookup(deps.restorePoint && (() => deps.restorePoint!(action, verdict, origin)), undefined as string | undefined),
    ]);
    if (p.settled) return;
    // Production, and an irreversible remote delete whose environment is unknown, need words typed.
    const typed = typedConfirmationFor(verdict, settings.requireTypedNameForProduction);
    const mustType = typedConfirmationFor(verdict, true) !== undefined;
    // Re-check: an identical command may have been allowed for the session while this one waited.
    const key = sessionKey(action, verdict);
    if (settings.allowForSession && key && this.sessionAllowed.has(key) && !mustType) {
      this.settle(p, allowedByPerson(verdict, true));
      return;
    }
    const mask = maskerFor(action, deps.mask);
    const command = mask(actionText(action));
    const content = buildModal({ command, verdict, origin, credentials, resolved, restorePoint, typedConfirmation: typed, mask });
    // A session allowance is never offered where allowing needs typed words: each such change is typed out.
    const choices: ModalChoice[] = settings.allowForSession && key && !mustType ? [BLOCK, ALLOW_ONCE, ALLOW_SESSION] : [BLOCK, ALLOW_ONCE];
    const choice = await deps.ui.showModal(content, choices);
    if (p.settled) {
      if (choice === ALLOW_ONCE || choice === ALLOW_SESSION) {
        deps.ui.notice('Agent Guard: that request had already ended (timed out or its asker went away) and was blocked; your click did not allow it.');
      }
      return;
    }
    if (choice !== ALLOW_ONCE && choice !== ALLOW_SESSION) {
      this.settle(p, blocked(verdict, { kind: 'person' }));
      return;
    }
    if (typed !== undefined && !(await this.typedConfirmation(p, command, typed))) return;
    if (choice === ALLOW_SESSION && key) this.sessionAllowed.add(key);
    this.settle(p, allowedByPerson(verdict, choice === ALLOW_SESSION));
  }

  /** Up to three tries at the typed words; Escape, or the third typo, blocks. True when they match. */
  private async typedConfirmation(p: Pending, command: string, expected: string): Promise<boolean> {
    let last: string | undefined;
    for (let attempt = 1; attempt <= TYPED_ATTEMPTS; attempt++) {
      const text = typedStepText(command, p.req.verdict, expected, attempt, TYPED_ATTEMPTS, last);
      const answer = await this.deps.ui.askTyped(text, p.ended.signal);
      if (p.settled) return false;
      if (answer === undefined) {
        this.settle(p, blocked(p.req.verdict, { kind: 'person' }));
        return false;
      }
      if (typedMatches(answer, expected)) return true;
      last = answer;
    }
    this.settle(p, blocked(p.req.verdict, { kind: 'typed-name' }));
    return false;
  }
}
