// The terminal guard protects itself. In a guarded bash, a DEBUG trap (with `extdebug`, and function
// tracing so functions are checked too) stops a blocked command; PROMPT_COMMAND loads the guard and
// re-arms the trap at every prompt; BASH_ENV arms it in scripts. In zsh, an `accept-line` widget checks
// each line and a DEBUG trap (with DEBUG_BEFORE_CMD) checks scripts; ZDOTDIR loads it. The guard's own
// functions and variables are named `__ag_*`, its environment `AGENT_GUARD_*` (src/shell/*). A command
// that removes, replaces or bypasses any of these switches the guard off for what follows, so it asks.
import type { Rule, RuleHit, SimpleCommand } from '../types';
import { code, scanArgs } from './scanArgs';

/** The guard's shell functions and variables, and its environment. */
const GUARD_NAME = /^(?:__ag_|AGENT_GUARD)/;
/** Variables the guard is loaded or armed through: replacing or clearing one leaves the next shell unguarded. */
const LOADER_VARIABLES: ReadonlySet<string> = new Set(['PROMPT_COMMAND', 'BASH_ENV', 'ZDOTDIR']);
const DECLARERS: ReadonlySet<string> = new Set(['unset', 'export', 'declare', 'typeset', 'readonly', 'local', 'env', 'Remove-Item', 'ri', 'unsetenv', 'setenv']);
/** Programs that start no other program: `env -i` before one of them leaves no shell without the guard. */
const LEAF_PROGRAMS: ReadonlySet<string> = new Set(['ls', 'cat', 'echo', 'printf', 'printenv', 'env', 'pwd', 'true', 'false', 'date', 'id', 'whoami', 'uname', 'which', 'grep', 'head', 'tail', 'wc', 'sort', 'locale', 'test', '[']);
const REMOVERS: ReadonlySet<string> = new Set(['unset', 'Remove-Item', 'ri', 'unsetenv']);

function variableHit(name: string, what: string): RuleHit {
  const why = name.startsWith('AGENT_GUARD')
    ? 'which Agent Guard uses to reach VS Code'
    : name.startsWith('__ag_')
      ? "which is part of the terminal guard"
      : 'which loads the terminal guard in this shell and the shells it starts';
  return { summary: `${what} ${code(name)}, ${why}`, target: name };
}

/** Whether setting `name` to `value` disarms the guard. Keeping the old PROMPT_COMMAND (`x; $PROMPT_COMMAND`) does not. */
function disarmingAssignment(name: string, value: string): boolean {
  if (GUARD_NAME.test(name)) return true;
  if (!LOADER_VARIABLES.has(name)) return false;
  return !(name === 'PROMPT_COMMAND' && value.includes('PROMPT_COMMAND'));
}

