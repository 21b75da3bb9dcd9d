// Writes the hook launcher (`~/.agent-guard/bin/agent-guard-hook`, `.cmd` on Windows) that every hook
// entry runs, pointing at this copy of the extension's CLI. Rewritten at activation and before Set Up,
// so an extension update changes only the launcher, never the agents' files. Plain node (no `vscode`).
import * as fs from 'fs';
import * as path from 'path';
import { writeFileAtomic } from '../../files/writeFileAtomic';
import { LAUNCHER_DIR, launcherCommand, launcherFileName, launcherScript } from '../../hosts/launcher';
import type { LauncherTarget } from '../../hosts/launcher';
import type { HostId } from '../../hosts/hostTypes';

export interface RuntimeFacts extends LauncherTarget {
  platform: NodeJS.Platform;
  /** The home folder the launcher lives under. */
  home: string;
}

export function launcherPath(rt: Pick<RuntimeFacts, 'home' | 'platform'>): string {
  return path.join(rt.home, ...LAUNCHER_DIR, launcherFileName(rt.platform));
}

/** The command a host's hook entry runs: the launcher, with the host's name. */
export function hookCommandLine(host: HostId, rt: Pick<RuntimeFacts, 'home' | 'platform'>): string {
  return launcherCommand(host, launcherPath(rt), rt.platform);
}

/** The launcher on disk is exactly what this copy of the extension would write, and runnable. */
export function launcherUpToDate(rt: RuntimeFacts): boolean {
  const file = launcherPath(rt);
  try {
    return fs.readFileSync(file, 'utf8') === launcherScript(rt, rt.platform) && (rt.platform === 'win32' || (fs.statSync(file).mode & 0o111) === 0o111);
  } catch {
    return false;
  }
}

/** Writes the launcher when it is not up to date (atomic, owner-writable, executable); returns whether it changed. */
export function writeLauncher(rt: RuntimeFacts): boolean {
  if (launcherUpToDate(rt)) return false;
  const file = launcherPath(rt);
  const text = launcherScript(rt, rt.platform);
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  writeFileAtomic(file, text, 0o755);
  return true;
}

/** First executable `name` on PATH (`.exe`/`.cmd` tried on Windows). */
export function findOnPath(name: string, env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string | undefined {
  const dirs = (env.PATH ?? env.Path ?? '').split(platform === 'win32' ? ';' : ':').filter(Boolean);
  const exts = platform === 'win32' ? ['.exe', '.cmd', ''] : [''];
  for (const dir of dirs) {
    for (const ext of exts) {
      const candidate = path.join(dir, name + ext);
      try {
        fs.accessSync(candidate, fs.constants.X_OK);
        if (fs.statSync(candidate).isFile()) return candidate;
      } catch {
        // Not here: keep looking.
      }
    }
  }
  return undefined;
}
