import assert from 'node:assert/strict';
import { type CredentialKind, MAY_HOLD_SECRET, findCredentials, findCredentialsInText, maskCommand, maskEverySecret, maskSecret } from '../../src/engine/credentials';
import type { SimpleCommand } from '../../src/engine/types';

/** A SimpleCommand as the parser hands it (quotes already removed). */
function sc(name: string, args: string[], assignments: Record<string, string> = {}): SimpleCommand {
  return { name, args, dynamic: args.map((a) => a.includes('$')), assignments, redirects: [], via: [], text: [name, ...args].join(' ') };
}

const TOKEN = 'abcdef0123456789XYZ';

describe('maskSecret', () => {
  it('keeps the first 4 and last 2 characters of a long secret', () => {
    assert.equal(maskSecret('ghp_1234567890abcdefXY'), 'ghp_…XY');
  });
  it('masks a short secret whole', () => {
    assert.equal(maskSecret('hunter2'), '****');
    assert.equal(maskSecret(''), '****');
  });
});

describe('findCredentials (parsed command)', () => {
  const rows: Array<[string, SimpleCommand, CredentialKind, string]> = [
    ['bearer header', sc('curl', ['-H', `Authorization: Bearer ${TOKEN}`, 'https://api.example.com/me']), 'bearer', TOKEN],
    ['attached header', sc('curl', [`-HAuthorization: Bearer ${TOKEN}`, 'https://x.io']), 'bearer', TOKEN],
    ['--header=', sc('wget', [`--header=Authorization: token ${TOKEN}`, 'https://x.io']), 'bearer', TOKEN],
    ['basic header', sc('curl', ['-H', 'Authorization: Basic dXNlcjpwYXNzd29yZA==', 'https://x.io']), 'basic', 'dXNlcjpwYXNzd29yZA=='],
    ['x-api-key', sc('curl', ['-H', `x-api-key: ${TOKEN}`, 'https://x.io']), 'api-key-header', TOKEN],
    ['Railway project token', sc('curl', ['-H', `Project-Access-Token: ${TOKEN}`, 'https://backboard.railway.app/graphql/v2']), 'api-key-header', TOKEN],
    ['httpie header item', sc('http', ['DELETE', 'https://x.io/v', `Authorization:Bearer ${TOKEN}`]), 'bearer', TOKEN],
    ['curl -u', sc('curl', ['-u', 'admin:s3cretpassword', 'https://x.io']), 'basic', 's3cretpassword'],
    ['curl -uuser:pass', sc('curl', ['-uadmin:s3cretpassword', 'https://x.io']), 'basic', 's3cretpassword'],
    ['URL userinfo', sc('curl', ['https://admin:s3cretpassword@x.io/api']), 'url-password', 's3cretpassword'],
    ['postgres URL', sc('psql', ['postgres://app:pw123456@db.prod.internal/app', '-c', 'select 1']), 'url-password', 'pw123456'],
    ['redis URL, no user', sc('redis-cli', ['-u', 'redis://:hunter22@cache:6379']), 'url-password', 'hunter22'],
    ['DATABASE_URL assignment', sc('psql', ['-c', 'select 1'], { DATABASE_URL: 'postgres://u:pw@h/db' }), 'url-password', 'pw'],
    ['X_TOKEN=', sc('railway', ['down'], { RAILWAY_TOKEN: TOKEN }), 'token-variable', TOKEN],
    ['*_API_KEY=', sc('node', ['x.js'], { OPENAI_API_KEY: TOKEN }), 'token-variable', TOKEN],
    ['*_SECRET=', sc('node', ['x.js'], { JWT_SECRET: TOKEN }), 'token-variable', TOKEN],
    ['*PASSWORD=', sc('node', ['x.js'], { DBPASSWORD: TOKEN }), 'token-variable', TOKEN],
    ['PGPASSWORD', sc('psql', ['-h', 'db', '-c', 'select 1'], { PGPASSWORD: 'pw' }), 'token-variable', 'pw'],
    ['AWS secret key', sc('aws', ['s3', 'ls'], { AWS_SECRET_ACCESS_KEY: TOKEN }), 'token-variable', TOKEN],
    ['--token value', sc('railway', ['--token', TOKEN, 'down']), 'flag-token', TOKEN],
    ['--token=value', sc('vercel', [`--token=${TOKEN}`, 'remove', 'app']), 'flag-token', TOKEN],
    ['--api-key', sc('tool', ['--api-key', TOKEN]), 'flag-token', TOKEN],
    ['--password=', sc('tool', ['--password=hunter2']), 'flag-token', 'hunter2'],
    ['mysql -p attached', sc('mysql', ['-uroot', '-phunter2', '-e', 'select 1']), 'flag-token', 'hunter2'],
    ['redis-cli -a', sc('redis-cli', ['-a', 'hunter2', 'FLUSHALL']), 'flag-token', 'hunter2'],
    ['export NAME=value', sc('export', [`NPM_TOKEN=${TOKEN}`]), 'token-variable', TOKEN],
    ['docker run -e', sc('docker', ['run', '-e', `API_KEY=${TOKEN}`, 'img']), 'token-variable', TOKEN],
    ['httpie -a', sc('http', ['-a', 'admin:s3cretpassword', 'DELETE', 'https://x.io/v/1']), 'basic', 's3cretpassword'],
    ['wget --http-password', sc('wget', ['--http-user=admin', '--http-password=s3cretpassword', 'https://x.io']), 'flag-token', 's3cretpassword'],
    ['curl --oauth2-bearer', sc('curl', ['--oauth2-bearer', TOKEN, 'https://x.io']), 'bearer', TOKEN],
    ['variable reference', sc('curl', ['-H', 'Authorization: Bearer $RAILWAY_TOKEN', 'https://x.io']), 'bearer', '$RAILWAY_TOKEN'],
  ];
  for (const [title, cmd, kind, secret] of rows) {
    it(`finds ${title}`, () => {
      const found = findCredentials(cmd);
      const hit = found.find((c) => c.kind === kind);
      assert.ok(hit, `got ${JSON.stringify(found)}`);
      assert.equal(hit.secret, secret);
      assert.ok(hit.where.length > 0);
      if (!secret.startsWith('$')) assert.ok(!hit.masked.includes(secret), 'masked form must not hold the secret');
    });
  }

  it('shows a variable reference as it is (it is not the secret)', () => {
    const [c] = findCredentials(sc('curl', ['-H', 'Authorization: Bearer $RAILWAY_TOKEN', 'https://x.io']));
    assert.equal(c.masked, '$RAILWAY_TOKEN');
  });

  const none: Array<[string, SimpleCommand]> = [
    ['plain curl', sc('curl', ['https://api.example.com/health'])],
    ['content-type header', sc('curl', ['-H', 'Content-Type: application/json', 'https://x.io'])],
    ['curl -u user (prompts)', sc('curl', ['-u', 'admin', 'https://x.io'])],
    ['mysql -u user -p (prompts)', sc('mysql', ['-u', 'root', '-p', 'app'])],
    ['docker -u uid:gid', sc('docker', ['run', '-u', '1000:1000', 'img'])],
    ['URL without password', sc('git', ['clone', 'https://github.com/a/b.git'])],
    ['TOKENIZERS_PARALLELISM', sc('python', ['train.py'], { TOKENIZERS_PARALLELISM: 'false' })],
    ['PWD', sc('ls', [], { PWD: '/home/me' })],
    ['NODE_ENV', sc('node', ['x.js'], { NODE_ENV: 'production' })],
    ['--password without value', sc('tool', ['--password', '--verbose'])],
    ['curl -a (append, not auth)', sc('curl', ['-a', '-T', 'f.txt', 'ftp://x.io/'])],
    ['docker run -e NODE_ENV', sc('docker', ['run', '-e', 'NODE_ENV=production', 'img'])],
  ];
  for (const [title, cmd] of none) {
    it(`finds nothing in ${title}`, () => assert.deepEqual(findCredentials(cmd), []));
  }
});

