// The trigger words every open terminal reads before each prompt (see `__ag_refresh` in
// src/shell/agent-guard.bash): `words` holds three lines (trigger words, rule-command words,
// substrings) and `version` one line that changes with every write. `words` is replaced first and
// `version` last, each by an atomic rename, so a shell that sees a new version reads the new words.
// Plain node (no `vscode`): unit-tested with real shells.
import * as fs from 'fs';
import * as path from 'path';
import { writeFileAtomic } from '../../files/writeFileAtomic';
import type { ShellTriggers } from './shellTriggerWords';

export const WORDS_FILE = 'words';
export const VERSION_FILE = 'version';


/** The three lines the shells read; a newline cannot appear inside a line (the lists are words). */
export function wordsFileText(triggers: ShellTriggers): string {
  const words = triggers.words === '*' ? '*' : triggers.words.join(' ');
  const clean = (s: string): string => s.replace(/[\r\n]/g, ' ');
  return `${clean(words)}\n${clean(triggers.deep.join(' '))}\n${clean(triggers.substrings.join(' '))}\n`;
}

export class ShellWordsFile {
  private counter = 0;

  constructor(readonly dir: string) {}

  /** Writes the lists, then a new version. Throws when the folder cannot be written. */
  write(triggers: ShellTriggers): void {
    fs.mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    writeFileAtomic(path.join(this.dir, WORDS_FILE), wordsFileText(triggers));
    this.counter++;
    writeFileAtomic(path.join(this.dir, VERSION_FILE), `${Date.now()}-${process.pid}-${this.counter}\n`);
  }
}
