// This window's socket and discovery record: the CLI finds the window whose workspace contains its cwd
// (or the one named by AGENT_GUARD_IPC in this window's terminals), proves with the secret that it can
// read the owner-only record, and asks. The record carries the window's policy settings so a CLI judges
// with the same user rules, and is rewritten whenever they change; it is removed on deactivate.
import * as vscode from 'vscode';
import { AskServer } from '../protocol/askServer';
import type { AskServerOptions } from '../protocol/askServer';
import { IPC_ENV_VAR, PROTOCOL_VERSION } from '../protocol/protocol';
import { newSecret, newWindowId, removeDiscoveryRecord, socketPathFor, ensurePrivateDir, runtimeDir, writeDiscoveryRecord } from '../protocol/discovery';
import type { WindowRecord } from '../protocol/discovery';
import type { SettingsSnapshot } from './settings/settingsService';

export interface WindowEndpointOptions {
  handleAsk: AskServerOptions['handleAsk'];
  onProtocolError: NonNullable<AskServerOptions['onProtocolError']>;
  settings(): SettingsSnapshot;
  onDidChangeSettings: vscode.Event<void>;
}

export class WindowEndpoint implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];

  private constructor(
    private readonly server: AskServer,
    private readonly id: string,
    private readonly secret: string,
    private readonly options: WindowEndpointOptions,
    readonly recordPath: string,
  ) {}

  static async start(context: vscode.ExtensionContext, options: WindowEndpointOptions): Promise<WindowEndpoint> {
    const id = newWindowId();
    const secret = newSecret();
    if (process.platform !== 'win32') ensurePrivateDir(runtimeDir());
    const server = await AskServer.listen({ socketPath: socketPathFor(id), secret, handleAsk: options.handleAsk, onProtocolError: options.onProtocolError });
    const recordPath = writeDiscoveryRecord(id, buildRecord(server.socketPath, secret, options.settings()));
    const endpoint = new WindowEndpoint(server, id, secret, options, recordPath);
    // Terminals opened in this window find it directly. Only our own variable: other doors add theirs.
    context.environmentVariableCollection.replace(IPC_ENV_VAR, recordPath);
    endpoint.disposables.push(
      options.onDidChangeSettings(() => endpoint.rewrite()),
      vscode.workspace.onDidChangeWorkspaceFolders(() => endpoint.rewrite()),
    );
    return endpoint;
  }

  private rewrite(): void {
    try {
      writeDiscoveryRecord(this.id, buildRecord(this.server.socketPath, this.secret, this.options.settings()));
    } catch (e) {
      this.options.onProtocolError({ message: `could not update the discovery record: ${(e as Error).message}`, sample: '' });
    }
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
    removeDiscoveryRecord(this.recordPath);
    void this.server.close();
  }
}

function buildRecord(socketPath: string, secret: string, s: SettingsSnapshot): WindowRecord {
  return {
    v: PROTOCOL_VERSION,
    socketPath,
    secret,
    pid: process.pid,
    workspaceFolders: (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath),
    createdAt: new Date().toISOString(),
    policy: s.policyInput,
    // The CLI resolves these with the workspace files and acceptances it reads itself (src/settings/).
    userSettings: s.userSettings,
    workspaceFile: s.workspaceFile,
    trusted: s.trusted,
    enabled: s.enabled,
    confirmTimeoutSeconds: s.confirm.timeoutSeconds,
  };
}
