// The window's settings as one frozen snapshot, recompiled only when `agentGuard.*` changes or the
// workspace becomes trusted. A setting that does not validate shows ONE error naming it, and the last
// good policy (at first the built-ins) stays in force: a typo never switches protection off.
import * as vscode from 'vscode';
import { compilePolicy, defaultPolicy } from '../../engine/policy';
import type { Policy } from '../../engine/policy';
import type { PolicyInput } from '../../engine/types';
import type { ConfirmSettings } from '../confirm/confirmTypes';
import { DEFAULTS, SECTION, resolveSettings, settingsErrorMessage, validateOwnSettings } from './effectiveSettings';
import type { SettingKey, SettingProblem } from './effectiveSettings';

export interface SettingsSnapshot {
  readonly enabled: boolean;
  readonly policy: Policy;
  /** The settings the policy was compiled from, for the discovery record (the CLI compiles the same). */
  readonly policyInput: PolicyInput;
  readonly confirm: Readonly<ConfirmSettings>;
  readonly logMaxEntries: number;
}

export class SettingsService implements vscode.Disposable {
  private snapshot: SettingsSnapshot;
  private readonly emitter = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [];
  private lastErrorText = '';
  private lastIgnoredText = '';
  readonly onDidChange = this.emitter.event;

  constructor(private readonly report: (message: string) => void) {
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

  reload(): void {
    const config = vscode.workspace.getConfiguration(SECTION);
    const { settings, ignored } = resolveSettings((key: SettingKey) => config.inspect(key), vscode.workspace.isTrusted);
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
    });
    this.announce(problems, ignored);
    this.emitter.fire();
  }

  private announce(problems: SettingProblem[], ignored: string[]): void {
    const errorText = problems.length > 0 ? settingsErrorMessage(problems) : '';
    if (errorText && errorText !== this.lastErrorText) {
      this.report(errorText);
      void vscode.window.showErrorMessage(errorText, 'Open Settings').then((pick) => {
        if (pick) void vscode.commands.executeCommand('workbench.action.openSettings', problems[0]!.path.replace(/\[.*$/, ''));
      });
    }
    this.lastErrorText = errorText;
    const ignoredText = ignored.length > 0 ? ignored.join(', ') : '';
    if (ignoredText && ignoredText !== this.lastIgnoredText) {
      const msg = `Agent Guard: this folder is not trusted, so its workspace settings may only make the guard stricter; ignored: ${ignoredText}.`;
      this.report(msg);
      void vscode.window.showWarningMessage(msg);
    }
    this.lastIgnoredText = ignoredText;
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
