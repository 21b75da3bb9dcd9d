// Compiles settings (built-in packs + user rules + disabled ids + environments + decisions) into a
// frozen, pre-indexed Policy once, so `evaluate` compiles nothing per call. Validation names the bad
// entry (`agentGuard.rules[2].pattern`) and keeps going: a broken user rule never disables the built-ins.
import { BUILTIN_PACKS } from './rules/builtinPacks';
import { minimatchMatcher, simpleGlobMatcher } from './simpleGlob';
import { compileUserRule } from './userRules';
import type { Decision, EnvironmentMapping, PolicyError, PolicyInput, Rule, RulePack, Severity, SeverityDecisions } from './types';
import { SEVERITIES } from './types';

export interface CompiledEnvironment {
  readonly pattern: string;
  readonly name: string;
  readonly production: boolean;
  readonly test: (value: string) => boolean;
  /** Whether it came from the person's settings or the built-in defaults. */
  readonly source: 'user' | 'default';
}

export interface Policy {
  /** Rules per command name, built-ins first then user rules, disabled ones removed. */
  readonly rulesByCommand: ReadonlyMap<string, readonly Rule[]>;
  /** Rules that look at every command (`commands: ['*']`). */
  readonly wildcardRules: readonly Rule[];
  readonly environments: readonly CompiledEnvironment[];
  readonly decisions: Readonly<SeverityDecisions>;
  readonly disabledRules: ReadonlySet<string>;
  readonly userRuleIds: ReadonlySet<string>;
}

export const DEFAULT_DECISIONS: Readonly<SeverityDecisions> = Object.freeze({
  low: 'allow',
  medium: 'confirm',
  high: 'confirm',
  critical: 'confirm',
});

/**
 * Built-in environment names, checked after the person's own mappings. Production patterns come
 * first: a host that says both `staging` and `prod` is treated as production (the safer reading).
 */
export const DEFAULT_ENVIRONMENTS: readonly EnvironmentMapping[] = Object.freeze([
  { pattern: '*prod*', name: 'production', production: true },
  { pattern: '*prd*', name: 'production', production: true },
  { pattern: '*live*', name: 'production', production: true },
  { pattern: '*staging*', name: 'staging', production: false },
  { pattern: '*stag*', name: 'staging', production: false },
  { pattern: '*stage*', name: 'staging', production: false },
  { pattern: '*preview*', name: 'preview', production: false },
  { pattern: '*dev*', name: 'development', production: false },
  { pattern: '*test*', name: 'test', production: false },
  { pattern: 'localhost', name: 'local', production: false },
  { pattern: '127.*', name: 'local', production: false },
  { pattern: '::1', name: 'local', production: false },
  { pattern: '*.local', name: 'local', production: false },
]);

const DECISIONS: readonly Decision[] = ['allow', 'confirm', 'deny'];

/** `/regex/flags` or a minimatch glob, case-insensitive, compiled once into a test function. */
export function compilePattern(pattern: string): (value: string) => boolean {
  const re = /^\/(.*)\/([a-z]*)$/s.exec(pattern);
  if (re) {
    const rx = new RegExp(re[1], re[2].includes('i') ? re[2] : re[2] + 'i');
    return (v) => rx.test(v);
  }
  return simpleGlobMatcher(pattern, () => minimatchMatcher(pattern)) ?? minimatchMatcher(pattern);
}

function compileEnvironment(m: EnvironmentMapping, source: 'user' | 'default'): CompiledEnvironment {
  const test = compilePattern(m.pattern);
  return Object.freeze({ pattern: m.pattern, name: m.name, production: m.production, source, test });
}

let compiledDefaultEnvironments: readonly CompiledEnvironment[] | undefined;

