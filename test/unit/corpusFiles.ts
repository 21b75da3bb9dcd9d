// The files the corpus's commands run (scripts, package.json, Makefiles, SQL, code), handed to the
// engine as an in-memory map with the same bounds as the CLI's reader.
//
// Layout: `test/corpus/files/<fixture>/<path>` is the file `<path>` in fixture folder `<fixture>`.
// Fixture `project` is the corpus's working folder itself (`/work/project`); any other fixture is the
// folder `/work/project/<fixture>`. A corpus line runs in a fixture folder when its category names it
// after `@`: `allow	scripts@express	npm test` runs `npm test` in `/work/project/express`.
// The same folders work on disk: `agent-guard check --cwd test/corpus/files/express -- 'npm test'`.
import * as fs from 'fs';
import * as path from 'path';
import { memoryFiles } from '../../src/engine/files/fileBounds';
import type { FileAccess } from '../../src/engine/types';

export const CORPUS_CWD = '/work/project';
export const FIXTURES_DIR = path.join(__dirname, '..', 'corpus', 'files');
/** A fixture file with this exact content is an unreadable file (permission denied) in the map. */
export const UNREADABLE_MARKER = '<<unreadable>>';

function walk(dir: string, rel: string, out: Map<string, string | null>, root: string): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const relPath = rel === '' ? entry.name : `${rel}/${entry.name}`;
    if (entry.isDirectory()) walk(full, relPath, out, root);
    else {
      const text = fs.readFileSync(full, 'latin1');
      out.set(`${root}/${relPath}`, text === UNREADABLE_MARKER ? null : text);
    }
  }
}

/** Every fixture file under its path in the corpus's world. */
export function corpusFileMap(dir = FIXTURES_DIR): Map<string, string | null> {
  const out = new Map<string, string | null>();
  if (!fs.existsSync(dir)) return out;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const root = entry.name === 'project' ? CORPUS_CWD : `${CORPUS_CWD}/${entry.name}`;
    walk(path.join(dir, entry.name), '', out, root);
  }
  return out;
}

/** `scripts@express` → cwd `/work/project/express`; a category without `@` runs in `/work/project`. */
export function cwdOfCategory(category: string): string {
  const at = category.indexOf('@');
  return at < 0 ? CORPUS_CWD : `${CORPUS_CWD}/${category.slice(at + 1)}`;
}

export function corpusFiles(map: ReadonlyMap<string, string | null>, cwd: string): FileAccess {
  return memoryFiles(map, cwd);
}
