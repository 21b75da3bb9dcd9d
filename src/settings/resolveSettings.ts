// The one settings resolver, for the VS Code window and the CLI alike. Layers, lowest first: built-in
// defaults, the machine policy (administrators: nothing above it can loosen what it sets), the
// person's user settings, the workspace's settings. The workspace is the layer an agent can write, so
// it may tighten at once, and loosen only what the person accepted in VS Code for exactly this
// loosening (same digest); in a folder the person has not trusted, it may only tighten. Pure: the
// callers read files and hand the layers in.
import { canonicalJson } from './canonicalJson';
import { createHash } from 'crypto';
import type { PolicyInput } from '../engine/types';
import { DEFAULTS, SECTION, SETTING_ROWS, SettingId } from './settingTable';
import type { SettingKey, SettingValues } from './settingTable';

export interface SettingLayers {
  machine?: SettingValues;
  user?: SettingValues;
  workspace?: SettingValues;
  /** Values that may only tighten, whatever they say (the CLI's `.code-workspace` files when no window names one). */
  tightenOnly?: SettingValues;
}

export interface LooseningItem {
  /** Full setting name, e.g. `agentGuard.decisions`. */
  setting: string;
  /** What it does, in words: `critical findings: allow (instead of confirm)`. */
  what: string;
}

/** The workspace's loosening of the guard: what it is, its digest, and whether it applies. */
export interface WorkspaceLoosening {
  items: LooseningItem[];
  /** sha256 of the loosened settings' workspace values; an acceptance holds this. */
  digest: string;
  applied: boolean;
  /** Why it was not applied. */
  reason?: 'not-accepted' | 'untrusted';
}

export interface RawSettings {
  enabled: boolean;
  policyInput: PolicyInput;
  confirmTimeoutSeconds: unknown;
  requireTypedNameForProduction: boolean;
  allowForSession: boolean;
  logMaxEntries: unknown;
  logAllowedWithoutFindings: boolean;
  restorePoints: { enabled: boolean; maxBytes: unknown; maxAgeDays: unknown };
}

export interface ResolvedSettings {
  settings: RawSettings;
  /** Undefined when the workspace only tightens (or sets nothing). */
  loosening?: WorkspaceLoosening;
  /** Settings the machine policy sets (shown as managed). */
  managed: string[];
  /** User or workspace values the machine policy held back, in words. */
  heldByMachine: LooseningItem[];
  /** Full names of workspace settings that were set aside (for the existing diagnostics). */
  ignored: string[];
}

export interface ResolveOptions {
  /** Workspace Trust; the CLI passes the window's, or true without a window (acceptances come only from trusted windows). */
  trusted: boolean;
  /** The digest the person accepted for this workspace, if any. */
  acceptedDigest?: string;
}

export function looseningDigest(values: ReadonlyArray<readonly [SettingKey, unknown]>): string {
  return createHash('sha256').update(canonicalJson(values)).digest('hex');
}

/**
 * Several sources none of which may loosen (the user settings of every editor found, when no window says
 * which one the person uses): their tightenings of the defaults, combined.
 */
export function tighteningsOnly(sources: readonly SettingValues[]): SettingValues {
  const out: SettingValues = {};
  for (const values of sources) {
    for (const row of SETTING_ROWS) {
      if (values[row.key] === undefined) continue;
      out[row.key] = row.tighten(out[row.key] ?? row.defaultValue, values[row.key]);
    }
  }
  return out;
}

