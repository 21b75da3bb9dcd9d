// The window's settings as one frozen snapshot, recompiled only when `agentGuard.*` changes, the
// workspace becomes trusted, or the person accepts a loosening. Layers go through the one resolver
// (`src/settings/resolveSettings.ts`) with the machine policy and the stored acceptances, exactly as
// the CLI does. A setting that does not validate shows ONE error naming it, and the last good policy (at
// first the built-ins) stays in force: a typo never switches protection off.
import * as vscode from 'vscode';
import { compilePolicy, defaultPolicy } from '../../engine/policy';
import type { Policy } from '../../engine/policy';
import type { PolicyInput } from '../../engine/types';
import type { ConfirmSettings } from '../confirm/confirmTypes';
import { acceptancesFile, acceptedDigest, readAcceptances, storeAcceptance } from '../../settings/acceptanceStore';
import { machinePolicyPath, readMachinePolicy } from '../../settings/machinePolicy';
import { resolveSettings } from '../../settings/resolveSettings';
import type { LooseningItem, RawSettings, WorkspaceLoosening } from '../../settings/resolveSettings';
import { DEFAULTS, SECTION } from '../../settings/settingTable';
import type { SettingKey, SettingValues } from '../../settings/settingTable';
import { settingsErrorMessage, validateOwnSettings } from '../../settings/validateSettings';
import type { SettingProblem } from '../../settings/validateSettings';
import { stateFolder } from '../../settings/stateFolder';
import { askToAcceptLoosening, looseningIgnoredText } from './acceptLoosening';
import { layersFromInspect, workspaceIdentity } from './effectiveSettings';

export interface SettingsSnapshot {
  readonly enabled: boolean;
  readonly policy: Policy;
  /** The settings the policy was compiled from. */
  readonly policyInput: PolicyInput;
  readonly confirm: Readonly<ConfirmSettings>;
  readonly logMaxEntries: number;
  /** Log allowed commands that had no finding too (off: only decisions are logged). */
  readonly logAllowedWithoutFindings: boolean;
  readonly restorePoints: Readonly<RawSettings['restorePoints']>;
  /** The person's user-level values, for the discovery record (the CLI resolves them with its own reads). */
  readonly userSettings: Readonly<SettingValues>;
  readonly workspaceFile?: string;
  readonly trusted: boolean;
  /** The workspace's loosening, applied or not. */
  readonly loosening?: WorkspaceLoosening;
  /** Settings the machine policy sets, and what it held back. */
  readonly managed: readonly string[];
  readonly heldByMachine: readonly LooseningItem[];
  /** Settings that did not validate at the last reload ([] when none), for the settings diagnostics. */
  readonly problems: readonly SettingProblem[];
}

/** Where the service reads its files; tests hand in temporary ones. */
export interface SettingsPlaces {
  state?: string;
  machinePolicyFile?: string;
}

export class SettingsService implements vscode.Disposable {
  private snapshot: SettingsSnapshot;
  private readonly emitter = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [];
  private lastErrorText = '';
  private lastIgnoredText = '';
  private lastMachineProblem = '';
  /** Digests already put to the person in this window (an Ignore is not asked again until it changes). */
  private readonly asked = new Set<string>();
  readonly onDidChange = this.emitter.event;

