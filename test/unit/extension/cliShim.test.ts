import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { posixShim } from '../../../src/extension/cliShim';

describe('agent-guard terminal shim', () => {
  it('runs the installed CLI with its arguments intact, even from a path with spaces and $', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag shim $x '));
    const cli = path.join(dir, 'cli.js');
    fs.writeFileSync(cli, 'process.stdout.write(JSON.stringify(process.argv.slice(2)))');
    const shim = path.join(dir, 'agent-guard');
    fs.writeFileSync(shim, posixShim(cli, process.execPath), { mode: 0o755 });
    const out = execFileSync(shim, ['ask', '--', "psql -c 'DROP TABLE \"a b\"'"], { encoding: 'utf8' });
    assert.deepStrictEqual(JSON.parse(out), ['ask', '--', "psql -c 'DROP TABLE \"a b\"'"]);
  });

  it('falls back to VS Code’s runtime in Node mode when no node is on PATH', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-shim-'));
    const cli = path.join(dir, 'cli.js');
    fs.writeFileSync(cli, 'process.stdout.write(String(process.env.ELECTRON_RUN_AS_NODE))');
    const shim = path.join(dir, 'agent-guard');
    fs.writeFileSync(shim, posixShim(cli, process.execPath), { mode: 0o755 });
    const out = execFileSync('/bin/sh', [shim], { encoding: 'utf8', env: { PATH: '/nonexistent' } });
    assert.strictEqual(out, '1');
  });
});