export const tamperEnvironment: Rule = {
  id: 'guard.tamper-environment',
  category: 'guard',
  severity: 'high',
  // `AGENT_GUARD_IPC= cmd` and `PROMPT_COMMAND= bash` can prefix any command.
  commands: ['*'],
  triggers: ['AGENT_GUARD', '__ag_', 'TRAPDEBUG', 'PROMPT_COMMAND', 'BASH_ENV', 'ZDOTDIR'],
  summary: 'unsets or changes the variables the terminal guard and the hooks run on',
  rationale:
    'The hooks and terminals find the extension through `AGENT_GUARD_IPC`; PROMPT_COMMAND, BASH_ENV and ZDOTDIR load the terminal guard; its own state is in `__ag_*` variables. Changing any of them turns the guard off.',
  match(cmd) {
    // `__ag_debug() { :; }` redefines a guard function; calling one by hand is no agent's business either.
    if (GUARD_NAME.test(cmd.name) || cmd.name === 'TRAPDEBUG') return { summary: `runs or redefines ${code(cmd.name)}, part of the terminal guard`, target: cmd.name };
    // `env -i PATH=/bin ls`: clearing the environment of a program that starts nothing else switches nothing off.
    const leaf = LEAF_PROGRAMS.has(cmd.name) && cmd.via.includes('env');
    for (const k in cmd.assignments) {
      if (leaf && k === 'AGENT_GUARD_IPC' && cmd.assignments[k] === '') continue;
      if (disarmingAssignment(k, cmd.assignments[k])) return variableHit(k, cmd.assignments[k] === '' ? 'clears' : 'sets');
    }
    if (!DECLARERS.has(cmd.name)) return null;
    for (const a of cmd.args) {
      // `unset AGENT_GUARD_IPC`, `export BASH_ENV=`, `env -u AGENT_GUARD_IPC`, `Remove-Item Env:AGENT_GUARD_IPC`.
      const spec = a.startsWith('--unset=') ? a.slice(8) : a.startsWith('Env:') || a.startsWith('env:') ? a.slice(4) : a;
      const eq = spec.indexOf('=');
      const name = eq < 0 ? spec : spec.slice(0, eq);
      // Without `=`, only removers change a value (`declare -f __ag_x` prints it); `export -n X` un-exports it.
      if (eq < 0 && !REMOVERS.has(cmd.name) && !(cmd.name === 'export' && cmd.args.includes('-n')) && !(cmd.name === 'env' && a.startsWith('--unset='))) continue;
      if (disarmingAssignment(name, eq < 0 ? '' : spec.slice(eq + 1))) return variableHit(name, cmd.name === 'unset' || eq < 0 ? 'removes or changes' : 'sets');
    }
    return null;
  },
};

// --- shell switches and hooks ------------------------------------------------------------------

/** VS Code's own bash integration script (`…/vs/workbench/contrib/terminal/common/scripts/shellIntegration-bash.sh`). */
function isVsCodeIntegrationScript(file: string): boolean {
  const f = file.replace(BACKSLASHES, '/');
  return f.endsWith('/shellIntegration-bash.sh') && f.includes('/vs/workbench/contrib/terminal/');
}
const BACKSLASHES = /\\/g;
/** zsh option names compare without case and underscores (`NO_ZLE`, `nozle`). */
const OPTION_SEPARATORS = /_/g;
/** Options the guard needs on: bash's function tracing and zsh's line editor and DEBUG_BEFORE_CMD. */
const NEEDED_OPTIONS: ReadonlySet<string> = new Set(['functrace', 'extdebug', 'zle', 'debugbeforecmd', 'rcs', 'globalrcs']);
/** zsh widget names the guard hooks. */
const GUARD_WIDGETS: ReadonlySet<string> = new Set(['accept-line', '.accept-line']);
/** Keys that end a line: rebinding them away from `accept-line` bypasses the guard's widget. */
const ENTER_KEYS: ReadonlySet<string> = new Set(['^M', '^J', '^m', '^j', '\\r', '\\n', '\r', '\n', '^[OM']);

function optionName(raw: string): { name: string; on: boolean } {
  let n = raw.toLowerCase().replace(OPTION_SEPARATORS, '');
  let on = true;
  if (n.startsWith('no') && NEEDED_OPTIONS.has(n.slice(2))) {
    n = n.slice(2);
    on = false;
  }
  return { name: n, on };
}

/** `trap - DEBUG`, `trap '' DEBUG`, `trap 'x' DEBUG`, `trap DEBUG`: the guard's trap is removed or replaced. */
function trapHit(cmd: SimpleCommand): RuleHit | null {
  const a = cmd.args;
  if (a.includes('-p') || a.includes('-l') || a.length === 0) return null;
  const start = a[0] === '--' ? 1 : 0;
  for (let i = start; i < a.length; i++) {
    // The first word is the handler unless it is the only one (`trap DEBUG` resets DEBUG).
    if (i === start && a.length - start > 1) continue;
    const sig = a[i].toUpperCase();
    if (sig === 'DEBUG') return { summary: "removes or replaces the shell's DEBUG trap, which the terminal guard checks commands from", target: 'DEBUG trap' };
  }
  return null;
}

