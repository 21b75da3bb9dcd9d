import assert from 'node:assert/strict';
import { containsGraphqlDocument, destructiveMutationFields, destructiveMutations, isDestructiveFieldName } from '../../../src/engine/http/graphqlMutation';

// [body, destructive fields expected ([] = runs)]
type Row = [string, string[]];

const DESTRUCTIVE: Row[] = [
  ['{"query":"mutation { volumeDelete(volumeId: \\"v1\\") }"}', ['volumeDelete']],
  ['{"query":"mutation volumeDelete($volumeId: String!) { volumeDelete(volumeId: $volumeId) }","variables":{"volumeId":"v1"}}', ['volumeDelete']],
  ['{"query":"mutation { projectDelete(id: \\"p1\\") }"}', ['projectDelete']],
  ['{"query":"mutation { serviceDelete(id: \\"s1\\") }"}', ['serviceDelete']],
  ['{"query":"mutation { environmentDelete(id: \\"e1\\") }"}', ['environmentDelete']],
  ['{"query":"mutation { volumeInstanceBackupDelete(volumeInstanceBackupId: \\"b1\\", volumeInstanceId: \\"i1\\") }"}', ['volumeInstanceBackupDelete']],
  ['{"query":"mutation { deploymentRemove(id: \\"d1\\") }"}', ['deploymentRemove']],
  ['{"query":"mutation { deleteDatabase(name: \\"app\\") { ok } }"}', ['deleteDatabase']],
  ['{"query":"mutation { dropTable(name: \\"users\\") }"}', ['dropTable']],
  ['{"query":"mutation { destroyCluster(id: 3) }"}', ['destroyCluster']],
  ['{"query":"mutation { purgeQueue(id: 3) }"}', ['purgeQueue']],
  ['{"query":"mutation { wipeData }"}', ['wipeData']],
  ['{"query":"mutation { resetBranch(id: \\"b\\") }"}', ['resetBranch']],
  // Hasura-style snake_case.
  ['{"query":"mutation { delete_users(where: {}) { affected_rows } }"}', ['delete_users']],
  // An alias does not hide the field; the alias name does not make a harmless field destructive.
  ['{"query":"mutation { keep: volumeDelete(volumeId: \\"v1\\") }"}', ['volumeDelete']],
  ['{"query":"mutation { a: serviceCreate(input: {}) { id } b: projectDelete(id: \\"p\\") }"}', ['projectDelete']],
  // Fragments and inline fragments on the mutation type.
  ['{"query":"mutation { ...Nuke } fragment Nuke on Mutation { environmentDelete(id: \\"e\\") }"}', ['environmentDelete']],
  ['{"query":"mutation { ... on Mutation { volumeDelete(volumeId: \\"v\\") } }"}', ['volumeDelete']],
  // A query and a mutation in one document: the mutation counts.
  ['{"query":"query Q { me { id } } mutation M { volumeDelete(volumeId: \\"v\\") }","operationName":"Q"}', ['volumeDelete']],
  // Raw GraphQL (Content-Type: application/graphql), block strings and comments.
  ['mutation {\n  # remove it\n  volumeDelete(volumeId: "v1")\n}', ['volumeDelete']],
  ['mutation { noteDelete(id: "n", reason: """multi\nline""") }', ['noteDelete']],
  // Batched requests.
  ['[{"query":"{ me { id } }"},{"query":"mutation { projectDelete(id: \\"p\\") }"}]', ['projectDelete']],
  // Form-encoded `query=` (GraphQL over GET / urlencoded POST).
  ['query=mutation%20%7B%20volumeDelete(volumeId%3A%20%22v1%22)%20%7D', ['volumeDelete']],
  // Multipart upload spec: the request is a JSON string in `operations`.
  ['{"operations":"{\\"query\\":\\"mutation { fileDelete(id: \\\\\\"f\\\\\\") }\\"}"}', ['fileDelete']],
  // Shell-mangled (double-escaped) JSON: not valid JSON, read by hand, conservative scan.
  ['{"query":"mutation { volumeDelete(volumeId: \\\\"v1\\\\") }"}', ['volumeDelete']],
  // Persisted query sent by name only.
  ['{"operationName":"volumeDelete","extensions":{"persistedQuery":{"version":1,"sha256Hash":"abc"}}}', ['volumeDelete']],
];

