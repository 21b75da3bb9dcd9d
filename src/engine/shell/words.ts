// A word as the parser keeps it: the raw token (with sentinels for variables and substitutions),
// its readable text, and whether its value is unknown until the shell runs it.
import { SENTINEL_OPEN } from './lexicalScan';

export interface Word {
  /** Token from shell-quote, sentinels included. */
  raw: string;
  /** Readable text: `$VAR`, `${VAR:-x}`, `$(…)` in place of the sentinels. */
  text: string;
  dynamic: boolean;
}

const SIMPLE_NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;
const SENTINEL_RE = /\u0001([VS])([^\u0001\u0002]*)\u0002/g;

export function makeWord(raw: string, substitutionText: (index: number) => string): Word {
  if (!raw.includes(SENTINEL_OPEN)) return { raw, text: raw, dynamic: false };
  const text = raw.replace(SENTINEL_RE, (_m, kind: string, body: string) => {
    if (kind === 'V') return SIMPLE_NAME_RE.test(body) || body.length === 1 ? `$${body}` : `\${${body}}`;
    return `$(${substitutionText(Number(body))})`;
  });
  return { raw, text, dynamic: true };
}

export function literalWord(text: string): Word {
  return { raw: text, text, dynamic: false };
}

/** Indexes of the substitutions a raw word refers to. */
export function substitutionIndexes(raw: string): number[] {
  if (!raw.includes(SENTINEL_OPEN)) return [];
  const found: number[] = [];
  for (const m of raw.matchAll(SENTINEL_RE)) if (m[1] === 'S') found.push(Number(m[2]));
  return found;
}

/** The variable name when the whole word is one `$NAME`, else undefined. */
export function soleVariable(raw: string): string | undefined {
  const m = /^\u0001V([A-Za-z_][A-Za-z0-9_]*)\u0002$/.exec(raw);
  return m ? m[1] : undefined;
}

/** The substitution index when the whole word is one `$(…)`, else undefined. */
export function soleSubstitution(raw: string): number | undefined {
  const m = /^\u0001S(\d+)\u0002$/.exec(raw);
  return m ? Number(m[1]) : undefined;
}

export function heredocIndex(raw: string): number | undefined {
  const m = /^\u0001H(\d+)\u0002$/.exec(raw);
  return m ? Number(m[1]) : undefined;
}
