// Interpreter scanners: what code does, per family, as effects (shell text, deletes, writes, HTTP, SQL, asks),
// and the same code judged end to end through evaluate.
import * as assert from 'assert';
import { scanCode, MAX_CODE_CHARS, type CodeEffect } from '../../../src/engine/interpreters/scanCode';
import { AWK, GO, JAVASCRIPT, LUA, PERL, PHP, PYTHON, R, RUBY, TCL, VIM, type Family } from '../../../src/engine/interpreters/families';
import { effectToShell } from '../../../src/engine/interpreters/codeEffectsToShell';
import { decisionOf } from '../helpers';

/** Each effect as the shell text (or ask rule) it becomes. */
function shellOf(family: Family, code: string): string[] {
  return scanCode(family, code).map((e: CodeEffect) => {
    const s = effectToShell(e, family.label);
    return 'ask' in s ? `ASK ${s.ask.rule}` : s.shell;
  });
}

describe('interpreter scanners', () => {
  const cases: Array<[Family, string, string[]]> = [
    [PYTHON, 'import os; os.system("rm -rf ~")', ['rm -rf ~']],
    [PYTHON, 'import subprocess as sp\nsp.run(["git", "push", "-f"])', ['git push -f']],
    [PYTHON, 'from subprocess import check_call as cc\ncc("make clean", shell=True)', ['make clean']],
    [PYTHON, 'import shutil\nshutil.rmtree("/srv/x")', ['rm -rf -- /srv/x']],
    [PYTHON, 'import shutil, os\nshutil.rmtree(os.path.join(os.path.expanduser("~"), "data"))', ['rm -rf -- ~/data']],
    [PYTHON, 'from pathlib import Path\nPath("a.txt").unlink()', ['rm -f -- a.txt']],
    [PYTHON, 'import os\nfor f in os.listdir("."):\n    os.remove(f)', ['rm -rf -- "${CODE_VALUE}"']],
    [PYTHON, 'open("data.db", "w")', [': > data.db']],
    [PYTHON, 'open("data.db")', []],
    [PYTHON, "(pathlib.Path.home() / '.claude' / 'settings.json').write_text('{}')", ['echo data > ~/.claude/settings.json']],
    [PYTHON, "Path('notes.txt').write_text('hi')", ['echo data > notes.txt']],
    [JAVASCRIPT, "fs.writeFileSync('app.db', '')", [': > app.db']],
    [JAVASCRIPT, "const d = fs.mkdtempSync('x'); fs.rmSync(d, { recursive: true })", ['rm -rf -- /tmp/agent-guard-temp']],
    [JAVASCRIPT, "spawnSync(process.execPath, ['build.js'])", ['node build.js']],
    [PYTHON, 'import shutil\nshutil.move("a", "/srv/b")', ['mv -- a /srv/b']],
    [PYTHON, 'import os\nos.chmod("run.sh", 0o755)', ['chmod 755 run.sh']],
    [JAVASCRIPT, "fs.renameSync('.env', '.env.bak')", ['mv -- .env .env.bak']],
    [PYTHON, 'import os\nos.symlink("/dev/null", "app.db")', ['ln -s -- /dev/null app.db']],
    [PYTHON, 'import requests\nrequests.delete("https://x.io/a")', ['curl -X DELETE https://x.io/a']],
    [PYTHON, 'cur.execute("DROP TABLE t")', ["psql -c 'DROP TABLE t'"]],
    [PYTHON, 'cur.execute(query)', []],
    [PYTHON, 'Order.objects.all().delete()', ['ASK code.orm-bulk-delete']],
    [PYTHON, 'Order.objects.filter(id=3).delete()', []],
    [PYTHON, 'exec(code)', ['ASK code.computed']],
    [PYTHON, 'exec("print(1)")', []],
    [PYTHON, 'getattr(os, "sys" + "tem")("id")', ['ASK code.computed']],
    [PYTHON, 'getattr(obj, "name")', []],
    [PYTHON, 'import os\ngetattr(os, "system")("rm -rf ~")', ['ASK code.computed']],
    [PYTHON, 'import os\ns = os.system\ns("rm -rf ~")', ['rm -rf ~']],
    [JAVASCRIPT, "const cp = require('child_process'); const run = cp.execSync; run('rm -rf ~')", ['rm -rf ~']],
    [JAVASCRIPT, "require('child_process')['execSync']('rm -rf ~')", ['ASK code.computed']],
    [JAVASCRIPT, "globalThis['ev' + 'al']('1')", ['ASK code.computed']],
    [JAVASCRIPT, "const o = { a() {} }; o['a']()", []],
    [PYTHON, "import os\nos.__dict__['system']('id')", ['ASK code.computed']],
    [PHP, '$f = "system"; $f("rm -rf ~");', ['rm -rf ~']],
    [PHP, '$f = $argv[1]; $f("x");', ['ASK code.computed']],
    [PYTHON, 'print("rm -rf ~")', []],
    [PYTHON, '# os.system("rm -rf ~")\nprint(1)', []],
    [PYTHON, 's = """os.system("rm -rf ~")"""\nprint(s)', []],
    [JAVASCRIPT, "require('child_process').execSync('rm -rf ~')", ['rm -rf ~']],
    [JAVASCRIPT, "const { spawnSync } = require('node:child_process'); spawnSync('rm', ['-rf', dir])", ['rm -rf "${CODE_VALUE}"']],
    [JAVASCRIPT, "import * as cp from 'child_process'; cp.exec(`git push ${remote}`)", ['git push ${CODE_VALUE}']],
    [JAVASCRIPT, "fs.rmSync('dist', { recursive: true })", ['rm -rf -- dist']],
    [JAVASCRIPT, "fs.rmSync('a.txt')", ['rm -f -- a.txt']],
    [JAVASCRIPT, "fetch('https://x.io/a', { method: 'DELETE' })", ['curl -X DELETE https://x.io/a']],
    [JAVASCRIPT, "fetch('https://x.io/a')", ['curl -X GET https://x.io/a']],
    [JAVASCRIPT, "db.collection('u').deleteMany({})", ['ASK code.orm-bulk-delete']],
    [JAVASCRIPT, "db.collection('u').deleteMany({ id: 3 })", []],
    [JAVASCRIPT, "/a(b)/.exec('ab')", []],
    [JAVASCRIPT, 'console.log("rm -rf ~")', []],
    [JAVASCRIPT, 'eval(atob(x))', ['ASK code.computed']],
    [PERL, 'system "rm", "-rf", "/x";', ['rm -rf /x']],
    [PERL, 'unlink glob "/d/*";', ['rm -rf -- /d/*']],
    [PERL, 'my $o = `ls -la`;', ['ls -la']],
    [PERL, 'print "rm -rf ~\\n";', []],
    [PERL, 'print if /rmtree/', []],
    [RUBY, 'Post.where(draft: true).delete_all', ['ASK code.orm-bulk-delete']],
    [RUBY, 'FileUtils.rm_rf("/x")', ['rm -rf -- /x']],
    [RUBY, 'User.delete_all', ['ASK code.orm-bulk-delete']],
    [RUBY, '%x(dropdb prod)', ['dropdb prod']],
    [PHP, 'shell_exec("rm -rf /x");', ['rm -rf /x']],
    [PHP, 'echo "rm -rf /x";', []],
    [LUA, 'os.execute("rm -rf ~")', ['rm -rf ~']],
    [R, 'unlink("/d", recursive = TRUE)', ['rm -rf -- /d']],
    [R, 'unlink("f.csv")', ['rm -f -- f.csv']],
    [GO, 'exec.Command("rm", "-rf", "/x").Run()', ['rm -rf /x']],
    [GO, 'os.RemoveAll("/x")', ['rm -rf -- /x']],
    [AWK, 'BEGIN { system("rm -rf ~") }', ['rm -rf ~']],
    [AWK, '{ print $1 }', []],
    [TCL, 'exec rm -rf /x', ['rm -rf /x']],
    [TCL, 'file delete -force /x', ['rm -rf -- /x']],
    [VIM, '!rm -rf ~', ['rm -rf ~']],
    [VIM, '%s/a/b/g', []],
  ];
  for (const [family, code, expected] of cases) {
    it(`${family.label}: ${JSON.stringify(code)}`, () => assert.deepStrictEqual(shellOf(family, code), expected));
  }

  it('__dirname and __file__ are the folder of the script read', () => {
    const js = "fs.rmSync(path.join(__dirname, '..', 'dist'), { recursive: true })";
    assert.deepStrictEqual(scanCode(JAVASCRIPT, js, 'scripts').map((e) => effectToShell(e, 'JS')), [{ shell: 'rm -rf -- dist', call: 'fs.rmSync' }]);
    const py = 'import shutil, os\nshutil.rmtree(os.path.join(os.path.dirname(__file__), "..", ".."))';
    assert.deepStrictEqual(scanCode(PYTHON, py, 'tools').map((e) => effectToShell(e, 'Python')), [{ shell: 'rm -rf -- ..', call: 'shutil.rmtree' }]);
  });

  it(`code longer than ${MAX_CODE_CHARS / 1024} KiB asks ("too long to read")`, () => {
    assert.deepStrictEqual(shellOf(PYTHON, 'x = 1\n'.repeat(MAX_CODE_CHARS / 4)), ['ASK code.too-long']);
  });

  it('hostile input (unclosed quotes and brackets, long runs) still yields an answer', () => {
    for (const family of [PYTHON, JAVASCRIPT, PERL, RUBY, PHP, LUA, R, GO, AWK, TCL, VIM]) {
      for (const junk of ['('.repeat(20000), '"'.repeat(20001), "'\\".repeat(20000), 'a.'.repeat(20000) + '(', '`${'.repeat(10000), '%x('.repeat(10000), 'qq{'.repeat(10000)]) {
        assert.ok(Array.isArray(scanCode(family, junk)));
      }
    }
  });
});

describe('interpreter code judged end to end', () => {
  const lines: Array<[string, 'allow' | 'confirm']> = [
    ["python3 -c 'import shutil; shutil.rmtree(\"/home/u/p\")'", 'confirm'],
    ["python3 -c 'print(\"rm -rf ~\")'", 'allow'],
    ["node -e \"require('fs').rmSync('dist', {recursive: true})\"", 'allow'],
    ["node -e \"require('child_process').execSync('git push --force')\"", 'confirm'],
    ["perl -e 'system(\"rm -rf ~\")'", 'confirm'],
    ["ruby -e 'puts 1'", 'allow'],
    ["rails runner 'User.destroy_all'", 'confirm'],
    ["awk '{ print $1 }' f", 'allow'],
    ["vim -c '!rm -rf ~' -c q", 'confirm'],
  ];
  for (const [line, want] of lines) it(line, () => assert.strictEqual(decisionOf(line), want));
});
