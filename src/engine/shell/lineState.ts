// What a command line defines for the commands after it, read the way the shell reads it: variables
// (`a=rm; b=$a; $b …`), loop variables over literal lists, functions, aliases, git config set on the
// line, npm scripts set on the line. Words are expanded against it: a variable whose value is known
// and a substitution whose output computes (`$(echo rm)`) become literal text; the rest stays dynamic.
import type { RawCommandLike } from './rawCommand';
import { makeWord, type Word } from './words';

/** A function defined on the line: its commands and the parse they came from (for their substitutions). */
export interface FunctionBody {
  raws: RawCommandLike[];
  context: unknown;
}

export interface LineState {
  /** Known shell variables (`X=rm`, `export X=rm`, positional parameters inside a function call). */
  vars: Map<string, string>;
  /** Loop variables over a literal list: every value is checked. */
  loops: Map<string, string[]>;
  functions: Map<string, FunctionBody>;
  aliases: Map<string, string>;
  /** `git config [--global] key value` and `GIT_CONFIG_*` seen on the line (keys lower-cased). */
  gitConfig: Map<string, string>;
  /** `npm pkg set scripts.x=…` seen on the line. */
  npmScripts: Map<string, string>;
}

export function newLineState(): LineState {
  return { vars: new Map(), loops: new Map(), functions: new Map(), aliases: new Map(), gitConfig: new Map(), npmScripts: new Map() };
}

const VARIABLE_SENTINEL = /\u0001V([^\u0001\u0002]*)\u0002/g;
const SUBSTITUTION_SENTINEL = /\u0001S(\d+)\u0002/g;
const PLAIN_NAME = /^(?:[A-Za-z_][A-Za-z0-9_]*|[0-9@*#?$!-])$/;
/** `${NAME:-word}`, `${NAME-word}`, `${NAME:=word}`: the default applies when NAME is unset. */
const DEFAULT_FORM = /^([A-Za-z_][A-Za-z0-9_]*):?[-=](.*)$/;
const DEFAULT_IFS = ' \t\n';
const MAX_LOOP_VALUES = 16;

/** The value of a `$…` body when the line knows it, else undefined. `$IFS` unset is the default IFS. */
function variableValue(body: string, state: LineState): string | undefined {
  if (PLAIN_NAME.test(body)) return state.vars.get(body) ?? (body === 'IFS' ? DEFAULT_IFS : undefined);
  const m = DEFAULT_FORM.exec(body);
  if (m) {
    const v = state.vars.get(m[1]);
    return v !== undefined && v !== '' ? v : undefined;
  }
  return undefined;
}

/** Names of the variables a raw word refers to. */
export function variablesIn(raw: string): string[] {
  if (!raw.includes('\u0001')) return [];
  const names: string[] = [];
  for (const m of raw.matchAll(VARIABLE_SENTINEL)) names.push(m[1]);
  return names;
}

/** `$(…)` drops the output's trailing newlines (a loop: no regex anchored at the end). */
function trimTrailingNewlines(text: string): string {
  let end = text.length;
  while (end > 0 && text[end - 1] === '\n') end--;
  return text.slice(0, end);
}

export interface Expansion {
  word: Word;
  /** Whether the value came through `$IFS`-splitting text (a known value holding IFS characters). */
  splits: boolean;
}

/**
 * Expands the known parts of a word. `substitutionOutput` gives the literal output of substitution
 * `#i` when it computes (else undefined).
 */
export function expandWord(word: Word, state: LineState, substitutionOutput: (i: number) => string | undefined, subText: (i: number) => string): Expansion {
  if (!word.dynamic || !word.raw.includes('\u0001')) return { word, splits: false };
  let splits = false;
  const ifs = state.vars.get('IFS') ?? DEFAULT_IFS;
  let raw = word.raw.replace(VARIABLE_SENTINEL, (whole, body: string) => {
    const v = variableValue(body, state);
    if (v === undefined) return whole;
    if (body === 'IFS' || [...v].some((c) => ifs.includes(c))) splits = true;
    return v;
  });
  raw = raw.replace(SUBSTITUTION_SENTINEL, (whole, idx: string) => {
    const v = substitutionOutput(Number(idx));
    if (v === undefined) return whole;
    splits = true;
    return trimTrailingNewlines(v);
  });
  if (raw === word.raw) return { word, splits: false };
  return { word: makeWord(raw, subText), splits };
}

/**
 * Splits a word on the line's IFS (unquoted expansion). A word that is still partly unknown splits on
 * the IFS characters outside its sentinels (`rm${IFS}-rf${IFS}$HOME/x` is `rm`, `-rf`, `$HOME/x`).
 */
export function splitOnIfs(word: Word, state: LineState, subText: (i: number) => string): Word[] {
  const ifs = state.vars.get('IFS') ?? DEFAULT_IFS;
  if (ifs === '') return [word];
  const parts: string[] = [];
  let cur = '';
  let inSentinel = false;
  for (const c of word.raw) {
    if (c === '\u0001') inSentinel = true;
    else if (c === '\u0002') inSentinel = false;
    if (!inSentinel && ifs.includes(c)) {
      if (cur) parts.push(cur);
      cur = '';
    } else cur += c;
  }
  if (cur) parts.push(cur);
  return parts.map((p) => makeWord(p, subText));
}

/** Records a loop header `for NAME in w1 w2 …` (the words after `for`). */
export function recordLoop(words: Word[], state: LineState): void {
  const name = words[1]?.text;
  if (!name || words[2]?.text !== 'in') return;
  const values = words.slice(3).filter((w) => w.text !== ';');
  // Values from a pattern (`for f in *.log`) are file names the guard does not know.
  if (values.length === 0 || values.length > MAX_LOOP_VALUES || values.some((w) => w.dynamic || /[*?[]/.test(w.text))) {
    state.loops.delete(name);
    state.vars.delete(name);
    return;
  }
  state.loops.set(name, values.map((w) => w.text));
  state.vars.delete(name);
}

/** Every combination of loop values the words refer to (at most MAX_LOOP_VALUES), or [undefined] for none. */
export function loopBindings(words: Word[], state: LineState): Array<Map<string, string> | undefined> {
  if (state.loops.size === 0) return [undefined];
  const names = [...new Set(words.flatMap((w) => variablesIn(w.raw)).map((b) => DEFAULT_FORM.exec(b)?.[1] ?? b))].filter((n) => state.loops.has(n));
  if (names.length === 0) return [undefined];
  let combos: Array<Map<string, string>> = [new Map()];
  for (const n of names) {
    const next: Array<Map<string, string>> = [];
    for (const c of combos) for (const v of state.loops.get(n) as string[]) next.push(new Map(c).set(n, v));
    combos = next.slice(0, MAX_LOOP_VALUES);
  }
  return combos;
}
