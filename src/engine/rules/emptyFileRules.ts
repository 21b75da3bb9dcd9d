// Data destroyed without `rm`: a file emptied or replaced with nothing (`: > f`, `truncate -s 0`, `cp
// /dev/null f`, `ln -sf /dev/null f`, `install /dev/null f`, `sed -i '1,$d'`, `sort f > f`, `dd of=f`).
// DESIGN "Data destroyed without rm": these ask when the file is a database or data file, a system file or
// outside the workspace; in the workspace they run (a restore point keeps the old content), and a command's
// output redirected into a file runs.
import type { Redirect, Rule, RuleHit, RulePack, SimpleCommand } from '../types';
import { overwriteRisk } from './deletePathSafety';
import type { OverwriteRisk } from './deletePathSafety';
import { code, hasLong, scanArgs } from './scanArgs';

const RATIONALE =
  'Emptying a file in place keeps its name and throws its content away; for a database file, a system file or a ' +
  'file outside the workspace nothing keeps a copy. Files in the workspace run: a restore point keeps them.';

/** `>`, `>|`, `1>`, `3>` … : write redirects that truncate first (`>>` appends and keeps the content). */
const TRUNCATING_REDIRECT = /^[0-9]*>\|?$|^&>$/;
const DEV_NULL = '/dev/null';
const EMPTY_SOURCES: ReadonlySet<string> = new Set(['/dev/null', '/dev/zero']);

/**
 * The terminal prefilter's substrings for the redirect rules (they are `*` rules: keyed on `cat`, `sort` or
 * `echo`, every script line with one of them would start the CLI). A redirect asks only onto a data file, a
 * system file or a file outside the workspace, so these are what such a line holds: a redirect to an absolute,
 * home, variable or parent path, or a data file's extension or folder.
 */
const REDIRECT_RISK_TRIGGERS = [
  '> /', '>/', '> ~', '>~', '> $', '>$', '> ..', '>..', '>| ',
  '.db', '.sqlite', '.jsonl', '.ndjson', '.parquet', '.avro', '.dump', '.bak', '.wal', '.mdb', '.accdb', '.realm', '.kdbx',
  '.rdb', '.aof', '.ibd', '.frm', '.mdf', '.ldf', '.duckdb', '.lmdb', '.s3db', '.sl3',
  'data/', 'db/', 'database', 'storage/', 'uploads/', 'backup', 'dumps/', 'pgdata', 'mysql/',
];

function truncatingRedirects(cmd: SimpleCommand): Redirect[] {
  return cmd.redirects.filter((r) => TRUNCATING_REDIRECT.test(r.op));
}

function riskHit(verb: string, path: string, risk: OverwriteRisk, how: string): RuleHit {
  return { summary: `${verb} ${risk.describe} (${how})`, target: path };
}

/** Commands that write nothing: their `>` only empties the file. */
function writesNothing(cmd: SimpleCommand): boolean {
  switch (cmd.name) {
    case ':':
    case 'true':
    case 'false':
      return true;
    case 'echo':
      return cmd.args.length === 1 && cmd.args[0] === '-n';
    case 'printf':
      return cmd.args.length === 1 && cmd.args[0] === '';
    case 'cat':
      return cmd.args.length === 1 && cmd.args[0] === DEV_NULL;
    default:
      return false;
  }
}

const emptyByRedirect: Rule = {
  id: 'fs.empty-file',
  category: 'filesystem',
  severity: 'high',
  commands: ['*'],
  triggers: REDIRECT_RISK_TRIGGERS,
  summary: 'empties a file through a redirect',
  rationale: RATIONALE,
  match(cmd, rc) {
    if (cmd.redirects.length === 0 || !writesNothing(cmd)) return null;
    for (const r of truncatingRedirects(cmd)) {
      const risk = overwriteRisk(r.target, rc.ctx.cwd);
      if (risk) return riskHit('empties', r.target, risk, `${code(`${cmd.name === ':' ? '' : cmd.name + ' '}> ${r.target}`.trim())}`);
    }
    return null;
  },
};


/** Operands of this command and of every command piped into it. */
function operandsUpstream(cmd: SimpleCommand): Set<string> {
  const out = new Set<string>();
  for (let c: SimpleCommand | undefined = cmd; c !== undefined; c = c.pipeFrom) for (const a of c.args) if (!a.startsWith('-')) out.add(a);
  return out;
}

const readAndTruncate: Rule = {
  id: 'fs.read-and-truncate',
  category: 'filesystem',
  severity: 'high',
  commands: ['*'],
  triggers: REDIRECT_RISK_TRIGGERS,
  summary: 'empties a file it is still reading',
  rationale:
    '`sort f > f` and `cat f | … > f` truncate `f` before the first command reads it: the result is an empty file. ' + RATIONALE,
  match(cmd, rc) {
    if (cmd.redirects.length === 0) return null;
    const redirects = truncatingRedirects(cmd);
    if (redirects.length === 0) return null;
    const read = operandsUpstream(cmd);
    for (const r of redirects) {
      if (!read.has(r.target)) continue;
      const risk = overwriteRisk(r.target, rc.ctx.cwd);
      if (risk) return riskHit('empties', r.target, risk, `it is read and written by the same pipeline, so it is truncated before it is read`);
    }
    return null;
  },
};

/** `-s 0`, `--size=0`, `-s 0K`: empties the file. `-s -N` / `-s <N` cut from its end. */
const EMPTYING_SIZE = /^(?:0+[KMGTPEZY]?(?:i?B)?|[-<].*)$/;

