import assert from 'node:assert/strict';
import { decisionOf, findingsOf } from '../helpers';

const TOKEN = 'abcdef0123456789XYZ';

describe('credential rules', () => {
  it('notes a bearer token, masked, and lets the command run', () => {
    const cmd = `curl -H "Authorization: Bearer ${TOKEN}" https://api.example.com/me`;
    const [f] = findingsOf(cmd);
    assert.equal(f.rule, 'credential.carried');
    assert.equal(f.category, 'credential');
    assert.equal(f.severity, 'low');
    assert.equal(f.target, 'abcd…YZ');
    assert.ok(!f.summary.includes(TOKEN), f.summary);
    assert.equal(decisionOf(cmd), 'allow');
  });

  it('notes nothing on a command without secrets', () => {
    assert.deepEqual(findingsOf('curl https://api.example.com/health'), []);
    assert.deepEqual(findingsOf('TOKENIZERS_PARALLELISM=false python train.py'), []);
  });

  it('raises the destructive finding it stands next to', () => {
    const plain = findingsOf("psql -h db.internal -c 'DROP INDEX idx'").find((f) => f.rule === 'sql.drop');
    const withPassword = findingsOf("PGPASSWORD=hunter2 psql -h db.internal -c 'DROP INDEX idx'").find((f) => f.rule === 'sql.drop');
    assert.equal(plain?.severity, 'medium');
    assert.equal(withPassword?.severity, 'high');
  });

  it('shows a token taken from a variable by its name', () => {
    const f = findingsOf('curl -X DELETE -H "Authorization: Bearer $RAILWAY_TOKEN" https://api.example.com/v/1').find((x) => x.rule === 'credential.carried');
    assert.equal(f?.target, '$RAILWAY_TOKEN');
  });

  it('finds the password of a connection string in a variable', () => {
    const f = findingsOf("DATABASE_URL=postgres://app:pw123456789abc@db/app psql -c 'SELECT 1'").find((x) => x.rule === 'credential.carried');
    assert.equal(f?.target, 'pw12…bc');
    assert.match(f?.summary ?? '', /URL postgres:\/\/app@db/);
  });
});
