// The recipe lines `make target` would run, read from a Makefile: the target's recipe and its
// prerequisites' recipes, with simple variable expansion (`VAR = …`, `:=`, `?=`, `+=`, command-line
// `VAR=…`, make's built-in defaults, `$@ $< $^`). What make would compute (`$(patsubst …)`, an unknown
// variable) becomes a shell variable (`${NAME}`), which the rules read as unknown. Both branches of
// `ifeq`/`ifdef` are read: the guard does not know which one make takes.
import { ownEntry } from '../ownEntry';

export interface MakeRecipe {
  target: string;
  /** Recipe lines with variables expanded and `@`/`-`/`+` prefixes removed. */
  lines: string[];
}

export interface MakeRun {
  recipes: MakeRecipe[];
  /** Targets asked for that the Makefile has no rule for. */
  unknownTargets: string[];
}

interface Rule {
  prereqs: string[];
  lines: string[];
}

/** Make's own defaults for the variables recipes use most. */
const BUILTIN_VARIABLES: Readonly<Record<string, string>> = {
  MAKE: 'make', CC: 'cc', CXX: 'g++', CPP: 'cc -E', AR: 'ar', AS: 'as', LD: 'ld', RM: 'rm -f', INSTALL: 'install',
  LEX: 'lex', YACC: 'yacc', FC: 'f77', PC: 'pc', CFLAGS: '', CXXFLAGS: '', CPPFLAGS: '', LDFLAGS: '', LDLIBS: '', ARFLAGS: 'rv',
  MAKEFLAGS: '', SHELL: '/bin/sh', CURDIR: '.', MAKECMDGOALS: '', MFLAGS: '',
};

const ASSIGNMENT = /^(?:export\s+|override\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*(:{1,3}=|\?=|\+=|!=|=)\s*(.*)$/;
const CONDITIONAL = /^(?:ifeq|ifneq|ifdef|ifndef|else|endif)\b/;
const DEFINE = /^define\s+([A-Za-z_][A-Za-z0-9_.-]*)/;
const ENDEF = /^\s*endef\b/;
const MAX_RECIPE_LINES = 400;
const MAX_EXPANSION = 8;

function parseMakefile(text: string): { vars: Map<string, string>; rules: Map<string, Rule>; defaultGoal?: string } {
  const vars = new Map<string, string>();
  const rules = new Map<string, Rule>();
  let defaultGoal: string | undefined;
  let current: Rule[] = [];
  let define: { name: string; lines: string[] } | undefined;
  const lines = text.replace(/\\\r?\n[ \t]*/g, ' ').split(/\r?\n/);
  for (const line of lines) {
    if (define) {
      if (ENDEF.test(line)) {
        vars.set(define.name, define.lines.join('\n'));
        define = undefined;
      } else define.lines.push(line.trim());
      continue;
    }
    if (line.startsWith('\t')) {
      for (const r of current) r.lines.push(line.slice(1));
      continue;
    }
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const d = DEFINE.exec(trimmed);
    if (d) {
      define = { name: d[1], lines: [] };
      continue;
    }
    if (CONDITIONAL.test(trimmed) || /^-?include\b/.test(trimmed) || /^(?:export|unexport|vpath)\b[^=]*$/.test(trimmed)) continue;
    const a = ASSIGNMENT.exec(trimmed);
    const colon = trimmed.indexOf(':');
    if (a && (colon < 0 || colon >= trimmed.indexOf(a[2]))) {
      const [, name, op, value] = a;
      if (op === '?=') {
        if (!vars.has(name)) vars.set(name, value);
      } else if (op === '+=') vars.set(name, `${vars.get(name) ?? ''} ${value}`.trim());
      else if (op !== '!=') vars.set(name, value);
      if (name === '.DEFAULT_GOAL') defaultGoal = value.trim();
      current = [];
      continue;
    }
    if (colon > 0) {
      const targets = trimmed.slice(0, colon).trim().split(/\s+/);
      let rest = trimmed.slice(colon + 1).replace(/^:/, '');
      let inline: string | undefined;
      const semi = rest.indexOf(';');
      if (semi >= 0) {
        inline = rest.slice(semi + 1).trim();
        rest = rest.slice(0, semi);
      }
      // `target: VAR = value` (a target-specific variable) is not a rule.
      if (/^\s*[A-Za-z_][A-Za-z0-9_]*\s*[:?+]?=/.test(rest)) {
        current = [];
        continue;
      }
      const prereqs = rest.split('|')[0].trim().split(/\s+/).filter(Boolean);
      current = [];
      for (const t of targets) {
        if (t === '') continue;
        const rule = rules.get(t) ?? { prereqs: [], lines: [] };
        rule.prereqs.push(...prereqs);
        if (inline) rule.lines.push(inline);
        rules.set(t, rule);
        current.push(rule);
        if (defaultGoal === undefined && !t.startsWith('.') && !t.includes('%')) defaultGoal = t;
      }
      continue;
    }
    current = [];
  }
  return { vars, rules, defaultGoal };
}

/** Finds the `)` or `}` closing a `$(` / `${` opened at `start` (the `(`), or -1. */
function closeOf(text: string, start: number): number {
  const open = text[start];
  const close = open === '(' ? ')' : '}';
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    if (text[i] === open) depth++;
    else if (text[i] === close && --depth === 0) return i;
  }
  return -1;
}

