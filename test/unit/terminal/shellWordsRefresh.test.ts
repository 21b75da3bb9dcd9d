// Every terminal current: real interactive bash and zsh on a pty pick up a changed word list from the
// window's state folder at their next prompt (no reload, no new terminal), and a terminal whose state
// folder is gone says so once. The CLI here is a fake that records each ask and blocks, so the test
// sees exactly when the shell decided to ask.
import * as assert from 'assert';
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { defaultPolicy } from '../../../src/engine/policy';
import { ShellWordsFile, wordsFileText } from '../../../src/extension/terminal/shellWordsFile';
import { shellTriggerWords } from '../../../src/extension/terminal/shellTriggerWords';
import type { ShellTriggers } from '../../../src/extension/terminal/shellTriggerWords';
import { hasShell, makeSandbox, removeSandboxes, terminalEnv } from './shellHarness';
import type { Sandbox } from './shellHarness';

type Step = string | (() => void);

/** Feeds lines (and test actions between them) to an interactive shell on a pty; resolves with its output. */
function drive(argv: string, env: NodeJS.ProcessEnv, steps: readonly Step[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qfec', argv, '/dev/null'], { env, cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (output += d.toString('utf8')));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`shell timed out; output so far:\n${output}`));
    }, 60_000);
    child.on('close', () => {
      clearTimeout(timer);
      resolve(output.replace(/\r/g, ''));
    });
    const queue = [...steps, 'exit'];
    const next = (): void => {
      const step = queue.shift();
      if (step === undefined) return;
      if (typeof step === 'function') step();
      else child.stdin.write(step + '\n');
      setTimeout(next, 700);
    };
    setTimeout(next, 1000);
  });
}

function fakeCli(sb: Sandbox): string {
  const file = path.join(sb.root, 'fake-cli.js');
  // Records every ask; blocks `zapdb` (the rule being added), lets the rest run (`script` starts the shell through `bash -c`).
  fs.writeFileSync(file, "const t = process.argv[process.argv.length - 1]; require('fs').appendFileSync(process.env.MARKERS + '/asked', t + '\\n'); process.exit(/zapdb/.test(t) ? 20 : 0);\n");
  fs.writeFileSync(path.join(sb.bin, 'zapdb'), '#!/bin/sh\necho "zapdb $*" >> "$MARKERS/zapdb.ran"\n', { mode: 0o755 });
  return file;
}

function withZapdb(t: ShellTriggers): ShellTriggers {
  return { ...t, words: t.words === '*' ? '*' : [...t.words, 'zapdb'], deep: [...t.deep, 'zapdb'] };
}

describe('every terminal current: the word list is read again before each prompt', function () {
  this.timeout(90_000);
  after(removeSandboxes);
  const base = shellTriggerWords(defaultPolicy());

  it('the words file is three lines', () => {
    assert.strictEqual(wordsFileText({ words: ['rm', 'psql'], deep: ['rm'], substrings: ['/dev/'] }), 'rm psql\nrm\n/dev/\n');
    assert.strictEqual(wordsFileText({ words: '*', deep: [], substrings: [] }), '*\n\n\n');
  });

  const shells: Array<[string, string]> = [['bash', 'bash -i'], ['zsh', 'zsh -i']];
  for (const [name, argv] of shells) {
    it(`${name}: a rule added while the terminal is open applies at its next line; a gone state folder is said once`, async function () {
      if (!hasShell(name)) this.skip();
      const sb = makeSandbox('');
      const cliPath = fakeCli(sb);
      const words = new ShellWordsFile(sb.stateDir);
      words.write(base);
      const env = terminalEnv(sb, { cliPath, withIntegration: false });
      const output = await drive(argv, env, [
        'zapdb all',
        () => words.write(withZapdb(base)),
        'true',
        'zapdb all',
        () => fs.rmSync(sb.stateDir, { recursive: true, force: true }),
        'true',
        'true',
        'true',
      ], sb.home);
      const asked = fs.existsSync(path.join(sb.markers, 'asked')) ? fs.readFileSync(path.join(sb.markers, 'asked'), 'utf8') : '';
      assert.strictEqual(sb.count('zapdb.ran'), 1, `before the change zapdb ran (not a trigger); after it, it was asked about and blocked (asked: ${asked})\n${output}`);
      assert.match(asked, /zapdb all/, 'the shell asked the CLI about zapdb all after the change');
      assert.strictEqual(output.split("this terminal's guard cannot be updated").length - 1, 1, `said once:\n${output}`);
    });
  }
});
