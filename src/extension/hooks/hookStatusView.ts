// Hook Status: one row per agent ("Claude Code — hook installed / not installed / out of date / agent
// not found / installed, not trusted by Codex") with Install, Remove and Open file on each row, what the
// host needs, and a warning when the installed Claude Code is too old to honour `onFailure: "block"`.
import { execFile } from 'child_process';
import * as vscode from 'vscode';
import type { HostId } from '../../hosts/hostTypes';
import { isAgentGuardCommand } from '../../hosts/launcher';
import { HOSTS } from '../../hosts/registry';
import { detectAgents } from './agentDetection';
import { codexTrustOf, findCodexEntry } from './codexTrust';
import { findOnPath } from './hookLauncher';
import { agentRows, claudeVersionWarning } from './hookOverview';
import type { AgentRow, AgentState } from './hookOverview';
import type { StatusRow } from './hookOverview';

/** What the view needs from the commands around it (passed in, so the two modules do not import each other). */
export interface StatusViewDeps {
  setupCommand: string;
  rows(): StatusRow[];
  places(): { home: string; workspace?: string };
  launcher: string;
  remove(files: string[]): Promise<void>;
  trust(hooksFile: string): Promise<void>;
  reportTampering(rows: StatusRow[]): Promise<void>;
  /** Guard files changed outside Agent Guard since the person last dismissed the warning ("<file>: <what changed>"). */
  guardFileChanges(): readonly string[];
}

const ICONS: Readonly<Record<AgentState, string>> = {
  installed: '$(pass-filled)',
  'not-trusted': '$(warning)',
  'out-of-date': '$(warning)',
  'not-installed': '$(circle-large-outline)',
  'agent-not-found': '$(dash)',
};

function claudeVersion(): Promise<string | undefined> {
  const bin = findOnPath('claude');
  if (!bin) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    execFile(bin, ['--version'], { timeout: 3000, windowsHide: true }, (err, stdout) => resolve(err ? undefined : String(stdout)));
  });
}

function codexTrusted(file: string): boolean | undefined {
  const entry = findCodexEntry(file, (c) => isAgentGuardCommand(c, 'codex'));
  return entry ? codexTrustOf(entry) === 'trusted' : undefined;
}

const BUTTONS = {
  install: { iconPath: new vscode.ThemeIcon('add'), tooltip: 'Install (or update) the hook' },
  remove: { iconPath: new vscode.ThemeIcon('trash'), tooltip: 'Remove the hook Agent Guard wrote' },
  open: { iconPath: new vscode.ThemeIcon('go-to-file'), tooltip: 'Open the hook file' },
};

type Action = 'install' | 'remove' | 'open' | 'trust';

async function act(action: Action, row: AgentRow, deps: StatusViewDeps): Promise<void> {
  switch (action) {
    case 'install':
      await vscode.commands.executeCommand(deps.setupCommand, { hosts: [row.host] });
      return;
    case 'remove':
      if (row.files.length === 0) void vscode.window.showInformationMessage(`Agent Guard has no ${HOSTS[row.host].label} hook to remove.`);
      else await deps.remove(row.files);
      return;
    case 'open':
      if (row.files.length === 0) void vscode.window.showInformationMessage(`No ${HOSTS[row.host].label} hook file yet: Install writes one.`);
      else await vscode.window.showTextDocument(vscode.Uri.file(row.files[0]));
      return;
    case 'trust':
      for (const f of row.files) await deps.trust(f);
  }
}

/** The actions a row offers when it is picked (the buttons offer the same). */
async function chooseAction(row: AgentRow): Promise<Action | undefined> {
  const items: Array<{ label: string; action: Action }> = [{ label: row.state === 'installed' ? '$(sync) Reinstall' : '$(add) Install', action: 'install' }];
  if (row.state === 'not-trusted') items.unshift({ label: '$(shield) Trust in Codex…', action: 'trust' });
  if (row.files.length) items.push({ label: '$(go-to-file) Open file', action: 'open' }, { label: '$(trash) Remove', action: 'remove' });
  const pick = await vscode.window.showQuickPick(items, { title: row.text });
  return pick?.action;
}

export async function showHookStatus(deps: StatusViewDeps): Promise<void> {
  const p = deps.places();
  const rows = deps.rows();
  const found = detectAgents({ home: p.home, workspace: p.workspace, extensionIds: vscode.extensions.all.map((e) => e.id) });
  const warnings: Partial<Record<HostId, string[]>> = {};
  if (found.claude.length) {
    const w = claudeVersionWarning((await claudeVersion()) ?? '');
    if (w) warnings.claude = [w];
  }
  const agents = agentRows(rows, { found, codexTrusted, warnings });
  const qp = vscode.window.createQuickPick<vscode.QuickPickItem & { row?: AgentRow }>();
  qp.title = 'Agent Guard: agent hooks';
  qp.placeholder = `Hooks run ${deps.launcher}, which runs this copy of Agent Guard. Pick an agent for Install / Remove / Open file.`;
  qp.matchOnDetail = true;
  const changes = deps.guardFileChanges();
  qp.items = [
    ...agents.map((row) => ({
      label: `${ICONS[row.state]} ${row.text}`,
      detail: row.detail || undefined,
      buttons: row.files.length ? [BUTTONS.install, BUTTONS.open, BUTTONS.remove] : [BUTTONS.install],
      row,
    })),
    ...(changes.length ? [{ label: 'Changed outside Agent Guard', kind: vscode.QuickPickItemKind.Separator }] : []),
    ...changes.map((c) => ({ label: `$(warning) ${c}` })),
  ];
  qp.onDidTriggerItemButton((e) => {
    const action: Action = e.button === BUTTONS.remove ? 'remove' : e.button === BUTTONS.open ? 'open' : 'install';
    qp.hide();
    if (e.item.row) void act(action, e.item.row, deps);
  });
  qp.onDidAccept(() => {
    const row = qp.selectedItems[0]?.row;
    qp.hide();
    if (row) void chooseAction(row).then((a) => (a ? act(a, row, deps) : undefined));
  });
  qp.onDidHide(() => qp.dispose());
  qp.show();
  await deps.reportTampering(rows);
}
