// Wrappers are transparent: `sudo rm -rf /` is `rm -rf /`. Each entry peels one wrapper off the
// front of a simple command and says what runs inside: more words (another simple command), or a
// string the wrapper hands to a shell (`bash -c '…'`, `ssh host '…'`, `eval …`, `watch '…'`).
import { commandName } from './commandName';
import { literalWord, type Word } from './words';

export type Unwrapped =
  /** The wrapped command's words, plus what the wrapper contributes. */
  | { kind: 'words'; words: Word[]; via: string; assignments?: Record<string, string>; remote?: string }
  /** A string that a shell will parse and run. */
  | { kind: 'shell'; text: string; via: string; remote?: string; dynamic: boolean }
  /** The wrapper runs nothing (`command -v x`, `ssh host` with no command). */
  | { kind: 'none' };

type Unwrapper = (args: Word[], name: string) => Unwrapped | null;

const ASSIGNMENT_RE = /^[A-Za-z_][A-Za-z0-9_]*=/;
/** `env` takes any `NAME=value` whose name has no `=` (`BASH_FUNC_ls%%=() { … }` exports a function to bash). */
const ENV_ASSIGNMENT_RE = /^[^=\s-][^=\s]*=/;

/**
 * Skips options. `withValue` lists options that take the next word as their value (also accepted
 * glued: `-uroot`, `--user=root`). Stops at `--` (consumed) or the first non-option word.
 */
function skipOptions(args: Word[], withValue: ReadonlySet<string>, from = 0): number {
  let i = from;
  while (i < args.length) {
    const a = args[i].text;
    if (a === '--') return i + 1;
    if (!a.startsWith('-') || a === '-') return i;
    if (withValue.has(a)) i += 2;
    else i += 1;
  }
  return i;
}

function words(args: Word[], from: number, via: string, extra?: Partial<Extract<Unwrapped, { kind: 'words' }>>): Unwrapped {
  const rest = args.slice(from);
  if (rest.length === 0) return { kind: 'none' };
  return { kind: 'words', words: rest, via, ...extra };
}

function shellText(args: Word[], via: string, remote?: string): Unwrapped {
  if (args.length === 0) return { kind: 'none' };
  return { kind: 'shell', text: args.map((w) => w.text).join(' '), via, remote, dynamic: args.some((w) => w.dynamic) };
}

/**
 * Text for a Windows shell (PowerShell `-Command`, `cmd /c`): there `\` separates folders and escapes
 * nothing, so each one is doubled to stay literal when the text is read again (`.cursor\hooks.json`),
 * except inside single quotes, where the reader keeps it as it is (`'C:\Windows\x'`).
 */
function windowsShellText(args: Word[], via: string): Unwrapped {
  if (args.length === 0) return { kind: 'none' };
  const text = args.map((w) => w.text).join(' ');
  let out = '';
  let single = false;
  let double = false;
  for (const c of text) {
    if (c === "'" && !double) single = !single;
    else if (c === '"' && !single) double = !double;
    out += c === '\\' && !single ? '\\\\' : c;
  }
  return { kind: 'shell', text: out, via, dynamic: args.some((w) => w.dynamic) };
}

const SETS = new Map<string, ReadonlySet<string>>();
/**
 * The set of these option words, built once per distinct list: the unwrappers name their options inline and
 * run on every command, so a new Set per call was most of what peeling `timeout 5` or `nice` cost (issue 11).
 */
const SET = (...xs: string[]): ReadonlySet<string> => {
  const key = xs.join('\n');
  let set = SETS.get(key);
  if (set === undefined) SETS.set(key, (set = new Set(xs)));
  return set;
};

/** A wrapper given no command starts a shell, which reads its commands from stdin (`sudo -s <<< '…'`, `… | su`). */
function loginShell(args: Word[], from: number, via: string): Unwrapped {
  if (from < args.length) return words(args, from, via);
  return { kind: 'words', words: [literalWord('sh')], via };
}

const sudo: Unwrapper = (args, name) => {
  const i = skipOptions(args, SET('-u', '-g', '-h', '-p', '-C', '-D', '-r', '-t', '-U', '-T', '--user', '--group', '--host', '--prompt'));
  const shell = args.slice(0, i).some((w) => /^-[a-zA-Z]*[si]$/.test(w.text) || w.text === '--shell' || w.text === '--login');
  return shell ? loginShell(args, i, name) : words(args, i, name);
};

const env: Unwrapper = (args) => {
  const assignments: Record<string, string> = {};
  let i = 0;
  while (i < args.length) {
    const a = args[i].text;
    if (a === '-S' || a === '--split-string') return shellText(args.slice(i + 1), 'env -S');
    if (a.startsWith('--split-string=')) return shellText([{ ...args[i], text: a.slice(15) }, ...args.slice(i + 1)], 'env -S');
    if (/^-[iv0]*S./.test(a)) return shellText([{ ...args[i], text: a.slice(a.indexOf('S') + 1) }, ...args.slice(i + 1)], 'env -S');
    if (/^-[v0]*i[v0i]*$/.test(a) && a !== '-i') {
      // `-vi`: flags bundled with -i still clear the environment.
      assignments['AGENT_GUARD_IPC'] ??= '';
      i += 1;
      continue;
    }
    if (a === '-u' || a === '--unset') {
      // An unset variable reads as empty: rules that watch a variable (the guard's own) must see it.
      const name = args[i + 1]?.text;
      if (name) assignments[name] = '';
      i += 2;
    } else if (a.startsWith('--unset=')) {
      assignments[a.slice(8)] = '';
      i += 1;
    } else if (a === '-i' || a === '--ignore-environment' || a === '-') {
      // `env -i` clears every variable, the guard's own included: record that one as unset.
      assignments['AGENT_GUARD_IPC'] ??= '';
      i += 1;
    } else if (a === '-C' || a === '--chdir' || a === '-P' || a === '-a' || a === '--argv0') i += 2;
    else if (a === '--') i += 1;
    else if (a.startsWith('-') && a !== '-') i += 1;
    else if (ASSIGNMENT_RE.test(a) || ENV_ASSIGNMENT_RE.test(a)) {
      const eq = a.indexOf('=');
      assignments[a.slice(0, eq)] = a.slice(eq + 1);
      i += 1;
    } else break;
  }
  return words(args, i, 'env', { assignments });
};

