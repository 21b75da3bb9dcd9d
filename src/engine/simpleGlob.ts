// The environment globs people and the defaults write (`*prod*`, `127.*`, `localhost`, `*.local`) are
// letters and `*` only. Building a Minimatch for each cost ~5 ms at every CLI start (13 defaults,
// issue 11), so such a glob becomes one regular expression here, matching exactly as
// `new Minimatch(pattern, { nocase: true, dot: true })` does for a value that is one printable ASCII
// path segment. Any other value (empty, `.`, `..`, a slash or backslash, other characters) is handed
// to Minimatch itself, built on first use, so the answers never differ.
import { Minimatch } from 'minimatch';

/** Letters, digits and `_ . : @ -` with single `*`s: nothing Minimatch reads as magic but the star. */
const SIMPLE_PATTERN = /^(?!.*\*\*)[A-Za-z0-9_.:@*-]+$/;
/** One segment of printable ASCII (no `/`, no `\`), which the fast expression reads as Minimatch does. */
const PLAIN_VALUE = /^[\x20-\x2e\x30-\x5b\x5d-\x7e]+$/;
const REGEX_SPECIAL = /[.*+?^${}()|[\]\\-]/g;

/** A matcher for a simple glob, or undefined when the pattern needs Minimatch's full reading. */
export function simpleGlobMatcher(pattern: string, slow: () => (value: string) => boolean): ((value: string) => boolean) | undefined {
  if (!SIMPLE_PATTERN.test(pattern)) return undefined;
  const body = pattern.split('*').map((part) => part.replace(REGEX_SPECIAL, '\\$&')).join('[^/]*');
  const rx = new RegExp(`^${body}$`, 'i');
  let full: ((value: string) => boolean) | undefined;
  return (v) => (PLAIN_VALUE.test(v) && v !== '.' && v !== '..' ? rx.test(v) : (full ??= slow())(v));
}

export function minimatchMatcher(pattern: string): (value: string) => boolean {
  const mm = new Minimatch(pattern, { nocase: true, dot: true });
  if (mm.comment || mm.empty) throw new Error(`not a usable glob pattern: ${pattern}`);
  return (v) => mm.match(v);
}
