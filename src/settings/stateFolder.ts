// The guard's own folder in the person's home: `~/.agent-guard/` (spool, acceptances, CLI notices).
// Owner-only: the folder is 0700 and every file in it 0600. Its place does not come from an environment
// variable, because the agent the guard watches sets the environment of its own commands.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { writeFileAtomic } from '../files/writeFileAtomic';

export function stateFolder(home: string = os.homedir()): string {
  return path.join(home, '.agent-guard');
}

/** Creates `dir` owner-only (0700), tightening it when it already exists with wider modes. */
export function ensureOwnerOnlyDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (process.platform === 'win32') return;
  const st = fs.statSync(dir);
  if ((st.mode & 0o077) !== 0) fs.chmodSync(dir, 0o700);
}

/** Writes `text` to `file` atomically (temp file 0600, then rename), so a reader never sees half of it. */
export function writeOwnerOnlyFile(file: string, text: string): void {
  ensureOwnerOnlyDir(path.dirname(file));
  writeFileAtomic(file, text, 0o600);
}
