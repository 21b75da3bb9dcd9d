// The terminal and task door inside VS Code. Commands typed, pasted or sent into an integrated terminal,
// and the commands of tasks, are checked by the shells themselves before they run (src/shell/*): this
// file only hands the shells what they need through the EnvironmentVariableCollection, writes the zsh
// dotfile folder, offers the visible and logged "guard off for this terminal" switch, and tells the
// person which task was stopped. `onDidStartTerminalShellExecution` and `onDidStartTask` fire after a
// command started, so they are used for reporting only, never as the guard.
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { GuardServices } from '../guardServices';
import { guardEntry } from '../../log/logRecord';
import { shellEnvironment } from './shellEnvironment';
import type { EnvMutation } from './shellEnvironment';
import { shellTriggerWords } from './shellTriggerWords';
import type { ShellTriggers } from './shellTriggerWords';
import { BLOCKED_EXIT_CODE, TaskBlockTracker } from './taskBlockTracker';
import { TerminalOffFlags } from './terminalOffFlags';
import { ZDOTDIR_FILES } from './zdotdirFiles';
import { ShellWordsFile } from './shellWordsFile';

export const TerminalCommandId = {
  off: 'agentGuard.terminalGuardOff',
  on: 'agentGuard.terminalGuardOn',
} as const;

/** Agents the shells name in `--agent` for non-interactive shells (tasks, scripts, `bash -c`). */
const NON_INTERACTIVE_AGENTS = new Set(['bash (script or bash -c)', 'zsh (script or zsh -c)']);

/** Writes our ZDOTDIR files; false (and ZDOTDIR left alone) if any of them cannot be written. */
function writeZdotdir(dir: string, report: (m: string) => void): boolean {
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    for (const [name, content] of Object.entries(ZDOTDIR_FILES)) {
      const file = path.join(dir, name);
      let current: string | undefined;
      try {
        current = fs.readFileSync(file, 'utf8');
      } catch {
        current = undefined;
      }
      if (current !== content) fs.writeFileSync(file, content, { mode: 0o600 });
    }
    return true;
  } catch (e) {
    report(`Agent Guard could not prepare its zsh start-up folder (${(e as Error).message}); zsh terminals are not guarded.`);
    return false;
  }
}

function applyMutations(collection: vscode.GlobalEnvironmentVariableCollection, mutations: readonly EnvMutation[]): void {
  for (const m of mutations) {
    const options: vscode.EnvironmentVariableMutatorOptions = { applyAtProcessCreation: true, applyAtShellIntegration: m.applyAtShellIntegration };
    if (m.op === 'prepend') collection.prepend(m.name, m.value, options);
    else collection.replace(m.name, m.value, options);
  }
}

