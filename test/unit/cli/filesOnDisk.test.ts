// Files a command runs, read from a real folder by src/cli/fileReader.ts through the built CLI:
// one test per kind of file (script, sourced file, package.json, Makefile, justfile, SQL file, request body,
// curl config, AWS input JSON, Python and Node files, a file written on the line), and the reader's bounds
// (binary, too big, a FIFO, missing, unreadable) on disk.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildCli, CLI, isolatedEnv } from '../hooks/cliRunner';
import { fileReaderFor } from '../../../src/files/fileReader';
import { MAX_FILE_BYTES } from '../../../src/engine/files/fileBounds';

function check(dir: string, command: string): { status: number | null; stdout: string } {
  const r = spawnSync(process.execPath, [CLI, 'check', '--cwd', dir, '--', command], { env: isolatedEnv(), encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout };
}

const FILES: Record<string, string> = {
  'wipe.sh': '#!/bin/sh\nrm -rf ~/projects\n',
  'ok.sh': '#!/bin/sh\necho building\nrm -rf dist\n',
  'package.json': JSON.stringify({ scripts: { build: 'tsc -p .', wipe: 'rimraf ~/projects' } }),
  Makefile: 'all:\n\techo hi\nnuke:\n\trm -rf /var/lib/app\n',
  justfile: 'default:\n    echo hi\nnuke:\n    rm -rf ~/.local/share/app\n',
  'drop.sql': 'DROP TABLE users;\n',
  'seed.sql': "INSERT INTO users VALUES (1, 'a');\n",
  'delete.json': '{"query":"mutation { projectDelete(id: \\"p1\\") }"}',
  'query.json': '{"query":"query { me { id } }"}',
  'delete.curlrc': 'url = "https://api.example.com/v1/projects/42"\nrequest = DELETE\n',
  'rds.json': '{"DBInstanceIdentifier": "prod-db", "SkipFinalSnapshot": true}',
  'clean.py': 'import shutil\nshutil.rmtree("/var/lib/app")\n',
  'report.py': 'print("rm -rf ~")\n',
  'nuke.js': "require('child_process').execSync('git push --force origin main');\n",
};

describe('files a command runs, read from disk by the built CLI', function () {
  this.timeout(120_000);
  let dir = '';
  before(() => {
    buildCli();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-files-'));
    for (const [name, text] of Object.entries(FILES)) fs.writeFileSync(path.join(dir, name), text);
    fs.chmodSync(path.join(dir, 'wipe.sh'), 0o755);
    fs.writeFileSync(path.join(dir, 'tool'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2]));
    fs.writeFileSync(path.join(dir, 'big.sh'), '# filler\n'.repeat(Math.ceil((MAX_FILE_BYTES + 10) / 9)));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const cases: Array<[string, string, number]> = [
    ['shell script', 'bash wipe.sh', 10],
    ['shell script (harmless)', 'bash ok.sh', 0],
    ['script run by path', './wipe.sh', 10],
    ['sourced file', 'source wipe.sh', 10],
    ['package.json script', 'npm run wipe', 10],
    ['package.json script (harmless)', 'npm run build', 0],
    ['Makefile target', 'make nuke', 10],
    ['Makefile default goal', 'make', 0],
    ['justfile recipe', 'just nuke', 10],
    ['SQL file', 'psql app -f drop.sql', 10],
    ['SQL file (harmless)', 'psql app -f seed.sql', 0],
    ['request body', 'curl -X POST https://backboard.railway.app/graphql/v2 -d @delete.json', 10],
    ['request body (harmless)', 'curl -X POST https://backboard.railway.app/graphql/v2 -d @query.json', 0],
    ['curl config', 'curl -K delete.curlrc', 10],
    ['AWS input JSON', 'aws rds delete-db-instance --cli-input-json file://rds.json', 10],
    ['Python file', 'python3 clean.py', 10],
    ['Python file (prints)', 'python3 report.py', 0],
    ['Node file', 'node nuke.js', 10],
    ['file written on the line', "printf 'rm -rf ~/x\\n' > t.sh && bash t.sh", 10],
    ['binary file run by path', './tool', 10],
    ['file too big to read', 'bash big.sh', 10],
    ['missing file (fails by itself)', 'bash no-such.sh', 0],
  ];
  for (const [kind, command, status] of cases) {
    it(`${kind}: ${command} → exit ${status}`, () => {
      const r = check(dir, command);
      assert.strictEqual(r.status, status, r.stdout);
    });
  }

  it('names the file and the reason when it cannot read one, and notes a missing one', () => {
    assert.match(check(dir, './tool').stdout, /\.\/tool.*binary/);
    assert.match(check(dir, 'bash big.sh').stdout, /big\.sh.*too big/);
    assert.match(check(dir, 'bash no-such.sh').stdout, /note: .*no-such\.sh.*does not exist/);
  });
});

describe('fileReaderFor (the real file capability)', () => {
  let dir = '';
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-reader-'));
    fs.writeFileSync(path.join(dir, 'a.sh'), 'echo a\n');
    fs.mkdirSync(path.join(dir, 'sub'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads relative to the cwd and ~ from the home folder', () => {
    assert.deepStrictEqual(fileReaderFor(dir).read('a.sh'), { ok: true, text: 'echo a\n' });
    assert.deepStrictEqual(fileReaderFor('/', { home: dir }).read('~/a.sh'), { ok: true, text: 'echo a\n' });
  });

  it('refuses folders, FIFOs, missing files and reads past the time budget', () => {
    assert.strictEqual((fileReaderFor(dir).read('sub') as { reason: string }).reason, 'not-a-file');
    assert.strictEqual((fileReaderFor(dir).read('nope') as { reason: string }).reason, 'missing');
    if (process.platform !== 'win32') {
      spawnSync('mkfifo', [path.join(dir, 'fifo')]);
      if (fs.existsSync(path.join(dir, 'fifo'))) assert.strictEqual((fileReaderFor(dir).read('fifo') as { reason: string }).reason, 'not-a-file');
    }
    let t = 0;
    const reader = fileReaderFor(dir, { now: () => t, maxMillis: 10 });
    t = 11;
    assert.strictEqual((reader.read('a.sh') as { reason: string }).reason, 'time');
  });

  it('refuses a file over the byte bound', () => {
    assert.strictEqual((fileReaderFor(dir, { maxBytes: 3 }).read('a.sh') as { reason: string }).reason, 'too-big');
  });
});
