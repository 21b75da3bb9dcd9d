// Where VS Code and its forks keep the person's user settings, for a CLI run with no window open
// (with a window, its discovery record carries the user values of the editor the person is using).
import * as path from 'path';

/** Per-user data folder names of VS Code and the forks agents run in. */
const EDITOR_APP_FOLDERS = ['Code', 'Code - Insiders', 'Code - OSS', 'VSCodium', 'Cursor', 'Windsurf', 'Positron', 'Kiro', 'Trae'];

export function userSettingsFiles(home: string, platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string[] {
  const p = platform === 'win32' ? path.win32 : path.posix;
  const base =
    platform === 'win32'
      ? env.APPDATA || p.join(home, 'AppData', 'Roaming')
      : platform === 'darwin'
        ? p.join(home, 'Library', 'Application Support')
        : p.join(home, '.config');
  const files = EDITOR_APP_FOLDERS.map((app) => p.join(base, app, 'User', 'settings.json'));
  // code-server keeps its user data under ~/.local/share.
  if (platform !== 'win32') files.push(p.join(home, '.local', 'share', 'code-server', 'User', 'settings.json'));
  return files;
}
