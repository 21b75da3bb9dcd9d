import assert from 'node:assert/strict';
import { FILESYSTEM_RULES } from '../../../src/engine/rules/filesystemRules';
import { decisionOf, findingsOf } from '../helpers';
import { describeRows, summaryOf } from './ruleRows';
import type { Row } from './ruleRows';

const ROWS: Row[] = [
  // rm: recursive or forced outside the rebuildable folders; plain rm of named files runs.
  ['fs.rm-recursive', 'rm -rf src', 'src', 'rm -rf node_modules'],
  ['fs.rm-recursive', 'rm -rf ~', '~', 'rm -rf ./dist build .next'],
  ['fs.rm-recursive', 'rm -rf $HOME', '$HOME', 'rm -rf /tmp/build-1'],
  ['fs.rm-recursive', 'rm -rf /', '/', 'rm -rf "$TMPDIR/scratch"'],
  ['fs.rm-recursive', 'rm -rf "$DIR/"', '$DIR/', 'rm -rf dist/*'],
  ['fs.rm-recursive', 'rm -rf .', '.', 'rm -rf packages/api/node_modules'],
  ['fs.rm-recursive', 'rm -rf ..', '..', 'rm -rf coverage .nyc_output'],
  ['fs.rm-recursive', 'rm -rf *', '*', 'rm *.log'],
  ['fs.rm-recursive', 'rm *', '*', 'rm file.txt'],
  ['fs.rm-recursive', 'rm -rf /srv/app', '/srv/app', 'rm -rf /var/tmp/x'],
  ['fs.rm-recursive', 'rm -rf build/../src', 'build/../src', 'rm -rf build/../dist'],
  ['fs.rm-recursive', 'rm -rf node_modules src', 'src', 'rm -rf node_modules target'],
  ['fs.rm-recursive', 'rm -rf .git', '.git', 'rm -rf .cache'],
  ['fs.rm-recursive', 'rm -rf lib', 'lib', 'rm -rf _build *.egg-info tsconfig.tsbuildinfo'],
  // Named files run, forced or not; system files outside home and workspace ask.
  ['fs.rm-recursive', 'rm -f /etc/hosts', '/etc/hosts', 'rm -f notes.md'],
  ['fs.rm-recursive', 'unlink /usr/bin/python3', '/usr/bin/python3', 'unlink notes.md'],
  ['fs.rm-recursive', 'mv data /tmp/trash && rm -rf /tmp/trash', 'data', 'mv dist /tmp/trash && rm -rf /tmp/trash'],
  ['fs.rm-recursive', 'ls | xargs rm -rf', undefined, 'ls | xargs rm'],
  ['fs.rm-recursive', 'find / -name "*.log" | xargs rm -f', '/', "find . -name '*.pyc' | xargs rm -f"],
  ['fs.rm-recursive', 'rimraf src', 'src', 'rimraf dist'],
  ['fs.rm-recursive', "r''m -rf ~", '~', 'echo "rm -rf ~"'],
  // find -delete / -exec rm
  ['fs.find-delete', 'find . -delete', '.', "find . -name '*.pyc' -delete"],
  ['fs.find-delete', "find . ! -name '*.pyc' -delete", '.', 'find . -type d -empty -delete'],
  ['fs.find-delete', 'find . -name "*.db" -delete', '.', 'find . -name "*.db"'],
  ['fs.find-delete', 'find src -exec rm -rf {} +', 'src', 'find . -name node_modules -type d -exec rm -rf {} +'],
  ['fs.find-delete', 'find ~ -mtime +30 -delete', '~', 'find /tmp -mtime +1 -delete'],
  ['fs.find-delete', 'find . -type d -exec sudo rm -rf {} \\;', '.', "find . -name '*.pyc' -exec sudo rm -f {} \\;"],
  // interpreter code: src/engine/interpreters/ hands its deletes to the rm rule
  ['fs.rm-recursive', `python3 -c "import shutil; shutil.rmtree('/home/me')"`, undefined, `python3 -c "import shutil; shutil.rmtree('build')"`],
  ['fs.rm-recursive', `node -e "require('fs').rmSync('src', {recursive: true})"`, undefined, `node -e "require('fs').rmSync('src/a.txt')"`],
  ['fs.rm-recursive', `node -e "require('fs').rmSync(require('os').homedir(), {recursive: true})"`, undefined, `node -e "require('fs').rmSync('dist', {recursive: true})"`],
  ['fs.rm-recursive', `node -e "require('rimraf').sync('/var/data')"`, undefined, `node -e "require('rimraf').sync('coverage')"`],
  ['fs.rm-recursive', `perl -MFile::Path -e 'rmtree("/srv/data")'`, undefined, `perl -ne 'print if /rmtree/' notes.txt`],
  ['fs.rm-recursive', `ruby -e 'FileUtils.rm_rf("uploads")'`, undefined, `ruby -e 'FileUtils.rm_rf("tmp/cache/../../build")'`],
  ['fs.rm-recursive', `python3 -c "import os; os.system('rm -rf ~/data')"`, undefined, `python3 -c "import os; os.system('rm -rf build')"`],
  ['fs.rm-recursive', `python3 -c 'import shutil,sys; shutil.rmtree(sys.argv[1])' x`, undefined, `python3 -c 'print("shutil.rmtree")'`],
  ['fs.rm-recursive', `python3 -c "import os; [os.remove(f) for f in os.listdir('.')]"`, undefined, `python3 -c "import os; print(os.listdir('.'))"`],
  ['fs.rm-recursive', `node -e "require('child_process').execSync('rm -rf ' + process.argv[1])" x`, undefined, `node -e "require('child_process').execSync('rm -rf dist')"`],
  ['fs.rm-recursive', "python3 - <<'EOF'\nimport shutil\nshutil.rmtree('/var/lib/app')\nEOF", undefined, "python3 - <<'EOF'\nprint('hi')\nEOF"],
  // PowerShell and cmd.exe
  ['fs.powershell-remove-recurse', 'Remove-Item -Recurse -Force src', 'src', 'Remove-Item -Recurse -Force node_modules'],
  ['fs.powershell-remove-recurse', 'Remove-Item -Path ~ -Recurse', '~', 'Remove-Item -Path ~ -Recurse -WhatIf'],
  ['fs.powershell-remove-recurse', 'rmdir /s /q src', 'src', 'rmdir /s /q dist'],
  ['fs.powershell-remove-recurse', 'ri -r -fo src', 'src', 'ri -r -fo node_modules'],
  ['fs.powershell-remove-recurse', 'Get-ChildItem -Path src -Recurse | Remove-Item -Force', 'src', 'gci -r -filter *.pyc | ri'],
  ['fs.powershell-remove-recurse', 'gci . | % { rm $_ -r -fo }', '.', 'gci dist | % { rm $_ -r -fo }'],
  // shred, truncate, mv onto /dev/null, recursive chmod
  ['fs.shred', 'shred -u prod.db', 'prod.db', 'shred -u notes.txt'],
  ['fs.shred', 'shred ~/.ssh/id_ed25519', '~/.ssh/id_ed25519', 'shred --help'],
  ['fs.mv-dev-null', 'mv data.db /dev/null', 'data.db', 'mv data.db backup/data.db'],
  ['fs.mv-dev-null', 'mv -t /dev/null a.txt b.txt', 'a.txt b.txt', 'mv -t archive a.txt b.txt'],
  ['fs.mv-dev-null', 'sudo mv /tmp/x /dev/null', '/tmp/x', 'mv /tmp/x /dev/null'],
  ['fs.tar-remove-files', 'tar czf logs.tgz --remove-files logs', 'logs', 'tar czf /tmp/nm.tgz --remove-files node_modules'],
  ['fs.archive-moves-sources', 'zip -rm /tmp/x.zip src', 'src', 'zip -rm dist.zip dist'],
  ['fs.archive-moves-sources', '7z a -sdel /tmp/x.7z ~/projects', '~/projects', '7z a /tmp/x.7z ~/projects'],
  ['fs.archive-moves-sources', 'rsync -a --remove-source-files data/ /tmp/x/', 'data/', 'rsync -a data/ /tmp/x/'],
  ['fs.recursive-chmod', 'chmod -R 777 /', '/', 'chmod -R 755 ./scripts'],
  ['fs.recursive-chmod', 'chown -R me:me ~', '~', 'chown -R me:me ./node_modules'],
  ['fs.recursive-chmod', 'chown -R nobody /var/lib/mysql', '/var/lib/mysql', 'chown nobody /var/lib/mysql/my.cnf'],
];

