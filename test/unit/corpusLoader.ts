// Reads the labelled corpus: `label<TAB>category<TAB>command` per line; `#` comments; `\n` in a
// command stands for a newline (heredocs) and `\t` for a tab.
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
      const command = rest.join('\t').replace(/\\n/g, '\n').replace(/\\t/g, '\t');
      out.push({ file, line: i + 1, label, category, command });
    });
  }
  return out;
}