describe('findCredentialsInText', () => {
  const rows: Array<[string, CredentialKind, string]> = [
    [`curl -H "Authorization: Bearer ${TOKEN}" https://api.example.com/me`, 'bearer', TOKEN],
    [`curl -H 'x-api-key: ${TOKEN}' https://x.io`, 'api-key-header', TOKEN],
    ['curl -u admin:s3cretpassword https://x.io', 'basic', 's3cretpassword'],
    ['curl https://admin:s3cretpassword@x.io/api', 'url-password', 's3cretpassword'],
    ['psql postgres://app:pw123456@db.prod/app -c "select 1"', 'url-password', 'pw123456'],
    [`X_TOKEN=${TOKEN} ./deploy.sh`, 'token-variable', TOKEN],
    [`export OPENAI_API_KEY="${TOKEN}"`, 'token-variable', TOKEN],
    ['PGPASSWORD=hunter2 psql -h db', 'token-variable', 'hunter2'],
    [`railway --token ${TOKEN} down`, 'flag-token', TOKEN],
    ['tool --password=hunter2', 'flag-token', 'hunter2'],
    ['mysql -uroot -phunter2 app', 'flag-token', 'hunter2'],
    ['redis-cli -a hunter2 flushall', 'flag-token', 'hunter2'],
  ];
  for (const [text, kind, secret] of rows) {
    it(`finds ${kind} in ${text}`, () => {
      const hit = findCredentialsInText(text).find((c) => c.kind === kind);
      assert.ok(hit, JSON.stringify(findCredentialsInText(text)));
      assert.equal(hit.secret, secret);
    });
  }
  for (const text of ['git commit -m "add token support"', 'docker run -u 1000:1000 img', 'ls -la', 'echo $PWD', 'curl https://example.com/a:b']) {
    it(`finds nothing in ${text}`, () => assert.deepEqual(findCredentialsInText(text), []));
  }
});

