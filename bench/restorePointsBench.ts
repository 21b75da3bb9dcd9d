// What a restore point costs an allowed action: plan (before the modal) and take (before the command
// runs), on real temp trees and repositories. Bundled and run by bench/restorePoints.mjs.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { evaluate } from '../src/engine/evaluate';
import { defaultPolicy } from '../src/engine/policy';
import { planRestorePoint } from '../src/restore/planRestorePoint';
import { RESTORE_DEFAULTS } from '../src/restore/restoreSettings';
import { newPointId } from '../src/restore/restoreStore';
import { takeRestorePoint } from '../src/restore/takeRestorePoint';

export interface Case {
  name: string;
  what: string;
  planMs: number;
  takeMs: number;
  complete: boolean;
}

function tree(root: string, files: number, bytes: number): void {
  for (let i = 0; i < files; i++) {
    const f = path.join(root, `d${i % 20}`, `f${i}.txt`);
    fs.mkdirSync(path.dirname(f), { recursive: true });
    fs.writeFileSync(f, 'x'.repeat(bytes));
  }
}

async function measure(name: string, command: string, cwd: string, store: string): Promise<Case> {
  const action = { kind: 'shell' as const, command };
  const verdict = evaluate(action, defaultPolicy(), { cwd });
  const t0 = performance.now();
  const plan = await planRestorePoint(action, verdict, cwd, process.env);
  const t1 = performance.now();
  const taken = await takeRestorePoint(store, RESTORE_DEFAULTS, { id: newPointId(), command, door: 'cli', cwd }, plan.parts);
  const t2 = performance.now();
  return { name, what: plan.parts.map((p) => p.what).join('; ') || plan.reasons.join('; '), planMs: t1 - t0, takeMs: t2 - t1, complete: taken.complete };
}

export async function runRestoreBench(scale: number): Promise<Case[]> {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-restore-bench-'));
  const store = path.join(base, 'store');
  try {
    const out: Case[] = [];
    const files = path.join(base, 'files');
    tree(files, 2000 * scale, 2048);
    out.push(await measure(`rm -rf of ${2000 * scale} files (hard links)`, 'rm -rf d0 d1 d2 d3 d4 d5 d6 d7 d8 d9 d10 d11 d12 d13 d14 d15 d16 d17 d18 d19', files, store));
    fs.writeFileSync(path.join(files, 'big.bin'), Buffer.alloc(64 * 1024 * 1024 * scale, 7));
    out.push(await measure(`overwrite of a ${64 * scale} MB file (copy)`, 'echo > big.bin', files, store));

    const repo = path.join(base, 'repo');
    fs.mkdirSync(repo);
    const git = (...a: string[]) => execFileSync('git', a, { cwd: repo, stdio: 'ignore' });
    git('init', '-q');
    tree(repo, 5000 * scale, 1024);
    git('add', '-A');
    git('-c', 'user.email=b@e', '-c', 'user.name=b', 'commit', '-q', '-m', 'init');
    for (let i = 0; i < 200; i++) fs.appendFileSync(path.join(repo, `d${i % 20}`, `f${i}.txt`), 'changed\n');
    for (let i = 0; i < 50; i++) fs.writeFileSync(path.join(repo, `new${i}.txt`), 'untracked\n');
    out.push(await measure(`git reset --hard, ${5000 * scale} tracked files, 200 modified`, 'git reset --hard', repo, store));
    out.push(await measure('git clean -fd, 50 untracked files', 'git clean -fd', repo, store));
    return out;
  } finally {
    fs.rmSync(base, { recursive: true, force: true });
  }
}
