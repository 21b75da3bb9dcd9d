// The adapter for each host name `agent-guard hook <host>` accepts.
//
// Adding a host: (1) add its name to HOST_IDS (hookTypes.ts); (2) write `<host>Adapter.ts` — `parse`
// reads only documented fields and throws PayloadError on anything else, `render` gives the host's exact
// deny/allow output and an exit code the host treats as a block; (3) register it below; (4) add its
// files and entry to src/extension/hooks/hookTargets.ts (timeout above 300 s, fail-closed option if the
// host has one); (5) add fixtures in test/fixtures/hooks written from the host's documented fields, and
// rows to test/unit/hooks/hostAdapters.test.ts and hookCli.test.ts.
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