const commandBuiltin: Unwrapper = (args, name) => {
  if (args.some((w) => w.text === '-v' || w.text === '-V')) return { kind: 'none' };
  return words(args, skipOptions(args, SET()), name);
};

const exec: Unwrapper = (args) => {
  const i = skipOptions(args, SET('-a'));
  // `exec -c cmd` clears the environment, the guard's own variables included (as `env -i` does).
  const clears = args.slice(0, i).some((w) => /^-[a-zA-Z]*c/.test(w.text));
  return words(args, i, 'exec', clears ? { assignments: { AGENT_GUARD_IPC: '' } } : undefined);
};
const plain: Unwrapper = (args, name) => words(args, skipOptions(args, SET()), name);
const nice: Unwrapper = (args) => words(args, skipOptions(args, SET('-n', '--adjustment')), 'nice');
const ionice: Unwrapper = (args) => words(args, skipOptions(args, SET('-c', '-n', '-p', '--class', '--classdata')), 'ionice');
const stdbuf: Unwrapper = (args) => words(args, skipOptions(args, SET('-i', '-o', '-e')), 'stdbuf');

const timeout: Unwrapper = (args) => {
  const i = skipOptions(args, SET('-s', '-k', '--signal', '--kill-after'));
  return words(args, i + 1, 'timeout'); // the word after the options is the duration
};

const watch: Unwrapper = (args) => {
  const direct = args.some((w) => w.text === '-x' || w.text === '--exec');
  const i = skipOptions(args, SET('-n', '--interval', '-q', '--equexit'));
  if (direct) return words(args, i, 'watch');
  return shellText(args.slice(i), 'watch');
};

/** A word that holds the item read from stdin (`{}` of `xargs -I{}`): its value is unknown. */
function stdinItem(w: Word, placeholder: string): Word {
  return { raw: w.raw.split(placeholder).join('\u0001VSTDIN_ITEM\u0002'), text: w.text.split(placeholder).join('${STDIN_ITEM}'), dynamic: true };
}

/** `xargs rm -rf`: the arguments come from stdin, so the command gets an unknown (dynamic) target. */
const xargs: Unwrapper = (args) => {
  let replace: string | undefined;
  let i = 0;
  const withValue = SET('-n', '-L', '-P', '-s', '-d', '-E', '-a', '--max-args', '--max-procs', '--delimiter', '--arg-file', '--max-lines');
  while (i < args.length) {
    const a = args[i].text;
    if (a === '--') {
      i++;
      break;
    }
    if (!a.startsWith('-')) break;
    if (a === '-I' || a === '-J') {
      replace = args[i + 1]?.text;
      i += 2;
    } else if (a.startsWith('-I') || a.startsWith('-J')) {
      replace = a.slice(2);
      i += 1;
    } else if (a === '-i' || a.startsWith('--replace')) {
      replace = a.includes('=') ? a.slice(a.indexOf('=') + 1) : '{}';
      i += 1;
    } else if (withValue.has(a)) i += 2;
    else i += 1;
  }
  const rest = args.slice(i);
  if (rest.length === 0) return { kind: 'words', words: [literalWord('echo')], via: 'xargs' };
  const fromStdin: Word = { raw: '$XARGS', text: '<stdin items>', dynamic: true };
  const inner = replace ? rest.map((w) => (w.text.includes(replace as string) ? stdinItem(w, replace as string) : w)) : [...rest, fromStdin];
  return { kind: 'words', words: inner, via: 'xargs' };
};

/** `npx vercel rm app` runs `vercel rm app`; `npx -c 'cmd'` runs a shell string. */
const npx: Unwrapper = (args, name) => {
  let i = 0;
  while (i < args.length) {
    const a = args[i].text;
    if (a === '-c' || a === '--call') return shellText(args.slice(i + 1, i + 2), name + ' -c');
    if (a === '-p' || a === '--package') i += 2;
    else if (a === '--') {
      i++;
      break;
    } else if (a.startsWith('-')) i += 1;
    else break;
  }
  const rest = args.slice(i);
  if (rest.length === 0) return { kind: 'none' };
  // The package without its version: `vercel@latest` → `vercel`, `@railway/cli@3` → `@railway/cli` (rule tables name scoped packages whole).
  const pkg = rest[0].text.replace(/^((?:@[^/@]+\/)?[^@]+)@.*$/, '$1');
  return { kind: 'words', words: [literalWord(pkg), ...rest.slice(1)], via: name };
};

/** `pnpm dlx x`, `pnpm exec x`, `yarn dlx x`, `npm exec -- x`, `bun x y`. */
const packageRunner: Unwrapper = (args, name) => {
  const sub = args[0]?.text;
  if (sub === 'dlx' || sub === 'exec' || sub === 'x') return npx(args.slice(1), `${name} ${sub}`);
  return null;
};

/** `railway run …`, `doppler run -- …`, `op run -- …`, `infisical run -- …`, `heroku run …`. */
const secretRunner: Unwrapper = (args, name) => {
  if (args[0]?.text !== 'run') return null;
  const withValue = SET('-s', '--service', '-e', '--environment', '-p', '--project', '-c', '--config', '--env-file', '-a', '--app', '--env', '--token', '-r', '--remote');
  const i = skipOptions(args, withValue, 1);
  const via = args
    .slice(0, i)
    .map((w) => w.text)
    .join(' ');
  // `heroku run 'rails db:drop' -a shop`: one quoted word with spaces is a command line run by a shell.
  if (args[i] && /\s/.test(args[i].text)) return shellText(args.slice(i, i + 1), `${name} ${via}`.trim());
  return words(args, i, `${name} ${via}`.trim());
};

