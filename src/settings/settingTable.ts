// Every `agentGuard.*` setting as one row: its key, its default, and which way is stricter. The
// resolver (`resolveSettings.ts`) reads only this table, so the VS Code window and the CLI apply the
// same direction to every setting: a workspace may tighten at once, a loosening needs the person.
// Pure: no `vscode`, no `fs`.
import { DEFAULT_DECISIONS, DEFAULT_ENVIRONMENTS } from '../engine/policy';
import type { Decision } from '../engine/types';

export const SECTION = 'agentGuard';

/** Every setting Agent Guard reads; keep in step with `contributes.configuration` in package.json. */
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
  logAllowedWithoutFindings: 'log.allowedWithoutFindings',
  restorePointsEnabled: 'restorePoints.enabled',
  restorePointsMaxBytes: 'restorePoints.maxBytes',
  restorePointsMaxAgeDays: 'restorePoints.maxAgeDays',
} as const;
export type SettingKey = (typeof SettingId)[keyof typeof SettingId];

/** One layer's values by key (`enabled`, `log.maxEntries`, …); a key that is absent is not set there. */
export type SettingValues = Partial<Record<SettingKey, unknown>>;

/**
 * How one setting compares between a lower layer (`base`) and a higher one (`upper`).
 * - `loosens`: the items in `upper` that make the guard weaker than `base`, in words; empty when `upper` only tightens.
 * - `tighten`: `base` plus only the parts of `upper` that make it stricter.
 * - `override`: `upper` as the person meant it (applies when the person accepted the loosening).
 * - `floor`: `value`, but never weaker than `managed` (the machine policy's value).
 */
