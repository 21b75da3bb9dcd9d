// Turns what interpreter code does into shell text the same rules already judge: a spawn is its
// command line, `shutil.rmtree(p)` is `rm -rf -- p`, `open(p, 'w')` is `: > p`, `requests.delete(u)`
// is `curl -X DELETE u`, `cursor.execute(sql)` is `psql -c sql`. One set of rules, one path judgment
// (G's deletePathSafety through the rm rules), one HTTP and one SQL reader.
import { COMPUTED } from './codeLexer';
import type { Value } from './codeValues';
import type { CodeEffect } from './scanCode';

type ShellOrAsk = { shell: string; call: string } | { ask: { rule: string; summary: string } };

/** Characters a shell word may hold without quotes (`~` stays bare so it still means home). */
const BARE_WORD = /^[A-Za-z0-9_./~*+,:=@%^-]+$/;

function quoteLiteral(text: string): string {
  if (text !== '' && BARE_WORD.test(text) && !text.startsWith('-')) return text;
  if (text.startsWith('~/') && BARE_WORD.test(text.slice(2).replace(/ /g, '_'))) return `~/'${text.slice(2)}'`;
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** A value as one shell word: literal parts quoted, computed parts `"${CODE_VALUE}"` (an unknown variable). */
function shellWord(v: Value): string {
  if (v.kind === 'unknown') return `"${COMPUTED}"`;
  if (v.kind === 'list') return v.items.map(shellWord).join(' ');
  if (!v.dynamic) return v.text.startsWith('-') ? `'${v.text}'` : quoteLiteral(v.text);
  const parts = v.text.split(COMPUTED);
  return parts.map((p) => (p === '' ? '' : `'${p.replace(/'/g, `'\\''`)}'`)).join(`"${COMPUTED}"`) || `"${COMPUTED}"`;
}

/** An option-like argv word must not be quoted away from what the program sees; quoting keeps it the same word. */
function argvWord(v: Value): string {
  if (v.kind === 'str' && !v.dynamic && v.text.startsWith('-') && BARE_WORD.test(v.text)) return v.text;
  return shellWord(v);
}

export function effectToShell(e: CodeEffect, language: string): ShellOrAsk {
  switch (e.kind) {
    case 'shell':
      return { shell: e.text, call: e.call };
    case 'argv': {
      const first = e.words[0];
      if (!first || first.kind !== 'str' || first.dynamic) {
        return { ask: { rule: 'code.computed', summary: `runs ${language} code that starts a program it computes (\`${e.call}\`): the guard cannot read what it will do` } };
      }
      return { shell: e.words.map(argvWord).join(' '), call: e.call };
    }
    case 'delete':
      return { shell: `rm ${e.recursive ? '-rf' : '-f'} -- ${shellWord(e.path)}`, call: e.call };
    case 'write':
      // Emptying a file is judged like `: > f`; writing content is a command's output going into it.
      return { shell: e.truncate ? `: > ${shellWord(e.path)}` : `echo data > ${shellWord(e.path)}`, call: e.call };
    case 'file-op':
      return { shell: `${e.op} ${e.op === 'chmod' ? '' : '-- '}${e.args.map(shellWord).join(' ')}`, call: e.call };
    case 'http': {
      const body = e.body !== undefined ? ` --data ${shellWord({ kind: 'str', text: e.body, dynamic: false })}` : '';
      return { shell: `curl -X ${e.method} ${shellWord(e.url)}${body}`, call: e.call };
    }
    case 'sql':
      return { shell: `psql -c ${shellWord({ kind: 'str', text: e.text, dynamic: false })}`, call: e.call };
    case 'ask':
      return { ask: { rule: e.rule, summary: e.summary } };
  }
}
