// Which agent hosts look present on this machine: their config folders, their binaries on PATH, their
// VS Code extensions. Plain node; the VS Code layer hands in the installed extension ids.
import * as fs from 'fs';
import * as path from 'path';
import { HOST_IDS } from '../../hosts/hostTypes';
import type { HostId } from '../../hosts/hostTypes';
import { HOSTS } from '../../hosts/registry';
import { findOnPath } from './hookLauncher';

export interface DetectFacts {
  home: string;
  workspace?: string;
  extensionIds: readonly string[];
  env?: NodeJS.ProcessEnv;
}

/** Why each host looks present (empty list: no sign of it). */
export function detectAgents(facts: DetectFacts): Record<HostId, string[]> {
  const ids = new Set(facts.extensionIds.map((x) => x.toLowerCase()));
  const out = {} as Record<HostId, string[]>;
  for (const host of HOST_IDS) {
    const s = HOSTS[host].detect;
    const why: string[] = [];
    for (const d of s.dirs) {
      if (fs.existsSync(path.join(facts.home, ...d.split('/')))) why.push(`~/${d}`);
      if (facts.workspace && fs.existsSync(path.join(facts.workspace, ...d.split('/')))) why.push(`${d} in this workspace`);
    }
    for (const b of s.bins) if (findOnPath(b, facts.env)) why.push(`\`${b}\` on PATH`);
    for (const e of s.extensions) if (ids.has(e)) why.push(`extension ${e}`);
    out[host] = why;
  }
  return out;
}
