// The fast environment globs must answer exactly as Minimatch does (src/engine/simpleGlob.ts).
import * as assert from 'assert';
import { Minimatch } from 'minimatch';
import { DEFAULT_ENVIRONMENTS } from '../../../src/engine/policy';
import { minimatchMatcher, simpleGlobMatcher } from '../../../src/engine/simpleGlob';

const PATTERNS = [...DEFAULT_ENVIRONMENTS.map((e) => e.pattern), '*', '*.*', 'prod-*', '*-db.internal', 'a*b*c', 'api@*', 'db:5432', 'x-y_z.*'];
const VALUES = [
  '', '.', '..', '...', 'prod', 'PROD', 'my-prod-db', 'production', 'Prd', 'live', 'deliver', 'staging.example.com',
  'stag', 'localhost', 'LOCALHOST', 'localhost.', '127.0.0.1', '127.', '127', '::1', ':::1', 'app.local', '.local',
  'local', 'a.b', '.hidden-prod', 'prod/', 'a/prod', 'prod\\x', 'ſtaging', 'K', 'prod\t', ' prod ', 'api@host', 'db:5432',
  'x-y_z.', 'x-y_z.q', 'abc', 'aXbYc', 'prod-', 'prod-eu', 'cache-db.internal', 'prödüction', 'test', 'contest', '*prod*',
];

describe('simple environment globs', () => {
  for (const pattern of PATTERNS) {
    it(`${pattern} answers as Minimatch does`, () => {
      const fast = simpleGlobMatcher(pattern, () => minimatchMatcher(pattern));
      assert.ok(fast, `${pattern} should take the fast path`);
      const mm = new Minimatch(pattern, { nocase: true, dot: true });
      for (const v of VALUES) assert.strictEqual(fast(v), mm.match(v), `${pattern} vs ${JSON.stringify(v)}`);
    });
  }

  it('leaves globs with other magic to Minimatch', () => {
    for (const p of ['**', 'prod?', '[ps]rod', '{a,b}', '!prod', '#x', '+(a)', 'a/b', 'a\\*']) assert.strictEqual(simpleGlobMatcher(p, () => minimatchMatcher(p)), undefined, p);
  });
});
