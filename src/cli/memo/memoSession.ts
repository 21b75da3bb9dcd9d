// The CLI proper's side of the verdict memo: recording starts before a `check`, `ask` or `hook` run
// reads anything, and the one decision path hands its decision over when no person was involved.
// Only CLI runs from the built bundles remember (engineIdentity); tests from source never do.
import type { Action, Verdict } from '../../engine/types';
import { commandSecrets, maskedVerdict, safeMask } from '../../log/logRecord';
import { startRecording } from './readRecorder';
import type { ReadRecorder } from './readRecorder';
import { engineIdentity, memoDir, memoKey, remember } from './verdictMemo';
import type { MemoOutcome } from './verdictMemo';

let current: { recorder: ReadRecorder; engine: string } | undefined;

export function beginRemembering(distDir: string): void {
  if (current) return;
  const engine = engineIdentity(distDir);
  if (engine) current = { recorder: startRecording(), engine };
}

/**
 * Ends the recording, and remembers the decision when the whole of what it read was recorded: `outcome`
 * is the door's decision (`ask`, `hook`), absent for `check`, which only judges. Only outcomes reached
 * without a person and without a restore point are ever passed here.
 */
export function endRemembering(decided?: { action: Action; cwd: string; verdict: Verdict; outcome?: MemoOutcome }): void {
  const session = current;
  current = undefined;
  if (!session) return;
  const deps = session.recorder.deps();
  session.recorder.stop();
  if (!deps || !decided) return;
  const { action, cwd, verdict, outcome } = decided;
  const key = memoKey(action, cwd, session.engine);
  if (!key) return;
  // Nothing on disk holds a live secret. A command that carries one is not remembered at all (its
  // secret would have to be kept to mask it again where it reappears); for the others the verdict and
  // message are kept masked exactly as the CLI says them, and the command's log text with them, so the
  // fast path neither scans it again nor says anything differently.
  if (action.kind !== 'shell' || commandSecrets(action).length > 0) return;
  remember(key, memoDir(), {
    verdict: maskedVerdict(verdict),
    ...(outcome ? { outcome: { ...outcome, message: safeMask(outcome.message) } } : {}),
    maskedCommand: safeMask(action.command),
  }, deps);
}
