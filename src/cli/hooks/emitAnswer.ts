// Giving a host its answer: both streams written in full (writeOutput.ts), then the process ends with
// the answer's code (a pending stdin read or timer must not keep it).
import type { HookAnswer } from '../../hosts/hostTypes';
import { writeOutput } from '../writeOutput';

export function emitAnswer(answer: HookAnswer): void {
  process.exitCode = answer.exitCode;
  let pending: Array<Promise<void> | undefined>;
  try {
    pending = [writeOutput(1, answer.stdout), writeOutput(2, answer.stderr)];
  } catch {
    // The host closed its end: nobody reads the answer; the exit code still says it.
    process.exit(answer.exitCode);
  }
  if (pending.every((p) => p === undefined)) process.exit(answer.exitCode);
  void Promise.all(pending).then(() => process.exit(answer.exitCode));
}
