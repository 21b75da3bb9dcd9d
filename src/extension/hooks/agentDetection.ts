// Which agent hosts look present on this machine: their config folders, their binaries on PATH, their
// VS Code extensions. Plain node; the VS Code layer hands in the installed extension ids.
import * as fs from 'fs';
import * as path from 'path';
import type { HostId } from '../../cli/hooks/hookTypes';
import { findOnPath } from './hookCommandLine';

interface Signals {
  dirs: string[];
  bins: string[];
  extensions: string[];
}

const SIGNALS: Record<HostId, Signals> = {
  claude: { dirs: ['.claude'], bins: ['claude'], extensions: ['anthropic.claude-code'] },
  copilot: { dirs: ['.copilot'], bins: ['copilot'], extensions: ['github.copilot-chat', 'github.copilot'] },
  cursor: { dirs: ['.cursor'], bins: ['cursor', 'cursor-agent'], extensions: [] },
  gemini: { dirs: ['.gemini'], bins: ['gemini'], extensions: ['google.geminicodeassist'] },
  codex: { dirs: ['.codex'], bins: ['codex'], extensions: ['openai.chatgpt'] },
  windsurf: { dirs: [path.join('.codeium', 'windsurf')], bins: ['windsurf'], extensions: ['codeium.windsurf'] },
  cline: { dirs: [path.join('Documents', 'Cline')], bins: ['cline'], extensions: ['saoudrizwan.claude-dev'] },
};

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
  for (const [host, s] of Object.entries(SIGNALS) as Array<[HostId, Signals]>) {
    const why: string[] = [];
    for (const d of s.dirs) {
      if (fs.existsSync(path.join(facts.home, d))) why.push(`~/${d}`);
      if (facts.workspace && fs.existsSync(path.join(facts.workspace, d))) why.push(`${d} in this workspace`);
    }
    for (const b of s.bins) if (findOnPath(b, facts.env)) why.push(`\`${b}\` on PATH`);
    for (const e of s.extensions) if (ids.has(e)) why.push(`extension ${e}`);
    out[host] = why;
  }
  return out;
}