export function registerTerminalGuard(context: vscode.ExtensionContext, services: GuardServices): void {
  const report = (message: string): void => void vscode.window.showWarningMessage(message);
  const shellDir = path.join(context.extensionPath, 'dist', 'shell');
  const storage = context.globalStorageUri.fsPath;
  const zdotdir = path.join(storage, 'zdotdir');
  const flags = new TerminalOffFlags(path.join(storage, 'terminals', vscode.env.sessionId.replace(/[^A-Za-z0-9_.-]/g, '_')));
  context.subscriptions.push({ dispose: () => flags.removeAllSync() });
  try {
    // Private (0700): the shells also keep a scratch file per shell here (see agent-guard.bash).
    fs.mkdirSync(flags.dir, { recursive: true, mode: 0o700 });
  } catch (e) {
    report(`Agent Guard could not create its terminal state folder (${(e as Error).message}); "guard off for this terminal" is unavailable.`);
  }

  if (!fs.existsSync(path.join(shellDir, 'agent-guard.bash'))) {
    report(`Agent Guard: the shell scripts are missing from ${shellDir}; terminals are not guarded (rebuild the extension).`);
    return;
  }
  const zshReady = writeZdotdir(zdotdir, report);
  const words = new ShellWordsFile(flags.dir);

  const apply = (): void => {
    let triggers: ShellTriggers;
    try {
      triggers = shellTriggerWords(services.policy());
    } catch (e) {
      // Without a word list the shells check every command: slower, never blind.
      triggers = { words: '*', deep: [], substrings: [] };
      report(`Agent Guard could not compile the terminal prefilter (${(e as Error).message}); every terminal command is checked.`);
    }
    // Open terminals read the lists from the state folder before each prompt: a rule added now applies
    // in every open bash/zsh terminal at its next line, without a reload or a new terminal.
    try {
      words.write(triggers);
    } catch (e) {
      report(`Agent Guard could not update the open terminals' trigger words (${(e as Error).message}); new terminals get the current rules, open ones say so.`);
    }
    const mutations = shellEnvironment({
      shellDir,
      cliPath: path.join(context.extensionPath, 'dist', 'cli.js'),
      nodePath: process.execPath,
      triggers,
      stateDir: flags.dir,
      zdotdir,
      inherited: process.env,
    }).filter((m) => zshReady || (m.name !== 'ZDOTDIR' && m.name !== 'AGENT_GUARD_USER_ZDOTDIR'));
    applyMutations(context.environmentVariableCollection, mutations);
  };
  apply();
  context.subscriptions.push(services.onDidChangePolicy(apply));

  // ---- "guard off for this terminal": asked, logged, said in the terminal at its next prompt. ----
  const switchTerminal = async (off: boolean): Promise<void> => {
    const terminal = vscode.window.activeTerminal;
    if (!terminal) {
      void vscode.window.showInformationMessage('Agent Guard: open (and focus) the terminal first.');
      return;
    }
    const pid = await terminal.processId;
    if (pid === undefined) {
      void vscode.window.showWarningMessage(`Agent Guard: terminal "${terminal.name}" has no shell process to switch.`);
      return;
    }
    if (off) {
      const choice = await vscode.window.showWarningMessage(
        `Turn the guard off for terminal "${terminal.name}"?`,
        { modal: true, detail: 'Commands typed or sent into this terminal, and the scripts it starts, will run without Agent Guard checking them, until you turn it back on or close the terminal. This choice is logged.' },
        'Turn Off for This Terminal',
      );
      if (choice !== 'Turn Off for This Terminal') return;
      await flags.set(pid, `turned off by the person at ${new Date().toISOString()} for terminal "${terminal.name}"`);
    } else {
      await flags.clear(pid);
    }
    services.offTerminals.set(pid, off);
    const what = `terminal guard ${off ? 'OFF' : 'ON'}: ${terminal.name}`;
    await services.log
      .append(guardEntry(what, `shell process ${pid}; ${off ? 'commands in this terminal run unchecked' : 'checks resume'}`, 'allow', 'person'))
      .catch((e: unknown) => report(`Agent Guard could not log the terminal switch: ${String(e)}`));
    void vscode.window.showInformationMessage(
      off ? `Agent Guard is OFF for terminal "${terminal.name}" (logged). The terminal says so at its next prompt.` : `Agent Guard is back ON for terminal "${terminal.name}".`,
    );
  };
  context.subscriptions.push(
    vscode.commands.registerCommand(TerminalCommandId.off, () => switchTerminal(true)),
    vscode.commands.registerCommand(TerminalCommandId.on, () => switchTerminal(false)),
    vscode.window.onDidCloseTerminal(async (t) => {
      const pid = await t.processId;
      if (pid === undefined) return;
      services.offTerminals.set(pid, false);
      await flags.clear(pid).catch(() => undefined);
    }),
  );

  // ---- tasks: which task was stopped. The stop itself happened in the task's shell. ----
  const tracker = new TaskBlockTracker();
  const logListener = services.log.onDidAppend((entries) => {
    for (const e of entries) {
      if (e.kind === 'decision' && e.decision === 'block' && e.door === 'terminal' && e.agent && NON_INTERACTIVE_AGENTS.has(e.agent)) {
        tracker.blockLogged({ time: Date.parse(e.time) || Date.now(), command: e.command, ...(e.cwd ? { cwd: e.cwd } : {}) });
      }
    }
  });
  // VS Code reports the process id when a task's process starts, not when it ends.
  const pids = new Map<vscode.TaskExecution, number>();
  context.subscriptions.push(
    logListener,
    vscode.tasks.onDidStartTaskProcess((e) => {
      const scope = e.execution.task.scope;
      const cwd = scope && typeof scope === 'object' && 'uri' in scope ? scope.uri.fsPath : undefined;
      pids.set(e.execution, e.processId);
      services.taskProcesses.started(e.processId, e.execution.task.name);
      tracker.taskStarted(e.processId, e.execution.task.name, Date.now(), cwd);
    }),
    vscode.tasks.onDidEndTaskProcess((e) => {
      const pid = pids.get(e.execution);
      pids.delete(e.execution);
      if (pid === undefined) return;
      services.taskProcesses.ended(pid);
      const blocked = tracker.taskEnded(pid, e.exitCode, Date.now());
      if (!blocked) return;
      const more = blocked.commands.length > 1 ? ` (and ${blocked.commands.length - 1} more)` : '';
      void vscode.window
        .showWarningMessage(`Agent Guard stopped task "${blocked.name}": \`${blocked.commands[0]}\`${more} did not run, and the task ended (exit ${BLOCKED_EXIT_CODE}).`, 'Show Log')
        .then((pick) => (pick ? vscode.commands.executeCommand('agentGuard.showLog') : undefined));
    }),
  );
}
