// Finds recursive deletes inside one-liners handed to an interpreter (`python -c`, `node -e`,
// `perl -e`, `ruby -e`, heredocs into `python3 -`): `shutil.rmtree`, `fs.rmSync(…, {recursive: true})`,
// `rimraf`, `FileUtils.rm_rf`, `File::Path::rmtree`, and `rm -rf` inside `os.system("…")`.
// It reads only the first argument of each call: a string literal is a path, `Path.home()` /
// `os.homedir()` / `$ENV{HOME}` is the home folder, anything else is a path the code computes (unknown).

/** One delete call found in code. `path` is undefined when the code computes it. */
export interface CodeDelete {
  call: string;
  path: string | undefined;
  /** Person-facing words for a computed target. */
  describe?: string;
}

/** A call's first argument: anything up to `,` or `)`, with one level of nested calls (`os.homedir()`). */
const ARG = String.raw`((?:[^,()]|\([^()]*\))*)`;

// Every pattern is compiled once, at module load; `scanCodeForDeletes` only runs them.
const CALLS: readonly RegExp[] = [
  // Python shutil / Perl File::Path: always recursive.
  new RegExp(String.raw`\b(rmtree|remove_tree)\s*\(\s*` + ARG, 'g'),
  // Node fs: only with `recursive: true` (without it a folder is refused).
  new RegExp(String.raw`\b(rmSync|rmdirSync|rm|rmdir)\s*\(\s*` + ARG + String.raw`,[^)]{0,400}?\brecursive\s*:\s*true`, 'g'),
  // rimraf, fs-extra, del: always recursive.
  new RegExp(String.raw`\b(rimraf(?:\.sync|Sync)?|(?:fs|fse|fsExtra)\.(?:remove|removeSync|emptyDir|emptyDirSync)|deleteSync)\s*\(\s*` + ARG, 'g'),
  // `require('rimraf').sync(p)`, `require("rimraf")(p)`.
  new RegExp(String.raw`\b(require\(\s*['"]rimraf['"]\s*\)(?:\.\w+)?)\s*\(\s*` + ARG, 'g'),
  // Ruby FileUtils.
  /\b((?:FileUtils\.)?(?:rm_rf|rm_r|remove_dir|remove_entry(?:_secure)?))\s*[( ]\s*([^,)\n;]*)/g,
  // A shell `rm -r`/`rm -f` inside a string run by os.system / subprocess / execSync / system / backticks.
  /\b(rm)\s+(?:-(?=[A-Za-z-]*?[rRf])[A-Za-z-]+\s+)+(?:--\s+)?([^\s'"`;)&|]+)/g,
  // …whose path is glued on by the code: `'rm -rf ' + dir`, `"rm -rf %s" % d`.
  /\b(rm)\s+(?:-(?=[A-Za-z-]*?[rRf])[A-Za-z-]+\s+)+()(?=['"`]\s*\+)/g,
];

/** Deleting every entry of a listing: `for f in os.listdir('.'): os.remove(f)`, `readdirSync(d).forEach(unlinkSync)`. */
const MASS_DELETE = /(?:listdir|scandir|os\.walk|\bglob\(|\.r?glob\(|readdirSync|readdir\()[\s\S]{0,300}?(?:os\.remove|os\.unlink|\.unlink\(|unlinkSync|rmSync|\brm\()|(?:os\.remove|os\.unlink|unlinkSync)\([^)]{0,300}\)\s+for\s/;

const PLACEHOLDER = /^(?:%|\{)/;
const STRING_LITERAL = /^(?:[rRbuf]{0,2})(['"`])([^'"`]*)\1$/;
const PATH_CALL = /^(?:pathlib\.)?Path\(\s*(['"])([^'"]*)\1\s*\)$/;
const EXPANDUSER = /expanduser\(\s*(['"])([^'"]*)\1/;
const HOME_EXPR = /homedir\(\)|Path\.home\(\)|environ\[\s*['"]HOME['"]\s*\]|process\.env\.HOME\b|getenv\(\s*['"]HOME['"]\s*\)|ENV\[\s*['"]HOME['"]\s*\]|\$ENV\{\s*HOME\s*\}|Dir\.home/;
const CWD_EXPR = /^(?:os\.getcwd\(\)|process\.cwd\(\)|(?:pathlib\.)?Path\.cwd\(\)|Dir\.pwd|['"]\.['"])$/;

function resolveExpression(expr: string): string | undefined {
  const e = expr.trim();
  let m = STRING_LITERAL.exec(e);
  if (m) return m[1] === '`' && m[2].includes('${') ? undefined : m[2];
  m = PATH_CALL.exec(e);
  if (m) return m[2];
  m = EXPANDUSER.exec(e);
  if (m) return m[2];
  if (HOME_EXPR.test(e)) return '~';
  if (CWD_EXPR.test(e)) return '.';
  return undefined;
}

export function scanCodeForDeletes(code: string): CodeDelete[] {
  const found: CodeDelete[] = [];
  for (const re of CALLS) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(code)) !== null) {
      // The shell pattern captures a bare word (empty when the code glues the path on), not an expression.
      // `%s`, `{}`, `{path}`: a format placeholder the code fills in.
      const path = m[1] === 'rm' ? (m[2] === '' || PLACEHOLDER.test(m[2]) ? undefined : m[2]) : resolveExpression(m[2]);
      found.push({ call: m[1], path });
    }
  }
  if (MASS_DELETE.test(code)) found.push({ call: 'unlink', path: undefined, describe: 'the files of a folder it lists' });
  return found;
}
