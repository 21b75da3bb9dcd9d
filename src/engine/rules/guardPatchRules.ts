// A patch names the files it changes inside itself: `patch -p1 < x.patch`, `git apply x.patch`, `git am x.mbox`.
// Read through the engine's bounded file reader, a patch that creates, changes, renames or deletes a guard
// file asks like any other write to it (DESIGN, "The guard protects itself"). A patch that cannot be read
// is not judged here: the command fails if it does not exist, and the CLI hands the reader in.
import type { Rule, SimpleCommand } from '../types';
import { GUARD_KIND_WORDS, guardFileKind } from '../guardFiles';
import { code, scanArgs } from './scanArgs';

/** `--- a/x`, `+++ b/x`, `diff --git a/x b/y`, `rename to x`, `copy to x`: the paths a patch touches. */
const PATCH_PATH_LINE = /^(?:(?:---|\+\+\+) |rename (?:from|to) |copy (?:from|to) |diff --git )(.*)$/gm;
const PATH_PREFIX = /^(?:[ab]\/)/;
const TIMESTAMP_TAIL = /\t.*$/;

function patchPaths(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(PATCH_PATH_LINE)) {
    for (const part of m[1].replace(TIMESTAMP_TAIL, '').split(' ')) {
      if (part !== '' && part !== '/dev/null') out.push(part.replace(PATH_PREFIX, ''));
    }
  }
  return out;
}

/** The patch files a command applies: `patch -i f` / `patch < f` / `patch orig f`; `git apply|am f…`. */
function patchFiles(cmd: SimpleCommand): string[] {
  const stdin = cmd.redirects.filter((r) => r.op === '<').map((r) => r.target);
  if (cmd.name === 'patch') {
    const s = scanArgs(cmd.args, { shortWithValue: 'ipdBDoFrVYzg', longWithValue: new Set(['input', 'strip', 'directory', 'output', 'reject-file']) });
    const input = s.values.get('i') ?? s.values.get('input');
    return [...stdin, ...(input !== undefined ? [input] : s.positionals.slice(1, 2))];
  }
  const s = scanArgs(cmd.args, { shortWithValue: 'Cpc', longWithValue: new Set(['directory', 'exclude', 'include', 'build-fake-ancestor', 'whitespace']) });
  const at = s.positionals.findIndex((p) => p === 'apply' || p === 'am');
  return at < 0 ? [] : [...stdin, ...s.positionals.slice(at + 1)];
}

export const patchGuardFile: Rule = {
  id: 'guard.patch',
  category: 'guard',
  severity: 'high',
  commands: ['patch', 'git'],
  summary: "applies a patch that changes Agent Guard's hooks or settings",
  rationale: 'A patch writes every file it names; one that touches a hook file or the guard\'s settings switches the guard off like any other write to them.',
  match(cmd, rc) {
    const read = rc.ctx.readFile;
    if (read === undefined) return null;
    for (const file of patchFiles(cmd)) {
      const text = read(file);
      if (text === undefined) continue;
      for (const p of patchPaths(text)) {
        const kind = guardFileKind(p);
        if (kind !== undefined) return { summary: `applies ${code(file)}, which changes ${code(p)}, ${GUARD_KIND_WORDS[kind]}`, target: p };
      }
    }
    return null;
  },
};
