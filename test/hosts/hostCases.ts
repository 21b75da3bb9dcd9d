// The agent CLIs the real-host suite runs: pinned npm versions, how each is pointed at the scripted
// model on 127.0.0.1 and started headless, and which of Set Up's scopes the run uses. test/hosts/README.md
// explains each setting. The versions are also what scripts/hosts/install.mjs installs.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { HostId, Scope } from '../../src/hosts/hostTypes';
import type { Sandbox } from './sandbox';

export interface HostCase {
  /** Unique name, also the cache folder: `<cache>/<name>`. */
  name: string;
  host: HostId;
  pkg: string;
  version: string;
  /** The binary, relative to the cache folder. */
  bin: string;
  scope: Scope;
  /** Files the host needs to start headless against the scripted model. */
  prepare?(sb: Sandbox, baseUrl: string): void;
  env(sb: Sandbox, baseUrl: string): NodeJS.ProcessEnv;
  args(sb: Sandbox): string[];
  /**
   * The destructive command for the hook-gone run when the host refuses `rm -rf` on its own (Codex
   * rejects "rm -f style commands" before running them): the run must measure the hook, not the host.
   */
  hookGoneCommand?: string;
  /**
   * Why this host is not in the suite's active list yet (an adapter finding not fixed, a host that
   * cannot run here). Printed in a loud NOT RUN block; AGENT_GUARD_HOSTS=<name> still runs it.
   */
  notRun?: string;
  /** What the host does when the hook cannot start at all (launcher gone), as this suite measured it. */
  whenHookCannotStart: 'call blocked' | 'call runs';
}

export const PROMPT = 'Follow the scripted steps: run each shell command you are given.';

function writeJson(file: string, value: unknown): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(value, null, 2) + '\n');
}

function claudeCase(version: string, whenHookCannotStart: HostCase['whenHookCannotStart']): HostCase {
  return {
    name: `claude-${version}`,
    host: 'claude',
    pkg: '@anthropic-ai/claude-code',
    version,
    bin: 'node_modules/.bin/claude',
    scope: 'personal',
    prepare: (sb) => writeJson(path.join(sb.home, '.claude.json'), { hasCompletedOnboarding: true, projects: { [sb.workspace]: { hasTrustDialogAccepted: true } } }),
    env: (_sb, baseUrl) => ({
      ANTHROPIC_BASE_URL: baseUrl,
      ANTHROPIC_API_KEY: 'sk-ant-scripted-test',
      CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
      DISABLE_AUTOUPDATER: '1',
      DISABLE_TELEMETRY: '1',
      DISABLE_ERROR_REPORTING: '1',
      // `--dangerously-skip-permissions` refuses to start as root outside a sandbox.
      IS_SANDBOX: '1',
    }),
    // The hook must stop the call even when the host's own permission prompts are off.
    args: () => ['-p', PROMPT, '--dangerously-skip-permissions', '--output-format', 'json', '--model', 'claude-sonnet-4-5'],
    whenHookCannotStart,
  };
}

const gemini: HostCase = {
  name: 'gemini-0.61.0',
  host: 'gemini',
  pkg: '@google/gemini-cli',
  version: '0.61.0',
  bin: 'node_modules/.bin/gemini',
  scope: 'user',
  prepare: (sb) => {
    writeJson(path.join(sb.home, '.gemini', 'settings.json'), {
      security: { auth: { selectedType: 'gemini-api-key' } },
      tools: { sandbox: false },
      privacy: { usageStatisticsEnabled: false },
      telemetry: { enabled: false },
      general: { enableAutoUpdate: false, enableAutoUpdateNotification: false },
    });
    // Headless runs refuse an untrusted folder (exit 55); the person trusts it once, as here.
    writeJson(path.join(sb.home, '.gemini', 'trustedFolders.json'), { [sb.workspace]: 'TRUST_FOLDER' });
  },
  env: (_sb, baseUrl) => ({ GEMINI_API_KEY: 'scripted-test-key', GOOGLE_GEMINI_BASE_URL: baseUrl, GEMINI_SANDBOX: 'false', GEMINI_CLI_NO_RELAUNCH: 'true' }),
  args: () => ['-p', PROMPT, '--approval-mode', 'yolo', '--model', 'gemini-2.5-pro', '--output-format', 'json'],
  // A hook command that cannot start (exit 127) blocks the call: "Tool execution blocked: … No such file".
  whenHookCannotStart: 'call blocked',
};