describe('filesystem rules', () => {
  describeRows(FILESYSTEM_RULES, ROWS);

  it('names the folder for a person', () => {
    assert.equal(summaryOf('rm -rf src', 'fs.rm-recursive'), 'deletes `src` and everything in it');
    assert.match(summaryOf('rm -rf ~', 'fs.rm-recursive'), /your home folder/);
    assert.match(summaryOf('rm -rf "$DIR/"', 'fs.rm-recursive'), /variable that may be empty/);
    assert.match(summaryOf("find . ! -name '*.pyc' -delete", 'fs.find-delete'), /every file not matching `\*\.pyc`/);
  });

  it('rates the disk and the home folder critical, a project folder medium', () => {
    const sev = (c: string) => findingsOf(c).find((f) => f.rule === 'fs.rm-recursive')?.severity;
    assert.equal(sev('rm -rf /'), 'critical');
    assert.equal(sev('rm -rf ~'), 'critical');
    assert.equal(sev('rm -rf src'), 'medium');
    assert.equal(sev('rm -rf --no-preserve-root src'), 'critical');
  });

  it('reports a list once, naming every unsafe target', () => {
    const found = findingsOf('rm -rf node_modules src docs').filter((f) => f.rule === 'fs.rm-recursive');
    assert.equal(found.length, 1);
    assert.equal(found[0].target, 'src docs');
  });

  // Wrappers and splicing are read the way the shell reads them.
  for (const command of ['sudo rm -rf ~/work', '/bin/rm -rf ~/work', "bash -c 'rm -rf ~/work'", "ssh web 'rm -rf /var/www'", 'X=rm; $X -rf ~', '\\rm -rf ~/work']) {
    it(`sees through \`${command}\``, () => assert.notEqual(decisionOf(command), 'allow'));
  }
});
