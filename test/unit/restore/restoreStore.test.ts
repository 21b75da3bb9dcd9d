// The store: owner-only folders, unique ids, atomic manifests, quota and age eviction (oldest first,
// git refs released), corrupt points reported; and the decision-path step's words when the store is
// off, full or unwritable (the modal says no point rather than promising one).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Verdict } from '../../../src/engine/types';
import { listPoints, newPointId, pointsToEvict, readManifest } from '../../../src/restore/restoreStore';
import type { RestoreManifest } from '../../../src/restore/restoreTypes';
import { keepIfAllowed, prepareRestorePoint } from '../../../src/restore/restoreStep';
import { makeRoom } from '../../../src/restore/takeRestorePoint';
import { RESTORE_DEFAULTS } from '../../../src/restore/restoreSettings';
import { evaluate } from '../../../src/engine/evaluate';
import { defaultPolicy } from '../../../src/engine/policy';
import { git, keep, tempDir, tempRepo, write } from './restoreFixtures';

function manifest(id: string, time: string, bytes: number): RestoreManifest {
  return { v: 1, id, time, command: 'rm x', door: 'cli', cwd: '/', kind: 'files', paths: [], bytes, complete: true, parts: [] };
}

const DAY = 24 * 60 * 60 * 1000;

describe('restore store', function () {
  this.timeout(30_000);

  it('ids are unique, sortable by time and safe as folder and ref names', () => {
    const ids = new Set(Array.from({ length: 2000 }, () => newPointId(new Date('2026-12-02T09:15:00Z'))));
    assert.strictEqual(ids.size, 2000);
    for (const id of ids) assert.match(id, /^20261202-091500-[a-z0-9]{8}$/);
  });

  it('evicts points past the age limit, then the oldest until the new one fits', () => {
    const now = Date.parse('2026-12-20T00:00:00Z');
    const pts = [
      manifest('20261201-000000-aaaaaaaa', '2026-12-01T00:00:00.000Z', 10),
      manifest('20261218-000000-bbbbbbbb', '2026-12-18T00:00:00.000Z', 50),
      manifest('20261219-000000-cccccccc', '2026-12-19T00:00:00.000Z', 40),
    ];
    const limits = { maxBytes: 100, maxAgeDays: 14 };
    assert.deepStrictEqual(pointsToEvict(pts, limits, 0, now).map((p) => p.id), ['20261201-000000-aaaaaaaa']);
    assert.deepStrictEqual(pointsToEvict(pts, limits, 30, now).map((p) => p.id), ['20261201-000000-aaaaaaaa', '20261218-000000-bbbbbbbb']);
    assert.deepStrictEqual(pointsToEvict(pts, { maxBytes: 1000, maxAgeDays: 14 }, 0, now + 30 * DAY).length, 3);
  });

  it('a real point: owner-only folder, manifest written atomically, listed newest first; eviction releases its git refs', async () => {
    const repo = tempRepo();
    const store = path.join(tempDir('ag-restore-home-'), 'restore');
    write(repo, 'notes.txt', 'work\n');
    const first = await keep('git checkout -- notes.txt', repo, store);
    write(repo, 'draft.txt', 'draft\n');
    const second = await keep('rm draft.txt', repo, store);
    assert.strictEqual(fs.statSync(store).mode & 0o777, 0o700);
    assert.strictEqual(fs.statSync(path.join(store, first.id)).mode & 0o777, 0o700);
    assert.strictEqual(fs.statSync(path.join(store, first.id, 'manifest.json')).mode & 0o777, 0o600);
    assert.deepStrictEqual(fs.readdirSync(path.join(store, first.id)).filter((n) => n.startsWith('.')), [], 'no temp manifest left');
    assert.deepStrictEqual(listPoints(store).points.map((p) => p.id), [second.id, first.id]);
    assert.ok(git(repo, 'for-each-ref', 'refs/agent-guard').includes(first.id));

    // A quota that holds only the newest: the git point goes, and its ref with it.
    await makeRoom(store, { maxBytes: listPoints(store).points[0].bytes + 1, maxAgeDays: 14 }, 1);
    assert.deepStrictEqual(listPoints(store).points.map((p) => p.id), [second.id]);
    assert.strictEqual(git(repo, 'for-each-ref', 'refs/agent-guard'), '');
  });

  it('a corrupt manifest is reported, not read', () => {
    const store = tempDir('ag-restore-store-');
    const id = newPointId();
    fs.mkdirSync(path.join(store, id));
    fs.writeFileSync(path.join(store, id, 'manifest.json'), '{"v":1,"id":');
    assert.strictEqual(readManifest(path.join(store, id)), undefined);
    const l = listPoints(store);
    assert.deepStrictEqual(l.points, []);
    assert.deepStrictEqual(l.unreadable.map((u) => u.id), [id]);
  });

  it('two takers at once never share a folder', async () => {
    const dir = tempDir('ag-restore-files-');
    const store = tempDir('ag-restore-store-');
    for (let i = 0; i < 8; i++) write(dir, `f${i}.txt`, `${i}\n`);
    const taken = await Promise.all(Array.from({ length: 8 }, (_, i) => keep(`rm f${i}.txt`, dir, store)));
    assert.strictEqual(new Set(taken.map((t) => t.id)).size, 8);
    const points = listPoints(store).points;
    assert.strictEqual(points.length, 8);
    for (const p of points) assert.strictEqual(p.paths.length, 1);
  });
});

