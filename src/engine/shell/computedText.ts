// What a pipeline prints, when the guard can work it out without running it: literal `echo`/`printf`
// (with their escapes), here-strings and heredocs, through the decoders and transformers that hide
// commands (`base64 -d`, `xxd -r -p`, `rev`, `tr`). Used where computed text reaches something that
// executes it (`… | sh`, `eval "$(…)"`, `bash <<< "$(…)"`, `$(…)` as a command name or argument):
// text that computes is read like typed text; text that cannot be computed from a decoder, a download,
// a file or an unknown variable is unreadable, and the caller asks.
import type { SimpleCommand } from '../types';

export type Computed =
  /** The exact output. */
  | { kind: 'literal'; text: string }
  /** Hidden or unknown content: decoded, downloaded, read from a file or from an unknown variable. */
  | { kind: 'unreadable'; tool: string }
  /** The output of an ordinary program (`pyenv init -`, `date`): the program itself was checked. */
  | { kind: 'program'; tool: string };

export const DOWNLOADERS: ReadonlySet<string> = new Set(['curl', 'wget', 'fetch', 'http', 'https', 'xh', 'aria2c', 'Invoke-WebRequest', 'iwr', 'Invoke-RestMethod', 'irm']);
/** Tools whose output is their input transformed: applied to what the guard cannot compute, it is hidden text. */
export const DECODERS: ReadonlySet<string> = new Set(['base64', 'base32', 'basenc', 'xxd', 'od', 'openssl', 'gunzip', 'gzip', 'zcat', 'bzcat', 'xzcat', 'unxz', 'zstdcat', 'uudecode', 'rev', 'tr', 'sed', 'awk', 'iconv', 'recode', 'rot13']);
/** Programs whose output is whatever their code prints: eval'd or piped into a shell, it is unreadable text. */
const CODE_RUNNERS: ReadonlySet<string> = new Set(['python', 'python3', 'python2', 'node', 'nodejs', 'deno', 'bun', 'perl', 'ruby', 'php', 'lua', 'Rscript', 'awk', 'gawk', 'mawk', 'jq', 'yq', 'bash', 'sh', 'zsh', 'dash', 'ksh', 'fish', 'osascript', 'pwsh', 'powershell', 'eval', 'source', '.']);
/** Readers of files and streams: the guard does not see their content in the line. */
const FILE_READERS: ReadonlySet<string> = new Set(['cat', 'head', 'tail', 'less', 'more', 'dd', 'tac', 'nc', 'netcat', 'socat', 'ssh', 'scp']);
const UNKNOWN_TEXT = /[$`\u0001]/;
const ECHO_FLAGS = /^-[neE]+$/;
const MAX_OUTPUT = 65536;

function literal(text: string): Computed {
  return text.length > MAX_OUTPUT ? { kind: 'unreadable', tool: 'too long' } : { kind: 'literal', text };
}

/** Backslash escapes of `printf`/`echo -e`/`$'…'`: `\n`, `\t`, `\xHH`, `\NNN` (octal), `\0NNN`, `\\`. */
export function interpretEscapes(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c !== '\\' || i === s.length - 1) {
      out += c;
      continue;
    }
    const n = s[i + 1];
    const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', a: '\x07', b: '\b', f: '\f', v: '\v', e: '\x1b', "'": "'", '"': '"' };
    if (n in simple) {
      out += simple[n];
      i++;
    } else if (n === 'x') {
      let j = i + 2;
      while (j < s.length && j < i + 4 && /[0-9A-Fa-f]/.test(s[j])) j++;
      out += j > i + 2 ? String.fromCharCode(parseInt(s.slice(i + 2, j), 16)) : '\\x';
      i = j - 1;
    } else if (n >= '0' && n <= '7') {
      let j = i + 1;
      if (n === '0') j++;
      const start = j;
      while (j < s.length && j < start + 3 && s[j] >= '0' && s[j] <= '7') j++;
      out += String.fromCharCode(parseInt(s.slice(start, j) || '0', 8));
      i = j - 1;
    } else {
      out += c;
    }
  }
  return out;
}

/** `printf FORMAT ARGS…` for `%s`, `%b`, `%%` and escapes; undefined for other conversions. */
function printfOutput(args: string[]): string | undefined {
  let start = 0;
  if (args[0] === '--') start = 1;
  if (args[start] === '-v') return ''; // assigns a variable, prints nothing
  const format = args[start];
  if (format === undefined) return '';
  const rest = args.slice(start + 1);
  let out = '';
  let k = 0;
  do {
    for (let i = 0; i < format.length; i++) {
      if (format[i] !== '%') {
        let j = i;
        while (j < format.length && format[j] !== '%') j++;
        out += interpretEscapes(format.slice(i, j));
        i = j - 1;
        continue;
      }
      const conv = format[i + 1];
      if (conv === '%') out += '%';
      else if (conv === 's') out += rest[k++] ?? '';
      else if (conv === 'b') out += interpretEscapes(rest[k++] ?? '');
      else if (conv === 'd' || conv === 'i') out += String(parseInt(rest[k++] ?? '0', 10) || 0);
      else return undefined;
      i++;
    }
  } while (k > 0 && k < rest.length);
  return out;
}

/** `tr` sets: literal characters, ranges `a-z`, escapes and the `[:lower:]`/`[:upper:]`/`[:digit:]` classes. */
function expandTrSet(set: string): string | undefined {
  const classes: Record<string, string> = { '[:lower:]': 'abcdefghijklmnopqrstuvwxyz', '[:upper:]': 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', '[:digit:]': '0123456789', '[:space:]': ' \t\n\r\f\v' };
  let s = set;
  for (const [k, v] of Object.entries(classes)) s = s.split(k).join(v);
  if (s.includes('[:') || s.includes('[=') || /\[.\*/.test(s)) return undefined;
  s = interpretEscapes(s);
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (s[i + 1] === '-' && i + 2 < s.length) {
      const from = s.charCodeAt(i);
      const to = s.charCodeAt(i + 2);
      if (to < from || to - from > 1024) return undefined;
      for (let c = from; c <= to; c++) out += String.fromCharCode(c);
      i += 2;
    } else out += s[i];
  }
  return out;
}

function trOutput(args: string[], input: string): string | undefined {
  const flags = args.filter((a) => a.startsWith('-') && a.length > 1);
  const sets = args.filter((a) => !(a.startsWith('-') && a.length > 1));
  if (flags.some((f) => f !== '-d')) return undefined;
  const one = sets[0] !== undefined ? expandTrSet(sets[0]) : undefined;
  if (one === undefined) return undefined;
  if (flags.includes('-d')) return [...input].filter((c) => !one.includes(c)).join('');
  const two = sets[1] !== undefined ? expandTrSet(sets[1]) : undefined;
  if (two === undefined || two.length === 0) return undefined;
  return [...input].map((c) => {
    const i = one.lastIndexOf(c);
    return i < 0 ? c : two[Math.min(i, two.length - 1)];
  }).join('');
}

function base64Output(input: string): string | undefined {
  const clean = input.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(clean)) return undefined;
  const decoded = Buffer.from(clean, 'base64').toString('utf8');
  // Only a decode that yields readable text counts; binary garbage means the guard did not read it.
  return /[\u0000-\u0008\u000e-\u001f\ufffd]/.test(decoded) ? undefined : decoded;
}

function hexOutput(input: string): string | undefined {
  const clean = input.replace(/\s+/g, '');
  if (!/^(?:[0-9A-Fa-f]{2})*$/.test(clean)) return undefined;
  const decoded = Buffer.from(clean, 'hex').toString('utf8');
  return /[\u0000-\u0008\u000e-\u001f\ufffd]/.test(decoded) ? undefined : decoded;
}

/** What flows into a command on stdin: the pipe before it, a heredoc or a here-string, else nothing known. */
function inputOf(cmd: SimpleCommand): Computed | undefined {
  if (cmd.pipeFrom) return outputOf(cmd.pipeFrom);
  if (cmd.stdin !== undefined) {
    // An unquoted heredoc or a here-string with `$…` or backticks expands at run time.
    if (UNKNOWN_TEXT.test(cmd.stdin)) return { kind: 'unreadable', tool: 'variable' };
    const hereString = cmd.redirects.some((r) => r.op === '<<<');
    return literal(hereString ? cmd.stdin + '\n' : cmd.stdin);
  }
  return undefined;
}

/** The output of one command of a pipeline, worked out from the literal text that reaches it. */
export function outputOf(cmd: SimpleCommand): Computed {
  const name = cmd.name;
  const dynamic = cmd.dynamic.some(Boolean);
  if (name === 'echo') {
    if (dynamic) return { kind: 'unreadable', tool: 'variable' };
    const args = cmd.args.slice();
    let escapes = false;
    let newline = true;
    while (args.length > 0 && ECHO_FLAGS.test(args[0])) {
      const f = args.shift() as string;
      if (f.includes('e')) escapes = true;
      if (f.includes('n')) newline = false;
    }
    const text = args.join(' ');
    return literal((escapes ? interpretEscapes(text) : text) + (newline ? '\n' : ''));
  }
  if (name === 'printf') {
    if (dynamic) return { kind: 'unreadable', tool: 'variable' };
    const text = printfOutput(cmd.args);
    return text === undefined ? { kind: 'unreadable', tool: 'printf' } : literal(text);
  }
  if (name === 'which' || (name === 'command' && cmd.args[0] === '-v') || (name === 'type' && cmd.args[0] === '-P')) {
    const target = cmd.args.find((a) => !a.startsWith('-'));
    if (target !== undefined && !dynamic) return literal(target + '\n');
  }
  if (DOWNLOADERS.has(name) || CODE_RUNNERS.has(name)) return { kind: 'unreadable', tool: name };
  const readsStdin = cmd.args.every((a, i) => a.startsWith('-') || (name === 'tr' && !cmd.dynamic[i]) || (name === 'xxd' && a === '-'));
  if (name === 'cat' && cmd.args.every((a) => a === '-')) return inputOf(cmd) ?? { kind: 'unreadable', tool: 'cat' };
  if (DECODERS.has(name) || FILE_READERS.has(name)) {
    const input = readsStdin ? inputOf(cmd) : undefined;
    // Decoding what cannot be computed hides it (named after the download when there is one).
    if (!input || input.kind !== 'literal') return { kind: 'unreadable', tool: input && DOWNLOADERS.has(input.tool) ? input.tool : name };
    let text: string | undefined;
    if (name === 'base64' && cmd.args.some((a) => a === '-d' || a === '--decode' || a === '-D' || /^-[a-zA-Z]*d/.test(a))) text = base64Output(input.text);
    else if (name === 'rev') text = input.text.split('\n').map((l) => [...l].reverse().join('')).join('\n');
    else if (name === 'tr') text = trOutput(cmd.args, input.text);
    else if (name === 'xxd' && cmd.args.some((a) => /^-[a-z]*r/.test(a)) && cmd.args.some((a) => /^-(?:[a-z]*p|ps|plain)$/.test(a))) text = hexOutput(input.text);
    else if (name === 'cat' || name === 'tac') text = input.text;
    return text === undefined ? { kind: 'unreadable', tool: name } : literal(text);
  }
  return { kind: 'program', tool: name };
}
