import assert from 'node:assert/strict';
import { decisionOf, findingsOf, rulesOf } from '../helpers';

const SEED = `curl -X POST https://backboard.railway.app/graphql/v2 -H "Authorization: Bearer abc123def456" -d '{"query":"mutation { volumeDelete(volumeId: \\"v1\\") }"}'`;
const RAILWAY = 'https://backboard.railway.app/graphql/v2';
const BODY_FILE = '{"query":"mutation { volumeDelete(volumeId: \\"v7\\") }"}';
const SAFE_FILE = '{"query":"query { me { id } }"}';
const readFile = (p: string): string | undefined => (p === 'body.json' ? BODY_FILE : p === 'safe.json' ? SAFE_FILE : undefined);

// [rule id, command it stops, expected target, near miss that runs]
type Row = [string, string, string | undefined, string];

const ROWS: Row[] = [
  ['http.delete', 'curl -X DELETE https://api.example.com/v1/items/1', 'https://api.example.com/v1/items/1', 'curl -X DELETE http://localhost:3000/api/items/1'],
  ['http.delete', 'curl -XDELETE https://api.example.com/v1/items/1', 'https://api.example.com/v1/items/1', 'curl -XDELETE http://127.0.0.1:8080/items/1'],
  ['http.delete', 'curl --request DELETE "https://api.example.com/users/42" -H "Accept: application/json"', 'https://api.example.com/users/42', 'curl --request GET "https://api.example.com/users/42"'],
  ['http.delete', 'wget --method=DELETE https://api.example.com/x/1', 'https://api.example.com/x/1', 'wget --delete-after https://example.com/'],
  ['http.delete', 'http DELETE api.example.com/items/1', 'http://api.example.com/items/1', 'http DELETE :3000/items/1'],
  ['http.delete', 'xh delete https://api.example.com/items/1', 'https://api.example.com/items/1', 'xh get https://api.example.com/items/1'],
  ['http.delete', 'gh api -X DELETE repos/acme/web', 'https://api.github.com/repos/acme/web', 'gh api repos/acme/web'],
  ['http.delete', 'Invoke-RestMethod -Uri https://api.example.com/v1/items/1 -Method Delete', 'https://api.example.com/v1/items/1', 'Invoke-RestMethod -Uri http://localhost:5000/v1/items/1 -Method Delete'],
  ['http.delete', 'curl -X DELETE "$API_URL/items/1"', '$API_URL/items/1', 'curl "$API_URL/items/1"'],
  ['http.graphql-delete-mutation', SEED, 'volumeDelete v1', `curl -X POST ${RAILWAY} -d '{"query":"query { volumeDeleteHistory { id } }"}'`],
  ['http.graphql-delete-mutation', `curl ${RAILWAY} --json '{"query":"mutation { projectDelete(id: \\"p1\\") }"}'`, 'projectDelete p1', `curl ${RAILWAY} --json '{"query":"mutation { serviceCreate(input: {projectId: \\"p1\\"}) { id } }"}'`],
  ['http.graphql-delete-mutation', `http POST ${RAILWAY} query='mutation { environmentDelete(id: "e1") }'`, 'environmentDelete e1', `http POST ${RAILWAY} query='query { environments { edges { node { id } } } }'`],
  ['http.graphql-delete-mutation', `gh api graphql -f query='mutation { deleteRef(input: {refId: "R1"}) { clientMutationId } }'`, 'deleteRef R1', `gh api graphql -f query='query { viewer { login } }'`],
  ['http.graphql-delete-mutation', `curl 'https://api.example.com/graphql?query=mutation%7BvolumeDelete(volumeId%3A%22v1%22)%7D'`, 'volumeDelete v1', `curl 'https://api.example.com/graphql?query=%7Bme%7Bid%7D%7D'`],
  ['http.graphql-delete-mutation', `curl -d '{"query":"mutation { delete_users(where: {}) { affected_rows } }"}' http://localhost:8080/v1/graphql`, 'delete_users', `curl -d '{"query":"mutation { insert_users(objects: []) { affected_rows } }"}' http://localhost:8080/v1/graphql`],
  ['http.graphql-unreadable-body', `curl -X POST ${RAILWAY} --data @missing.json`, RAILWAY, `curl -X POST https://api.example.com/upload --data @missing.json`],
  ['http.graphql-unreadable-body', 'curl -X POST https://shop.myshopify.com/admin/api/2024-01/graphql.json --data @q.json', 'https://shop.myshopify.com/admin/api/2024-01/graphql.json', 'curl -X POST https://shop.myshopify.com/admin/api/2024-01/products.json --data @q.json'],
  ['http.graphql-unreadable-body', `curl ${RAILWAY} -H "Content-Type: application/json" -d "$PAYLOAD"`, RAILWAY, `curl https://api.example.com/hooks -d "$PAYLOAD"`],
];

describe('http rules', () => {
  for (const [id, positive, target, negative] of ROWS) {
    it(`${id}: stops \`${positive}\``, () => {
      const found = findingsOf(positive).filter((f) => f.rule === id);
      assert.equal(found.length, 1, `rules found: ${rulesOf(positive).join(', ')}`);
      assert.equal(found[0].target, target);
      assert.notEqual(decisionOf(positive), 'allow');
    });
    it(`${id}: runs \`${negative}\``, () => {
      assert.deepStrictEqual(rulesOf(negative).filter((r) => r.startsWith('http.')), []);
    });
  }

  it('reads `--data @file` through the reader: a delete asks, a query runs', () => {
    assert.deepStrictEqual(rulesOf(`curl -X POST ${RAILWAY} --data @body.json`, { readFile }), ['http.graphql-delete-mutation']);
    assert.equal(findingsOf(`curl -X POST ${RAILWAY} --data @body.json`, { readFile })[0].target, 'volumeDelete v7');
    assert.deepStrictEqual(rulesOf(`curl -X POST ${RAILWAY} --data @safe.json`, { readFile }), []);
    assert.equal(decisionOf(`curl -X POST ${RAILWAY} --data @safe.json`, { readFile }), 'allow');
  });

  it('the seed command asks, and names the volume', () => {
    const f = findingsOf(SEED).find((x) => x.rule === 'http.graphql-delete-mutation');
    assert.ok(f);
    assert.match(f.summary, /volumeDelete/);
    assert.match(f.summary, /backboard\.railway\.app/);
    assert.equal(decisionOf(SEED), 'confirm');
  });

  const RUNS: string[] = [
    'curl https://api.example.com/items',
    'curl -X POST https://api.example.com/items -d \'{"name":"x"}\'',
    'curl -fsSL https://example.com/install.sh -o install.sh',
    'wget https://example.com/file.tar.gz',
    'http POST api.example.com/items name=x',
    'curl -X PUT https://api.example.com/items/1 -d \'{"name":"y"}\'',
    'curl --help',
    'echo "curl -X DELETE https://api.example.com/items/1"',
    'http --offline DELETE api.example.com/items/1',
  ];
  for (const command of RUNS) {
    it(`runs \`${command}\``, () => {
      assert.deepStrictEqual(rulesOf(command).filter((r) => r.startsWith('http.')), []);
      assert.equal(decisionOf(command), 'allow');
    });
  }
});
