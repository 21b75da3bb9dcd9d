// No full secret in anything Agent Guard prints or stores: `check` (human and JSON), `ask` (human and
// JSON, the terminal line and the agent's message), the hook answer's message, the log entry, the spool.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runAsk } from '../../../src/cli/askCommand';
import type { AskIo } from '../../../src/cli/askCommand';
import { formatVerdict, verdictJson } from '../../../src/cli/verdictOutput';
import { decideWithPerson } from '../../../src/cli/decideWithPerson';
import { evaluate } from '../../../src/engine/evaluate';
import { defaultPolicy } from '../../../src/engine/policy';
import { decisionEntry, safeMask } from '../../../src/log/logRecord';
import type { AskResult } from '../../../src/protocol/askClient';

const TOKEN = 'rw_live_9f8e7d6c5b4a39281706';
const PASSWORD = 'Sup3rS3cretPassw0rd';
const COMMANDS = [
  `curl -X POST https://backboard.railway.app/graphql/v2 -H 'Authorization: Bearer ${TOKEN}' -d '{"query":"mutation { volumeDelete(volumeId: \\"vol-1\\") }"}'`,
  `psql "postgres://admin:${PASSWORD}@db.prod.internal:5432/shop" -c 'DROP TABLE customers'`,
  `curl -X DELETE -H "x-api-key: ${TOKEN}" https://api.github.com/repos/acme/shop`,
];
const SECRETS = [TOKEN, PASSWORD];

function assertNoSecret(text: string, where: string): void {
  for (const s of SECRETS) assert.ok(!text.includes(s), `${where} holds a secret:\n${text}`);
}

function capture(): { io: AskIo; text: () => string } {
  let out = '';
  return { io: { stdout: (t) => void (out += t), stderr: (t) => void (out += t) }, text: () => out };
}

const unreachable = async (): Promise<AskResult> => ({ ok: false, reason: 'no VS Code window' });
/** The worst a window could answer: the whole command echoed back in the message. */
const echoing = (command: string) => async (): Promise<AskResult> => ({ ok: true, answer: { v: 1, id: 'x', type: 'answer', decision: 'block', by: 'person', message: `The person blocked: ${command}` } });

describe('secrets are masked in every output', () => {
  let spool: string;
  beforeEach(() => (spool = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-spool-'))));
  afterEach(() => fs.rmSync(spool, { recursive: true, force: true }));

  for (const command of COMMANDS) {
    const name = command.slice(0, 40);
    it(`check, human and JSON: ${name}`, () => {
      const v = evaluate({ kind: 'shell', command }, defaultPolicy(), { cwd: '/w' });
      assertNoSecret(formatVerdict(command, v), 'check');
      assertNoSecret(verdictJson(v), 'check --json');
    });

    for (const json of [false, true]) {
      for (const agent of ['bash terminal', 'bash (script or bash -c)']) {
        it(`ask${json ? ' --json' : ''} from ${agent}, unreachable and blocked by the person: ${name}`, async () => {
          for (const ask of [unreachable, echoing(command)]) {
            const { io, text } = capture();
            const code = await runAsk({ json, batch: false, cwd: '/w', door: 'terminal', agent, command }, defaultPolicy(), io, { ask, env: {}, spool });
            assert.strictEqual(code, 20);
            assertNoSecret(text(), `ask output (${agent})`);
            if (!json && agent === 'bash terminal') assert.strictEqual(text().trim().split('\n').length, 1, `one line for a person:\n${text()}`);
          }
        });
      }
    }

    it(`the agent's hook message, the spool and a log entry: ${name}`, async () => {
      // An agent that repeats the secret in its stated reason: masked there too.
      const reason = `uses ${SECRETS.find((x) => command.includes(x))}`;
      const d = await decideWithPerson({ kind: 'shell', command }, { door: 'hook', agent: 'Claude Code', reason }, { cwd: '/w', policy: defaultPolicy(), ask: unreachable, env: {}, spool });
      assertNoSecret(d.message, 'hook message');
      for (const f of fs.readdirSync(spool)) assertNoSecret(fs.readFileSync(path.join(spool, f), 'utf8'), 'spool');
      const entry = decisionEntry({ kind: 'shell', command }, d.verdict, { door: 'hook', agent: 'Claude Code', reason }, { decision: d.decision, by: 'unreachable' }, safeMask);
      assertNoSecret(JSON.stringify(entry), 'log entry');
    });
  }
});
