// A person's own rules from `agentGuard.rules`, compiled once into the same Rule shape as the
// built-ins. A rule that does not compile is reported by its path and left out; nothing else changes.
import { Minimatch } from 'minimatch';
import type { PolicyError, Rule, Severity, SimpleCommand } from './types';
import { SEVERITIES } from './types';

const ALLOWED_KEYS = new Set(['id', 'command', 'args', 'argsMatch', 'pattern', 'category', 'severity', 'message']);

function compileArg(pattern: string): (arg: string) => boolean {
  const re = /^\/(.*)\/([a-z]*)$/s.exec(pattern);
  if (re) {
    const rx = new RegExp(re[1], re[2]);
    return (a) => rx.test(a);
  }
  const glob = new Minimatch(pattern, { dot: true, nocomment: true, nonegate: true });
  if (glob.empty) throw new Error(`not a valid glob pattern: ${pattern}`);
  return (a) => glob.match(a);
}

function matchesAny(args: readonly string[], tests: readonly ((a: string) => boolean)[]): boolean {
  return tests.every((t) => args.some(t));
}

function matchesSequence(args: readonly string[], tests: readonly ((a: string) => boolean)[]): boolean {
  for (let start = 0; start + tests.length <= args.length; start++) {
    if (tests.every((t, k) => t(args[start + k]))) return true;
  }
  return false;
}

export function compileUserRule(spec: unknown, path: string, errors: PolicyError[]): Rule | undefined {
  if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) {
    errors.push({ path, message: 'must be an object with at least "id" and "command"' });
    return undefined;
  }
  const s = { ...(spec as Record<string, unknown>) };
  const before = errors.length;
  // Name the rule by the id the person wrote as well as by its place in the list.
  const named = typeof s.id === 'string' ? ` (rule "${s.id}")` : '';
  const fail = (key: string, message: string): void => void errors.push({ path: `${path}.${key}`, message: message + named });
  // A rule with only a `pattern` (or only `args`) looks at every command.
  if (s.command === undefined && (s.pattern !== undefined || s.args !== undefined)) s.command = '*';
  for (const key of Object.keys(s)) if (!ALLOWED_KEYS.has(key)) fail(key, `unknown key; expected one of ${[...ALLOWED_KEYS].join(', ')}`);
  if (typeof s.id !== 'string' || !/^[A-Za-z0-9_.-]+$/.test(s.id)) fail('id', 'must be a string of letters, digits, ".", "-" or "_" (e.g. "make-nuke")');
  if (typeof s.command !== 'string' || s.command.trim() === '') fail('command', 'must be the command name after unwrapping (e.g. "make") or "*"');
  if (s.severity !== undefined && !(SEVERITIES as readonly unknown[]).includes(s.severity)) fail('severity', `must be one of ${SEVERITIES.join(', ')}`);
  if (s.message !== undefined && typeof s.message !== 'string') fail('message', 'must be a string');
  if (s.category !== undefined && typeof s.category !== 'string') fail('category', 'must be a string');
  if (s.argsMatch !== undefined && s.argsMatch !== 'any' && s.argsMatch !== 'sequence') fail('argsMatch', 'must be "any" or "sequence"');
  let argTests: ((a: string) => boolean)[] = [];
  if (s.args !== undefined) {
    if (!Array.isArray(s.args) || s.args.some((a) => typeof a !== 'string')) fail('args', 'must be a list of glob or /regex/ strings');
    else {
      s.args.forEach((a: string, i: number) => {
        try {
          argTests.push(compileArg(a));
        } catch (err) {
          fail(`args[${i}]`, (err as Error).message);
        }
      });
    }
  }
  let textTest: RegExp | undefined;
  if (s.pattern !== undefined) {
    if (typeof s.pattern !== 'string') fail('pattern', 'must be a regular expression string');
    else {
      try {
        textTest = new RegExp(s.pattern);
      } catch (err) {
        fail('pattern', `does not compile: ${(err as Error).message}`);
      }
    }
  }
  if (s.command === '*' && argTests.length === 0 && !textTest && errors.length === before) {
    fail('command', '"*" needs "args" or "pattern", or the rule would stop every command');
  }
  if (errors.length > before) return undefined;

  const id = (s.id as string).startsWith('user.') ? (s.id as string) : `user.${s.id as string}`;
  const command = (s.command as string).trim();
  const sequence = s.argsMatch === 'sequence';
  const message = (s.message as string | undefined) ?? `matches your rule "${s.id as string}"`;
  argTests = Object.freeze(argTests) as typeof argTests;
  const textRe = textTest;
  const rule: Rule = {
    id,
    category: ((s.category as string | undefined) ?? 'custom') as Rule['category'],
    severity: (s.severity as Severity | undefined) ?? 'high',
    commands: [command],
    // A `*` rule is prefiltered by the literal words of its args (best effort for the shell prefilter).
    triggers: command === '*' ? (s.args as string[] | undefined)?.filter((a) => /^[\w.-]+$/.test(a)) : undefined,
    summary: message,
    rationale: `your rule ${id}`,
    match(cmd: SimpleCommand) {
      if (argTests.length > 0 && !(sequence ? matchesSequence(cmd.args, argTests) : matchesAny(cmd.args, argTests))) return null;
      if (textRe && !textRe.test(cmd.text)) return null;
      return { target: cmd.args.filter((a) => !a.startsWith('-')).join(' ') || undefined };
    },
  };
  return rule;
}
