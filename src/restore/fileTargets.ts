// Which local files a simple command deletes or overwrites, read from its arguments: `rm`/`unlink`
// operands (folders only with -r), the destination of `mv`/`cp`, `truncate` operands, and `>`
// redirects. Words the parser could not resolve (variables, substitutions) are not guessed at: they
// come back in `unknown`, so the modal says a point could not cover them.
import type { SimpleCommand } from '../engine/types';
import { hasLong, hasShort, scanArgs } from '../engine/rules/scanArgs';

export interface FileTargets {
  /** Paths the command removes (as written, relative to the cwd or absolute). */
  unlink: { path: string; recursive: boolean }[];
  /** Paths whose content it replaces. */
  overwrite: string[];
  /** Operands that name files through a variable or substitution. */
  unknown: string[];
}

/** `>`, `>|`, `2>`, `&>`: truncate the target. `>>` appends and `>&` duplicates a descriptor. */
const TRUNCATING_REDIRECT = /^(?:\d*>\|?|&>)$/;
const DEVICE = /^\/dev\//;

export function emptyTargets(): FileTargets {
  return { unlink: [], overwrite: [], unknown: [] };
}

export function readFileTargets(cmd: SimpleCommand, isDir: (p: string) => boolean): FileTargets {
  const t = emptyTargets();
  if (cmd.remote !== undefined) return t;
  for (const r of cmd.redirects) {
    if (TRUNCATING_REDIRECT.test(r.op) && r.target !== '' && !DEVICE.test(r.target) && !/^&?\d+$/.test(r.target)) t.overwrite.push(r.target);
  }
  const operand = (i: number, s: { positionals: string[]; positionalIndexes: number[] }): string | undefined => {
    const word = s.positionals[i];
    if (word === undefined) return undefined;
    if (cmd.dynamic[s.positionalIndexes[i]]) {
      t.unknown.push(word);
      return undefined;
    }
    return word;
  };
  switch (cmd.name) {
    case 'rm':
    case 'unlink':
    case 'shred': {
      const s = scanArgs(cmd.args, { shortWithValue: cmd.name === 'shred' ? 'nsz' : '' });
      const recursive = hasShort(s, 'rR') || hasLong(s, 'recursive');
      if (cmd.name === 'shred' && !hasShort(s, 'u') && !hasLong(s, 'remove')) {
        for (let i = 0; i < s.positionals.length; i++) {
          const p = operand(i, s);
          if (p !== undefined) t.overwrite.push(p);
        }
        return t;
      }
      for (let i = 0; i < s.positionals.length; i++) {
        const p = operand(i, s);
        if (p !== undefined) t.unlink.push({ path: p, recursive });
      }
      return t;
    }
    case 'truncate': {
      const s = scanArgs(cmd.args, { shortWithValue: 'sr', longWithValue: new Set(['size', 'reference']) });
      for (let i = 0; i < s.positionals.length; i++) {
        const p = operand(i, s);
        if (p !== undefined) t.overwrite.push(p);
      }
      return t;
    }
    case 'mv':
    case 'cp': {
      const s = scanArgs(cmd.args, { shortWithValue: 'tS', longWithValue: new Set(['target-directory', 'suffix', 'backup']) });
      if (hasShort(s, 'n') || hasLong(s, 'no-clobber')) return t;
      const targetDir = s.values.get('t') ?? s.values.get('target-directory');
      const sources = targetDir !== undefined ? s.positionals : s.positionals.slice(0, -1);
      const dest = targetDir ?? s.positionals[s.positionals.length - 1];
      if (dest === undefined || sources.length === 0) return t;
      if (cmd.dynamic[s.positionalIndexes[s.positionals.length - 1]] && targetDir === undefined) {
        t.unknown.push(dest);
        return t;
      }
      if (targetDir !== undefined || isDir(dest)) {
        for (const src of sources) t.overwrite.push(`${dest.replace(/\/+$/, '')}/${src.replace(/\/+$/, '').split('/').pop()}`);
      } else t.overwrite.push(dest);
      return t;
    }
    default:
      return t;
  }
}
