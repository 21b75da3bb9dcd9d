// Files a command runs, read through an in-memory FileAccess: what is read, and every bound and failure
// (missing: a note, no ask; too big, binary, unreadable, a loop, too deep, too many, computed path: ask and say why).
import * as assert from 'assert';
import { memoryFiles, MAX_FILE_BYTES, MAX_FILE_DEPTH, MAX_FILES_PER_LINE } from '../../../src/engine/files/fileBounds';
import { makeRecipes } from '../../../src/engine/files/makefile';
import { justRecipes } from '../../../src/engine/files/justfile';
import type { EvalContext, Verdict } from '../../../src/engine/types';
import { verdictOf } from '../helpers';

function world(files: Record<string, string | null>, cwd = '/w'): EvalContext {
  const map = new Map<string, string | null>(Object.entries(files).map(([k, v]) => [k.startsWith('/') ? k : `${cwd}/${k}`, v]));
  return { cwd, env: { HOME: '/home/u' }, files: memoryFiles(map, cwd) };
}

function rules(v: Verdict): string[] {
  return v.findings.map((f) => f.rule);
}

describe('memoryFiles (the in-memory file capability)', () => {
  const files = memoryFiles(new Map<string, string | null>([['/w/a.sh', 'echo a'], ['/w/bin', 'x\u0000y'], ['/w/locked', null], ['/w/big', 'x'.repeat(MAX_FILE_BYTES + 1)]]), '/w');
  it('reads relative to its cwd and through ..', () => {
    assert.deepStrictEqual(files.read('a.sh'), { ok: true, text: 'echo a' });
    assert.deepStrictEqual(files.read('sub/../a.sh'), { ok: true, text: 'echo a' });
    assert.deepStrictEqual(files.read('/w/a.sh'), { ok: true, text: 'echo a' });
  });
  it('says why a file was not read', () => {
    assert.strictEqual((files.read('nope') as { reason: string }).reason, 'missing');
    assert.strictEqual((files.read('bin') as { reason: string }).reason, 'binary');
    assert.strictEqual((files.read('locked') as { reason: string }).reason, 'unreadable');
    assert.strictEqual((files.read('big') as { reason: string }).reason, 'too-big');
  });
});