/** `set +T`, `set +o functrace`, zsh `set -o nozle`; `shopt -u extdebug`; `setopt nozle`, `unsetopt debug_before_cmd`. */
function optionHit(cmd: SimpleCommand): RuleHit | null {
  const a = cmd.args;
  const turnedOff: string[] = [];
  if (cmd.name === 'set') {
    for (let i = 0; i < a.length; i++) {
      const w = a[i];
      if ((w === '+o' || w === '-o') && i + 1 < a.length) {
        const o = optionName(a[++i]);
        if (NEEDED_OPTIONS.has(o.name) && (w === '+o') === o.on) turnedOff.push(o.name);
      } else if (w.startsWith('+') && !w.startsWith('+o') && w.includes('T')) turnedOff.push('functrace (set +T)');
    }
  } else if (cmd.name === 'shopt') {
    const s = scanArgs(a);
    if (s.short.includes('u')) for (const p of s.positionals) if (NEEDED_OPTIONS.has(optionName(p).name)) turnedOff.push(p);
  } else if (cmd.name === 'setopt' || cmd.name === 'unsetopt') {
    for (const w of a) {
      if (w.startsWith('-')) continue;
      const o = optionName(w);
      if (NEEDED_OPTIONS.has(o.name) && (cmd.name === 'setopt') !== o.on) turnedOff.push(w);
    }
  }
  if (turnedOff.length === 0) return null;
  return { summary: `turns off the shell option ${code(turnedOff[0])}, which the terminal guard needs to check commands`, target: turnedOff[0] };
}

/** `unset -f __ag_debug`, `unfunction __ag_zaccept`, `zle -D accept-line`, `bindkey '^M' .accept-line`, `add-zsh-hook -d preexec __ag_x`. */
function hookHit(cmd: SimpleCommand): RuleHit | null {
  const a = cmd.args;
  const n = cmd.name;
  const guardWord = a.find((w) => GUARD_NAME.test(w) || w === 'TRAPDEBUG');
  // zsh `disable trap` / `disable -f f` switches a builtin or function off: none is worth an agent's while.
  if (n === 'disable' && a.some((w) => !w.startsWith('-'))) return { summary: `switches off ${code(a.filter((w) => !w.startsWith('-')).join(' '))} in this shell, which the terminal guard may rely on`, target: a.join(' ') };
  if ((n === 'unfunction' || n === 'unalias' || n === 'unhash' || n === 'functions') && guardWord !== undefined) {
    return { summary: `removes ${code(guardWord)}, part of the terminal guard`, target: guardWord };
  }
  if (n === 'unfunction' && a.includes('-m')) return { summary: 'removes shell functions by pattern, the terminal guard\'s among them', target: a.join(' ') };
  if (n === 'alias' && a.some((w) => GUARD_NAME.test(w))) return { summary: 'replaces a terminal guard function with an alias', target: a.join(' ') };
  if (n === 'zle') {
    const editsWidgets = a.some((w) => w === '-D' || w === '-N' || w === '-A' || w === '-C');
    const widget = a.find((w) => GUARD_WIDGETS.has(w) || GUARD_NAME.test(w));
    if (editsWidgets && widget !== undefined) return { summary: `redefines the zsh widget ${code(widget)}, which the terminal guard checks each line from`, target: widget };
  }
  if (n === 'bindkey') {
    if (a.some((w) => w === '.accept-line' || GUARD_NAME.test(w))) return { summary: "binds a key past the terminal guard's `accept-line` check", target: a.join(' ') };
    const key = a.find((w) => ENTER_KEYS.has(w));
    if (key !== undefined && (a.includes('-r') || !a.includes('accept-line'))) return { summary: `rebinds ${code(key)} away from the terminal guard's \`accept-line\` check`, target: key };
  }
  if (n === 'add-zsh-hook' && (a.includes('-d') || a.includes('-D')) && (guardWord !== undefined || a.some((w) => w.includes('*')))) {
    return { summary: "removes the terminal guard's zsh hook", target: a.join(' ') };
  }
  if (n === 'enable' && a.some((w) => w === '-n' || w === '-d' || (w.startsWith('-') && (w.includes('n') || w.includes('d'))))) {
    return { summary: 'switches off a shell builtin the terminal guard relies on', target: a.join(' ') };
  }
  if (n === 'zmodload' && a.includes('-u') && a.some((w) => w === 'zsh/zle' || w === 'zsh/parameter')) return { summary: 'unloads a zsh module the terminal guard relies on', target: a.join(' ') };
  return null;
}