  constructor(
    private readonly report: (message: string) => void,
    private readonly places: SettingsPlaces = {},
    /** Told before the service writes a guard file itself (tamper evidence: an expected write). */
    private readonly expectWrite: (file: string) => void = () => undefined,
  ) {
    this.snapshot = Object.freeze({
      enabled: true,
      policy: defaultPolicy(),
      policyInput: {},
      confirm: Object.freeze({
        timeoutSeconds: DEFAULTS.confirmTimeoutSeconds,
        requireTypedNameForProduction: DEFAULTS.requireTypedNameForProduction,
        allowForSession: DEFAULTS.allowForSession,
      }),
      logMaxEntries: DEFAULTS.logMaxEntries,
      logAllowedWithoutFindings: DEFAULTS.logAllowedWithoutFindings,
      restorePoints: Object.freeze({ enabled: true, maxBytes: DEFAULTS.restorePointsMaxBytes, maxAgeDays: DEFAULTS.restorePointsMaxAgeDays }),
      userSettings: {},
      trusted: vscode.workspace.isTrusted,
      managed: [],
      heldByMachine: [],
      problems: [],
    });
    this.reload();
    this.disposables.push(
      this.emitter,
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(SECTION)) this.reload();
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.reload()),
    );
  }

  get current(): SettingsSnapshot {
    return this.snapshot;
  }

  /** The workspace acceptances are keyed by (see `workspaceIdentity`). */
  private workspace(): { key?: string; file?: string } {
    const wsFile = vscode.workspace.workspaceFile;
    const file = wsFile && wsFile.scheme === 'file' ? wsFile.fsPath : undefined;
    const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
    return { key: workspaceIdentity(file, folders), file };
  }

  reload(): void {
    const config = vscode.workspace.getConfiguration(SECTION);
    const { user, workspace } = layersFromInspect((key: SettingKey) => config.inspect(key));
    const machine = readMachinePolicy(this.places.machinePolicyFile ?? machinePolicyPath());
    const acceptances = readAcceptances(acceptancesFile(this.places.state ?? stateFolder()));
    const ws = this.workspace();
    const trusted = vscode.workspace.isTrusted;
    const resolved = resolveSettings({ machine: machine.values, user, workspace }, { trusted, acceptedDigest: acceptedDigest(acceptances, ws.key) });
    const { settings } = resolved;
    const own = validateOwnSettings(settings);
    const problems: SettingProblem[] = [...own.errors];
    let policy = this.snapshot.policy;
    let policyInput = this.snapshot.policyInput;
    try {
      const compiled = compilePolicy(settings.policyInput);
      problems.push(...compiled.errors);
      if (compiled.errors.length === 0) {
        policy = compiled.policy;
        policyInput = settings.policyInput;
      }
    } catch (e) {
      problems.push({ path: SECTION, message: `could not be compiled (${(e as Error).message})` });
    }
    const prev = this.snapshot;
    this.snapshot = Object.freeze({
      enabled: settings.enabled,
      policy,
      policyInput,
      confirm: Object.freeze({
        // An invalid value keeps the previous good one rather than the default.
        timeoutSeconds: own.errors.some((e) => e.path.endsWith('confirmTimeoutSeconds')) ? prev.confirm.timeoutSeconds : own.timeoutSeconds,
        requireTypedNameForProduction: settings.requireTypedNameForProduction,
        allowForSession: settings.allowForSession,
      }),
      logMaxEntries: own.errors.some((e) => e.path.endsWith('log.maxEntries')) ? prev.logMaxEntries : own.logMaxEntries,
      logAllowedWithoutFindings: settings.logAllowedWithoutFindings,
      restorePoints: Object.freeze({ ...settings.restorePoints }),
      userSettings: Object.freeze(user),
      workspaceFile: ws.file,
      trusted,
      loosening: resolved.loosening,
      managed: Object.freeze(resolved.managed),
      heldByMachine: Object.freeze(resolved.heldByMachine),
      problems: Object.freeze(problems),
    });
    const notes = [machine.problem ? `the machine policy ${machine.file} ${machine.problem}; it is ignored` : '', acceptances.problem ?? ''].filter(Boolean);
    this.announce(problems, notes.join('; '));
    this.emitter.fire();
    this.offerAcceptance(resolved.loosening, ws.key);
  }

  /** Puts a loosening nobody accepted yet to the person, once per digest in this window. */
  private offerAcceptance(loosening: WorkspaceLoosening | undefined, key: string | undefined): void {
    const ignoredText = loosening && !loosening.applied ? looseningIgnoredText(loosening) : '';
    if (ignoredText && ignoredText !== this.lastIgnoredText) this.report(ignoredText);
    this.lastIgnoredText = ignoredText;
    if (!loosening || loosening.applied || !key) return;
    if (loosening.reason === 'untrusted') {
      // Today's behaviour for untrusted folders: tighten only, said once, no acceptance offered.
      if (!this.asked.has(loosening.digest)) void vscode.window.showWarningMessage(ignoredText);
      this.asked.add(loosening.digest);
      return;
    }
    if (this.asked.has(loosening.digest)) return;
    this.asked.add(loosening.digest);
    void askToAcceptLoosening(loosening, key, this.snapshot.managed).then((accepted) => {
      if (!accepted) return;
      const file = acceptancesFile(this.places.state ?? stateFolder());
      try {
        this.expectWrite(file);
        storeAcceptance(key, { digest: loosening.digest, items: loosening.items, acceptedAt: new Date().toISOString() }, file);
      } catch (e) {
        const msg = `Agent Guard could not store your acceptance (${(e as Error).message}); the workspace's loosening stays ignored.`;
        this.report(msg);
        void vscode.window.showErrorMessage(msg);
        return;
      }
      this.reload();
    });
  }

  private announce(problems: SettingProblem[], notes: string): void {
    const errorText = problems.length > 0 ? settingsErrorMessage(problems) : '';
    if (errorText && errorText !== this.lastErrorText) {
      this.report(errorText);
      void vscode.window.showErrorMessage(errorText, 'Show the Setting').then((pick) => {
        // Opens the file at the problem's line (settings diagnostics), or the Settings UI when no file holds it.
        if (!pick) return;
        void vscode.commands.executeCommand('agentGuard.revealSettingProblem', problems[0]).then(undefined, () =>
          vscode.commands.executeCommand('workbench.action.openSettings', problems[0]!.path.replace(/\[.*$/, '')),
        );
      });
    }
    this.lastErrorText = errorText;
    if (notes && notes !== this.lastMachineProblem) {
      const msg = `Agent Guard: ${notes}.`;
      this.report(msg);
      void vscode.window.showWarningMessage(msg);
    }
    this.lastMachineProblem = notes;
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
