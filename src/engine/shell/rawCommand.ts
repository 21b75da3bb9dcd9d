// A simple command as split from the tokens, before wrappers are peeled and words expanded.
import type { Redirect } from '../types';
import type { Word } from './words';

export interface RawCommandLike {
  words: Word[];
  redirects: Redirect[];
  stdin?: string;
  pipedFromPrevious: boolean;
  /** Command substitutions inside an unquoted heredoc body: they run when the heredoc is read. */
  heredocCode?: string[];
  /** `NAME ( )` seen: this raw names a function whose body follows. */
  defines?: string;
}

/** A raw command with every field present, in one order: one object shape for the parser's reads (issue 11). */
export function rawCommand(words: Word[], pipedFromPrevious: boolean, defines?: string): RawCommandLike {
  return { words, redirects: [], stdin: undefined, pipedFromPrevious, heredocCode: undefined, defines };
}
