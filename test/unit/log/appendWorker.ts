// A separate process appending to the shared log, as a second VS Code window would (used by decisionLog.test.ts).
import { DecisionLog, newEntryId } from '../../../src/log/decisionLog';

const [dir, worker, count, max] = process.argv.slice(2) as [string, string, string, string];
const log = new DecisionLog({ dir, maxEntries: Number(max) });

void (async () => {
  const pending: Promise<void>[] = [];
  for (let i = 0; i < Number(count); i++) {
    pending.push(
      log.append({
        v: 1, id: newEntryId(), time: new Date().toISOString(), kind: 'decision', door: 'hook',
        command: `process ${worker} line ${i} ${'y'.repeat((i * 37) % 700)}`, findings: [],
        environment: { name: 'unknown', production: false, source: 'unknown' }, verdict: 'confirm', decision: 'block', by: 'person',
      }),
    );
    // Let the other processes interleave.
    if (i % 25 === 0) await Promise.all(pending.splice(0));
  }
  await Promise.all(pending);
})();
