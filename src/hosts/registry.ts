// The one list of agent hosts. Adding a host is its file in this folder (adapter, files, entries,
// facts) registered here, plus fixtures and tests; the CLI and the extension read everything from it.
import { claudeHost } from './claude';
import { clineHost } from './cline';
import { codexHost } from './codex';
import { copilotHost } from './copilot';
import { cursorHost } from './cursor';
import { geminiHost } from './gemini';
import type { HostDefinition, HostId } from './hostTypes';
import { windsurfHost } from './windsurf';

export const HOSTS: Readonly<Record<HostId, HostDefinition>> = {
  claude: claudeHost,
  copilot: copilotHost,
  cursor: cursorHost,
  gemini: geminiHost,
  codex: codexHost,
  windsurf: windsurfHost,
  cline: clineHost,
};
