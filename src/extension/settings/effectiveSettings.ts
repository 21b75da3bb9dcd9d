// Works out the window's effective `agentGuard.*` settings from VS Code's layers (default, user,
// workspace), honouring Workspace Trust: in a folder the person has not trusted, a workspace may only
// make the guard stricter — it cannot switch it off, disable rules, loosen decisions, rename a
// production target, or turn off the typed confirmation. Pure: the caller hands in `inspect` results.
//
// How to add a setting:
//   1. Declare it in package.json `contributes.configuration` (schema, default, description); if a
//      workspace value could loosen the guard, also list it in `capabilities.untrustedWorkspaces.restrictedConfigurations`.
//   2. Add its key to `SettingId` and a field to `RawSettings`.
//   3. Resolve it in both branches of `resolveSettings`: trusted (workspace wins) and untrusted (the
//      person's value, tightened by the workspace at most; note what was ignored).
//   4. Validate it (`validateOwnSettings`, or the engine's `compilePolicy` for policy input) and add a
//      row to test/unit/extension/effectiveSettings.test.ts.
import type { Decision, PolicyInput } from '../../engine/types';

export const SECTION = 'agentGuard';

/** Every setting this extension reads; keep in step with `contributes.configuration` in package.json. */
export const SettingId = {
  enabled: 'enabled',
  rules: 'rules',
  disabledRules: 'disabledRules',
  environments: 'environments',
  decisions: 'decisions',
  confirmTimeoutSeconds: 'confirmTimeoutSeconds',
  requireTypedNameForProduction: 'requireTypedNameForProduction',
  allowForSession: 'allowForSession',
  logMaxEntries: 'log.maxEntries',
} as const;
export type SettingKey = (typeof SettingId)[keyof typeof SettingId];

export interface SettingLayers {
  defaultValue?: unknown;
  globalValue?: unknown;
  workspaceValue?: unknown;
  workspaceFolderValue?: unknown;
}

export interface RawSettings {
  enabled: boolean;
  policyInput: PolicyInput;
  confirmTimeoutSeconds: unknown;
  requireTypedNameForProduction: boolean;
  allowForSession: boolean;
  logMaxEntries: unknown;
}

export interface ResolvedSettings {
  settings: RawSettings;
  /** Workspace values set aside because the workspace is not trusted (full setting names). */
  ignored: string[];
}

export const DEFAULTS = {
  enabled: true,
  confirmTimeoutSeconds: 300,
  requireTypedNameForProduction: true,
  allowForSession: false,
  logMaxEntries: 5000,
} as const;

const RANK: Record<Decision, number> = { allow: 0, confirm: 1, deny: 2 };

function isDecision(v: unknown): v is Decision {
  return v === 'allow' || v === 'confirm' || v === 'deny';
}

