// Text is normalised before it is read, so a command spelled with look-alike characters is read as the
// command it imitates (DESIGN, "Interpreter code": NFKC, zero-width characters, look-alike dashes):
//   - NFKC folds full-width and compatibility forms (`ｒｍ` → `rm`, `－` → `-`, ideographic space → space);
//   - invisible format characters (zero-width space/joiners, word joiner, BOM, soft hyphen) are removed;
//   - dashes that PowerShell accepts for `-` (en dash, em dash, horizontal bar) and the other look-alikes
//     (hyphen, non-breaking hyphen, figure dash, minus sign) read as `-`.
// A real shell would not run `ｒｍ` at all; reading it as `rm` errs on the side of asking, and the same
// text reaches PowerShell and agents' tools, which are less strict.

/** Any character outside ASCII: only such lines pay for normalisation (a loop: cheaper than a regular expression here). */
function hasNonAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return true;
  return false;
}
/** Format characters that render as nothing (Unicode category Cf, the ones seen in the wild). */
const INVISIBLE = /[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/g;
const DASHES = /[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/g;

export function normaliseCommandText(text: string): string {
  if (!hasNonAscii(text)) return text;
  return text.replace(INVISIBLE, '').normalize('NFKC').replace(DASHES, '-');
}
