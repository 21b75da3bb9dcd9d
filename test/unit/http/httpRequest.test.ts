import assert from 'node:assert/strict';
import { hostOf, isLoopbackHost, parseHttpRequest } from '../../../src/engine/http/httpRequest';
import type { HttpRequest } from '../../../src/engine/http/httpRequest';
import type { SimpleCommand } from '../../../src/engine/types';

// A SimpleCommand built from argv directly (no shell parsing here: these tests are about each client's options).
function cmd(argv: string[], extra: Partial<SimpleCommand> = {}): SimpleCommand {
  const [name, ...args] = argv;
  return { name, args, dynamic: args.map((a) => a.includes('$')), assignments: {}, redirects: [], via: [], text: argv.join(' '), ...extra };
}

const FILES: Record<string, string> = { 'body.json': '{"query":"mutation { volumeDelete(volumeId: \\"v9\\") }"}', 'q.graphql': 'mutation { projectDelete(id: "p") }' };
const readFile = (p: string): string | undefined => FILES[p];

const SEED_BODY = '{"query":"mutation { volumeDelete(volumeId: \\"v1\\") }"}';
const RAILWAY = 'https://backboard.railway.app/graphql/v2';

// [argv, expected subset of the request]
type Row = [string[], Partial<HttpRequest>];