/** The files a `truncate`, `cp`, `ln`, `install` or `dd` empties or replaces with nothing, with how. */
function emptiedFiles(cmd: SimpleCommand): { files: string[]; how: string } | null {
  switch (cmd.name) {
    case 'truncate': {
      const s = scanArgs(cmd.args, { shortWithValue: 'sr', longWithValue: new Set(['size', 'reference']) });
      const size = s.values.get('s') ?? s.values.get('size');
      if (size === undefined || !EMPTYING_SIZE.test(size)) return null;
      return { files: s.positionals, how: code(`truncate -s ${size}`) };
    }
    case 'cp': {
      const s = scanArgs(cmd.args, { shortWithValue: 'tS', longWithValue: new Set(['target-directory', 'suffix']) });
      if (s.positionals.length !== 2 || !EMPTY_SOURCES.has(s.positionals[0])) return null;
      return { files: [s.positionals[1]], how: code(`cp ${s.positionals[0]}`) };
    }
    case 'ln': {
      // `ln -sf /dev/null f` replaces f with a link to nothing.
      const s = scanArgs(cmd.args, { shortWithValue: 'tS', longWithValue: new Set(['target-directory', 'suffix']) });
      if (s.positionals.length !== 2 || s.positionals[0] !== DEV_NULL || !s.short.includes('f')) return null;
      return { files: [s.positionals[1]], how: code('ln -sf /dev/null') };
    }
    case 'install': {
      const s = scanArgs(cmd.args, { shortWithValue: 'gmoStTC', longWithValue: new Set(['group', 'mode', 'owner', 'suffix', 'target-directory', 'strip-program']) });
      if (s.positionals.length !== 2 || !EMPTY_SOURCES.has(s.positionals[0])) return null;
      return { files: [s.positionals[1]], how: code(`install ${s.positionals[0]}`) };
    }
    case 'dd': {
      // `dd of=app.db` overwrites the file (and truncates it, unless conv=notrunc).
      const of = cmd.args.find((a) => a.startsWith('of='));
      return of === undefined ? null : { files: [of.slice(3)], how: code(`dd ${of}`) };
    }
    case 'fallocate': {
      // `fallocate -p` / `--punch-hole` / `-z` / `--zero-range` / `-c` / `--collapse-range` zero or cut out a range in place.
      const s = scanArgs(cmd.args, { shortWithValue: 'lo', longWithValue: new Set(['length', 'offset']) });
      const destroys = s.short.includes('p') || s.short.includes('z') || s.short.includes('c') || hasLong(s, 'punch-hole', 'zero-range', 'collapse-range');
      return destroys ? { files: s.positionals, how: code('fallocate --punch-hole') } : null;
    }
    default:
      return null;
  }
}

const emptyByTool: Rule = {
  id: 'fs.truncate',
  category: 'filesystem',
  severity: 'high',
  // `ln` and `install` as names would put them in the terminal prefilter; what they empty from says `/dev/`.
  commands: ['*'],
  triggers: ['truncate', '/dev/null', '/dev/zero', 'of=', 'fallocate'],
  names: ['truncate', 'cp', 'ln', 'install', 'dd', 'fallocate'],
  summary: 'empties a file',
  rationale: RATIONALE,
  match(cmd, rc) {
    const e = emptiedFiles(cmd);
    if (e === null) return null;
    for (const f of e.files) {
      // Writes onto a disk are the disk pack's; here only files count.
      if (f.startsWith('/dev/')) continue;
      const risk = overwriteRisk(f, rc.ctx.cwd);
      if (risk) return riskHit(cmd.name === 'dd' ? 'overwrites' : 'empties', f, risk, e.how);
    }
    return null;
  },
};

/** sed scripts that delete every line: `d`, `1,$d`, `/^/d`, `/.*\/d`. */
const DELETE_ALL_SCRIPT = /^(?:d|1?,\$\s*d|\/\^?\/\s*d|\/\.\*\/\s*d|\/\^\.\*\$?\/\s*d)$/;

const sedDeleteAll: Rule = {
  id: 'fs.sed-delete-all',
  category: 'filesystem',
  severity: 'high',
  // The scripts that delete every line, as the prefilter sees them (quotes removed); not every `sed`.
  commands: ['*'],
  triggers: [',$d', ',$ d', ' d ', '/d'],
  names: ['sed', 'gsed'],
  summary: 'deletes every line of a file in place',
  rationale: RATIONALE,
  match(cmd, rc) {
    if (cmd.name !== 'sed' && cmd.name !== 'gsed') return null;
    const s = scanArgs(cmd.args, { shortWithValue: 'ef', longWithValue: new Set(['expression', 'file']) });
    const inPlace = s.short.includes('i') || s.long.some((l) => l === 'in-place');
    if (!inPlace) return null;
    const script = s.values.get('e') ?? s.values.get('expression') ?? s.positionals[0];
    if (script === undefined || !DELETE_ALL_SCRIPT.test(script.trim())) return null;
    const files = s.values.has('e') || s.values.has('expression') ? s.positionals : s.positionals.slice(1);
    for (const f of files) {
      const risk = overwriteRisk(f, rc.ctx.cwd);
      if (risk) return riskHit('deletes every line of', f, risk, code(`sed -i '${script}'`));
    }
    return null;
  },
};

export const EMPTY_FILE_RULES: RulePack = {
  name: 'empty-file',
  rules: [emptyByRedirect, readAndTruncate, emptyByTool, sedDeleteAll],
};
