// How the log view reads an entry, and its filters. Pure (no `vscode`): rows lead with what the
// command destroys and where, then who asked and when; the command itself is shown around its
// dangerous part, not cut before it. Filters narrow by outcome, environment, agent and day.
import type { Verdict } from '../../engine/types';
import type { LogEntry } from '../../log/logEntry';
import { askerName, destructionPhrase, environmentLabel, plain } from '../../outcome/personWords';

/** The entry as the outcome words read it (a logged finding has no agent message). */
export function entryVerdict(e: LogEntry): Verdict {
  return {
    decision: e.verdict,
    findings: e.findings.map((f) => ({ ...f, source: f.source ?? 'builtin', agentMessage: '' })),
    environment: e.environment,
  };
}

export type Outcome = 'block' | 'allow' | 'guard';

export function outcomeOf(e: LogEntry): Outcome {
  if (e.kind === 'guard') return 'guard';
  return e.decision === 'block' ? 'block' : 'allow';
}

export const OUTCOME_LABEL: Record<Outcome, string> = { block: 'Blocked', allow: 'Allowed', guard: 'Guard events' };

/** "PRODUCTION", "Railway API", "staging", "unknown". */
export function environmentOf(e: LogEntry): string {
  if (e.kind === 'guard') return 'none';
  const label = environmentLabel(entryVerdict(e));
  return e.environment?.provider && label !== 'PRODUCTION' ? e.environment.provider : label;
}

/** Who asked: the agent, the terminal, the task. */
export function askerOf(e: LogEntry): string {
  if (e.kind === 'guard') return 'Agent Guard';
  return askerName({ door: e.door === 'extension' ? 'command' : e.door, ...(e.agent ? { agent: e.agent } : {}) });
}

/** Local day of an entry, `YYYY-MM-DD`. */
export function dayOf(e: LogEntry): string {
  const d = new Date(e.time);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export interface LogFilter {
  outcome?: Outcome;
  environment?: string;
  agent?: string;
  day?: string;
}

export type FilterKey = keyof LogFilter;
export const FILTER_KEYS: readonly FilterKey[] = ['outcome', 'environment', 'agent', 'day'];

const VALUE_OF: Record<FilterKey, (e: LogEntry) => string> = {
  outcome: outcomeOf,
  environment: environmentOf,
  agent: askerOf,
  day: dayOf,
};

export function matchesFilter(e: LogEntry, f: LogFilter): boolean {
  return FILTER_KEYS.every((k) => f[k] === undefined || VALUE_OF[k](e) === f[k]);
}

export function isFiltered(f: LogFilter): boolean {
  return FILTER_KEYS.some((k) => f[k] !== undefined);
}

/** The values a key takes in the log, most frequent first, with their counts. */
export function filterValues(entries: readonly LogEntry[], key: FilterKey): Array<{ value: string; count: number }> {
  const counts = new Map<string, number>();
  for (const e of entries) counts.set(VALUE_OF[key](e), (counts.get(VALUE_OF[key](e)) ?? 0) + 1);
  return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => (key === 'day' ? b.value.localeCompare(a.value) : b.count - a.count || a.value.localeCompare(b.value)));
}

/** "Blocked · PRODUCTION · bash terminal · 2026-12-02", for the view's description. */
export function describeFilter(f: LogFilter): string {
  const parts = FILTER_KEYS.filter((k) => f[k] !== undefined).map((k) => (k === 'outcome' ? OUTCOME_LABEL[f.outcome!] : String(f[k])));
  return parts.length ? `Filter: ${parts.join(' · ')}` : '';
}

const DEFAULT_EXCERPT = 90;

/**
 * The command around its dangerous part: the first place a finding's target (or a destroy word)
 * appears, with some context before it, so `psql "$URL" … -c 'DROP TABLE customers'` shows the DROP.
 */
export function commandExcerpt(command: string, anchors: readonly string[], max = DEFAULT_EXCERPT): string {
  const one = command.replace(/\s+/g, ' ').trim();
  if (one.length <= max) return one;
  const lower = one.toLowerCase();
  let at = -1;
  for (const a of anchors) {
    if (!a) continue;
    const i = lower.indexOf(a.toLowerCase());
    if (i >= 0 && (at < 0 || i < at)) at = i;
  }
  if (at < 0) return one.slice(0, max - 1) + '…';
  const start = Math.max(0, Math.min(at - Math.floor(max / 3), one.length - max));
  const end = Math.min(one.length, start + max);
  return `${start > 0 ? '…' : ''}${one.slice(start, end)}${end < one.length ? '…' : ''}`;
}

const DESTROY_WORDS = ['drop ', 'truncate', 'delete', 'Delete', 'destroy', 'rm -', 'reset --hard', 'clean -', '--force', 'push -f', 'wipe', 'purge', 'nuke'];

/** The row's label: what it destroys and where ("[PRODUCTION] drops table customers"). */
export function rowLabel(e: LogEntry): string {
  if (e.kind === 'guard') return e.command;
  const where = environmentOf(e);
  const what = e.findings.length ? destructionPhrase(entryVerdict(e)) : plain(e.command.split('\n', 1)[0] ?? '');
  return `[${where === 'unknown' ? 'env unknown' : where}] ${what}`;
}

/** The row's description: who asked, when, and the command around its dangerous part. */
export function rowDescription(e: LogEntry, time: string): string {
  // What is destroyed is the anchor (a carried credential's target is not the dangerous part).
  const anchors = [...e.findings.filter((f) => f.category !== 'credential').map((f) => f.target ?? ''), ...DESTROY_WORDS];
  return `${askerOf(e)} · ${time} · ${commandExcerpt(e.command, anchors)}`;
}

/** Consecutive-or-not guard events with the same text, folded into one row each (newest first). */
export interface GuardEventGroup {
  latest: LogEntry;
  count: number;
}

export function groupGuardEvents(entries: readonly LogEntry[]): GuardEventGroup[] {
  const byText = new Map<string, GuardEventGroup>();
  for (const e of entries) {
    if (e.kind !== 'guard') continue;
    const g = byText.get(e.command);
    if (g) g.count++;
    else byText.set(e.command, { latest: e, count: 1 });
  }
  return [...byText.values()];
}

/** What the icons and colours of the rows mean, for every tooltip. */
export const LOG_LEGEND = 'Red: blocked on production · Yellow: blocked elsewhere · Green check: allowed · Shield: the guard itself (switched off or on, a socket problem).';