/** `bash --norc`, `bash --noprofile`, `bash --rcfile x`, `zsh -f`, `zsh --no-rcs`, `zsh +Z`: a shell that never loads the guard. */
function bareShellHit(cmd: SimpleCommand): RuleHit | null {
  const a = cmd.args;
  for (let i = 0; i < a.length; i++) {
    const w = a[i];
    if (cmd.name === 'bash' && (w === '--norc' || w === '--noprofile')) {
      return { summary: `starts a bash that skips its start-up files (${code(w)}), so the terminal guard is not loaded in it`, target: w };
    }
    if (cmd.name === 'bash' && (w === '--rcfile' || w === '--init-file' || w.startsWith('--rcfile=') || w.startsWith('--init-file='))) {
      // VS Code starts its terminals' bash with its own shell integration script, which keeps the guard.
      const file = w.includes('=') ? w.slice(w.indexOf('=') + 1) : a[i + 1] ?? '';
      if (isVsCodeIntegrationScript(file)) continue;
      return { summary: `starts a bash with other start-up files (${code(w)}), so the terminal guard may not be loaded in it`, target: w };
    }
    if (cmd.name === 'zsh') {
      if (w === '--' || (!w.startsWith('-') && !w.startsWith('+'))) break;
      const short = !w.startsWith('--') && (w.startsWith('-') ? w.slice(1) : '');
      const off = w === '--no-rcs' || w === '--norcs' || w === '--no-zle' || w === '--nozle' || w === '--no-globalrcs' || (short !== false && (short.includes('f') || short.includes('d'))) || (w.startsWith('+') && (w.includes('Z') || w.includes('f')));
      const named = (w === '-o' || w === '+o') && i + 1 < a.length ? optionName(a[i + 1]) : undefined;
      if (off || (named !== undefined && NEEDED_OPTIONS.has(named.name) && (w === '+o') === named.on)) {
        return { summary: `starts a zsh that skips its start-up files or line editor (${code(w)}), so the terminal guard is not loaded in it`, target: w };
      }
    }
  }
  return null;
}

export const disarmTerminalGuard: Rule = {
  id: 'guard.disarm-terminal',
  category: 'guard',
  severity: 'high',
  // By name: `trap - debug` and `set +eT` hold no word a substring could find.
  commands: ['trap', 'set', 'shopt', 'setopt', 'unsetopt', 'unfunction', 'unalias', 'alias', 'functions', 'unhash', 'disable', 'zle', 'bindkey', 'add-zsh-hook', 'enable', 'zmodload', 'bash', 'zsh'],
  summary: 'switches the terminal guard off inside this shell',
  rationale:
    'A DEBUG trap, shell options, a zsh widget and the `__ag_*` functions are how the terminal guard checks each command; removing or replacing one, or starting a shell without its start-up files, lets every later command run unchecked.',
  match(cmd) {
    switch (cmd.name) {
      case 'trap':
        return trapHit(cmd);
      case 'set':
      case 'shopt':
      case 'setopt':
      case 'unsetopt':
        return optionHit(cmd);
      case 'bash':
      case 'zsh':
        return bareShellHit(cmd);
      default:
        return hookHit(cmd);
    }
  },
};
