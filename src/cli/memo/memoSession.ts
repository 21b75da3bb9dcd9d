// The CLI proper's side of the verdict memo: recording starts before a `check`, `ask` or `hook` run
// reads anything, and the one decision path hands its verdict over when it is a clean allow by policy.
// Only CLI runs from the built bundles remember (engineIdentity); tests from source never do.
import type { Action, Verdict } from '../../engine/types';
import { startRecording } from './readRecorder';
import type { ReadRecorder } from './readRecorder';
import { engineIdentity, memoDir, memoKey, remember } from './verdictMemo';

let current: { recorder: ReadRecorder; engine: string } | undefined;

export function beginRemembering(distDir: string): void {
  if (current) return;
  const engine = engineIdentity(distDir);
  if (engine) current = { recorder: startRecording(), engine };
}

/** Ends the recording; remembers `verdict` for `action` in `cwd` when it is a clean allow and everything read could be recorded. */
export function endRemembering(clean?: { action: Action; cwd: string; verdict: Verdict }): void {
  const session = current;
  current = undefined;
  if (!session) return;
  const deps = session.recorder.deps();
  session.recorder.stop();
  if (!deps || !clean || clean.verdict.decision !== 'allow' || clean.verdict.findings.length > 0) return;
  const key = memoKey(clean.action, clean.cwd, session.engine);
  if (key) remember(key, memoDir(), clean.verdict, deps);
}
