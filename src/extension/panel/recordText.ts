// The readable record (Open Record): a Markdown document with the modal's fields — what it destroyed
// or would have, the command, where and how that was known, who asked and why, what happened — and the
// rule ids and severities at the end, with a link to the raw JSON. Pure.
import type { LogEntry } from '../../log/logEntry';
import { asInfinitive, askerWithDoor, byImportance, destructiveFindings, detailsLine, environmentSource, plain, rationaleOf } from '../../outcome/personWords';
import { askerOf, entryVerdict, environmentOf, outcomeOf } from './logRows';

const BY_WORDS: Record<string, string> = {
  person: 'by you in VS Code',
  policy: 'by your policy, without asking',
  timeout: 'because nobody answered in time',
  'session-allow': 'for this session, as you chose earlier',
  closed: 'because the request ended before you answered',
  error: 'because Agent Guard could not ask you',
  disabled: 'because the guard was switched off',
  unreachable: 'because no VS Code window could be asked',
};

/** Text safe inside Markdown: the characters that would start markup are escaped (intraword `_` is left: it reads as is). */
function md(text: string): string {
  return text.replace(/([\\`*[\]<>])/g, '\\$1');
}

function fence(text: string): string {
  const ticks = text.includes('```') ? '````' : '```';
  return `${ticks}shell\n${text}\n${ticks}`;
}

export function recordMarkdown(e: LogEntry, rawJsonLink: string): string {
  const lines: string[] = [];
  const when = new Date(e.time).toLocaleString();
  if (e.kind === 'guard') {
    lines.push(`# ${md(e.command)}`, '', `${when} · ${md(e.by)}`, '');
    if (e.note) lines.push(md(e.note), '');
    lines.push(`[Raw JSON](${rawJsonLink})`, '');
    return lines.join('\n');
  }
  const verdict = entryVerdict(e);
  const outcome = outcomeOf(e) === 'block' ? 'Blocked' : 'Allowed';
  const main = byImportance(destructiveFindings(verdict))[0] ?? verdict.findings[0];
  const what = main ? asInfinitive(main.summary) : 'run a command';
  lines.push(`# ${outcome}: ${md(askerOf(e))} wanted to ${md(what)}${environmentOf(e) !== 'unknown' ? ` on ${md(environmentOf(e))}` : ''}`, '');
  lines.push(`**${outcome}** ${md(BY_WORDS[e.by] ?? e.by)} · ${md(when)}`, '');
  lines.push('## Command', '', fence(e.command), '');
  lines.push('## What it destroys', '');
  const destroying = byImportance(destructiveFindings(verdict));
  if (destroying.length === 0) lines.push('- nothing specific was named', '');
  for (const f of destroying) {
    lines.push(`- ${md(plain(f.summary))}`);
    const why = rationaleOf(f);
    if (why) lines.push(`  - Why it matters: ${md(why)}`);
  }
  lines.push('');
  lines.push('## Where', '');
  lines.push(`- Environment: **${md(environmentOf(e))}**${e.environment?.provider && environmentOf(e) !== e.environment.provider ? ` (${md(e.environment.provider)})` : ''}`);
  lines.push(`- How it was determined: ${md(environmentSource(verdict))}`);
  lines.push('');
  lines.push('## Who asked', '');
  lines.push(`- ${md(askerWithDoor({ door: e.door === 'extension' ? 'command' : e.door, ...(e.agent ? { agent: e.agent } : {}) }))}${e.cwd ? ` in ${md(e.cwd)}` : ''}`);
  if (e.reason) lines.push(`- Reason it gave: ${md(e.reason)}`);
  const credentials = verdict.findings.filter((f) => f.category === 'credential');
  for (const c of credentials) lines.push(`- Credential it carried: ${md(plain(c.summary.replace(/^carries /, '')))}`);
  if (e.restorePoint) lines.push(`- Restore point: ${md(e.restorePoint.line)}`);
  if (e.note) lines.push(`- Note: ${md(e.note)}`);
  lines.push('');
  lines.push(`${md(detailsLine(verdict))} · record ${md(e.id)} · [Raw JSON](${rawJsonLink})`, '');
  return lines.join('\n');
}
