// The one services object every door (socket, hooks, terminal guard, tasks) uses inside the window.
// Created once in `activate`; owns nothing itself (its parts are disposed through the context).
// Doors that need the person go through the socket's ask handler (`askHandler.ts`), which climbs the
// one decision ladder (`outcome/decisionLadder.ts`) and logs the outcome.
import type * as vscode from 'vscode';
import { evaluate as evaluateWithPolicy } from '../engine/evaluate';
import { fileReaderFor } from '../files/fileReader';
import type { Policy } from '../engine/policy';
import type { Action, Verdict } from '../engine/types';
import type { DecisionLog } from '../log/decisionLog';
import type { TaskProcesses } from './taskProcesses';
import { OffTerminals } from './terminal/offTerminals';

export type { ConfirmOutcome } from './confirm/confirmTypes';

export interface GuardServices {
  /** The engine with this window's policy. */
  evaluate(action: Action, cwd?: string): Verdict;
  log: DecisionLog;
  policy(): Policy;
  enabled(): boolean;
  onDidChangePolicy: vscode.Event<void>;
  /** Task shells by pid, filled by the task guard, read when a request arrives on the socket. */
  taskProcesses: TaskProcesses;
  /** Agent Guard is about to write this guard file itself (tamper evidence must not warn about it). */
  expectGuardWrite(file: string): void;
  /** Terminals whose guard the person switched off (the status bar shows how many). */
  offTerminals: OffTerminals;
  /** Guard-file changes seen since the tamper warning was last dismissed ("file: what changed"), for Hook Status. */
  guardFileChanges(): readonly string[];
}

export interface GuardServicesDeps {
  log: DecisionLog;
  policy(): Policy;
  enabled(): boolean;
  onDidChangePolicy: vscode.Event<void>;
  taskProcesses: TaskProcesses;
  /** Tamper evidence's "this write is ours" (default: nothing to tell). */
  expectGuardWrite?(file: string): void;
  /** Tamper evidence's recent changes (default: none). */
  guardFileChanges?(): readonly string[];
}

export function createGuardServices(deps: GuardServicesDeps): GuardServices {
  return {
    // Files the command runs (`bash x.sh`, `npm run x`, `make`) are read from its folder, bounded (src/files/fileReader.ts).
    evaluate: (action, cwd) => evaluateWithPolicy(action, deps.policy(), cwd ? { cwd, files: fileReaderFor(cwd) } : {}),
    log: deps.log,
    policy: deps.policy,
    enabled: deps.enabled,
    onDidChangePolicy: deps.onDidChangePolicy,
    taskProcesses: deps.taskProcesses,
    expectGuardWrite: (file) => deps.expectGuardWrite?.(file),
    offTerminals: new OffTerminals(),
    guardFileChanges: () => deps.guardFileChanges?.() ?? [],
  };
}
