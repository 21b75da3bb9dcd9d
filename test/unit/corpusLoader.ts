// Reads the labelled corpus: `label<TAB>category<TAB>command` per line; `#` comments.
// Escapes in a command (the only ones; every other backslash is literal):
//   `\n` a newline (heredocs, multi-line scripts), `\t` a tab,
//   `\u{HEX}` the code point HEX: invisible or look-alike characters (`\u{200b}` zero-width space,
//   `\u{ff52}` full-width r, `\u{2013}` en dash), and `\u{5c}` a backslash that starts no escape, for
//   Windows paths where a folder begins with n or t (`C:\u{5c}new\u{5c}tools` is `C:\new\tools`).
import * as fs from 'fs';
import * as path from 'path';

export interface CorpusLine {
  file: string;
  line: number;
  label: 'block' | 'allow';
  category: string;
  command: string;
}

export const CORPUS_DIR = path.join(__dirname, '..', 'corpus');

const CODE_POINT_ESCAPE = /\\u\{([0-9A-Fa-f]{1,6})\}/;

/** Applies the escapes above; `\u{…}` is cut out first so the code point it writes never starts `\n`. */
export function unescapeCommand(text: string): string {
  return text
    .split(CODE_POINT_ESCAPE)
    .map((part, i) => (i % 2 === 1 ? String.fromCodePoint(parseInt(part, 16)) : part.replace(/\\n/g, '\n').replace(/\\t/g, '\t')))
    .join('');
}

export function loadCorpus(dir = CORPUS_DIR): CorpusLine[] {
  const out: CorpusLine[] = [];
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.tsv')).sort()) {
    const lines = fs.readFileSync(path.join(dir, file), 'utf8').split('\n');
    lines.forEach((text, i) => {
      if (text.trim() === '' || text.startsWith('#')) return;
      const [label, category, ...rest] = text.split('\t');
      if ((label !== 'block' && label !== 'allow') || !category || rest.length === 0) {
        throw new Error(`${file}:${i + 1}: expected "block|allow<TAB>category<TAB>command", got ${JSON.stringify(text)}`);
      }
      out.push({ file, line: i + 1, label, category, command: unescapeCommand(rest.join('\t')) });
    });
  }
  return out;
}
