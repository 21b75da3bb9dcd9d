// What a command reads besides its arguments: a file it names (`--data @body.json`, `-f x.sql`) and its
// stdin (a heredoc, a here-string, `< file`, or `echo … |`). Shared by the HTTP reader and the cloud SQL
// carriers; the engine never reads files itself, only through the caller's bounded `readFile`.
import type { SimpleCommand } from '../types';

export type ReadFile = (path: string) => string | undefined;

/** A word that is nothing but a variable or a command substitution: its whole value is unknown. */
export const WHOLE_SUBSTITUTION = /^(\$\w+|\$\{[^}]*\}|\$\([^]*\)|`[^`]*`)$/;

const ECHO_OPTIONS = /^-[neE]+$/;

/** Content of a file argument; `-` is stdin. Undefined when it cannot be read (no reader, a variable path). */
export function readInput(path: string, cmd: SimpleCommand, readFile: ReadFile | undefined, dynamic: boolean): string | undefined {
  if (path === '-') return stdinText(cmd, readFile);
  if (dynamic || path === '') return undefined;
  return readFile?.(path);
}

/** What the command reads on stdin, when the guard can see it. */
export function stdinText(cmd: SimpleCommand, readFile: ReadFile | undefined): string | undefined {
  if (cmd.stdin !== undefined) return cmd.stdin;
  const input = cmd.redirects.find((r) => r.op === '<');
  if (input) return readFile?.(input.target);
  const from = cmd.pipeFrom;
  if (!from) return undefined;
  if ((from.name === 'echo' || from.name === 'printf') && !from.dynamic.some(Boolean)) {
    return from.args.filter((a) => !ECHO_OPTIONS.test(a)).join(' ');
  }
  if (from.name === 'cat' && from.args.length === 1 && !from.dynamic[0]) return readFile?.(from.args[0]);
  return undefined;
}

/** True when something is fed on stdin (so an interactive client runs that instead of waiting for a person). */
export function hasStdin(cmd: SimpleCommand): boolean {
  return cmd.stdin !== undefined || cmd.pipeFrom !== undefined || cmd.redirects.some((r) => r.op === '<' || r.op === '<<<');
}
