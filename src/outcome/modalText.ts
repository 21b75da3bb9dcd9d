// The confirmation modal's text, and the typed-confirmation step's. Plain text (VS Code modals show no
// markdown): a title a person reads at a glance, then the command, what it destroys (resolved where the
// window could count it), where, who asked and why, the credential once and masked, the restore point,
// and the rule ids and severities only on the last "Details" line. Pure, so a table of verdicts tests it.
import type { Verdict } from '../engine/types';
import type { Origin } from '../protocol/protocol';
import {
  askerName, askerWithDoor, asInfinitive, byImportance, credentialFindings, destructiveFindings, detailsLine,
  environmentLabel, environmentSource, mayBeProduction, plain, rationaleOf, wherePhrase,
} from './personWords';

const MAX_COMMAND_CHARS = 2000;
const MAX_REASON_CHARS = 500;

/** A credential the command carries, masked, and the workspace file that holds the same secret. */
export interface CredentialNote {
  kind: string;
  masked: string;
  file?: string;
}

/** What the window counted about a finding's target: lines such as "/w/src: 12 files, 3.4 KB". */
export interface ResolvedTarget {
  /** Index into `verdict.findings` this belongs to. */
  finding: number;
  lines: string[];
}

export interface ModalInput {
  /** The command, already masked. */
  command: string;
  verdict: Verdict;
  origin: Origin;
  credentials: readonly CredentialNote[];
  resolved?: readonly ResolvedTarget[];
  /** "Restore point: …" — filled by the undo feature; nothing is said when absent. */
  restorePoint?: string;
  /** The words allowing needs typed, when it needs any. */
  typedConfirmation?: string;
  mask(text: string): string;
}

export interface ModalContent {
  /** First line, shown large. */
  message: string;
  /** Plain text under it (the end-to-end test reads it from `.monaco-dialog-box`). */
  detail: string;
}

function clip(text: string, max: number): string {
  return text.length > max ? text.slice(0, max) + ' …(cut)' : text;
}

const TITLE_WHAT_MAX = 60;
/** Where a long summary may be cut for the title: the rest is in the body ("… against host, deleting data there"). */
const TITLE_CUT = /,| against | in (?:the )?(?:database|your home)| with /;

/** The title's "what": the summary as an infinitive, cut at a clause boundary when it is long. */
function titleWhat(summary: string): string {
  const what = asInfinitive(summary);
  if (what.length <= TITLE_WHAT_MAX) return what;
  const m = TITLE_CUT.exec(what.slice(20));
  return m ? what.slice(0, 20 + m.index) : what;
}

/** "Claude Code wants to drop table customers on PRODUCTION". */
export function modalTitle(verdict: Verdict, origin: Origin): string {
  const main = byImportance(destructiveFindings(verdict))[0] ?? verdict.findings[0];
  const what = main ? titleWhat(main.summary) : 'run a command Agent Guard stopped';
  const more = destructiveFindings(verdict).length > 1 ? ` (and ${destructiveFindings(verdict).length - 1} more)` : '';
  return `${askerName(origin)} wants to ${what}${more}${wherePhrase(verdict)}`;
}

/** What must be typed to allow, or undefined when one click is enough. */
export function typedConfirmationFor(verdict: Verdict, requireTypedNameForProduction: boolean): string | undefined {
  if (!requireTypedNameForProduction) return undefined;
  if (verdict.environment?.production) return verdict.environment.name;
  if (!mayBeProduction(verdict)) return undefined;
  if (verdict.environment?.provider) return verdict.environment.provider;
  const target = byImportance(destructiveFindings(verdict)).find((f) => f.target)?.target;
  return target ?? 'delete';
}

