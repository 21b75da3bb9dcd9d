// mayBeJson (engine/jsonText.ts) skips JSON.parse only where it would throw.
import * as assert from 'assert';
import { mayBeJson, parseJsonOrUndefined } from '../../../src/engine/jsonText';

const parses = (t: string): boolean => {
  try {
    JSON.parse(t);
    return true;
  } catch {
    return false;
  }
};

describe('mayBeJson', () => {
  it('is true for every text JSON.parse reads', () => {
    const texts = ['{}', ' [1]', '\n\t"x"', '-1', '0', '7.5e3', 'true', 'false', 'null', '\r {"query":"mutation { volumeDelete }"}'];
    for (const t of texts) {
      assert.ok(parses(t), t);
      assert.ok(mayBeJson(t), t);
      assert.deepStrictEqual(parseJsonOrUndefined(t), JSON.parse(t));
    }
  });

  it('is false only for text JSON.parse rejects (checked on generated text)', () => {
    const alphabet = ['{', '}', '[', ']', '"', '-', '1', 't', 'f', 'n', 'true', 'null', ' ', '\t', '\n', '\r', '\u00a0', '\ufeff', 'x', ':', ',', 'commands=', 'rm -rf /'];
    let s = 7;
    const next = (): number => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
    for (let i = 0; i < 20000; i++) {
      let t = '';
      for (let k = Math.floor(next() * 6); k >= 0; k--) t += alphabet[Math.floor(next() * alphabet.length)];
      if (!mayBeJson(t)) assert.ok(!parses(t), JSON.stringify(t));
      assert.deepStrictEqual(parseJsonOrUndefined(t), parses(t) ? JSON.parse(t) : undefined, JSON.stringify(t));
    }
    assert.strictEqual(mayBeJson(''), false);
    assert.strictEqual(mayBeJson('commands=rm -rf /srv'), false);
  });
});
