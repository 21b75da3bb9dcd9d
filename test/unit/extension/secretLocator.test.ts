import * as assert from 'assert';
import { SecretLocator, byLikelihood } from '../../../src/extension/confirm/secretLocator';
import type { WorkspaceFiles } from '../../../src/extension/confirm/secretLocator';

function files(contents: Record<string, string>, reads: string[]): WorkspaceFiles {
  return {
    list: async () => Object.keys(contents).sort(byLikelihood),
    read: async (f, max) => {
      reads.push(f);
      return contents[f]?.slice(0, max);
    },
    display: (f) => f,
  };
}

describe('SecretLocator', () => {
  it('names the file holding the same secret, .env first, and searches once per secret', async () => {
    const reads: string[] = [];
    const loc = new SecretLocator(files({ 'src/app.ts': 'token rw_live_1234567890abc', '.env': 'RAILWAY_TOKEN=rw_live_1234567890abc' }, reads));
    assert.strictEqual(await loc.locate('rw_live_1234567890abc'), '.env');
    assert.strictEqual(await loc.locate('rw_live_1234567890abc'), '.env');
    assert.deepStrictEqual(reads, ['.env']);
    assert.strictEqual(await loc.locate('not-anywhere-at-all'), undefined);
  });

  it('ignores short secrets and variable references', async () => {
    const reads: string[] = [];
    const loc = new SecretLocator(files({ '.env': 'A=hunter2 $TOKEN' }, reads));
    assert.strictEqual(await loc.locate('hunter2'), undefined);
    assert.strictEqual(await loc.locate('$RAILWAY_TOKEN'), undefined);
    assert.strictEqual(reads.length, 0);
  });

  it('stops at the file, byte and time budget', async () => {
    const reads: string[] = [];
    const many: Record<string, string> = {};
    for (let i = 0; i < 50; i++) many[`f${String(i).padStart(2, '0')}.txt`] = 'x'.repeat(100);
    many['zz.txt'] = 'the-secret-value-123';
    const loc = new SecretLocator(files(many, reads), { maxFiles: 10, maxBytesPerFile: 1000, maxTotalBytes: 1_000_000, maxMillis: 10_000 });
    assert.strictEqual(await loc.locate('the-secret-value-123'), undefined);
    assert.strictEqual(reads.length, 10);
    let t = 0;
    const slow = new SecretLocator(files(many, []), { maxFiles: 100, maxBytesPerFile: 1000, maxTotalBytes: 1_000_000, maxMillis: 5 }, () => (t += 1));
    assert.strictEqual(await slow.locate('the-secret-value-123'), undefined);
    const bytes: string[] = [];
    const small = new SecretLocator(files(many, bytes), { maxFiles: 100, maxBytesPerFile: 1000, maxTotalBytes: 250, maxMillis: 10_000 });
    assert.strictEqual(await small.locate('the-secret-value-123'), undefined);
    assert.ok(bytes.length <= 4, `read ${bytes.length} files`);
  });
});