const SAFE: Row[] = [
  ['{"query":"query { volumeDeleteHistory { id } }"}', []],
  ['{"query":"query volumeDeleteHistory { volumes { id } }"}', []],
  ['{"query":"{ projects { edges { node { id name } } } }"}', []],
  ['{"query":"mutation { serviceCreate(input: {name: \\"api\\"}) { id } }"}', []],
  ['{"query":"mutation { volumeCreate(input: {projectId: \\"p\\"}) { id } }"}', []],
  // Only top-level fields of a mutation run; a selected `deletedAt` is just data coming back.
  ['{"query":"mutation { serviceUpdate(id: \\"s\\") { id deletedAt } }"}', []],
  ['{"query":"mutation { dropdownCreate(label: \\"x\\") { id } }"}', []],
  ['{"query":"mutation { undeleteNote(id: \\"n\\") }"}', []],
  // The word in a string argument is not a field.
  ['{"query":"mutation { noteCreate(text: \\"please volumeDelete later\\") { id } }"}', []],
  ['{"query":"subscription { volumeDeleted { id } }"}', []],
  ['{"name":"volumeDelete"}', []],
  ['', []],
  ['plain text body that says delete everything', []],
];

describe('graphqlMutation: destructive mutation fields', () => {
  for (const [body, expected] of [...DESTRUCTIVE, ...SAFE]) {
    it(`${JSON.stringify(body).slice(0, 110)} → [${expected.join(', ')}]`, () => {
      assert.deepStrictEqual(destructiveMutationFields(body), expected);
    });
  }

  it('reads the id argument, literal or from variables', () => {
    assert.equal(destructiveMutations('{"query":"mutation { volumeDelete(volumeId: \\"v1\\") }"}')[0].target, 'v1');
    assert.equal(destructiveMutations('{"query":"mutation($id: String!) { volumeDelete(volumeId: $id) }","variables":{"id":"vol-9"}}')[0].target, 'vol-9');
    assert.equal(destructiveMutations('{"query":"mutation { deleteIssue(input: {issueId: \\"I_1\\"}) { clientMutationId } }"}')[0].target, 'I_1');
    assert.equal(destructiveMutations('{"query":"mutation($in: DeleteInput!) { deleteRepo(input: $in) { ok } }","variables":{"in":{"repoId":"R_7"}}}')[0].target, 'R_7');
    assert.equal(destructiveMutations('{"query":"mutation { wipeData }"}')[0].target, undefined);
  });

  it('splits camelCase and snake_case names into words', () => {
    assert.equal(isDestructiveFieldName('volumeInstanceBackupDelete'), true);
    assert.equal(isDestructiveFieldName('DELETE_ALL'), true);
    assert.equal(isDestructiveFieldName('dropdown'), false);
    assert.equal(isDestructiveFieldName('deleted'), false);
  });

  it('tells a body holding a document from one that holds none', () => {
    assert.equal(containsGraphqlDocument('{"query":"query { me { id } }"}'), true);
    assert.equal(containsGraphqlDocument('{"query": "$Q"}'), false);
    assert.equal(containsGraphqlDocument('{"a":1}'), false);
  });

  it('survives hostile nesting without throwing', () => {
    const deep = `mutation { x(a: ${'['.repeat(5000)}1${']'.repeat(5000)}) volumeDelete(volumeId: "v") }`;
    assert.deepStrictEqual(destructiveMutationFields(deep), ['volumeDelete']);
  });
});