const SHELL_WITH_VALUE = SET('-o', '+o', '-O', '+O', '--rcfile', '--init-file');

/** `bash -c 'str'`, `sh -lc 'str'`, `zsh -ec …`: the string is a command line of its own. */
const shell: Unwrapper = (args, name) => {
  let i = 0;
  while (i < args.length) {
    const a = args[i].text;
    if (a === '--') {
      i++;
      break;
    }
    if (!(a.startsWith('-') || a.startsWith('+')) || a === '-' || a === '+') break;
    if (SHELL_WITH_VALUE.has(a)) {
      i += 2;
      continue;
    }
    if (/^-(?=[A-Za-z]*$)[A-Za-z]*c/.test(a)) return shellText(args.slice(i + 1, i + 2), `${name} -c`);
    i += 1;
  }
  // `bash script.sh`, `bash -s`, plain `bash`: nothing inline to unwrap (stdin is looked at by the caller).
  return null;
};

const evalWrapper: Unwrapper = (args) => shellText(args, 'eval');

/** `cross-env A=1 B=2 cmd` (package scripts): assignments, then the command. */
const crossEnv: Unwrapper = (args) => {
  const assignments: Record<string, string> = {};
  let i = 0;
  while (i < args.length && ASSIGNMENT_RE.test(args[i].text)) {
    const t = args[i].text;
    assignments[t.slice(0, t.indexOf('='))] = t.slice(t.indexOf('=') + 1);
    i++;
  }
  return words(args, i, 'cross-env', { assignments });
};
const envCmd: Unwrapper = (args) => words(args, skipOptions(args, SET('-f', '--file', '-e', '--environments', '-r', '--rc-file')), 'env-cmd');
/** `shx rm -rf dist` (shelljs' CLI): its first word is the command. */
const shx: Unwrapper = (args) => words(args, skipOptions(args, SET()), 'shx');

const SSH_WITH_VALUE = SET('-b', '-c', '-D', '-E', '-e', '-F', '-I', '-i', '-J', '-L', '-l', '-m', '-O', '-o', '-p', '-Q', '-R', '-S', '-W', '-w', '-B', '-P');

const ssh: Unwrapper = (args) => {
  const i = skipOptions(args, SSH_WITH_VALUE);
  const host = args[i]?.text;
  if (!host) return { kind: 'none' };
  const rest = args.slice(i + 1);
  // `… | ssh host`, `ssh host bash -s <<EOF`: the remote shell reads its commands from stdin.
  if (rest.length === 0) return { kind: 'words', words: [literalWord('sh')], via: `ssh ${host}`, remote: host };
  if (SHELLS.has(commandName(rest[0].text)) && !rest.some((w) => /^-(?=[a-zA-Z]*$)[a-zA-Z]*c/.test(w.text))) return { kind: 'words', words: rest, via: `ssh ${host}`, remote: host };
  return shellText(rest, `ssh ${host}`, host);
};

const DOCKER_EXEC_WITH_VALUE = SET('-e', '--env', '--env-file', '-u', '--user', '-w', '--workdir', '--detach-keys', '--index');

/** `docker exec -it pg psql -c …` runs `psql -c …` inside container `pg`. */
const containerEngine: Unwrapper = (args, name) => {
  let j = 0;
  let label = name;
  if (args[0]?.text === 'compose' && (args[1]?.text === 'exec' || args[1]?.text === 'run')) {
    label = `${name} compose ${args[1].text}`;
    j = 2;
  } else if (args[0]?.text === 'exec' || (args[0]?.text === 'container' && args[1]?.text === 'exec')) {
    j = args[0].text === 'exec' ? 1 : 2;
    label = `${name} exec`;
  } else return null;
  const i = skipOptions(args, DOCKER_EXEC_WITH_VALUE, j);
  const target = args[i]?.text;
  if (!target) return { kind: 'none' };
  return words(args, i + 1, `${label} ${target}`, { remote: target });
};

const composeV1: Unwrapper = (args) => (args[0]?.text === 'exec' || args[0]?.text === 'run' ? containerEngine([literalWord('compose'), ...args], 'docker') : null);

/** `kubectl exec -it pg-0 -c db -- psql -c …`. */
const kubectl: Unwrapper = (args, name) => {
  const execAt = args.findIndex((w) => w.text === 'exec' || w.text === 'debug');
  if (execAt < 0) return null;
  const dashdash = args.findIndex((w, k) => k > execAt && w.text === '--');
  // `kubectl debug node/x -it --image=busybox -- CMD…` runs CMD in a debug container (a node's root at /host).
  if (args[execAt].text === 'debug' && dashdash < 0) return null;
  const podWord = args.slice(execAt + 1).find((w) => !w.text.startsWith('-'));
  const pod = podWord?.text ?? 'pod';
  // Keep the flags that name where it runs (`--context prod`, `-n db`), for the environment resolver.
  const options = args.slice(0, execAt).concat(args.slice(execAt + 1, dashdash < 0 ? args.length : dashdash));
  const context: string[] = [];
  options.forEach((w, k) => {
    if (/^(--context|--namespace|-n|--kubeconfig|--cluster)(=|$)/.test(w.text)) {
      context.push(w.text.includes('=') ? w.text : `${w.text} ${options[k + 1]?.text ?? ''}`);
    }
  });
  const via = [`${name} exec ${pod}`, ...context].join(' ');
  if (dashdash >= 0) return words(args, dashdash + 1, via, { remote: pod });
  // Old form without `--`: everything after the pod name.
  const podAt = podWord ? args.indexOf(podWord) : -1;
  if (podAt < 0) return { kind: 'none' };
  return words(args, podAt + 1, via, { remote: pod });
};