describe('maskCommand', () => {
  it('masks every secret of the line and keeps the rest', () => {
    const line = `PGPASSWORD=hunter2 curl -H "Authorization: Bearer ${TOKEN}" https://admin:s3cretpassword@x.io/api`;
    const masked = maskCommand(line);
    for (const s of ['hunter2', TOKEN, 's3cretpassword']) assert.ok(!masked.includes(s), masked);
    assert.ok(masked.includes('https://admin:'), masked);
    assert.ok(masked.includes('abcd…YZ'), masked);
  });
  it('masks well-known token shapes that no flag names', () => {
    const masked = maskCommand('gh auth login ghp_abcdefghijklmnopqrstuvwxyz0123');
    assert.ok(!masked.includes('ghp_abcdefghijklmnopqrstuvwxyz0123'), masked);
    assert.ok(masked.startsWith('gh auth login ghp_…'), masked);
  });
  it('leaves a line without secrets unchanged', () => {
    assert.equal(maskCommand('rm -rf node_modules'), 'rm -rf node_modules');
  });
  it('leaves variable references readable', () => {
    assert.equal(maskCommand('curl -H "Authorization: Bearer $TOKEN" x'), 'curl -H "Authorization: Bearer $TOKEN" x');
  });
});

describe('maskCommand shortcut (MAY_HOLD_SECRET)', () => {
  // Fragments of everything the patterns look for, without the characters they need: text built from
  // them must never hold a secret the full scan would find.
  const FRAGMENTS = ['Authorization', 'Proxy', 'Bearer', 'Basic', 'Token', 'Bot', 'token', 'secret', 'apikey', 'api', 'key', 'x', 'export', 'mysql', 'mysqldump',
    'redis', 'cli', 'p', 'a', 'u', 'user', 'auth', 'ghp', 'github', 'pat', 'sk', 'rk', 'live', 'xoxb', 'glpat', 'npm', 'AKI', 'A', 'KIA', '0123456789abcdef',
    'ABCDEFGHIJKLMNOP', 'postgres', 'https', 'db', ' ', '  ', '"', "'", '@', '/', '//', '.', '$', '{', '}', '(', ')', ';', '&', '|', '\n', '\t', ',', '+', '*', '#', '~'];
  it('text without any of : = - _ and AKIA holds nothing any pattern finds (20,000 generated texts)', () => {
    let seed = 42;
    const rand = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    let checked = 0;
    for (let i = 0; i < 20_000; i++) {
      let text = '';
      for (let j = rand(30) + 1; j > 0; j--) text += FRAGMENTS[rand(FRAGMENTS.length)];
      if (MAY_HOLD_SECRET.test(text)) continue;
      checked++;
      assert.deepEqual(findCredentialsInText(text), [], text);
      assert.equal(maskEverySecret(text), text, text);
    }
    assert.ok(checked > 10_000, `${checked} texts checked`);
  });

  it('every kind of secret the patterns find is still masked', () => {
    for (const text of ['Authorization: Bearer abcdef0123456789', 'X-Api-Key: abcdef0123456789', 'curl -u admin:hunter22', 'postgres://u:hunter22@db/x',
      'TOKEN=abcdef0123456789', '--password hunter22', 'mysql -phunter22', 'redis-cli -a hunter22', 'ghp_abcdefghijklmnopqrstuvwxyz0123456789', 'AKIAABCDEFGHIJKLMNOP']) {
      assert.ok(MAY_HOLD_SECRET.test(text), text);
      assert.notEqual(maskCommand(text), text, text);
    }
  });
});