const codex: HostCase = {
  name: 'codex-0.171.0',
  host: 'codex',
  pkg: '@openai/codex',
  version: '0.171.0',
  bin: 'node_modules/.bin/codex',
  scope: 'workspace',
  // A custom provider (Responses API) at the scripted model; the workspace trusted as a person would.
  // Set Up then adds the hook's trust record (`[hooks.state."…"] trusted_hash`) to the same file.
  prepare: (sb, baseUrl) => {
    fs.mkdirSync(path.join(sb.home, '.codex'), { recursive: true });
    fs.writeFileSync(path.join(sb.home, '.codex', 'config.toml'), [
      'model = "gpt-5.1-codex"',
      'model_provider = "scripted"',
      'approval_policy = "never"',
      'sandbox_mode = "danger-full-access"',
      'check_for_update_on_startup = false',
      '',
      '[features]',
      'codex_hooks = true',
      '',
      '[model_providers.scripted]',
      'name = "scripted"',
      `base_url = "${baseUrl}/v1"`,
      'wire_api = "responses"',
      'env_key = "SCRIPTED_API_KEY"',
      '',
      `[projects.${JSON.stringify(sb.workspace)}]`,
      'trust_level = "trusted"',
      '',
    ].join('\n'));
  },
  env: (sb) => ({ CODEX_HOME: path.join(sb.home, '.codex'), SCRIPTED_API_KEY: 'scripted-test-key', RUST_LOG: 'warn' }),
  args: () => ['exec', '--skip-git-repo-check', PROMPT],
  hookGoneCommand: 'find ./important -delete',
  whenHookCannotStart: 'call runs',
};

const copilot: HostCase = {
  name: 'copilot-1.0.102',
  host: 'copilot',
  pkg: '@github/copilot',
  version: '1.0.102',
  bin: 'node_modules/.bin/copilot',
  // User-level hooks load without folder trust (repository hooks need `--trust-folder`).
  scope: 'user',
  // BYOK: an OpenAI-compatible provider (Chat Completions) at the scripted model; offline = no GitHub login.
  env: (_sb, baseUrl) => ({
    COPILOT_PROVIDER_BASE_URL: `${baseUrl}/v1`,
    COPILOT_PROVIDER_TYPE: 'openai',
    COPILOT_PROVIDER_API_KEY: 'scripted-test-key',
    COPILOT_PROVIDER_WIRE_API: 'completions',
    COPILOT_MODEL: 'gpt-4.1',
    COPILOT_OFFLINE: 'true',
    COPILOT_AUTO_UPDATE: 'false',
  }),
  args: () => ['-p', PROMPT, '--allow-all-tools', '--no-auto-update', '--log-level', 'warning'],
  // "Denied by preToolUse hook from \"…/agent-guard.json\" (hook errored)".
  whenHookCannotStart: 'call blocked',
};

const cline: HostCase = {
  name: 'cline-3.0.65',
  host: 'cline',
  pkg: 'cline',
  version: '3.0.65',
  bin: 'node_modules/.bin/cline',
  scope: 'workspace',
  // What `cline auth -p openai -k … -m … -b <url>` writes: an OpenAI-compatible provider (Chat Completions).
  prepare: (sb, baseUrl) => writeJson(path.join(sb.home, '.cline', 'data', 'settings', 'providers.json'), {
    version: 1,
    lastUsedProvider: 'openai-compatible',
    modes: {},
    providers: { 'openai-compatible': { settings: { provider: 'openai-compatible', apiKey: 'scripted-test-key', model: 'gpt-4.1', baseUrl: `${baseUrl}/v1` }, updatedAt: new Date().toISOString(), tokenSource: 'manual' } },
  }),
  env: () => ({}),
  // A prompt alone runs in act mode with auto-approve on; `--json` prints events instead of a TUI.
  args: (sb) => ['--json', '--cwd', sb.workspace, '-P', 'openai-compatible', '-m', 'gpt-4.1', PROMPT],
  // No JSON on stdout ("invalid JSON control output"): Cline goes on with the call.
  whenHookCannotStart: 'call runs',
};

export const HOST_CASES: HostCase[] = [
  claudeCase('2.1.332', 'call blocked'),
  gemini,
  codex,
  copilot,
  cline,
  // Before `onFailure` existed: the key is accepted and ignored, so a hook that cannot start lets the call run.
  claudeCase('2.1.197', 'call runs'),
];