export interface SettingRow {
  key: SettingKey;
  defaultValue: unknown;
  loosens(base: unknown, upper: unknown): string[];
  tighten(base: unknown, upper: unknown): unknown;
  override(base: unknown, upper: unknown): unknown;
  floor(value: unknown, managed: unknown): unknown;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

/** A boolean where `strict` is the safer value (`enabled: true`, `allowForSession: false`). */
function switchRow(key: SettingKey, defaultValue: boolean, strict: boolean, loosenedWords: string): SettingRow {
  const valueOf = (v: unknown): boolean => (typeof v === 'boolean' ? v : defaultValue);
  const stricter = (a: unknown, b: unknown): boolean => (valueOf(a) === strict || (typeof b === 'boolean' && b === strict) ? strict : !strict);
  return {
    key,
    defaultValue,
    loosens: (base, upper) => (typeof upper === 'boolean' && upper !== strict && valueOf(base) === strict ? [loosenedWords] : []),
    tighten: stricter,
    override: (base, upper) => (typeof upper === 'boolean' ? upper : valueOf(base)),
    floor: stricter,
  };
}

/** A setting with no direction for the guard: each layer's value simply replaces the one below. */
function plainRow(key: SettingKey, defaultValue: unknown): SettingRow {
  const valueOf = (v: unknown): unknown => (v === undefined ? defaultValue : v);
  return {
    key,
    defaultValue,
    loosens: () => [],
    tighten: (base, upper) => (upper === undefined ? valueOf(base) : upper),
    override: (base, upper) => (upper === undefined ? valueOf(base) : upper),
    floor: (value, managed) => (managed === undefined ? value : managed),
  };
}

/** A number where a smaller (`smallerIsStricter`) or larger value is the safer one. */
function numberRow(key: SettingKey, defaultValue: number, smallerIsStricter: boolean, describe: (v: number, was: number) => string): SettingRow {
  const valueOf = (v: unknown): unknown => (v === undefined ? defaultValue : v);
  const looser = (a: number, b: number): boolean => (smallerIsStricter ? a > b : a < b);
  const stricter = (a: unknown, b: unknown): unknown => {
    const x = valueOf(a);
    if (typeof b !== 'number' || typeof x !== 'number') return x;
    return looser(x, b) ? b : x;
  };
  return {
    key,
    defaultValue,
    loosens: (base, upper) => {
      const b = valueOf(base);
      return typeof upper === 'number' && typeof b === 'number' && looser(upper, b) ? [describe(upper, b)] : [];
    },
    tighten: stricter,
    override: (base, upper) => (upper === undefined ? valueOf(base) : upper),
    floor: stricter,
  };
}

const RANK: Record<Decision, number> = { allow: 0, confirm: 1, deny: 2 };

function isDecision(v: unknown): v is Decision {
  return v === 'allow' || v === 'confirm' || v === 'deny';
}

function decisionFor(map: unknown, severity: string): Decision | undefined {
  const own = isObject(map) ? map[severity] : undefined;
  if (isDecision(own)) return own;
  return (DEFAULT_DECISIONS as Record<string, Decision>)[severity];
}

/** Per severity: the stricter of the two. Unknown severities and bad values are left for validation. */
function stricterDecisions(base: unknown, upper: unknown): unknown {
  if (!isObject(upper)) return base;
  const out: Record<string, unknown> = isObject(base) ? { ...base } : {};
  for (const [severity, d] of Object.entries(upper)) {
    const mine = decisionFor(base, severity);
    if (!isDecision(d)) continue;
    if (!mine || RANK[d] > RANK[mine]) out[severity] = d;
  }
  return out;
}

const decisionsRow: SettingRow = {
  key: SettingId.decisions,
  defaultValue: undefined,
  loosens: (base, upper) => {
    if (!isObject(upper)) return [];
    const out: string[] = [];
    for (const [severity, d] of Object.entries(upper)) {
      const mine = decisionFor(base, severity);
      if (isDecision(d) && mine && RANK[d] < RANK[mine]) out.push(`${severity} findings: ${d} (instead of ${mine})`);
    }
    return out;
  },
  tighten: stricterDecisions,
  override: (base, upper) => (isObject(upper) ? { ...(isObject(base) ? base : {}), ...upper } : upper === undefined ? base : upper),
  floor: stricterDecisions,
};

function stringList(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** Disabled rule ids: fewer is stricter, so two lists combine to the ids both disable. */
function bothDisable(base: unknown, upper: unknown): unknown {
  if (!Array.isArray(upper)) return base;
  const b = new Set(stringList(base));
  return stringList(upper).filter((id) => b.has(id));
}

const disabledRulesRow: SettingRow = {
  key: SettingId.disabledRules,
  defaultValue: undefined,
  loosens: (base, upper) => {
    const b = new Set(stringList(base));
    const added = stringList(upper).filter((id) => !b.has(id));
    return added.length > 0 ? [`turns off the rule${added.length > 1 ? 's' : ''} ${added.join(', ')}`] : [];
  },
  tighten: bothDisable,
  override: (base, upper) => (upper === undefined ? base : upper),
  floor: bothDisable,
};

/** A mapping that marks what it matches as production (the engine reads `production` the same way). */
function marksProduction(m: unknown): boolean {
  if (!isObject(m)) return false;
  if (m.production === true) return true;
  return m.production === undefined && typeof m.name === 'string' && /prod|live/i.test(m.name);
}

function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/**
 * A non-production mapping that says nothing new: the same pattern is already non-production among the
 * built-ins or the layer below. Taking it would only move it ahead of production names (`*staging*`
 * before `*prod*` makes `prod-staging` non-production), so it is left out, silently: no loosening to ask about.
 */
function redundant(m: unknown, base: unknown): boolean {
  if (!isObject(m) || typeof m.pattern !== 'string') return false;
  const same = (o: { pattern?: unknown; production?: unknown }): boolean => o.pattern === m.pattern && o.production === false;
  return DEFAULT_ENVIRONMENTS.some(same) || list(base).some((b) => isObject(b) && same(b));
}

/**
 * Environment mappings are checked in order, first match wins. A higher layer's mapping goes first;
 * one that names something non-production could rename a production target, so only mappings that
 * mark production are taken without the person. The machine policy's mappings go before everything.
 */
const environmentsRow: SettingRow = {
  key: SettingId.environments,
  defaultValue: undefined,
  loosens: (base, upper) =>
    list(upper)
      .filter((m) => !marksProduction(m) && !redundant(m, base))
      .map((m) => (isObject(m) ? `maps "${String(m.pattern)}" to ${String(m.name)} (not production)` : 'an environment mapping that is not production')),
  tighten: (base, upper) => (Array.isArray(upper) ? [...upper.filter(marksProduction), ...list(base)] : base),
  override: (base, upper) => (Array.isArray(upper) ? [...upper.filter((m) => marksProduction(m) || !redundant(m, base)), ...list(base)] : upper === undefined ? base : upper),
  floor: (value, managed) => (Array.isArray(managed) ? [...managed, ...list(value).filter((m) => !managed.includes(m))] : value),
};

function ruleId(r: unknown): string | undefined {
  return isObject(r) && typeof r.id === 'string' ? r.id : undefined;
}

/** Both lists of user rules apply (a rule only adds findings); on an id clash `first`'s rule wins. */
function bothRuleLists(first: unknown, second: unknown): unknown {
  if (second === undefined) return first;
  if (first === undefined) return second;
  if (!Array.isArray(first) || !Array.isArray(second)) return first;
  const ids = new Set(first.map(ruleId).filter((x): x is string => !!x));
  return [...first, ...second.filter((r) => !ruleId(r) || !ids.has(ruleId(r)!))];
}

const rulesRow: SettingRow = {
  key: SettingId.rules,
  defaultValue: undefined,
  loosens: (base, upper) => {
    const mine = new Map(list(base).map((r) => [ruleId(r), JSON.stringify(r)] as const));
    return list(upper)
      .filter((r) => ruleId(r) && mine.has(ruleId(r)) && mine.get(ruleId(r)) !== JSON.stringify(r))
      .map((r) => `replaces the rule "${ruleId(r)}"`);
  },
  tighten: (base, upper) => bothRuleLists(base, upper),
  override: (base, upper) => bothRuleLists(upper, base),
  floor: (value, managed) => bothRuleLists(managed, value),
};

export const DEFAULTS = {
  enabled: true,
  confirmTimeoutSeconds: 300,
  requireTypedNameForProduction: true,
  allowForSession: false,
  logMaxEntries: 5000,
  logAllowedWithoutFindings: false,
  restorePointsEnabled: true,
  restorePointsMaxBytes: 2 * 1024 * 1024 * 1024,
  restorePointsMaxAgeDays: 14,
} as const;

/** The table, in the order settings are listed to the person. */
export const SETTING_ROWS: readonly SettingRow[] = [
  switchRow(SettingId.enabled, DEFAULTS.enabled, true, 'switches the guard off'),
  disabledRulesRow,
  decisionsRow,
  environmentsRow,
  rulesRow,
  switchRow(SettingId.requireTypedNameForProduction, DEFAULTS.requireTypedNameForProduction, true, 'turns off typing the name for production'),
  switchRow(SettingId.allowForSession, DEFAULTS.allowForSession, false, 'offers "allow for this session"'),
  numberRow(SettingId.confirmTimeoutSeconds, DEFAULTS.confirmTimeoutSeconds, true, (v, was) => `waits ${v} s for your answer (instead of ${was} s)`),
  // Fewer log lines push the evidence of what happened out sooner.
  numberRow(SettingId.logMaxEntries, DEFAULTS.logMaxEntries, false, (v, was) => `keeps ${v} log entries (instead of ${was})`),
  // Whether allowed commands without a finding are logged too: the log's volume, not its evidence.
  plainRow(SettingId.logAllowedWithoutFindings, DEFAULTS.logAllowedWithoutFindings),
  switchRow(SettingId.restorePointsEnabled, DEFAULTS.restorePointsEnabled, true, 'turns off restore points'),
  numberRow(SettingId.restorePointsMaxBytes, DEFAULTS.restorePointsMaxBytes, false, (v, was) => `keeps ${v} bytes of restore points (instead of ${was})`),
  numberRow(SettingId.restorePointsMaxAgeDays, DEFAULTS.restorePointsMaxAgeDays, false, (v, was) => `keeps restore points ${v} days (instead of ${was})`),
];

export const SETTING_KEYS: readonly SettingKey[] = SETTING_ROWS.map((r) => r.key);

/** `agentGuard.<key>` values out of a parsed settings object (settings.json, a workspace file, the machine policy). */
export function settingValuesFrom(json: unknown): SettingValues {
  const out: SettingValues = {};
  if (!isObject(json)) return out;
  for (const key of SETTING_KEYS) {
    const v = json[`${SECTION}.${key}`];
    if (v !== undefined) out[key] = v;
  }
  return out;
}
