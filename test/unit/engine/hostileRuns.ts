// Adversarial inputs for the hostile-input test and bench: long runs of what makes a regular expression
// backtrack (repeated flag letters, spaces, braces, quotes, `@{`, backslashes, separators, half-made
// calls) placed where each built-in rule reads (bare words, quoted arguments, `-c`/`-e` code, headers),
// one command name per distinct set of rules.
import type { Policy } from '../../../src/engine/policy';
import { evaluate } from '../../../src/engine/evaluate';

/** Run kinds: `n` is the run's length in characters (about). */
export const RUN_KINDS: Readonly<Record<string, (n: number) => string>> = {
  'flag letters -iii': (n) => `-${'i'.repeat(n)}`,
  'flag letters -rrr': (n) => `-${'r'.repeat(n)}`,
  'flag letters -ccc': (n) => `-${'c'.repeat(n)}`,
  'flag letters then a digit -ccc9': (n) => `-${'c'.repeat(n)}9`,
  'flag letters then a newline': (n) => `"-${'i'.repeat(n)}\nx"`,
  'rm flag word rm -rrr-': (n) => `rm -${'r'.repeat(n)}-`,
  'rm flags in a container': (n) => `0${'-rm\t-R'.repeat(n / 7)}-r\t-r${'R'.repeat(n / 7)}m`,
  'repeated flags -r -r': (n) => '-r '.repeat(n / 3),
  'spaces': (n) => `a${' '.repeat(n)}!`,
  'tabs after a colon': (n) => `a:${'\t'.repeat(n)}\t-:`,
  'newlines': (n) => `${'\n'.repeat(n)}x`,
  'carriage returns': (n) => '\r'.repeat(n),
  'braces {{{': (n) => '{'.repeat(n),
  'brace with commas {,,,': (n) => `{${','.repeat(n)}`,
  'brace words e{e': (n) => 'e{e'.repeat(n / 3),
  'at-braces @{': (n) => '@{'.repeat(n / 2),
  'dollar-braces ${': (n) => '${'.repeat(n / 2),
  'brackets [[[': (n) => '['.repeat(n),
  'escaped quotes \\"': (n) => '\\"'.repeat(n / 2),
  'backslashes': (n) => '\\'.repeat(n),
  'word-dash A-A-': (n) => 'A-'.repeat(n / 2),
  'colons a:a:': (n) => 'a:'.repeat(n / 2),
  'equals a=a=': (n) => 'a='.repeat(n / 2),
  'slashes then newline': (n) => `${'/'.repeat(n)}\n/`,
  'schemes a://': (n) => 'a://'.repeat(n / 4),
  'rm -r in text': (n) => 'rm -r'.repeat(n / 5),
  'COPY words': (n) => 'COPY '.repeat(n / 5),
  'open calls exec("': (n) => 'exec("'.repeat(n / 6),
  'unlinkSync(o': (n) => 'unlinkSync(o'.repeat(n / 12),
  'open(>': (n) => 'open(>'.repeat(n / 6),
  'rm(,': (n) => 'rm(,'.repeat(n / 4),
  'mcp___ names': (n) => `mcp___${'__m'.repeat(n / 3)}`,
  'redis-cli words': (n) => 'm\tredis-cli-'.repeat(n / 12),
};

/** Where the run stands in the command line. Quotes the context itself uses are dropped from the run. */
export const CONTEXTS: Readonly<Record<string, (name: string, run: string) => string>> = {
  bare: (name, run) => `${name} ${run}`,
  quoted: (name, run) => `${name} '${run.replace(/'/g, '')}'`,
  code: (name, run) => `${name} -c '${run.replace(/'/g, '')}'`,
  eval: (name, run) => `${name} -e "${run.replace(/"/g, '')}"`,
  header: (name, run) => `${name} -H 'X-Token: ${run.replace(/'/g, '')}'`,
};

/** Places that do not depend on a command name: the run as the name itself, in a substitution, in code's lists. */
export const STANDALONE: Readonly<Record<string, (run: string) => string>> = {
  'command word': (run) => `${run} x`,
  alone: (run) => run,
  'assignment then use': (run) => `x=${run}; $x`,
  substitution: (run) => `echo "$(${run.replace(/"/g, '')})"`,
  'python list call': (run) => `python3 -c 'subprocess.run([${run.replace(/'/g, '')}])'`,
  heredoc: (run) => `cat <<EOF\n${run}\nEOF`,
  'container command': (run) => `docker run --rm -v data:/data alpine sh -c '${run.replace(/'/g, '')}'`,
  'python os.system': (run) => `python3 -c "import os; os.system('${run.replace(/['"]/g, '')}')"`,
};

/** One command name per distinct set of indexed rules, and `echo` for the rules every command meets. */
export function representativeNames(policy: Policy): string[] {
  const ids = new Map<object, number>();
  const seen = new Map<string, string>();
  for (const [name, rules] of policy.rulesByCommand) {
    const key = rules.map((r) => ids.get(r) ?? (ids.set(r, ids.size), ids.size - 1)).join(',');
    if (!seen.has(key)) seen.set(key, name);
  }
  return ['echo', ...seen.values()];
}

/** Milliseconds for one evaluation; the fastest of `runs` (the least disturbed by other work on the machine). */
export function timeLine(line: string, policy: Policy, runs = 1): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    evaluate({ kind: 'shell', command: line }, policy, { cwd: '/work/project' });
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e6);
  }
  return best;
}

export interface Case {
  /** A command name, or '' for a STANDALONE place. */
  name: string;
  context: string;
  kind: string;
}

export function lineFor(c: Case, n: number): string {
  const run = RUN_KINDS[c.kind](n);
  return c.name === '' ? STANDALONE[c.context](run) : CONTEXTS[c.context](c.name, run);
}

export function allCases(policy: Policy): Case[] {
  const out: Case[] = [];
  for (const name of representativeNames(policy)) for (const context of Object.keys(CONTEXTS)) for (const kind of Object.keys(RUN_KINDS)) out.push({ name, context, kind });
  for (const context of Object.keys(STANDALONE)) for (const kind of Object.keys(RUN_KINDS)) out.push({ name: '', context, kind });
  return out;
}