const ROWS: Row[] = [
  // curl
  [['curl', 'https://api.example.com/items'], { client: 'curl', method: 'GET', host: 'api.example.com', loopback: false }],
  [['curl', '-X', 'DELETE', 'https://api.example.com/items/1'], { method: 'DELETE', url: 'https://api.example.com/items/1' }],
  [['curl', '-XDELETE', 'https://api.example.com/items/1'], { method: 'DELETE' }],
  [['curl', '-sSLXDELETE', 'https://api.example.com/items/1'], { method: 'DELETE' }],
  [['curl', '-sX', 'delete', 'https://api.example.com/items/1'], { method: 'DELETE' }],
  [['curl', '--request', 'DELETE', 'api.example.com/items/1'], { method: 'DELETE', host: 'api.example.com' }],
  [['curl', '--request=DELETE', 'https://api.example.com/x'], { method: 'DELETE' }],
  [['curl', '-X', 'DELETE', 'http://localhost:3000/api/items/1'], { method: 'DELETE', host: 'localhost', loopback: true }],
  [['curl', '-X', 'DELETE', 'http://127.0.0.1:8080/x'], { loopback: true }],
  [['curl', '-X', 'DELETE', 'http://[::1]:8080/x'], { host: '::1', loopback: true }],
  [['curl', '-X', 'DELETE', 'http://localhost/x', 'https://api.example.com/x'], { loopback: false }],
  [['curl', '-X', 'DELETE', '$API_URL/items/1'], { host: undefined, loopback: false }],
  [['curl', '-X', 'POST', RAILWAY, '-H', 'Authorization: Bearer abc123def456', '-d', SEED_BODY], { method: 'POST', body: SEED_BODY, headers: { authorization: 'Bearer abc123def456' } }],
  [['curl', RAILWAY, '--json', SEED_BODY], { method: 'POST', body: SEED_BODY }],
  [['curl', RAILWAY, '--data-raw', SEED_BODY], { method: 'POST', body: SEED_BODY }],
  [['curl', RAILWAY, '--data-binary', '@body.json'], { method: 'POST', body: FILES['body.json'] }],
  [['curl', RAILWAY, '-d@body.json'], { body: FILES['body.json'] }],
  [['curl', RAILWAY, '--data', '@missing.json'], { body: undefined, unreadableBody: 'the body is read from `missing.json`, which the guard could not read' }],
  [['curl', RAILWAY, '-d', '$PAYLOAD'], { body: undefined, dynamicBody: true }],
  [['curl', '-d', 'a=1', '-d', 'b=2', 'https://x.io/f'], { body: 'a=1&b=2' }],
  [['curl', '-G', '-d', 'q=1', 'https://x.io/search'], { method: 'GET', url: 'https://x.io/search?q=1', body: undefined }],
  [['curl', '-I', 'https://x.io'], { method: 'HEAD' }],
  [['curl', '-T', 'file.txt', 'https://x.io/up'], { method: 'PUT' }],
  [['curl', '-F', 'operations={"query":"mutation { a }"}', 'https://x.io/graphql'], { method: 'POST', body: '{"query":"mutation { a }"}' }],
  [['curl', '-u', 'admin:hunter2', 'https://x.io'], { user: 'admin:hunter2' }],
  [['curl', '-o', 'out.html', '-A', 'agent', 'https://x.io/page'], { urls: ['https://x.io/page'] }],
  [['curl', '-X', 'POST', '-H', 'X-HTTP-Method-Override: DELETE', 'https://x.io/a/1'], { method: 'DELETE' }],
  [['curl', '--unix-socket', '/var/run/docker.sock', '-X', 'DELETE', 'http://localhost/volumes/pg'], { method: 'DELETE', loopback: false }],
  [['curl', '--url', 'https://x.io/a', '-X', 'DELETE'], { url: 'https://x.io/a', method: 'DELETE' }],
  // wget
  [['wget', 'https://x.io/file.tar.gz'], { client: 'wget', method: 'GET' }],
  [['wget', '--method=DELETE', 'https://x.io/a/1'], { method: 'DELETE' }],
  [['wget', '--method', 'DELETE', '-O', '-', 'https://x.io/a/1'], { method: 'DELETE', urls: ['https://x.io/a/1'] }],
  [['wget', '--post-data', 'a=1', 'https://x.io/f'], { method: 'POST', body: 'a=1' }],
  [['wget', '--method=POST', `--body-data=${SEED_BODY}`, RAILWAY], { method: 'POST', body: SEED_BODY }],
  [['wget', '--post-file=body.json', RAILWAY], { body: FILES['body.json'] }],
  [['wget', '-nv', '--delete-after', 'https://x.io/'], { method: 'GET' }],
  [['wget', '-qO', '-', '--method=DELETE', 'https://x.io/a'], { urls: ['https://x.io/a'] }],
  [['wget', '-qO-', 'https://x.io/a'], { urls: ['https://x.io/a'] }],
  // httpie / xh
  [['http', 'DELETE', 'example.org/items/1'], { client: 'httpie', method: 'DELETE', url: 'http://example.org/items/1' }],
  [['https', 'delete', 'example.org/items/1'], { method: 'DELETE', url: 'https://example.org/items/1' }],
  [['xh', 'DELETE', ':3000/items/1'], { url: 'http://localhost:3000/items/1', loopback: true }],
  [['http', 'example.org'], { method: 'GET' }],
  [['http', 'example.org/items', 'name=x'], { method: 'POST', body: '{"name":"x"}' }],
  [['http', 'POST', RAILWAY, 'query=mutation { projectDelete(id: "p") }', 'Authorization:Bearer t'], { body: '{"query":"mutation { projectDelete(id: \\"p\\") }"}', headers: { authorization: 'Bearer t' } }],
  [['http', 'POST', RAILWAY, 'query=@q.graphql'], { body: '{"query":"mutation { projectDelete(id: \\"p\\") }"}' }],
  [['http', 'POST', RAILWAY, 'query=@nope.graphql'], { unreadableBody: 'the field `query` is read from `nope.graphql`, which the guard could not read' }],
  [['http', 'example.org/search', 'q==delete'], { method: 'GET' }],
  [['http', '--raw', SEED_BODY, 'POST', RAILWAY], { body: SEED_BODY }],
  [['http', '-a', 'u:p', 'GET', 'example.org'], { user: 'u:p' }],
  // gh api
  [['gh', 'api', '-X', 'DELETE', 'repos/o/r'], { client: 'gh', method: 'DELETE', url: 'https://api.github.com/repos/o/r' }],
  [['gh', 'api', '--method', 'DELETE', '/repos/o/r/git/refs/heads/x'], { method: 'DELETE' }],
  [['gh', 'api', 'repos/o/r/issues'], { method: 'GET' }],
  [['gh', 'api', 'graphql', '-f', 'query=mutation { deleteIssue(input: {issueId: "I"}) { clientMutationId } }'], { method: 'POST', url: 'https://api.github.com/graphql', body: '{"query":"mutation { deleteIssue(input: {issueId: \\"I\\"}) { clientMutationId } }"}' }],
  [['gh', 'api', '--hostname', 'ghe.corp', '-X', 'DELETE', 'repos/o/r'], { host: 'ghe.corp' }],
  // PowerShell
  [['Invoke-RestMethod', '-Uri', 'https://api.x.io/v1/items/1', '-Method', 'Delete'], { client: 'powershell', method: 'DELETE', host: 'api.x.io' }],
  [['Invoke-WebRequest', 'https://api.x.io/v1/items/1', '-Method:DELETE'], { method: 'DELETE' }],
  [['irm', 'https://x.io/graphql', '-Meth', 'Post', '-Body', SEED_BODY, '-ContentType', 'application/json'], { method: 'POST', body: SEED_BODY }],
  [['iwr', 'https://x.io/graphql', '-Method', 'Post', '-Body', '$body'], { body: undefined, dynamicBody: true }],
  // Windows PowerShell's `curl` alias.
  [['curl', '-Method', 'Delete', '-Uri', 'https://api.x.io/v1/items/1'], { client: 'powershell', method: 'DELETE' }],
  [['Invoke-RestMethod', '-Uri', 'https://x.io/a', '-Headers', '@{Authorization="Bearer t"}', '-UseBasicParsing'], { method: 'GET', headers: { authorization: 'Bearer t' } }],
];