/** `fly ssh console -C 'cmd'` / `gcloud compute ssh host --command 'cmd'` / `su -c 'cmd'`. */
function commandFlag(flags: readonly string[], label: (args: Word[]) => string | null): Unwrapper {
  return (args) => {
    const prefix = label(args);
    if (prefix === null) return null;
    for (let i = 0; i < args.length; i++) {
      const a = args[i].text;
      if (flags.includes(a)) return shellText(args.slice(i + 1, i + 2), prefix);
      for (const f of flags) if (f.startsWith('--') && a.startsWith(f + '=')) return shellText([{ ...args[i], text: a.slice(f.length + 1) }], prefix);
    }
    return null;
  };
}

const fly = commandFlag(['-C', '--command'], (a) => (a[0]?.text === 'ssh' ? 'fly ssh console' : null));
const gcloudSsh = commandFlag(['--command'], (a) => (a[0]?.text === 'compute' && a[1]?.text === 'ssh' ? `gcloud compute ssh ${a[2]?.text ?? ''}`.trim() : null));
const suCommand = commandFlag(['-c', '--command'], () => 'su -c');
/** `su -c 'cmd' user` runs cmd; `su [-] [user]` starts the user's shell on stdin. */
const su: Unwrapper = (args, name) => suCommand(args, name) ?? loginShell(args, args.length, 'su');

/** PowerShell: `-Command …` is a command line; `-EncodedCommand` is base64 UTF-16LE of one. */
const powershell: Unwrapper = (args, name) => {
  for (let i = 0; i < args.length; i++) {
    const a = args[i].text.toLowerCase();
    if (a === '-encodedcommand' || a === '-enc' || a === '-e' || a === '-ec') {
      const b64 = args[i + 1]?.text ?? '';
      const decoded = Buffer.from(b64, 'base64').toString('utf16le').replace(/\\/g, '\\\\');
      return { kind: 'shell', text: decoded, via: `${name} -EncodedCommand`, dynamic: args[i + 1]?.dynamic ?? true };
    }
    if (a === '-command' || a === '-c') return windowsShellText(args.slice(i + 1), `${name} -Command`);
  }
  return null;
};

const chroot: Unwrapper = (args) => words(args, skipOptions(args, SET('--userspec', '--groups')) + 1, 'chroot');
const awsVault: Unwrapper = (args) => {
  if (args[0]?.text !== 'exec') return null;
  const dd = args.findIndex((w) => w.text === '--');
  if (dd < 0) return words(args, 2, `aws-vault exec ${args[1]?.text ?? ''}`);
  return words(args, dd + 1, `aws-vault exec ${args[1]?.text ?? ''}`);
};
const dotenv: Unwrapper = (args) => {
  const dd = args.findIndex((w) => w.text === '--');
  return dd < 0 ? words(args, skipOptions(args, SET('-e', '-c', '-v')), 'dotenv') : words(args, dd + 1, 'dotenv');
};

/** `busybox rm …`, `toybox rm …`: the multi-call binary runs the applet named next. */
const busybox: Unwrapper = (args) => {
  const first = args[0]?.text;
  if (first === undefined || first === '--help' || first === '--list' || first === '--list-full' || first === '-h') return { kind: 'none' };
  return words(args, skipOptions(args, SET()), 'busybox');
};

const PARALLEL_WITH_VALUE = SET('-j', '--jobs', '-P', '--results', '--res', '-S', '--sshlogin', '--joblog', '--tmpdir', '--delay', '--timeout', '--id', '--colsep', '-C', '-d', '--delimiter', '-a', '--arg-file', '-n', '-N', '-L', '--max-args', '-I', '--workdir', '--wd', '--env', '--halt', '--memfree', '--load', '--nice', '--retries', '--tagstring', '--basefile', '-E', '--eof', '--sshloginfile', '--slf', '--transferfile', '--return', '--block', '--pipe-part', '--rpl', '--semaphorename', '--fg', '--limit', '-s', '--max-chars');
const PARALLEL_SEPARATORS = SET(':::', '::::', ':::+', '::::+');
const MAX_PARALLEL_RUNS = 16;

