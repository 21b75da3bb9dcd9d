// JSON.parse of text that is often not JSON (a request body, an `aws ssm` parameter) throws, and a thrown
// error captures a stack: tens of microseconds each time (issue 11). Text whose first character after JSON's
// whitespace cannot start a JSON value is known to fail without calling it.

/** The characters a JSON value can start with: `{ [ "`, a digit or `-`, and `true`/`false`/`null`. */
const JSON_START = /[{["\-0-9tfn]/;

/** False when JSON.parse(text) would certainly throw; true when it may succeed. */
export function mayBeJson(text: string): boolean {
  let i = 0;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  return i < text.length && JSON_START.test(text[i]);
}

/** JSON.parse(text), or `undefined` when the text is not JSON. */
export function parseJsonOrUndefined(text: string): unknown {
  if (!mayBeJson(text)) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
