// The engine's tokenizer (shell/shellTokens.ts) is shell-quote's `parse` with its expressions compiled once:
// it must give the same tokens, or throw the same error, for every line shell-quote is handed.
import * as assert from 'assert';
import { parse } from 'shell-quote';
import { shellTokens } from '../../../src/engine/shell/shellTokens';
import { lexicalScan } from '../../../src/engine/shell/lexicalScan';
import { normaliseCommandText } from '../../../src/engine/shell/normalise';
import { loadCorpus } from '../corpusLoader';

function outcome(f: () => unknown): unknown {
  try {
    return { tokens: f() };
  } catch (err) {
    return { error: (err as Error).message };
  }
}

function same(line: string): void {
  assert.deepStrictEqual(outcome(() => shellTokens(line)), outcome(() => parse(line)), JSON.stringify(line));
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const PIECES = [
  'rm', '-rf', '~', 'a', 'x y', '"', "'", '\\', '$', '$X', '${X}', '${', '}', '${a${b}}', '$1', '$?', '$$', '$@', '$-', '$"', "$'", "$'a\\'b'", "$'\\x41\\n\\c?\\101\\u00e9\\U0001F600'",
  '$constructor', '$toString', '#', ' #c', '*', '?', '[', ']', '|', '||', '|&', '&', '&&', '&>', '&>>', ';', ';;', ';;&', ';&', '(', ')', '<(', '>(', '<', '<<', '<<<', '<<-', '<<(', '>>', '>&', '>|', '<&', '<>',
  '\t', '\n', ' ', '"a b"', "'c d'", '"$X y"', '"\\$"', '"\\"', '"\\a"', 'é', '\u0001S0\u0002', '\u0000',
];

describe('shellTokens (shell-quote parse, compiled once)', function () {
  this.timeout(60_000);
  it('tokenizes every corpus line as shell-quote does (as typed and as the parser hands it over)', () => {
    for (const { command } of loadCorpus()) {
      same(command);
      same(lexicalScan(normaliseCommandText(command)).text);
    }
  });

  it('tokenizes 20000 generated lines as shell-quote does', () => {
    const next = rng(20261202);
    for (let i = 0; i < 20_000; i++) {
      const n = 1 + Math.floor(next() * 10);
      const parts: string[] = [];
      for (let k = 0; k < n; k++) parts.push(PIECES[Math.floor(next() * PIECES.length)]);
      same(parts.join(next() < 0.5 ? ' ' : ''));
    }
  });
});