describe('httpRequest: parseHttpRequest', () => {
  for (const [argv, expected] of ROWS) {
    it(`${argv.join(' ').slice(0, 100)}`, () => {
      const req = parseHttpRequest(cmd(argv), readFile);
      assert.ok(req, 'expected a request');
      for (const [k, v] of Object.entries(expected)) assert.deepStrictEqual(req[k as keyof HttpRequest], v, k);
    });
  }

  for (const argv of [['curl', '--help'], ['curl', '-V'], ['curl'], ['wget', '--version'], ['http', '--offline', 'DELETE', 'x.io/a'], ['xh', '--curl', 'DELETE', 'x.io/a'], ['gh', 'pr', 'list'], ['gh', 'api', '--help'], ['ls', '-la']]) {
    it(`sends nothing: ${argv.join(' ')}`, () => assert.equal(parseHttpRequest(cmd(argv), readFile), null));
  }

  it('reads `-d @-` from a heredoc, a `<` redirect, and `echo … |`', () => {
    const fromHeredoc = parseHttpRequest(cmd(['curl', '-d', '@-', RAILWAY], { stdin: SEED_BODY }));
    assert.equal(fromHeredoc?.body, SEED_BODY);
    const fromRedirect = parseHttpRequest(cmd(['curl', '-d', '@-', RAILWAY], { redirects: [{ op: '<', target: 'body.json' }] }), readFile);
    assert.equal(fromRedirect?.body, FILES['body.json']);
    const fromEcho = parseHttpRequest(cmd(['curl', '--data-binary', '@-', RAILWAY], { pipeFrom: cmd(['echo', SEED_BODY]) }));
    assert.equal(fromEcho?.body, SEED_BODY);
    const fromJq = parseHttpRequest(cmd(['curl', '--data-binary', '@-', RAILWAY], { pipeFrom: cmd(['jq', '-n', '.']) }));
    assert.equal(fromJq?.body, undefined);
    assert.match(fromJq?.unreadableBody ?? '', /could not read/);
  });

  it('without a reader, `@file` is unreadable (never silently empty)', () => {
    const req = parseHttpRequest(cmd(['curl', '--data', '@body.json', RAILWAY]));
    assert.equal(req?.body, undefined);
    assert.match(req?.unreadableBody ?? '', /body\.json/);
  });

  it('hosts and loopback', () => {
    assert.equal(hostOf('https://user:pw@API.Example.com:8443/x'), 'api.example.com');
    assert.equal(hostOf('localhost:3000/x'), 'localhost');
    assert.equal(hostOf('https://${HOST}/x'), undefined);
    for (const h of ['localhost', 'app.localhost', '127.0.0.1', '127.1.2.3', '::1', '0.0.0.0']) assert.equal(isLoopbackHost(h), true, h);
    for (const h of ['localhost.example.com', '128.0.0.1', '10.0.0.5', 'example.com', '127.0.0.1.nip.io']) assert.equal(isLoopbackHost(h), false, h);
  });
});
