import * as assert from 'assert';
import { promises as fsp } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DecisionLog, newEntryId } from '../../../src/log/decisionLog';
import type { LogEntry } from '../../../src/log/logEntry';
import { LogModel } from '../../../src/extension/panel/logModel';

function entry(command: string, decision: 'allow' | 'block', time: Date, kind: 'decision' | 'guard' = 'decision'): LogEntry {
  return {
    v: 1, id: newEntryId(time), time: time.toISOString(), kind, door: 'hook', command, findings: [],
    environment: { name: 'unknown', production: false, source: 'unknown' }, verdict: 'confirm', decision, by: 'person',
  };
}

describe('LogModel (panel and status bar data)', () => {
  it('lists newest first, counts today’s blocked decisions, and follows appends', async () => {
    const log = new DecisionLog({ dir: await fsp.mkdtemp(path.join(os.tmpdir(), 'ag-model-')), maxEntries: 1000 });
    const now = new Date();
    const yesterday = new Date(now.getTime() - 36 * 3600 * 1000);
    await log.append(entry('old block', 'block', yesterday));
    await log.append(entry('today allow', 'allow', now));
    await log.append(entry('today block', 'block', now));
    await log.append(entry('guard off', 'block', now, 'guard'));
    const warnings: string[] = [];
    const model = new LogModel(log, (w) => warnings.push(w), () => 1000);
    await model.reload();
    assert.deepStrictEqual(model.all.map((e) => e.command), ['guard off', 'today block', 'today allow', 'old block']);
    assert.strictEqual(model.blockedToday(now), 1);
    let changes = 0;
    model.onDidChange(() => changes++);
    await log.append(entry('another block', 'block', new Date()));
    assert.strictEqual(model.all[0]!.command, 'another block');
    assert.strictEqual(model.blockedToday(), 2);
    assert.strictEqual(changes, 1);
    assert.strictEqual(model.byId(model.all[0]!.id)?.command, 'another block');
    assert.deepStrictEqual(warnings, []);
  });

  it('warns once about unreadable lines and keeps the readable ones', async () => {
    const log = new DecisionLog({ dir: await fsp.mkdtemp(path.join(os.tmpdir(), 'ag-model-')), maxEntries: 1000 });
    await log.append(entry('good', 'block', new Date()));
    await fsp.appendFile(log.filePath, '{torn\n');
    const warnings: string[] = [];
    const model = new LogModel(log, (w) => warnings.push(w), () => 1000);
    await model.reload();
    await model.reload();
    assert.strictEqual(model.all.length, 1);
    assert.strictEqual(warnings.length, 1);
    assert.match(warnings[0]!, /skipped 1 unreadable line/);
  });
});
