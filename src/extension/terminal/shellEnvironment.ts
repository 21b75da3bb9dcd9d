// What the terminal guard puts into VS Code's EnvironmentVariableCollection, as data. Pure: no `vscode`,
// unit-tested in plain node and exercised by the real-shell tests.
//
// - bash, interactive: PROMPT_COMMAND gets a line (prepended) that loads the guard at the first prompt
//   and runs its prompt hook afterwards. It is also re-applied after the rc files when VS Code's shell
//   integration is on (`applyAtShellIntegration`), so an rc file that overwrites PROMPT_COMMAND does not
//   drop it there. Bash reads no other variable at interactive start-up that could run code.
// - bash, non-interactive (`bash -c`, `#!/bin/bash` scripts, tasks): BASH_ENV, chaining the person's own.
// - zsh: ZDOTDIR points at a folder of four small dotfiles that read the person's own files (with their
//   ZDOTDIR in place) and add the guard; VS Code's zsh integration reads our folder as the "user" one.
// - the guard's inputs: where the CLI, node and the scripts are, the trigger words, the state folder.
import type { ShellTriggers } from './shellTriggerWords';
export interface ShellEnvironmentInput {
  /** `<extension>/dist/shell`. */
  shellDir: string;
  /** `<extension>/dist/cli.js`. */
  cliPath: string;
  /** A node to run the CLI with: VS Code's own runtime (run with ELECTRON_RUN_AS_NODE=1) or node. */
  nodePath: string;
  triggers: ShellTriggers;
  /** Folder for per-terminal "guard off" flags. */
  stateDir: string;
  /** Folder holding our .zshenv/.zprofile/.zshrc/.zlogin. */
  zdotdir: string;
  /** The window's own environment (what terminals would inherit without us). */
  inherited: Readonly<Record<string, string | undefined>>;
}

export interface EnvMutation {
  name: string;
  op: 'replace' | 'prepend';
  value: string;
  /** Also re-apply after the shell's rc files when VS Code's shell integration runs them. */
  applyAtShellIntegration: boolean;
}

/** Variables this guard owns. It only ever replaces these; it never clears the collection. */
export const TERMINAL_GUARD_VARIABLES = [
  'AGENT_GUARD_SHELL_DIR', 'AGENT_GUARD_CLI', 'AGENT_GUARD_NODE', 'AGENT_GUARD_TRIGGERS', 'AGENT_GUARD_DEEP_TRIGGERS', 'AGENT_GUARD_SUBSTRINGS', 'AGENT_GUARD_STATE_DIR',
  'AGENT_GUARD_USER_BASH_ENV', 'AGENT_GUARD_USER_ZDOTDIR', 'BASH_ENV', 'ZDOTDIR', 'PROMPT_COMMAND',
] as const;

/**
 * The PROMPT_COMMAND line. It must (1) leave `$?` as it found it for whatever runs after it,
 * (2) do nothing visible when our files are gone (extension removed, terminal not yet restarted),
 * (3) stay valid in every way rc files and VS Code extend PROMPT_COMMAND:
 *   `X; $PROMPT_COMMAND`, `$PROMPT_COMMAND; X`, `${PROMPT_COMMAND:+$PROMPT_COMMAND; }X`, `+=(X)`,
 *   and VS Code's after-rc prepend (our value glued to whatever the rc left, through `echo -e`).
 * Hence the ending `__ag_r \n ` with a literal backslash-n: read raw by bash it is `__ag_r n` followed
 * by a space (a valid end, and `; X` may follow); through VS Code's `echo -e` it becomes a newline
 * plus a space, which separates it from the text glued after it. `__ag_r` returns the saved status
 * whatever its argument. When the window's own environment already has a PROMPT_COMMAND, our value is
 * glued to it at process creation too, so it ends with a plain `;` instead.
 * `trap -p DEBUG` is read here, at top level, because bash hides the DEBUG trap inside the sourced file.
 * Once loaded, it calls the prompt hook directly (no file read per prompt).
 */
export function promptCommandLine(inheritedPromptCommand: string | undefined): string {
  const body =
    '__ag_s=$?;__ag_r(){ builtin return $__ag_s;};' +
    'if [[ -n ${__ag_loaded-} ]];then __ag_prompt;' +
    'else __ag_t=$(trap -p DEBUG);' +
    'if builtin test -r "$AGENT_GUARD_SHELL_DIR/bash-prompt.bash";then builtin . "$AGENT_GUARD_SHELL_DIR/bash-prompt.bash";fi;fi;';
  return inheritedPromptCommand && inheritedPromptCommand.trim() !== '' ? `${body}__ag_r;` : `${body}__ag_r \\n `;
}

export function shellEnvironment(input: ShellEnvironmentInput): EnvMutation[] {
  const env = input.inherited;
  const set = (name: string, value: string): EnvMutation => ({ name, op: 'replace', value, applyAtShellIntegration: false });
  const triggers = input.triggers.words === '*' ? '*' : input.triggers.words.join(' ');
  const out: EnvMutation[] = [
    set('AGENT_GUARD_SHELL_DIR', input.shellDir),
    set('AGENT_GUARD_CLI', input.cliPath),
    set('AGENT_GUARD_NODE', input.nodePath),
    set('AGENT_GUARD_TRIGGERS', triggers),
    set('AGENT_GUARD_DEEP_TRIGGERS', input.triggers.deep.join(' ')),
    set('AGENT_GUARD_SUBSTRINGS', input.triggers.substrings.join(' ')),
    set('AGENT_GUARD_STATE_DIR', input.stateDir),
    set('BASH_ENV', `${input.shellDir}/bash-env.bash`),
    set('ZDOTDIR', input.zdotdir),
    { name: 'PROMPT_COMMAND', op: 'prepend', value: promptCommandLine(env.PROMPT_COMMAND), applyAtShellIntegration: true },
  ];
  // The person's own values, so our files can chain them. A value that is already ours (a window
  // started from one of our terminals) is not the person's.
  const userBashEnv = env.BASH_ENV && !env.BASH_ENV.startsWith(input.shellDir) ? env.BASH_ENV : '';
  const userZdotdir = env.ZDOTDIR && env.ZDOTDIR !== input.zdotdir ? env.ZDOTDIR : '';
  out.push(set('AGENT_GUARD_USER_BASH_ENV', userBashEnv));
  out.push(set('AGENT_GUARD_USER_ZDOTDIR', userZdotdir));
  return out;
}