describe('restore step (the decision path)', function () {
  this.timeout(30_000);
  const verdictFor = (command: string, cwd: string): Verdict => evaluate({ kind: 'shell', command }, defaultPolicy(), { cwd });
  const ctx = (cwd: string, store: string, settings = RESTORE_DEFAULTS) => ({ cwd, env: process.env, origin: { door: 'hook' as const }, store, settings, spool: false as const, windowOpen: () => true });

  it('says what it will keep, and takes it only when the answer is allow', async () => {
    const repo = tempRepo();
    const store = tempDir('ag-restore-store-');
    write(repo, 'notes.txt', 'an afternoon of work\n');
    const action = { kind: 'shell' as const, command: 'git reset --hard' };
    const point = await prepareRestorePoint(action, verdictFor(action.command, repo), ctx(repo, store));
    assert.strictEqual(point.line, 'will keep 1 uncommitted file (21 bytes)');
    const blocked = await keepIfAllowed(point, { decision: 'block' as const });
    assert.deepStrictEqual(listPoints(store).points, []);
    assert.strictEqual(blocked.restorePoint?.text, point.line);
    const allowed = await keepIfAllowed(point, { decision: 'allow' as const });
    assert.strictEqual(allowed.restorePoint?.id, point.id);
    assert.deepStrictEqual(listPoints(store).points.map((p) => p.id), [point.id]);
  });

  it('a remote volume: no point possible, said before the person decides', async () => {
    const dir = tempDir('ag-restore-files-');
    const action = { kind: 'shell' as const, command: 'railway volume delete data' };
    const point = await prepareRestorePoint(action, verdictFor(action.command, dir), ctx(dir, tempDir('ag-restore-store-')));
    assert.match(point.line ?? '', /^none possible: .*Railway volume.*not on this machine/);
    assert.strictEqual(point.id, undefined);
  });

  it('a full store or an unwritable one: no point, and the line says why', async () => {
    const dir = tempDir('ag-restore-files-');
    write(dir, 'big.txt', 'x'.repeat(5000));
    const action = { kind: 'shell' as const, command: 'rm big.txt' };
    const full = await prepareRestorePoint(action, verdictFor(action.command, dir), ctx(dir, tempDir('ag-restore-store-'), { ...RESTORE_DEFAULTS, maxBytes: 1000 }));
    assert.match(full.line ?? '', /^none possible: it would take 4\.9 KB, more than the restore store quota \(1000 bytes\)/);
    assert.strictEqual(full.id, undefined);
    const notADir = path.join(tempDir('ag-restore-home-'), 'restore');
    fs.writeFileSync(notADir, 'a file where the store should be');
    const unwritable = await prepareRestorePoint(action, verdictFor(action.command, dir), ctx(dir, notADir));
    assert.match(unwritable.line ?? '', /^none possible: the restore store .* is not/);
  });

  it('a point that cannot be kept after all: the allow still goes through, the log says so, no id is promised', async () => {
    const dir = tempDir('ag-restore-files-');
    write(dir, 'a.txt', 'a\n');
    const home = tempDir('ag-restore-home-');
    const store = path.join(home, 'restore');
    const spool = path.join(home, 'spool');
    const action = { kind: 'shell' as const, command: 'rm a.txt' };
    const point = await prepareRestorePoint(action, verdictFor(action.command, dir), { ...ctx(dir, store), spool });
    assert.ok(point.id);
    fs.rmSync(store, { recursive: true });
    fs.writeFileSync(store, 'the store became a file');
    const d = await keepIfAllowed(point, { decision: 'allow' as const });
    assert.strictEqual(d.decision, 'allow');
    assert.strictEqual(d.restorePoint?.id, undefined);
    assert.match(d.restorePoint?.text ?? '', /^none possible: the restore store could not keep it/);
    const logged = fs.readFileSync(path.join(spool, 'decisions.jsonl'), 'utf8');
    assert.match(logged, new RegExp(`restore point ${point.id} was not kept`));
  });

  it('off, denied, or nobody to ask: nothing is planned', async () => {
    const dir = tempDir('ag-restore-files-');
    write(dir, 'a.txt', 'a\n');
    const action = { kind: 'shell' as const, command: 'rm a.txt' };
    const off = await prepareRestorePoint(action, verdictFor(action.command, dir), ctx(dir, tempDir('ag-restore-store-'), { ...RESTORE_DEFAULTS, enabled: false }));
    assert.strictEqual(off.line, undefined);
    const asked = { kind: 'shell' as const, command: 'rm -rf .' };
    const noWindow = await prepareRestorePoint(asked, verdictFor(asked.command, dir), { ...ctx(dir, tempDir('ag-restore-store-')), windowOpen: () => false });
    assert.strictEqual(noWindow.line, undefined);
  });
});