/** A built-in mapping (known to compile): its pattern is compiled the first time a target is tested against it. */
function defaultEnvironment(m: EnvironmentMapping): CompiledEnvironment {
  let test: ((value: string) => boolean) | undefined;
  return Object.freeze({ pattern: m.pattern, name: m.name, production: m.production, source: 'default' as const, test: (v: string) => (test ??= compilePattern(m.pattern))(v) });
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function validateEnvironments(raw: unknown, errors: PolicyError[]): CompiledEnvironment[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    errors.push({ path: 'agentGuard.environments', message: 'must be a list of { "pattern": "…", "name": "…", "production": true|false }' });
    return [];
  }
  const out: CompiledEnvironment[] = [];
  raw.forEach((entry, i) => {
    const path = `agentGuard.environments[${i}]`;
    if (!isObject(entry)) return void errors.push({ path, message: 'must be an object with "pattern" and "name"' });
    const { pattern, name, production } = entry;
    if (typeof pattern !== 'string' || pattern.trim() === '') return void errors.push({ path: `${path}.pattern`, message: 'must be a non-empty string (a glob such as "*prod*" or "/regex/")' });
    if (typeof name !== 'string' || name.trim() === '') return void errors.push({ path: `${path}.name`, message: 'must be a non-empty string (e.g. "production")' });
    if (production !== undefined && typeof production !== 'boolean') return void errors.push({ path: `${path}.production`, message: 'must be true or false' });
    try {
      out.push(compileEnvironment({ pattern, name, production: production ?? /prod|live/i.test(name) }, 'user'));
    } catch (err) {
      errors.push({ path: `${path}.pattern`, message: (err as Error).message });
    }
  });
  return out;
}

function validateDecisions(raw: unknown, errors: PolicyError[]): SeverityDecisions {
  const decisions: SeverityDecisions = { ...DEFAULT_DECISIONS };
  if (raw === undefined || raw === null) return decisions;
  if (!isObject(raw)) {
    errors.push({ path: 'agentGuard.decisions', message: 'must be an object such as { "high": "confirm", "critical": "deny" }' });
    return decisions;
  }
  for (const [key, value] of Object.entries(raw)) {
    if (!(SEVERITIES as readonly string[]).includes(key)) {
      errors.push({ path: `agentGuard.decisions.${key}`, message: `unknown severity; use one of ${SEVERITIES.join(', ')}` });
      continue;
    }
    if (typeof value !== 'string' || !(DECISIONS as readonly string[]).includes(value)) {
      errors.push({ path: `agentGuard.decisions.${key}`, message: `must be one of ${DECISIONS.join(', ')}` });
      continue;
    }
    decisions[key as Severity] = value as Decision;
  }
  return decisions;
}

function validateDisabled(raw: unknown, known: ReadonlySet<string>, errors: PolicyError[]): Set<string> {
  const out = new Set<string>();
  if (raw === undefined || raw === null) return out;
  if (!Array.isArray(raw)) {
    errors.push({ path: 'agentGuard.disabledRules', message: 'must be a list of rule ids (e.g. ["git.reset-hard"])' });
    return out;
  }
  raw.forEach((id, i) => {
    if (typeof id !== 'string') return void errors.push({ path: `agentGuard.disabledRules[${i}]`, message: 'must be a rule id string' });
    const prefix = id.endsWith('.*') ? id.slice(0, -1) : undefined;
    const matches = prefix ? [...known].filter((k) => k.startsWith(prefix)) : known.has(id) ? [id] : [];
    if (matches.length === 0) errors.push({ path: `agentGuard.disabledRules[${i}]`, message: `no rule is named "${id}"` });
    for (const m of matches) out.add(m);
  });
  return out;
}

/**
 * Rules per command name. A lazy pack (rules/lazyPack.ts) is indexed by the names it declares and built the
 * first time one of them is read, so a policy costs nothing for the packs a process never reaches; the list
 * for a name is the same as indexing every rule up front: rules in pack order, then user rules.
 */
class RuleIndex implements ReadonlyMap<string, readonly Rule[]> {
  /** What each name's list is made of, in order: a rule, or a lazy pack not yet read. */
  private readonly sources = new Map<string, Array<Rule | RulePack>>();
  private readonly lists = new Map<string, readonly Rule[]>();

  add(name: string, source: Rule | RulePack): void {
    const list = this.sources.get(name);
    if (list) list.push(source);
    else this.sources.set(name, [source]);
  }

  get(name: string): readonly Rule[] | undefined {
    const built = this.lists.get(name);
    if (built !== undefined) return built;
    const sources = this.sources.get(name);
    if (sources === undefined) return undefined;
    const rules: Rule[] = [];
    for (const s of sources) {
      if (!('rules' in s)) rules.push(s);
      else for (const r of s.rules) for (const c of r.commands) if (c === name) rules.push(r);
    }
    this.lists.set(name, rules);
    return rules;
  }

