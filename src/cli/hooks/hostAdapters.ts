// The adapter for each host name `agent-guard hook <host>` accepts.
import type { HostAdapter, HostId } from './hookTypes';
import { claudeAdapter } from './claudeAdapter';
import { clineAdapter } from './clineAdapter';
import { codexAdapter } from './codexAdapter';
import { copilotAdapter } from './copilotAdapter';
import { cursorAdapter } from './cursorAdapter';
import { geminiAdapter } from './geminiAdapter';
import { windsurfAdapter } from './windsurfAdapter';

export const HOST_ADAPTERS: Readonly<Record<HostId, HostAdapter>> = {
  claude: claudeAdapter,
  copilot: copilotAdapter,
  cursor: cursorAdapter,
  gemini: geminiAdapter,
  codex: codexAdapter,
  windsurf: windsurfAdapter,
  cline: clineAdapter,
};
