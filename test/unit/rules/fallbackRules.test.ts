import assert from 'node:assert/strict';
import { BUILTIN_PACKS } from '../../../src/engine/rules/builtinPacks';
import { evaluate } from '../../../src/engine/evaluate';
import { defaultPolicy } from '../../../src/engine/policy';
import { decisionOf, findingsOf } from '../helpers';
import { loadCorpus } from '../corpusLoader';
import { corpusFileMap, corpusFiles, cwdOfCategory } from '../corpusFiles';
import { describeRows } from './ruleRows';
import type { Row } from './ruleRows';

const FALLBACK = BUILTIN_PACKS[BUILTIN_PACKS.length - 1];

// Unknown tools with a destroy verb ask (medium, as a guess); local tools and known packs do not.
const ROWS: Row[] = [
  ['fallback.destroy-verb', 'unleash projects delete checkout', 'checkout', 'unleash projects list'],
  ['fallback.destroy-verb', 'split environments delete staging', 'staging', 'split environments list'],
  ['fallback.destroy-verb', 'upstash redis delete cache-1', 'cache-1', 'npm uninstall lodash'],
  ['fallback.destroy-verb', 'acme-cli db:drop main', 'main', 'acme-cli db:migrate main'],
  ['fallback.destroy-verb', 'xata branch delete-branch main', 'main', 'xata branch list'],
  ['fallback.destroy-verb', 'meilisearch-cli indexes purge movies', 'movies', 'brew remove wget'],
  ['fallback.destroy-verb', 'qdrant-cli collection remove docs --url https://q.example.com', 'docs', 'qdrant-cli remove docs'],
  ['fallback.destroy-verb', 'typesense --delete collections/books', 'collections/books', 'vagrant destroy -f'],
  ['fallback.destroy-verb', 'ghost-cli nuke', undefined, 'ghost-cli --help nuke'],
];

describe('fallback for unknown tools', () => {
  describeRows(FALLBACK, ROWS);

  it('says it is a guess, with medium severity', () => {
    const f = findingsOf('unleash projects delete checkout').find((x) => x.rule === 'fallback.destroy-verb');
    assert.ok(f);
    assert.equal(f.severity, 'medium');
    assert.match(f.summary, /guess/);
  });

  it('leaves tools a pack knows to their pack', () => {
    assert.deepEqual(findingsOf('docker rm web').filter((f) => f.rule.startsWith('fallback.')), []);
    assert.deepEqual(findingsOf('git branch -d old').filter((f) => f.rule.startsWith('fallback.')), []);
    assert.equal(decisionOf('kubectl delete pod web-1'), 'allow');
  });

  it('asks on fewer than 1 % of the allow lines of the whole corpus (bench/corpusReport.mjs prints the figure)', () => {
    const policy = defaultPolicy();
    const files = corpusFileMap();
    const allows = loadCorpus().filter((c) => c.label === 'allow');
    const falseAsks = allows.filter((c) => {
      const cwd = cwdOfCategory(c.category);
      const v = evaluate({ kind: 'shell', command: c.command }, policy, { cwd, files: corpusFiles(files, cwd) });
      return v.findings.some((f) => f.rule === 'fallback.destroy-verb');
    });
    assert.ok(falseAsks.length / allows.length < 0.01, falseAsks.map((c) => `${c.file}:${c.line} ${c.command}`).join('\n'));
  });
});