function isObject(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

/** The workspace-level value: a folder setting beats the workspace file, as in VS Code. */
function wsValue(l: SettingLayers): unknown {
  return l.workspaceFolderValue !== undefined ? l.workspaceFolderValue : l.workspaceValue;
}

function userValue(l: SettingLayers): unknown {
  return l.globalValue !== undefined ? l.globalValue : l.defaultValue;
}

function trustedValue(l: SettingLayers): unknown {
  const ws = wsValue(l);
  return ws !== undefined ? ws : userValue(l);
}

function ruleId(r: unknown): string | undefined {
  return isObject(r) && typeof r.id === 'string' ? r.id : undefined;
}

/**
 * User rules and workspace rules both apply (a rule can only add findings). On an id clash the
 * workspace's wins when trusted, the person's own when not (so a workspace cannot weaken a user rule).
 */
function mergeRules(user: unknown, ws: unknown, trusted: boolean): unknown {
  if (ws === undefined) return user;
  if (user === undefined) return ws;
  if (!Array.isArray(user) || !Array.isArray(ws)) return trusted ? ws : user;
  const first = trusted ? ws : user;
  const second = trusted ? user : ws;
  const ids = new Set(first.map(ruleId).filter((x): x is string => !!x));
  return [...first, ...second.filter((r) => !ruleId(r) || !ids.has(ruleId(r)!))];
}

export function resolveSettings(inspect: (key: SettingKey) => SettingLayers | undefined, trusted: boolean): ResolvedSettings {
  const layers = (key: SettingKey): SettingLayers => inspect(key) ?? {};
  const ignored: string[] = [];
  const note = (key: SettingKey): void => void ignored.push(`${SECTION}.${key}`);

  const rules = mergeRules(userValue(layers(SettingId.rules)), wsValue(layers(SettingId.rules)), trusted);

  if (trusted) {
    const envs = layers(SettingId.environments);
    const wsEnv = wsValue(envs);
    const userEnv = userValue(envs);
    // Workspace mappings first (more specific to this folder), then the person's own.
    const environments = Array.isArray(wsEnv) && Array.isArray(userEnv) ? [...wsEnv, ...userEnv] : wsEnv !== undefined ? wsEnv : userEnv;
    return {
      settings: {
        enabled: trustedValue(layers(SettingId.enabled)) !== false,
        policyInput: {
          rules,
          disabledRules: trustedValue(layers(SettingId.disabledRules)),
          environments,
          decisions: trustedValue(layers(SettingId.decisions)),
        },
        confirmTimeoutSeconds: trustedValue(layers(SettingId.confirmTimeoutSeconds)) ?? DEFAULTS.confirmTimeoutSeconds,
        requireTypedNameForProduction: trustedValue(layers(SettingId.requireTypedNameForProduction)) !== false,
        allowForSession: trustedValue(layers(SettingId.allowForSession)) === true,
        logMaxEntries: trustedValue(layers(SettingId.logMaxEntries)) ?? DEFAULTS.logMaxEntries,
      },
      ignored,
    };
  }

  // Untrusted: start from the person's own values and let the workspace only tighten.
  const en = layers(SettingId.enabled);
  const userEnabled = userValue(en) !== false;
  if (wsValue(en) === false && userEnabled) note(SettingId.enabled);
  const enabled = userEnabled || wsValue(en) === true;

  const dis = layers(SettingId.disabledRules);
  if (Array.isArray(wsValue(dis)) && (wsValue(dis) as unknown[]).length > 0) note(SettingId.disabledRules);

  const dec = layers(SettingId.decisions);
  const userDec = userValue(dec);
  const wsDec = wsValue(dec);
  let decisions: unknown = userDec;
  if (isObject(wsDec)) {
    const merged: Record<string, unknown> = isObject(userDec) ? { ...userDec } : {};
    let loosened = false;
    for (const [sev, d] of Object.entries(wsDec)) {
      const mine = merged[sev];
      if (!isDecision(d)) continue;
      const base: Decision = isDecision(mine) ? mine : sev === 'low' ? 'allow' : 'confirm';
      if (RANK[d] > RANK[base]) merged[sev] = d;
      else if (RANK[d] < RANK[base]) loosened = true;
    }
    if (loosened) note(SettingId.decisions);
    decisions = merged;
  }

  const envs = layers(SettingId.environments);
  const wsEnv = wsValue(envs);
  const userEnv = userValue(envs);
  let environments: unknown = userEnv;
  if (Array.isArray(wsEnv)) {
    // Only mappings that mark something as production can be taken from an untrusted workspace.
    const tightening = wsEnv.filter((m) => isObject(m) && m.production === true);
    if (tightening.length < wsEnv.length) note(SettingId.environments);
    environments = [...tightening, ...(Array.isArray(userEnv) ? userEnv : [])];
  }

  const to = layers(SettingId.confirmTimeoutSeconds);
  const userTo = userValue(to) ?? DEFAULTS.confirmTimeoutSeconds;
  const wsTo = wsValue(to);
  // A shorter limit only blocks sooner; a longer one is the person's call.
  const confirmTimeoutSeconds = typeof wsTo === 'number' && typeof userTo === 'number' && wsTo < userTo ? wsTo : userTo;
  if (typeof wsTo === 'number' && typeof userTo === 'number' && wsTo > userTo) note(SettingId.confirmTimeoutSeconds);

  const typed = layers(SettingId.requireTypedNameForProduction);
  const userTyped = userValue(typed) !== false;
  if (wsValue(typed) === false && userTyped) note(SettingId.requireTypedNameForProduction);

  const sess = layers(SettingId.allowForSession);
  const userSess = userValue(sess) === true;
  if (wsValue(sess) === true && !userSess) note(SettingId.allowForSession);

  const max = layers(SettingId.logMaxEntries);
  if (wsValue(max) !== undefined) note(SettingId.logMaxEntries);

  return {
    settings: {
      enabled,
      policyInput: { rules, disabledRules: userValue(dis), environments, decisions },
      confirmTimeoutSeconds,
      requireTypedNameForProduction: userTyped || wsValue(typed) === true,
      allowForSession: userSess && wsValue(sess) !== false,
      logMaxEntries: userValue(max) ?? DEFAULTS.logMaxEntries,
    },
    ignored,
  };
}

export interface SettingProblem {
  path: string;
  message: string;
}

/** Checks the settings that are not part of the engine's policy. */
export function validateOwnSettings(s: RawSettings): { timeoutSeconds: number; logMaxEntries: number; errors: SettingProblem[] } {
  const errors: SettingProblem[] = [];
  let timeoutSeconds: number = DEFAULTS.confirmTimeoutSeconds;
  const t = s.confirmTimeoutSeconds;
  if (typeof t === 'number' && Number.isFinite(t) && t >= 10 && t <= 3600) timeoutSeconds = Math.round(t);
  else errors.push({ path: `${SECTION}.${SettingId.confirmTimeoutSeconds}`, message: 'must be a number of seconds between 10 and 3600' });
  let logMaxEntries: number = DEFAULTS.logMaxEntries;
  const m = s.logMaxEntries;
  if (typeof m === 'number' && Number.isInteger(m) && m >= 100 && m <= 1_000_000) logMaxEntries = m;
  else errors.push({ path: `${SECTION}.${SettingId.logMaxEntries}`, message: 'must be a whole number between 100 and 1000000' });
  return { timeoutSeconds, logMaxEntries, errors };
}

/** One message for every problem, naming each setting. */
export function settingsErrorMessage(errors: readonly SettingProblem[]): string {
  const first = errors.slice(0, 3).map((e) => `${e.path} ${e.message}`);
  const more = errors.length > 3 ? ` (and ${errors.length - 3} more)` : '';
  return `Agent Guard: invalid setting ${first.join('; ')}${more}. The last valid settings stay in force.`;
}
