// The name a shell (or Windows) resolves a command word to: `/usr/bin/git` → `git`, `\rm` → `rm`,
// `C:\Program Files\Git\bin\git.exe` → `git`, `GIT.EXE` → `git`, `python3.11.exe` → `python`.

/** Windows executable suffixes: `git.exe`, `npm.cmd`, `build.bat`, `command.com`. */
const WINDOWS_SUFFIX = /\.(?:exe|cmd|bat|com)$/i;
/** A versioned interpreter (`python3.11`, `python3.12`): read as the interpreter it is. */
const VERSIONED_PYTHON = /^python\d+\.\d+$/;
const SCOPED_PACKAGE = /^@[\w.-]+\/[\w.-]+$/;

export function commandName(word: string): string {
  // zsh reads `=rm` as the path of `rm` (EQUALS expansion).
  if (word.length > 1 && word[0] === '=') word = word.slice(1);
  // A scoped npm package run by npx (`@railway/cli`) keeps its whole name: rule tables know it so.
  if (SCOPED_PACKAGE.test(word)) return word;
  let start = 0;
  while (word.charCodeAt(start) === 92 /* \ */) start++;
  const slash = Math.max(word.lastIndexOf('/'), word.lastIndexOf('\\'));
  let name = slash >= start && slash < word.length - 1 ? word.slice(slash + 1) : start > 0 ? word.slice(start) : word;
  if (WINDOWS_SUFFIX.test(name)) {
    // Windows names are case-insensitive: `GIT.EXE` is git.
    name = name.slice(0, name.lastIndexOf('.')).toLowerCase();
  }
  return VERSIONED_PYTHON.test(name) ? 'python' : name;
}