  has(name: string): boolean {
    return this.sources.has(name);
  }

  get size(): number {
    return this.sources.size;
  }

  keys(): MapIterator<string> {
    return this.sources.keys();
  }

  *entries(): MapIterator<[string, readonly Rule[]]> {
    for (const name of this.sources.keys()) yield [name, this.get(name) ?? []];
  }

  *values(): MapIterator<readonly Rule[]> {
    for (const name of this.sources.keys()) yield this.get(name) ?? [];
  }

  [Symbol.iterator](): MapIterator<[string, readonly Rule[]]> {
    return this.entries();
  }

  forEach(fn: (value: readonly Rule[], key: string, map: ReadonlyMap<string, readonly Rule[]>) => void, thisArg?: unknown): void {
    for (const [k, v] of this.entries()) fn.call(thisArg, v, k, this);
  }
}

function index(packs: readonly RulePack[], userRules: readonly Rule[], disabled: ReadonlySet<string>): { byCommand: RuleIndex; wildcard: Rule[] } {
  const byCommand = new RuleIndex();
  const wildcard: Rule[] = [];
  const add = (rule: Rule): void => {
    if (disabled.has(rule.id)) return;
    for (const c of rule.commands) {
      if (c === '*') wildcard.push(rule);
      else byCommand.add(c, rule);
    }
  };
  for (const pack of packs) {
    // With rules switched off the pack is read now, so a name whose every rule is off is no key (as before).
    if (pack.commands !== undefined && disabled.size === 0) for (const c of pack.commands) byCommand.add(c, pack);
    else for (const rule of pack.rules) add(rule);
  }
  for (const rule of userRules) add(rule);
  return { byCommand, wildcard };
}

let builtinRules: readonly Rule[] | undefined;

/** Every built-in rule (this reads every lazy pack: only for validating settings that name rules). */
export function allBuiltinRules(): readonly Rule[] {
  return (builtinRules ??= BUILTIN_PACKS.flatMap((p) => p.rules));
}

export function compilePolicy(input: PolicyInput = {}): { policy: Policy; errors: PolicyError[] } {
  const errors: PolicyError[] = [];
  const hasUserRules = input.rules !== undefined && input.rules !== null;
  const hasDisabled = input.disabledRules !== undefined && input.disabledRules !== null;
  // The built-in ids are needed only to check settings that name rules; the default policy never reads them.
  const builtinIds: ReadonlySet<string> = hasUserRules || hasDisabled ? new Set(allBuiltinRules().map((r) => r.id)) : new Set();
  const userRules: Rule[] = [];
  if (hasUserRules) {
    if (!Array.isArray(input.rules)) {
      errors.push({ path: 'agentGuard.rules', message: 'must be a list of rules' });
    } else {
      const seen = new Set<string>();
      input.rules.forEach((spec, i) => {
        const compiled = compileUserRule(spec, `agentGuard.rules[${i}]`, errors);
        if (!compiled) return;
        if (seen.has(compiled.id) || builtinIds.has(compiled.id)) {
          errors.push({ path: `agentGuard.rules[${i}].id`, message: `the id "${compiled.id}" is already used` });
          return;
        }
        seen.add(compiled.id);
        userRules.push(compiled);
      });
    }
  }
  const disabled = hasDisabled ? validateDisabled(input.disabledRules, new Set([...builtinIds, ...userRules.map((r) => r.id)]), errors) : new Set<string>();
  compiledDefaultEnvironments ??= DEFAULT_ENVIRONMENTS.map(defaultEnvironment);
  const environments = [...validateEnvironments(input.environments, errors), ...compiledDefaultEnvironments];
  const decisions = validateDecisions(input.decisions, errors);
  const { byCommand, wildcard } = index(BUILTIN_PACKS, userRules, disabled);
  const policy: Policy = Object.freeze({
    rulesByCommand: byCommand,
    wildcardRules: wildcard,
    environments,
    decisions: Object.freeze(decisions),
    disabledRules: disabled,
    userRuleIds: new Set(userRules.map((r) => r.id)),
  });
  return { policy, errors };
}

let cachedDefault: Policy | undefined;

/** The built-in policy (no user settings); compiled once per process. */
export function defaultPolicy(): Policy {
  cachedDefault ??= compilePolicy({}).policy;
  return cachedDefault;
}