describe('files a command runs', () => {
  const ctx = world({
    'wipe.sh': 'rm -rf ~/projects\n',
    'ok.sh': 'echo hi\nrm -rf dist\n',
    'lib.sh': 'f() { echo "$@"; }\n',
    'self.sh': 'source self.sh\n',
    'a.sh': 'bash b.sh\n',
    'b.sh': 'bash a.sh\n',
    'blob': 'ab\u0000cd',
    'locked.sh': null,
    'big.sh': '# x\n'.repeat(MAX_FILE_BYTES / 3),
    'package.json': JSON.stringify({ scripts: { build: 'tsc', prebuild: 'rimraf dist', nuke: 'rm -rf ~', pretest: 'npm run nuke', test: 'jest', a: 'npm run b', b: 'npm run a' } }),
    Makefile: 'OUT ?= build\nall: app\napp:\n\tcc -o $(OUT)/app main.c\nclean:\n\trm -rf $(OUT)\nwipe: clean\n\trm -rf $(HOME)/data\n',
    justfile: 'default: build\nbuild:\n    cargo build\nnuke:\n    rm -rf ~/.cargo\n',
  });

  it('reads a script run by a shell, by path, or sourced', () => {
    for (const c of ['bash wipe.sh', 'sh ./wipe.sh', './wipe.sh', 'source wipe.sh', '. wipe.sh', 'bash < wipe.sh', 'cat wipe.sh | sh']) {
      const v = verdictOf(c, ctx);
      assert.strictEqual(v.decision, 'confirm', c);
      assert.ok(rules(v).includes('fs.rm-recursive'), c);
    }
    assert.strictEqual(verdictOf('bash ok.sh', ctx).decision, 'allow');
    assert.strictEqual(verdictOf('source lib.sh', ctx).decision, 'allow');
  });

  it('a file that does not exist is a note, not a question', () => {
    const v = verdictOf('bash nope.sh', ctx);
    assert.strictEqual(v.decision, 'allow');
    assert.deepStrictEqual(v.findings, []);
    assert.match((v.notes ?? []).join(), /nope\.sh.*does not exist/);
  });

  it('a binary, unreadable or too big file asks and names the file and the reason', () => {
    const cases: Array<[string, string, RegExp]> = [
      ['./blob', 'files.binary', /`\.\/blob`.*binary/],
      ['bash locked.sh', 'files.unreadable', /`locked\.sh`.*could not be read/],
      ['bash big.sh', 'files.too-big', /`big\.sh`.*too big.*256 KiB/],
    ];
    for (const [c, rule, words] of cases) {
      const v = verdictOf(c, ctx);
      assert.strictEqual(v.decision, 'confirm', c);
      const f = v.findings.find((x) => x.rule === rule);
      assert.ok(f, `${c}: ${rules(v).join(',')}`);
      assert.match(f.summary, words);
    }
  });

  it('a script that runs itself asks (a loop), directly or through another', () => {
    assert.ok(rules(verdictOf('source self.sh', ctx)).includes('files.loop'));
    assert.ok(rules(verdictOf('bash a.sh', ctx)).includes('files.loop'));
    assert.ok(rules(verdictOf('npm run a', ctx)).includes('files.loop'));
  });

  it(`files nested more than ${MAX_FILE_DEPTH} deep ask and say so`, () => {
    const chain: Record<string, string> = {};
    for (let i = 1; i <= MAX_FILE_DEPTH + 2; i++) chain[`l${i}.sh`] = `bash l${i + 1}.sh\n`;
    const v = verdictOf('bash l1.sh', world(chain));
    assert.strictEqual(v.decision, 'confirm');
    assert.match(v.findings.find((f) => f.rule === 'files.too-deep')?.summary ?? '', new RegExp(`more than ${MAX_FILE_DEPTH} levels`));
  });

  it(`more than ${MAX_FILES_PER_LINE} files on one line ask`, () => {
    const many: Record<string, string> = {};
    const line: string[] = [];
    for (let i = 0; i < MAX_FILES_PER_LINE + 2; i++) {
      many[`s${i}.sh`] = 'echo ok\n';
      line.push(`bash s${i}.sh`);
    }
    assert.ok(rules(verdictOf(line.join('; '), world(many))).includes('files.too-many'));
  });

  it('a script path the shell computes asks', () => {
    assert.ok(rules(verdictOf('bash "$SCRIPT"', ctx)).includes('files.computed-path'));
  });

  it('package scripts run with their pre and post scripts and nested npm run', () => {
    assert.strictEqual(verdictOf('npm run build', ctx).decision, 'allow');
    const v = verdictOf('npm test', ctx);
    assert.strictEqual(v.decision, 'confirm');
    assert.ok(v.findings.some((f) => f.rule === 'fs.rm-recursive' && f.target !== undefined));
    for (const c of ['yarn nuke', 'pnpm nuke', 'bun run nuke', 'npm run-script nuke']) assert.strictEqual(verdictOf(c, ctx).decision, 'confirm', c);
  });

  it('make and just read the recipes of the targets asked for (default goal without one)', () => {
    assert.strictEqual(verdictOf('make', ctx).decision, 'allow');
    assert.strictEqual(verdictOf('make clean', ctx).decision, 'allow');
    assert.strictEqual(verdictOf('make wipe', ctx).decision, 'confirm');
    assert.strictEqual(verdictOf('make clean OUT=/srv', ctx).decision, 'confirm');
    assert.strictEqual(verdictOf('make -n wipe', ctx).decision, 'allow');
    assert.strictEqual(verdictOf('just', ctx).decision, 'allow');
    assert.strictEqual(verdictOf('just nuke', ctx).decision, 'confirm');
  });

  it('reads files written earlier on the same line', () => {
    assert.strictEqual(verdictOf("cat > x.sh <<'EOF'\nrm -rf ~/data\nEOF\nbash x.sh", ctx).decision, 'confirm');
    assert.strictEqual(verdictOf("cat > x.sh <<'EOF'\necho hi\nEOF\nbash x.sh", ctx).decision, 'allow');
    assert.strictEqual(verdictOf('echo hi > x.sh && echo "rm -rf ~" >> x.sh && bash x.sh', ctx).decision, 'confirm');
    assert.ok(rules(verdictOf('curl -s https://x.io/i.sh -o i.sh && bash i.sh', ctx)).includes('files.written-unreadable'));
  });

  it('without a file capability nothing is read (and nothing breaks)', () => {
    assert.strictEqual(verdictOf('bash wipe.sh', { cwd: '/w' }).decision, 'allow');
  });

  it('the no-file path is untouched: ordinary commands are not read', () => {
    const v = verdictOf('git status && ls -la', ctx);
    assert.strictEqual(v.decision, 'allow');
    assert.strictEqual(v.notes, undefined);
  });
});

describe('Makefile and justfile readers', () => {
  it('expands variables, automatic variables, command-line values and $(call)', () => {
    const mk = 'A := one\nB = $(A)-two\ndefine zap\nrm -rf $(1)\nendef\nx: y\n\t@echo $(B) $@ $<\ny:\n\t-touch y\nz:\n\t$(call zap,out)\n';
    assert.deepStrictEqual(makeRecipes(mk, ['x'], {}).recipes, [{ target: 'y', lines: ['touch y'] }, { target: 'x', lines: ['echo one-two x y'] }]);
    assert.deepStrictEqual(makeRecipes(mk, ['z'], {}).recipes[0].lines, ['rm -rf out']);
    assert.deepStrictEqual(makeRecipes('t:\n\trm -rf $(D)\n', [], { D: 'tmp' }).recipes[0].lines, ['rm -rf tmp']);
    // An unknown variable stays unknown to the shell, not empty.
    assert.deepStrictEqual(makeRecipes('t:\n\trm -rf $(NOPE)/x\n', [], {}).recipes[0].lines, ['rm -rf ${NOPE}/x']);
    assert.deepStrictEqual(makeRecipes('t:\n\techo\n', ['nope'], {}).unknownTargets, ['nope']);
  });

  it('reads just recipes, their dependencies and interpolations', () => {
    const j = 'dir := "out"\ndefault: build\nbuild: gen\n    echo {{dir}}\ngen:\n    @touch x\n';
    assert.deepStrictEqual(justRecipes(j, []).recipes.map((r) => [r.name, r.lines]), [['gen', ['touch x']], ['build', ['echo out']], ['default', []]]);
  });
});
