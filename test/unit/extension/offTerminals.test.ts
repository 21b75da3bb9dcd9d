import * as assert from 'assert';
import { OffTerminals } from '../../../src/extension/terminal/offTerminals';

describe('terminals with the guard off (the status bar count)', () => {
  it('counts each terminal once, until it is switched back on or closed, and says when the count changes', () => {
    const off = new OffTerminals();
    let changes = 0;
    const sub = off.onDidChange(() => changes++);
    off.set(101, true);
    off.set(101, true);
    off.set(202, true);
    assert.deepStrictEqual([off.count, changes], [2, 2]);
    off.set(101, false);
    off.set(999, false);
    assert.deepStrictEqual([off.count, changes], [1, 3]);
    sub.dispose();
    off.set(202, false);
    assert.deepStrictEqual([off.count, changes], [0, 3]);
  });
});