/** Quotes a value the way GNU parallel does before it reaches the shell. */
function shellQuote(text: string): string {
  return /^[A-Za-z0-9_./~:=@%+-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * `parallel CMD ::: a b`, `… | parallel CMD`, `parallel 'CMD {}' ::: a`, `parallel ::: 'cmd1' 'cmd2'`, `sem CMD`:
 * each run is a shell line (the command words joined, `{}` replaced by the argument, else the argument
 * appended); arguments from stdin or a file (`::::`) are unknown.
 */
const parallel: Unwrapper = (args, name) => {
  let i = 0;
  let quoted = false;
  while (i < args.length) {
    const a = args[i].text;
    if (a === '--') {
      i++;
      break;
    }
    if (!a.startsWith('-') || PARALLEL_SEPARATORS.has(a)) break;
    if (a === '--help' || a === '--version' || a === '--dry-run' || a === '--dryrun') return { kind: 'none' };
    if (a === '-q' || a === '--quote') quoted = true;
    i += PARALLEL_WITH_VALUE.has(a) ? 2 : 1;
  }
  const command: Word[] = [];
  while (i < args.length && !PARALLEL_SEPARATORS.has(args[i].text)) command.push(args[i++]);
  const values: string[] = [];
  let unknown = i >= args.length && name === 'parallel';
  while (i < args.length) {
    const sep = args[i++].text;
    while (i < args.length && !PARALLEL_SEPARATORS.has(args[i].text)) {
      const w = args[i++];
      if (sep.startsWith('::::') || w.dynamic) unknown = true;
      else values.push(w.text);
    }
  }
  const runs = values.slice(0, MAX_PARALLEL_RUNS).map(shellQuote);
  if (unknown || values.length > MAX_PARALLEL_RUNS) runs.push('"$STDIN_ITEM"');
  if (runs.length === 0) runs.push('');
  const template = command.map((w) => (quoted ? shellQuote(w.text) : w.text)).join(' ');
  const lines = runs.map((v) => {
    if (template === '') return v === '"$STDIN_ITEM"' ? '$STDIN_ITEM' : args.find((w) => shellQuote(w.text) === v)?.text ?? v;
    if (/\{[^{}]*\}/.test(template)) return template.replace(/\{(?:\.|\/|\/\/|\/\.|#|%|\d+)?\}/g, v);
    return v ? `${template} ${v}` : template;
  });
  return { kind: 'shell', text: lines.join('\n'), via: name, dynamic: unknown };
};

/** `script -c 'cmd' file`, `script -qc 'cmd'`: runs the command inside a recorded session. */
const script: Unwrapper = (args) => {
  for (let i = 0; i < args.length; i++) {
    const a = args[i].text;
    if (a === '--command' || /^-[a-zA-Z]*c$/.test(a)) return shellText(args.slice(i + 1, i + 2), 'script -c');
    if (a.startsWith('--command=')) return shellText([{ ...args[i], text: a.slice(10) }], 'script -c');
  }
  return { kind: 'none' };
};

/** `flock [opts] FILE CMD…`, `flock FILE -c 'cmd'`. */
const flock: Unwrapper = (args) => {
  for (let i = 0; i < args.length; i++) {
    const a = args[i].text;
    if (a === '-c' || a === '--command') return shellText(args.slice(i + 1, i + 2), 'flock -c');
  }
  const i = skipOptions(args, SET('-w', '--timeout', '--wait', '-E', '--conflict-exit-code'));
  return words(args, i + 1, 'flock'); // the word after the options is the lock file
};

const unshare: Unwrapper = (args) => words(args, skipOptions(args, SET('-S', '--setuid', '-G', '--setgid', '-R', '--root', '-w', '--wd')), 'unshare');
const nsenter: Unwrapper = (args) => words(args, skipOptions(args, SET('-t', '--target', '-S', '--setuid', '-G', '--setgid')), 'nsenter');
const systemdRun: Unwrapper = (args) =>
  words(args, skipOptions(args, SET('-p', '--property', '--unit', '-u', '--description', '--slice', '-E', '--setenv', '--uid', '--gid', '--nice', '--working-directory', '--on-active', '--on-boot', '--on-startup', '--on-calendar', '-M', '--machine', '-H', '--host', '--service-type', '--timer-property', '--path-property', '--socket-property')), 'systemd-run');

/** `runuser -u USER -- CMD…`, `runuser -l USER -c 'cmd'`. */
const runuser: Unwrapper = (args) => {
  for (let i = 0; i < args.length; i++) {
    const a = args[i].text;
    if (a === '-c' || a === '--command') return shellText(args.slice(i + 1, i + 2), 'runuser -c');
  }
  const dd = args.findIndex((w) => w.text === '--');
  if (dd >= 0) return words(args, dd + 1, 'runuser');
  return { kind: 'none' };
};

const tracer: Unwrapper = (args, name) => words(args, skipOptions(args, SET('-o', '-e', '-p', '-s', '-u', '-E', '-a', '-b', '-I', '-P', '-S', '-X', '-O', '-U', '--output', '--trace', '--signal', '--attach')), name);

const TMUX_RUNS = SET('new', 'new-session', 'new-window', 'neww', 'split-window', 'splitw', 'respawn-pane', 'respawnp', 'respawn-window', 'respawnw', 'run-shell', 'run');
const TMUX_SENDS = SET('send-keys', 'send');
/** Key names `send-keys` types besides text (`Enter`, `C-m`, `Escape` …): not part of the command text. */
const TMUX_KEY = /^(?:Enter|C-[a-zA-Z]|M-[a-zA-Z]|Escape|Tab|BSpace|Space|KP\w+|Up|Down|Left|Right|Home|End)$/;

/** `tmux new -d 'cmd'`, `tmux send-keys -t x 'cmd' Enter`: the command runs in a tmux pane. */
const tmux: Unwrapper = (args) => {
  const sub = args.findIndex((w) => !w.text.startsWith('-'));
  const verb = args[sub]?.text;
  if (verb === undefined) return { kind: 'none' };
  const rest = args.slice(sub + 1);
  if (TMUX_SENDS.has(verb)) {
    const i = skipOptions(rest, SET('-t', '-N'));
    const text = rest.slice(i).filter((w) => !TMUX_KEY.test(w.text));
    return shellText(text, `tmux ${verb}`);
  }
  if (!TMUX_RUNS.has(verb)) return null;
  const i = skipOptions(rest, SET('-s', '-n', '-t', '-c', '-x', '-y', '-e', '-F', '-l', '-p', '-f', '-L'));
  return shellText(rest.slice(i), `tmux ${verb}`);
};

/** `screen -dm CMD…`, `screen -S name -X stuff 'text'`. */
const screen: Unwrapper = (args) => {
  for (let i = 0; i < args.length; i++) {
    if (args[i].text === '-X') {
      if (args[i + 1]?.text === 'stuff') return shellText(args.slice(i + 2), 'screen -X stuff');
      return { kind: 'none' };
    }
  }
  if (args.some((w) => w.text === '-ls' || w.text === '-list' || w.text === '-r' || w.text === '-x')) return { kind: 'none' };
  let i = 0;
  while (i < args.length && args[i].text.startsWith('-')) {
    // `-S name`, and bundles that end in a value flag (`-dmS job`).
    i += /^-[a-zA-Z]*[SceEhpTts]$/.test(args[i].text) && !/^-[dmDRAaiLlOqUuw]+$/.test(args[i].text) ? 2 : 1;
  }
  return words(args, i, 'screen');
};

/** `… | entr CMD…`, `entr -s 'cmd'`: runs the command whenever a file changes. */
const entr: Unwrapper = (args) => {
  const shellFlag = args.some((w) => /^-[acdnprz]*s[acdnprz]*$/.test(w.text));
  const i = skipOptions(args, SET());
  return shellFlag ? shellText(args.slice(i), 'entr -s') : words(args, i, 'entr');
};

/** `cmd /c "…"`, `cmd /d /c …`: the rest of the line is a cmd.exe command line. */
const cmd: Unwrapper = (args) => {
  const at = args.findIndex((w) => /^\/[ck]$/i.test(w.text));
  if (at < 0) return null;
  // cmd.exe's escape character: `r^d` is `rd`.
  const rest = args.slice(at + 1).map((w) => (w.text.includes('^') ? { ...w, text: w.text.replace(CMD_CARET, '$1') } : w));
  return windowsShellText(rest, 'cmd /c');
};
const CMD_CARET = /\^(.)/g;

const WSL_WITH_VALUE = SET('-d', '--distribution', '-u', '--user', '--cd', '--distribution-id');

/** `wsl CMD…` (through the distribution's shell), `wsl -e CMD…`, `wsl -- CMD…`. */
const wsl: Unwrapper = (args) => {
  let i = 0;
  while (i < args.length) {
    const a = args[i].text;
    if (a === '-e' || a === '--exec') return words(args, i + 1, 'wsl --exec');
    if (a === '--') return shellText(args.slice(i + 1), 'wsl');
    if (!a.startsWith('-')) break;
    if (WSL_WITH_VALUE.has(a)) i += 2;
    else if (a === '--shell-type') i += 2;
    else return { kind: 'none' }; // --list, --status, --shutdown, --install …
  }
  return words(args, i, 'wsl');
};

/** A prefix wrapper: options (some with a value), then `skip` words of its own (a user, a mask), then the command. */
function prefix(label: string, withValue: ReadonlySet<string>, skip = 0, noCommand: readonly string[] = []): Unwrapper {
  return (args) => {
    if (args.some((w) => noCommand.includes(w.text))) return { kind: 'none' };
    return words(args, skipOptions(args, withValue) + skip, label);
  };
}

/** `uv run CMD`, `bundle exec CMD`, `direnv exec DIR CMD`: a tool whose subcommand runs a command. */
function subcommandRunner(verbs: readonly string[], withValue: ReadonlySet<string>, skip = 0): Unwrapper {
  return (args, name) => {
    const verb = args[0]?.text;
    if (verb === undefined || !verbs.includes(verb)) return null;
    return words(args, skipOptions(args, withValue, 1) + skip, `${name} ${verb}`);
  };
}

const pkexec: Unwrapper = (args) => loginShell(args, skipOptions(args, SET('--user', '-u')), 'pkexec');
const run0Prefix = prefix('run0', SET('-u', '--user', '-g', '--group', '--nice', '-D', '--chdir', '--setenv', '--property', '--description', '--slice', '--unit', '--machine'));
const run0: Unwrapper = (args, name) => {
  const r = run0Prefix(args, name);
  return r?.kind === 'none' ? loginShell(args, args.length, 'run0') : r;
};
const gosu = prefix('gosu', SET(), 1);
const taskset = prefix('taskset', SET(), 1, ['-p', '--pid']);
const chrt = prefix('chrt', SET('-T', '-P', '-D', '--sched-runtime', '--sched-period', '--sched-deadline'), 1, ['-p', '--pid', '-m', '--max']);
const numactl = prefix('numactl', SET('-N', '-m', '-C', '-i', '-p', '-P', '--cpunodebind', '--membind', '--physcpubind', '--interleave', '--preferred'));
const firejail = prefix('firejail', SET());
const fakeroot = prefix('fakeroot', SET('-l', '-s', '-i', '--lib', '--faked'));
const faketime = prefix('faketime', SET('-p'), 1);
const torsocks = prefix('torsocks', SET('-u', '-p', '-a', '-P', '--user', '--pass', '--address', '--port'));
const proxychains = prefix('proxychains', SET('-f'));
const xvfbRun = prefix('xvfb-run', SET('-n', '-s', '-e', '-f', '-p', '-w', '--server-num', '--server-args', '--error-file', '--auth-file', '--xauth-protocol', '--wait'));
const dbusRunSession = prefix('dbus-run-session', SET());
const setpriv = prefix('setpriv', SET('--reuid', '--regid', '--ruid', '--euid', '--rgid', '--egid', '--groups', '--inh-caps', '--ambient-caps', '--bounding-set', '--securebits', '--pdeathsig', '--selinux-label', '--apparmor-profile'));
const sshpass = prefix('sshpass', SET('-p', '-f', '-d', '-P'));
const RUN_WITH_VALUE = SET('--with', '--python', '-p', '--project', '--directory', '-C', '--package', '--env-file', '--group', '--extra', '-n', '--name', '--prefix', '--cwd', '-e', '--env', '--environment');
const projectRunner = subcommandRunner(['run'], RUN_WITH_VALUE);
const execRunner = subcommandRunner(['exec', 'x'], SET('-C', '--cd', '--env', '-E'));
const direnv = subcommandRunner(['exec'], SET(), 1);

/** `nix-shell --run 'cmd'`, `nix develop -c CMD…`. */
const nixShell: Unwrapper = (args) => {
  const at = args.findIndex((w) => w.text === '--run' || w.text === '--command');
  return at < 0 ? null : shellText(args.slice(at + 1, at + 2), 'nix-shell --run');
};
const nix: Unwrapper = (args) => {
  if (args[0]?.text !== 'develop' && args[0]?.text !== 'shell') return null;
  const at = args.findIndex((w) => w.text === '-c' || w.text === '--command');
  return at < 0 ? null : words(args, at + 1, `nix ${args[0].text} -c`);
};

const CONCURRENTLY_WITH_VALUE = SET('-n', '--names', '-c', '--prefix-colors', '-p', '--prefix', '-s', '--success', '-m', '--max-processes', '--default-input-target', '--restart-tries', '--restart-after', '-t', '--timestamp-format', '-l', '--prefix-length', '--name-separator', '--cwd', '-P', '--passthrough-arguments', '--kill-signal', '--teardown');

/** `concurrently 'cmd1' 'cmd2'`: each argument is a command line. */
const concurrently: Unwrapper = (args) => {
  const commands: Word[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i].text;
    if (a.startsWith('-')) {
      if (CONCURRENTLY_WITH_VALUE.has(a)) i++;
      continue;
    }
    commands.push(args[i]);
  }
  if (commands.length === 0) return { kind: 'none' };
  return { kind: 'shell', text: commands.map((w) => w.text).join('\n'), via: 'concurrently', dynamic: commands.some((w) => w.dynamic) };
};

const proot = prefix('proot', SET('-r', '-b', '-m', '-w', '-q', '-k', '--rootfs', '--bind', '--mount', '--cwd', '--pwd', '--qemu', '--kernel-release'));
const cpulimit = prefix('cpulimit', SET('-l', '--limit', '-p', '--pid', '-e', '--exe', '-c', '--cpu', '-m', '--monitor-forks'));
const prlimit = prefix('prlimit', SET('-p', '--pid', '-o', '--output'));
const dtach = prefix('dtach', SET('-n', '-A', '-c', '-N', '-e', '-r', '-E', '-z'));

/** `xterm -e CMD…`, `gnome-terminal -- CMD…`, `konsole -e CMD…`, `gnome-terminal -e 'CMD'`: a terminal window that runs a command. */
const terminalWindow: Unwrapper = (args, name) => {
  const at = args.findIndex((w) => w.text === '-e' || w.text === '-x' || w.text === '--' || w.text === '--command' || w.text === '--execute');
  if (at < 0) return { kind: 'none' };
  const flag = args[at].text;
  // `gnome-terminal -e 'cmd'` / `--command 'cmd'` take one command line; `-x`, `--` and xterm's `-e` take words.
  if ((flag === '--command' || (flag === '-e' && name.startsWith('gnome'))) && at + 1 < args.length) return shellText(args.slice(at + 1, at + 2), `${name} ${flag}`);
  return words(args, at + 1, `${name} ${flag}`);
};

/** `sg GROUP -c 'cmd'` / `sg GROUP 'cmd'`: a command line run with another group. */
const sg: Unwrapper = (args) => {
  const c = args.findIndex((w) => w.text === '-c');
  return shellText(c >= 0 ? args.slice(c + 1, c + 2) : args.slice(1), 'sg');
};

/** `newgrp GROUP` starts a shell, which reads its commands from stdin (`newgrp docker <<< '…'`). */
const newgrp: Unwrapper = (args) => loginShell(args, args.length, 'newgrp');

const GDB_SHELL_RE = /^\s*(?:shell\s+|!)(.*)$/s;

/** `gdb -ex 'shell cmd'` / `-ex '!cmd'` run shell commands; `gdb --args CMD…` runs CMD under the debugger. */
const gdb: Unwrapper = (args) => {
  const lines: Word[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i].text;
    if (a === '--args') {
      lines.push(...args.slice(i + 1));
      break;
    }
    if ((a === '-ex' || a === '--ex' || a === '-eval-command' || a === '--eval-command') && args[i + 1]) {
      const m = GDB_SHELL_RE.exec(args[i + 1].text);
      if (m) lines.push({ ...args[i + 1], text: m[1] }, literalWord(';'));
      i++;
    }
  }
  return lines.length > 0 ? shellText(lines, 'gdb') : { kind: 'none' };
};

const vagrantSsh = commandFlag(['-c', '--command'], (a) => (a[0]?.text === 'ssh' ? `vagrant ssh ${a[1]?.text ?? ''}`.trim() : null));

/** `multipass exec VM -- CMD…`, `lxc exec C -- CMD…`, `incus exec C -- CMD…`: a command run inside a machine. */
const machineExec: Unwrapper = (args, name) => {
  if (args[0]?.text !== 'exec') return null;
  const target = args.slice(1).find((w) => !w.text.startsWith('-'))?.text ?? '';
  const dd = args.findIndex((w) => w.text === '--');
  const from = dd >= 0 ? dd + 1 : args.findIndex((w) => w.text === target) + 1;
  return words(args, from, `${name} exec ${target}`, { remote: target });
};

const ANSIBLE_SHELL_MODULES = SET('shell', 'command', 'raw', 'ansible.builtin.shell', 'ansible.builtin.command', 'ansible.builtin.raw');

/** `ansible HOSTS -m shell -a 'cmd'` (also `command`, `raw`): the command runs on every matched host. */
const ansible: Unwrapper = (args) => {
  let module = 'command';
  let text: Word | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i].text;
    if ((a === '-m' || a === '--module-name') && args[i + 1]) module = args[++i].text;
    else if ((a === '-a' || a === '--args') && args[i + 1]) text = args[++i];
  }
  if (!ANSIBLE_SHELL_MODULES.has(module) || text === undefined) return null;
  return shellText([text], `ansible -m ${module}`, args.find((w) => !w.text.startsWith('-'))?.text ?? 'hosts');
};

/** `salt TARGET cmd.run 'cmd'` / `salt-ssh …`: the command runs on every matched minion. */
const salt: Unwrapper = (args, name) => {
  const at = args.findIndex((w) => w.text === 'cmd.run' || w.text === 'cmd.shell' || w.text === 'cmd.script');
  if (at < 0) return null;
  return shellText(args.slice(at + 1, at + 2), `${name} cmd.run`, args.find((w) => !w.text.startsWith('-'))?.text ?? 'minions');
};

const PARALLEL_SSH_WITH_VALUE = SET('-h', '--hosts', '-H', '--host', '-l', '--user', '-p', '--par', '-o', '--outdir', '-e', '--errdir', '-t', '--timeout', '-O', '--option', '-x', '--extra-args', '-X', '--extra-arg', '-w', '-g', '-R', '-f', '-u', '-b');

/** `pssh -h hosts 'cmd'`, `pdsh -w hosts 'cmd'`, `clush -w hosts cmd`: one command line run on many hosts. */
const parallelSsh: Unwrapper = (args, name) => {
  const i = skipOptions(args, PARALLEL_SSH_WITH_VALUE);
  return shellText(args.slice(i), name, 'hosts');
};

/** Less common shells that take `-c 'command line'` and run scripts and stdin the same way. */
const OTHER_SHELLS: readonly string[] = ['tcsh', 'csh', 'yash', 'posh', 'oksh', 'loksh', 'rc', 'nu', 'elvish', 'xonsh', 'murex', 'hush', 'lksh'];

export const WRAPPERS: ReadonlyMap<string, Unwrapper> = new Map<string, Unwrapper>([
  ['ansible', ansible],
  ['salt', salt],
  ['salt-ssh', salt],
  ['pssh', parallelSsh],
  ['parallel-ssh', parallelSsh],
  ['pdsh', parallelSsh],
  ['clush', parallelSsh],
  ['proot', proot],
  ['valgrind', plain],
  ['catchsegv', plain],
  ['dbus-launch', plain],
  ['with-contenv', plain],
  ['cpulimit', cpulimit],
  ['prlimit', prlimit],
  ['dtach', dtach],
  ['xterm', terminalWindow],
  ['uxterm', terminalWindow],
  ['urxvt', terminalWindow],
  ['konsole', terminalWindow],
  ['alacritty', terminalWindow],
  ['kitty', terminalWindow],
  ['gnome-terminal', terminalWindow],
  ['xfce4-terminal', terminalWindow],
  ['x-terminal-emulator', terminalWindow],
  ['sg', sg],
  ['newgrp', newgrp],
  ['gdb', gdb],
  ['vagrant', vagrantSsh],
  ['multipass', machineExec],
  ['lxc', machineExec],
  ['incus', machineExec],
  ['sudo', sudo],
  ['doas', sudo],
  ['env', env],
  ['command', commandBuiltin],
  ['builtin', commandBuiltin],
  ['exec', exec],
  ['nohup', plain],
  ['time', plain],
  ['nocorrect', plain],
  ['noglob', plain],
  ['setsid', plain],
  ['unbuffer', plain],
  ['caffeinate', plain],
  ['nice', nice],
  ['ionice', ionice],
  ['stdbuf', stdbuf],
  ['timeout', timeout],
  ['gtimeout', timeout],
  ['watch', watch],
  ['xargs', xargs],
  ['npx', npx],
  ['bunx', npx],
  ['pnpx', npx],
  ['pnpm', packageRunner],
  ['yarn', packageRunner],
  ['npm', packageRunner],
  ['bun', packageRunner],
  ['railway', secretRunner],
  ['doppler', secretRunner],
  ['op', secretRunner],
  ['infisical', secretRunner],
  ['heroku', secretRunner],
  ['bash', shell],
  ['sh', shell],
  ['zsh', shell],
  ['dash', shell],
  ['ksh', shell],
  ['mksh', shell],
  ['ash', shell],
  ['fish', shell],
  ...OTHER_SHELLS.map((n) => [n, shell] as [string, Unwrapper]),
  ['eval', evalWrapper],
  ['ssh', ssh],
  ['docker', containerEngine],
  ['podman', containerEngine],
  ['docker-compose', composeV1],
  ['podman-compose', composeV1],
  ['kubectl', kubectl],
  ['oc', kubectl],
  ['fly', fly],
  ['flyctl', fly],
  ['gcloud', gcloudSsh],
  ['su', su],
  ['pwsh', powershell],
  ['powershell', powershell],
  ['powershell.exe', powershell],
  ['pwsh.exe', powershell],
  ['chroot', chroot],
  ['aws-vault', awsVault],
  ['dotenv', dotenv],
  ['busybox', busybox],
  ['toybox', busybox],
  ['parallel', parallel],
  ['sem', parallel],
  ['script', script],
  ['flock', flock],
  ['unshare', unshare],
  ['nsenter', nsenter],
  ['systemd-run', systemdRun],
  ['runuser', runuser],
  ['strace', tracer],
  ['ltrace', tracer],
  ['tmux', tmux],
  ['screen', screen],
  ['entr', entr],
  ['cmd', cmd],
  // cmd.exe's `call X …` runs X.
  ['call', plain],
  ['wsl', wsl],
  ['pkexec', pkexec],
  ['run0', run0],
  ['gosu', gosu],
  ['su-exec', gosu],
  ['taskset', taskset],
  ['chrt', chrt],
  ['numactl', numactl],
  ['firejail', firejail],
  ['fakeroot', fakeroot],
  ['faketime', faketime],
  ['torsocks', torsocks],
  ['proxychains', proxychains],
  ['proxychains4', proxychains],
  ['xvfb-run', xvfbRun],
  ['dbus-run-session', dbusRunSession],
  ['setpriv', setpriv],
  ['sshpass', sshpass],
  ['uv', projectRunner],
  ['poetry', projectRunner],
  ['pipenv', projectRunner],
  ['pdm', projectRunner],
  ['hatch', projectRunner],
  ['rye', projectRunner],
  ['conda', projectRunner],
  ['mamba', projectRunner],
  ['micromamba', projectRunner],
  ['volta', projectRunner],
  ['bundle', execRunner],
  ['mise', execRunner],
  ['asdf', execRunner],
  ['rbenv', execRunner],
  ['pyenv', execRunner],
  ['fnm', execRunner],
  ['direnv', direnv],
  ['nix-shell', nixShell],
  ['nix', nix],
  ['concurrently', concurrently],
  ['cross-env', crossEnv],
  ['env-cmd', envCmd],
  ['shx', shx],
]);

export const SHELLS: ReadonlySet<string> = new Set(['bash', 'sh', 'zsh', 'dash', 'ksh', 'mksh', 'ash', 'fish', ...OTHER_SHELLS]);
