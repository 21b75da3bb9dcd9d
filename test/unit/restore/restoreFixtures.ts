// Temp trees, temp git repositories and a real plan → take → (the command runs) → restore cycle,
// shared by the restorer tests. Everything runs for real: git, the file system, the store.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { evaluate } from '../../../src/engine/evaluate';
import { defaultPolicy } from '../../../src/engine/policy';
import { planRestorePoint } from '../../../src/restore/planRestorePoint';
import type { ActionPlan } from '../../../src/restore/planRestorePoint';
import { takeRestorePoint } from '../../../src/restore/takeRestorePoint';
import type { TakenPoint } from '../../../src/restore/takeRestorePoint';
import { newPointId } from '../../../src/restore/restoreStore';
import { RESTORE_DEFAULTS } from '../../../src/restore/restoreSettings';

export function tempDir(prefix: string): string {
  return fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
}

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1' } }).trim();
}

/** A repository with one commit: notes.txt, bin.dat (binary), run.sh (executable), link → notes.txt, .gitignore (.env, node_modules). */
export function tempRepo(): string {
  const dir = tempDir('ag-restore-repo-');
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'config', 'user.email', 't@example.com');
  git(dir, 'config', 'user.name', 'Test');
  write(dir, 'notes.txt', 'committed notes\n');
  fs.writeFileSync(path.join(dir, 'bin.dat'), Buffer.from([0, 1, 2, 255, 0, 10]));
  write(dir, 'run.sh', '#!/bin/sh\necho hi\n');
  fs.chmodSync(path.join(dir, 'run.sh'), 0o755);
  fs.symlinkSync('notes.txt', path.join(dir, 'link'));
  write(dir, '.gitignore', '.env\nnode_modules/\n');
  write(dir, 'old-name.txt', 'to be renamed\n');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'init');
  return dir;
}

export function write(dir: string, rel: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  fs.writeFileSync(path.join(dir, rel), text);
}

export function read(dir: string, rel: string): string {
  return fs.readFileSync(path.join(dir, rel), 'utf8');
}

export async function plan(command: string, cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<ActionPlan> {
  const action = { kind: 'shell' as const, command };
  const verdict = evaluate(action, defaultPolicy(), { cwd, env });
  return planRestorePoint(action, verdict, cwd, env);
}

/** Plans and takes a point for `command` into `store`; fails the test when nothing is planned. */
export async function keep(command: string, cwd: string, store: string): Promise<TakenPoint> {
  const p = await plan(command, cwd);
  if (p.parts.length === 0) throw new Error(`no restore point planned for ${command}: ${p.reasons.join('; ') || 'nothing at risk'}`);
  return takeRestorePoint(store, RESTORE_DEFAULTS, { id: newPointId(), command, door: 'cli', cwd }, p.parts);
}

export function sh(cwd: string, command: string): void {
  execFileSync('bash', ['-c', command], { cwd, stdio: 'ignore' });
}