export function resolveSettings(layers: SettingLayers, options: ResolveOptions): ResolvedSettings {
  const machine = layers.machine ?? {};
  const user = layers.user ?? {};
  const workspace = layers.workspace ?? {};
  const managed: string[] = [];
  const heldByMachine: LooseningItem[] = [];
  const base = new Map<SettingKey, unknown>();

  // Defaults, then the machine policy, then the person's own values (held at the machine's floor).
  for (const row of SETTING_ROWS) {
    const name = `${SECTION}.${row.key}`;
    let value = row.defaultValue;
    if (machine[row.key] !== undefined) {
      managed.push(name);
      value = row.override(value, machine[row.key]);
    }
    if (user[row.key] !== undefined) {
      const mine = row.override(value, user[row.key]);
      if (machine[row.key] !== undefined) {
        for (const what of row.loosens(value, user[row.key])) heldByMachine.push({ setting: name, what });
        value = row.floor(mine, machine[row.key]);
      } else value = mine;
    }
    base.set(row.key, value);
  }

  // The workspace: what it loosens, in words and as one digest of the values that loosen.
  const items: LooseningItem[] = [];
  const loosened: Array<readonly [SettingKey, unknown]> = [];
  for (const row of SETTING_ROWS) {
    if (workspace[row.key] === undefined) continue;
    const b = base.get(row.key);
    const words = row.loosens(b, workspace[row.key]);
    if (words.length === 0) continue;
    const held = machine[row.key];
    if (held !== undefined && canonicalJson(row.floor(row.override(b, workspace[row.key]), held)) === canonicalJson(row.floor(row.tighten(b, workspace[row.key]), held))) {
      // The machine policy holds this setting where it is: accepting would change nothing, so nothing is asked.
      for (const what of words) heldByMachine.push({ setting: `${SECTION}.${row.key}`, what });
      continue;
    }
    loosened.push([row.key, workspace[row.key]]);
    for (const what of words) items.push({ setting: `${SECTION}.${row.key}`, what });
  }
  const digest = loosened.length > 0 ? looseningDigest(loosened) : '';
  const applied = digest !== '' && options.trusted && options.acceptedDigest === digest;
  const loosening: WorkspaceLoosening | undefined =
    digest === '' ? undefined : { items, digest, applied, reason: applied ? undefined : options.trusted ? 'not-accepted' : 'untrusted' };

  const values = new Map<SettingKey, unknown>();
  for (const row of SETTING_ROWS) {
    const b = base.get(row.key);
    const ws = workspace[row.key];
    let value = ws === undefined ? b : applied ? row.override(b, ws) : row.tighten(b, ws);
    if (layers.tightenOnly?.[row.key] !== undefined) value = row.tighten(value, layers.tightenOnly[row.key]);
    if (machine[row.key] !== undefined) {
      const floored = row.floor(value, machine[row.key]);
      if (applied && canonicalJson(floored) !== canonicalJson(value)) {
        for (const what of row.loosens(machine[row.key], ws)) heldByMachine.push({ setting: `${SECTION}.${row.key}`, what });
      }
      value = floored;
    }
    values.set(row.key, value);
  }

  const v = (key: SettingKey): unknown => values.get(key);
  return {
    settings: {
      enabled: v(SettingId.enabled) !== false,
      policyInput: {
        rules: v(SettingId.rules),
        disabledRules: v(SettingId.disabledRules),
        environments: v(SettingId.environments),
        decisions: v(SettingId.decisions),
      },
      confirmTimeoutSeconds: v(SettingId.confirmTimeoutSeconds) ?? DEFAULTS.confirmTimeoutSeconds,
      requireTypedNameForProduction: v(SettingId.requireTypedNameForProduction) !== false,
      allowForSession: v(SettingId.allowForSession) === true,
      logMaxEntries: v(SettingId.logMaxEntries) ?? DEFAULTS.logMaxEntries,
      logAllowedWithoutFindings: v(SettingId.logAllowedWithoutFindings) === true,
      restorePoints: {
        enabled: v(SettingId.restorePointsEnabled) !== false,
        maxBytes: v(SettingId.restorePointsMaxBytes) ?? DEFAULTS.restorePointsMaxBytes,
        maxAgeDays: v(SettingId.restorePointsMaxAgeDays) ?? DEFAULTS.restorePointsMaxAgeDays,
      },
    },
    loosening,
    managed,
    heldByMachine,
    ignored: loosening && !applied ? [...new Set(items.map((i) => i.setting))] : [],
  };
}
