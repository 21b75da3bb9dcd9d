// The decision log's hash chain: every line carries `seq` (one more than the line before) and `prev`
// (sha256 of the line before, exactly as written). An edited line no longer matches the `prev` of the
// line after it; a removed line leaves a gap in `seq`. Rotation and the CLI's spooled lines continue the
// chain (they are chained when the window writes them). Lines written before the chain existed carry
// neither field; verification says where the chain starts. The chain has no secret key: it shows what
// changed behind the guard's back, it does not stop someone who rewrites every line after the change.
import { createHash } from 'crypto';

export interface ChainLink {
  seq: number;
  prev: string;
}

export function lineDigest(line: string): string {
  return createHash('sha256').update(line, 'utf8').digest('hex');
}

/** The link for the line after `lastLine` (undefined: the first line of a new chain). */
export function nextLink(lastLine: string | undefined): ChainLink {
  const last = lastLine === undefined ? undefined : linkOf(lastLine);
  return { seq: last ? last.seq + 1 : 1, prev: lastLine === undefined ? '' : lineDigest(lastLine) };
}

/** Writes `entry` as one line with its link last (fields of the same name in `entry` are replaced). */
export function chainedLine(entry: object, link: ChainLink): string {
  const { seq: _seq, prev: _prev, ...rest } = entry as Record<string, unknown>;
  return JSON.stringify({ ...rest, seq: link.seq, prev: link.prev });
}

/** The link a written line carries, if any. */
export function linkOf(line: string): ChainLink | undefined {
  try {
    const v = JSON.parse(line) as Record<string, unknown>;
    if (v && typeof v.seq === 'number' && Number.isInteger(v.seq) && typeof v.prev === 'string') return { seq: v.seq, prev: v.prev };
  } catch {
    // Not JSON: no link.
  }
  return undefined;
}

export interface ChainLine {
  file: string;
  /** 1-based line number in `file`. */
  line: number;
  text: string;
}

export type ChainProblem =
  | { kind: 'edited'; at: ChainLine; /** the line whose digest no longer matches */ changed: ChainLine }
  | { kind: 'removed'; at: ChainLine; count: number }
  | { kind: 'unchained'; at: ChainLine };

export interface ChainReport {
  lines: number;
  /** The first chained line (lines before it predate the chain, or the chain was restarted by Clear Log). */
  startsAt?: ChainLine;
  /** Whether the first chained line's predecessor is gone (rotated out) rather than the chain's first line. */
  startsMidway: boolean;
  problems: ChainProblem[];
}

/** Walks the lines oldest first and names every break. */
export function verifyChain(lines: readonly ChainLine[]): ChainReport {
  const problems: ChainProblem[] = [];
  let startsAt: ChainLine | undefined;
  let startsMidway = false;
  let before: { line: ChainLine; link: ChainLink } | undefined;
  for (const l of lines) {
    const link = linkOf(l.text);
    if (!link) {
      // Unchained lines before the chain starts are old lines; inside the chain they are a break.
      if (startsAt) problems.push({ kind: 'unchained', at: l });
      continue;
    }
    if (!startsAt || link.seq === 1) {
      // A chain (re)starts: the first chained line, or a fresh chain after Clear Log.
      if (!startsAt) {
        startsAt = l;
        startsMidway = link.seq !== 1;
      }
      before = { line: l, link };
      continue;
    }
    if (before) {
      if (link.seq > before.link.seq + 1) problems.push({ kind: 'removed', at: l, count: link.seq - before.link.seq - 1 });
      else if (link.seq <= before.link.seq) problems.push({ kind: 'edited', at: l, changed: l });
      else if (link.prev !== lineDigest(before.line.text)) problems.push({ kind: 'edited', at: l, changed: before.line });
    }
    before = { line: l, link };
  }
  return { lines: lines.length, startsAt, startsMidway, problems };
}

function where(l: ChainLine): string {
  return `line ${l.line} of ${l.file}`;
}

/** The report in words, first problem first. */
export function chainReportText(r: ChainReport): string {
  if (r.lines === 0) return 'The decision log is empty.';
  if (!r.startsAt) return `None of the ${r.lines} lines carry the chain yet (they were written before it existed); new decisions will.`;
  const start = `The chain starts at ${where(r.startsAt)}${r.startsMidway ? ' (older lines were rotated out)' : ''}.`;
  if (r.problems.length === 0) return `Log OK: ${r.lines} lines, no line removed or edited. ${start}`;
  const p = r.problems[0]!;
  const first =
    p.kind === 'removed'
      ? `${p.count} line${p.count === 1 ? ' was' : 's were'} removed just before ${where(p.at)}`
      : p.kind === 'edited'
        ? `${where(p.changed)} was edited (it no longer matches the digest the next line carries)`
        : `${where(p.at)} was inserted or rewritten without the chain`;
  const more = r.problems.length > 1 ? ` ${r.problems.length - 1} more break${r.problems.length > 2 ? 's' : ''} after it.` : '';
  return `The decision log was changed outside Agent Guard: ${first}.${more} ${start}`;
}
