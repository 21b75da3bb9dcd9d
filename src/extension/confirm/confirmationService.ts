// The one confirmation queue every door calls. Requests are shown one at a time, in arrival order;
// none is dropped; each waits for its own answer. Each request's time limit starts when it arrives and
// ends in Block; an asker that goes away closes its request. VS Code cannot dismiss a modal from code,
// so a dialog whose request already ended stays until clicked — and that late click decides nothing.
import type { Action, Verdict } from '../../engine/types';
import type { Origin } from '../../protocol/protocol';
import { ALLOW_ONCE, ALLOW_SESSION, BLOCK } from './confirmTypes';
import type { ConfirmOutcome, ConfirmRequest, ConfirmSettings, ConfirmUi, CredentialNote, ModalChoice } from './confirmTypes';
import {
  allowedMessage,
  blockedByPersonMessage,
  buildModal,
  closedMessage,
  timeoutMessage,
  typedNameMatches,
  typedNameMismatchMessage,
} from './modalText';
import { actionText } from '../../log/logRecord';

export interface ConfirmationDeps {
  ui: ConfirmUi;
  settings(): ConfirmSettings;
  /** Masks secrets in a command for display. */
  mask(text: string): string;
  /** Credentials the action carries and where the same secret sits in the workspace (bounded search). */
  describeCredentials?(action: Action): Promise<CredentialNote[]>;
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

  confirm(action: Action, verdict: Verdict, origin: Origin, signal?: AbortSignal): Promise<ConfirmOutcome> {
    const req: ConfirmRequest = { action, verdict, origin, signal };
    if (this.disposed) return Promise.resolve({ decision: 'block', by: 'closed', message: closedMessage(verdict) });
    const settings = this.deps.settings();
    const key = sessionKey(action, verdict);
    if (settings.allowForSession && key && this.sessionAllowed.has(key) && !verdict.environment?.production) {
      return Promise.resolve({ decision: 'allow', by: 'session-allow', message: allowedMessage(verdict, true) });
    }
    return new Promise<ConfirmOutcome>((resolve) => {
      const p: Pending = { req, settled: false, resolve, ended: new AbortController() };
      const seconds = Math.max(1, settings.timeoutSeconds);
      p.timer = setTimeout(() => this.settle(p, { decision: 'block', by: 'timeout', message: timeoutMessage(verdict, seconds) }), seconds * 1000);
      if (signal) {
        const onAbort = (): void => this.settle(p, { decision: 'block', by: 'closed', message: closedMessage(verdict) });
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
    for (const p of [...this.queue]) this.settle(p, { decision: 'block', by: 'closed', message: closedMessage(p.req.verdict) });
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
            this.settle(p, { decision: 'block', by: 'error', message: `Agent Guard could not ask the person (${(e as Error).message}); the command was blocked. Ask the person.` });
          }
        }
        this.queue.shift();
      }
    } finally {
      this.running = false;
    }
  }

  private async ask(p: Pending): Promise<void> {
    const { action, verdict, origin } = p.req;
    const settings = this.deps.settings();
    const production = verdict.environment?.production === true;
    let credentials: CredentialNote[] = [];
    if (this.deps.describeCredentials) {
      try {
        credentials = await this.deps.describeCredentials(action);
      } catch {
        credentials = [];
      }
    }
    if (p.settled) return;
    // Re-check: an identical command may have been allowed for the session while this one waited.
    const key = sessionKey(action, verdict);
    if (settings.allowForSession && key && this.sessionAllowed.has(key) && !production) {
      this.settle(p, { decision: 'allow', by: 'session-allow', message: allowedMessage(verdict, true) });
      return;
    }
    const content = buildModal(this.deps.mask(actionText(action)), verdict, origin, credentials, settings.requireTypedNameForProduction);
    // A session allowance is never offered for production: each production change is typed out.
    const choices: ModalChoice[] = settings.allowForSession && key && !production ? [BLOCK, ALLOW_ONCE, ALLOW_SESSION] : [BLOCK, ALLOW_ONCE];
    const choice = await this.deps.ui.showModal(content, choices);
    if (p.settled) {
      if (choice === ALLOW_ONCE || choice === ALLOW_SESSION) {
        this.deps.ui.notice('Agent Guard: that request had already ended (timed out or its asker went away) and was blocked; your click did not allow it.');
      }
      return;
    }
    if (choice !== ALLOW_ONCE && choice !== ALLOW_SESSION) {
      this.settle(p, { decision: 'block', by: 'person', message: blockedByPersonMessage(verdict) });
      return;
    }
    if (production && settings.requireTypedNameForProduction) {
      const typed = await this.deps.ui.askTypedName(verdict.environment.name, p.ended.signal);
      if (p.settled) return;
      if (!typedNameMatches(typed, verdict.environment.name)) {
        this.settle(p, { decision: 'block', by: 'person', message: typedNameMismatchMessage(verdict) });
        return;
      }
    }
    if (choice === ALLOW_SESSION && key) this.sessionAllowed.add(key);
    this.settle(p, {
      decision: 'allow',
      by: 'person',
      message: allowedMessage(verdict, choice === ALLOW_SESSION),
    });
  }
}