export function buildModal(input: ModalInput): ModalContent {
  const { verdict, origin, mask } = input;
  const lines: string[] = [];
  lines.push('Command:');
  // (A terminal line arrives with its newline: no empty gap under the command.)
  lines.push(clip(input.command.trim(), MAX_COMMAND_CHARS));
  lines.push('');
  lines.push('What it destroys:');
  const destroying = destructiveFindings(verdict);
  if (destroying.length === 0) lines.push('- nothing specific was named (the command could not be read fully)');
  for (const f of byImportance(destroying)) {
    lines.push(`- ${mask(plain(f.summary))}`);
    const why = rationaleOf(f);
    if (why) lines.push(`  Why it matters: ${why}`);
    const index = verdict.findings.indexOf(f);
    for (const r of input.resolved ?? []) if (r.finding === index) for (const l of r.lines) lines.push(`  ${l}`);
  }
  lines.push('');
  const label = environmentLabel(verdict);
  const provider = verdict.environment?.provider;
  if (label === 'unknown' && !provider && onlyLocal(verdict)) {
    lines.push('Environment: this computer (local files and repositories)');
  } else {
    lines.push(`Environment: ${label}${provider ? ` (${provider})` : ''}`);
    lines.push(`How it was determined: ${mask(environmentSource(verdict))}`);
  }
  lines.push(`Asked by: ${askerWithDoor(origin)}${origin.cwd ? ` in ${origin.cwd}` : ''}`);
  if (origin.reason && origin.reason.trim()) lines.push(`Reason it gave: ${clip(mask(plain(origin.reason.trim())), MAX_REASON_CHARS)}`);
  const credential = credentialLine(input);
  if (credential) lines.push(credential);
  if (input.restorePoint) lines.push(`Restore point: ${mask(plain(input.restorePoint))}`);
  lines.push('');
  lines.push(
    input.typedConfirmation
      ? `Block is the default (Escape blocks). Allow once asks you to type "${input.typedConfirmation}".`
      : 'Block is the default (Escape blocks).',
  );
  lines.push(detailsLine(verdict));
  return { message: modalTitle(verdict, origin), detail: lines.join('\n') };
}

const LOCAL_CATEGORIES = new Set(['filesystem', 'git', 'disk']);

/** Every destructive finding is about this machine's files: "environment unknown" would only confuse. */
function onlyLocal(verdict: Verdict): boolean {
  const d = destructiveFindings(verdict);
  return d.length > 0 && d.every((f) => LOCAL_CATEGORIES.has(String(f.category)));
}

/** The credential, said once: from the window's lookup (with the file) or else the engine's finding. */
function credentialLine(input: ModalInput): string | undefined {
  if (input.credentials.length > 0) {
    const parts = input.credentials.map((c) => `${c.kind} ${c.masked}${c.file ? ` (the same secret is in ${c.file})` : ''}`);
    return `Credential it carries: ${parts.join('; ')}`;
  }
  const found = credentialFindings(input.verdict);
  if (found.length === 0) return undefined;
  return `Credential it carries: ${found.map((f) => input.mask(plain(f.summary.replace(/^carries /, '')))).join('; ')}`;
}

/** The typed-confirmation input box: the command and the destruction in view, and what to type. */
export interface TypedStepText {
  title: string;
  prompt: string;
}

export function typedStepText(maskedCommand: string, verdict: Verdict, expected: string, attempt: number, maxAttempts: number, lastTyped?: string): TypedStepText {
  const title = `Allow${wherePhrase(verdict)}? ${clip(maskedCommand.trim(), 160)}`;
  const what = `It ${plain(byImportance(destructiveFindings(verdict))[0]?.summary ?? 'runs a destructive command')}.`;
  const ask = `Type ${expected} to allow it once; Escape blocks.`;
  if (attempt <= 1 || lastTyped === undefined) return { title, prompt: `${what} ${ask}` };
  const left = maxAttempts - attempt + 1;
  return { title, prompt: `"${clip(lastTyped, 60)}" is not ${expected}. ${what} ${ask} (${left} ${left === 1 ? 'try' : 'tries'} left)` };
}

/** Typed confirmation: the expected words, ignoring surrounding spaces and letter case. */
export function typedMatches(typed: string | undefined, expected: string): boolean {
  if (typeof typed !== 'string') return false;
  const want = expected.trim().toLowerCase();
  return want !== '' && typed.trim().toLowerCase() === want;
}
