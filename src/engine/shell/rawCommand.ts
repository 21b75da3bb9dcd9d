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