function expand(text: string, vars: ReadonlyMap<string, string>, auto: Readonly<Record<string, string>>, depth: number): string {
  if (depth > MAX_EXPANSION) return '${MAKE_VALUE}';
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== '$') {
      out += c;
      continue;
    }
    const n = text[i + 1];
    if (n === '$') {
      out += '$';
      i++;
      continue;
    }
    if (n === '(' || n === '{') {
      const end = closeOf(text, i + 1);
      if (end < 0) {
        out += text.slice(i);
        break;
      }
      const inner = text.slice(i + 2, end);
      out += expandReference(inner, vars, auto, depth);
      i = end;
      continue;
    }
    if (n !== undefined && (n in auto)) {
      out += auto[n];
      i++;
      continue;
    }
    if (n !== undefined && /[A-Za-z_]/.test(n)) {
      out += expandReference(n, vars, auto, depth);
      i++;
      continue;
    }
    out += c;
  }
  return out;
}

function expandReference(inner: string, vars: ReadonlyMap<string, string>, auto: Readonly<Record<string, string>>, depth: number): string {
  const space = inner.search(/[\s,]/);
  const fn = space > 0 ? inner.slice(0, space) : '';
  if (fn === 'shell') return `$(${expand(inner.slice(6), vars, auto, depth + 1)})`;
  if (fn === 'call') {
    // `$(call name,a,b)`: the variable `name` with $(1), $(2) set to the arguments.
    const args = inner.slice(5).split(',').map((x) => expand(x.trim(), vars, auto, depth + 1));
    const body = vars.get(args[0]);
    if (body === undefined) return '${MAKE_VALUE}';
    const numbered: Record<string, string> = { ...auto };
    args.slice(1).forEach((a, i) => (numbered[String(i + 1)] = a));
    return expand(body, vars, numbered, depth + 1);
  }
  if (fn === 'wildcard' || fn === 'strip' || fn === 'abspath' || fn === 'realpath') return expand(inner.slice(fn.length + 1), vars, auto, depth + 1).trim();
  if (fn !== '' && /^[a-z-]+$/.test(fn)) return '${MAKE_VALUE}';
  const name = inner.includes(':') ? inner.slice(0, inner.indexOf(':')) : inner;
  const automatic = ownEntry(auto, name);
  if (automatic !== undefined) return automatic;
  const value = vars.get(name) ?? ownEntry(BUILTIN_VARIABLES, name);
  if (value === undefined) return `\${${/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : 'MAKE_VALUE'}}`;
  return expand(value, vars, auto, depth + 1);
}

/** Strips make's recipe prefixes: `@` (silent), `-` (ignore errors), `+` (always run). */
function stripPrefix(line: string): string {
  let i = 0;
  while (i < line.length && (line[i] === '@' || line[i] === '-' || line[i] === '+' || line[i] === ' ' || line[i] === '\t')) i++;
  return line.slice(i);
}

/** The recipes `make [VAR=x] [targets]` runs, prerequisites first, each target once. */
export function makeRecipes(text: string, targets: readonly string[], cmdVars: Readonly<Record<string, string>>): MakeRun {
  const parsed = parseMakefile(text);
  for (const [k, v] of Object.entries(cmdVars)) parsed.vars.set(k, v);
  const goals = targets.length > 0 ? targets : parsed.defaultGoal ? [parsed.defaultGoal] : [];
  const recipes: MakeRecipe[] = [];
  const unknownTargets: string[] = [];
  const seen = new Set<string>();
  let budget = MAX_RECIPE_LINES;
  const visit = (target: string, asked: boolean): void => {
    if (seen.has(target) || budget <= 0) return;
    seen.add(target);
    const rule = parsed.rules.get(target);
    if (!rule) {
      if (asked) unknownTargets.push(target);
      return;
    }
    for (const p of rule.prereqs) visit(p, false);
    const auto = { '@': target, '<': rule.prereqs[0] ?? '', '^': rule.prereqs.join(' '), '+': rule.prereqs.join(' '), '*': '', '?': rule.prereqs.join(' ') };
    const lines = rule.lines.slice(0, budget).map((l) => stripPrefix(expand(l, parsed.vars, auto, 0))).filter((l) => l.trim() !== '');
    budget -= lines.length;
    if (lines.length > 0) recipes.push({ target, lines });
  };
  for (const g of goals) visit(g, true);
  return { recipes, unknownTargets };
}
