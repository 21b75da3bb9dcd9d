// The recipe lines `just [recipe]` would run: the recipe (the first one when none is named), its
// dependencies first, `{{var}}` interpolations of `name := "value"` assignments. A recipe that starts
// with a shebang (`#!/usr/bin/env python3`) is code for that interpreter, returned whole.

export interface JustRecipe {
  name: string;
  lines: string[];
  /** The shebang line when the recipe is a script for another interpreter. */
  shebang?: string;
}

interface Parsed {
  vars: Map<string, string>;
  recipes: Map<string, { deps: string[]; params: string[]; lines: string[] }>;
  first?: string;
}

const ASSIGNMENT = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_-]*)\s*:=\s*(.*)$/;
const RECIPE = /^@?([A-Za-z_][A-Za-z0-9_-]*)((?:\s+[^:=\s]+)*)\s*:(?!=)(.*)$/;
const INTERPOLATION = /\{\{([^{}]*)\}\}/g;

function unquote(v: string): string {
  const t = v.trim();
  if ((t.startsWith('"') && t.endsWith('"')) || (t.startsWith("'") && t.endsWith("'"))) return t.slice(1, -1);
  if (t.startsWith('`')) return '$(' + t.slice(1, -1) + ')';
  return t;
}

function parse(text: string): Parsed {
  const out: Parsed = { vars: new Map(), recipes: new Map() };
  let current: string[] | undefined;
  for (const line of text.split(/\r?\n/)) {
    if (current && (line.startsWith(' ') || line.startsWith('\t'))) {
      current.push(line.trim());
      continue;
    }
    current = undefined;
    const t = line.trim();
    if (t === '' || t.startsWith('#') || t.startsWith('set ') || t.startsWith('[') || t.startsWith('alias ') || t.startsWith('import ') || t.startsWith('mod ')) continue;
    const a = ASSIGNMENT.exec(t);
    if (a) {
      out.vars.set(a[1], unquote(a[2]));
      continue;
    }
    const r = RECIPE.exec(t);
    if (r) {
      const params = r[2].trim().split(/\s+/).filter(Boolean).map((p) => p.replace(/^[+*$]/, '').split('=')[0]);
      const deps = r[3].trim().split(/\s+/).filter(Boolean).map((d) => d.replace(/^\(|\)$/g, ''));
      current = [];
      out.recipes.set(r[1], { deps, params, lines: current });
      if (out.first === undefined) out.first = r[1];
    }
  }
  return out;
}

export function justRecipes(text: string, names: readonly string[]): { recipes: JustRecipe[]; unknown: string[] } {
  const p = parse(text);
  const goal = names.length > 0 ? names : p.recipes.has('default') ? ['default'] : p.first ? [p.first] : [];
  const recipes: JustRecipe[] = [];
  const unknown: string[] = [];
  const seen = new Set<string>();
  const visit = (name: string, asked: boolean): void => {
    if (seen.has(name)) return;
    seen.add(name);
    const r = p.recipes.get(name);
    if (!r) {
      if (asked) unknown.push(name);
      return;
    }
    for (const d of r.deps) visit(d, false);
    const subst = (l: string): string =>
      l.replace(INTERPOLATION, (_m, expr: string) => {
        const e = expr.trim();
        if (p.vars.has(e)) return p.vars.get(e) as string;
        // A parameter or an expression: only known when just runs.
        return `\${${/^[A-Za-z_]\w*$/.test(e) ? e : 'JUST_VALUE'}}`;
      });
    const lines = r.lines.filter((l) => l !== '' && !l.startsWith('#!')).map((l) => subst(l).replace(/^[@-]+/, ''));
    const shebang = r.lines[0]?.startsWith('#!') ? r.lines[0] : undefined;
    recipes.push({ name, lines: shebang ? [r.lines.slice(1).map(subst).join('\n')] : lines, shebang });
  };
  for (const n of goal) visit(n, true);
  return { recipes, unknown };
}
