// Before an action runs: which restorers can keep what it destroys, and what cannot be kept. Every
// simple command of the line is shown to every restorer (a line may hold `rm a && git reset --hard`);
// a finding no restorer covered becomes a "no restore point possible" reason, so the modal never
// promises more than will be kept.
import * as path from 'path';
import { parseCommandLine } from '../engine/shell/parseCommandLine';
import type { Action, Finding, SimpleCommand, Verdict } from '../engine/types';
import { filesRestorer } from './filesRestorer';
import { gitRestorer } from './gitRestorer';
import { kubernetesRestorer } from './kubernetesRestorer';
import { postgresRestorer } from './postgresRestorer';
import { sqliteRestorer } from './sqliteRestorer';
import { terraformRestorer } from './terraformRestorer';
import { isNoPoint, isPart } from './restoreTypes';
import type { PlannedPart, RestoreKind, Restorer } from './restoreTypes';

export const RESTORERS: readonly Restorer[] = [gitRestorer, filesRestorer, sqliteRestorer, postgresRestorer, kubernetesRestorer, terraformRestorer];

export function restorerFor(kind: RestoreKind | string): Restorer | undefined {
  return RESTORERS.find((r) => r.kind === kind);
}

export interface ActionPlan {
  parts: PlannedPart[];
  /** Why some of what the action destroys cannot be kept. */
  reasons: string[];
}

/** Why a finding nobody covered has no point, in a few words after its own summary. */
const WHY_NOT: Readonly<Record<string, string>> = {
  cloud: 'it is not on this machine',
  http: 'it happens on a remote server',
  container: 'container volumes are not kept',
  disk: 'a whole disk or partition is not kept',
  database: 'whole databases are not dumped',
  sql: 'only PostgreSQL tables and SQLite files are kept',
  kubernetes: 'only named objects are kept',
  iac: 'only Terraform state is kept',
  filesystem: 'the files are not known before it runs',
  git: 'git could not tell what it would lose',
  opaque: 'what it runs cannot be read in advance',
  tool: 'an agent tool call is not kept',
  custom: 'Agent Guard does not know what it destroys',
};

function reasonFor(f: Finding): string | undefined {
  const why = WHY_NOT[String(f.category)];
  return why ? `${f.summary} (${why})` : undefined;
}

/** `cd dir` with a literal argument moves the cwd of the commands after it. */
function nextCwd(cmd: SimpleCommand, cwd: string, env: NodeJS.ProcessEnv): string {
  if (cmd.name !== 'cd' || cmd.args.length !== 1 || cmd.dynamic[0]) return cwd;
  const a = cmd.args[0];
  if (a === '~' || a.startsWith('~/')) return path.join(env.HOME ?? '', a.slice(1));
  return path.resolve(cwd, a);
}

export async function planRestorePoint(action: Action, verdict: Verdict, cwd: string, env: NodeJS.ProcessEnv, restorers: readonly Restorer[] = RESTORERS): Promise<ActionPlan> {
  const plan: ActionPlan = { parts: [], reasons: [] };
  const covered = new Set<string>();
  const planCommand = async (cmd: SimpleCommand, here: string): Promise<void> => {
    // A copy only when the command sets variables: copying reads every variable of the environment.
    const subject = { cmd, cwd: here, env: Object.keys(cmd.assignments).length > 0 ? { ...env, ...cmd.assignments } : env, verdict };
    for (const r of restorers) {
      let res;
      try {
        res = await r.plan(subject);
      } catch (e) {
        res = { reason: `the ${r.kind} restore point could not be planned (${(e as Error).message})` };
      }
      if (res === undefined) continue;
      covered.add(cmd.text);
      if (isNoPoint(res)) plan.reasons.push(res.reason);
      else if (isPart(res)) plan.parts.push(res);
    }
  };
  if (action.kind === 'shell') {
    let here = cwd;
    for (const cmd of parseCommandLine(action.command).commands) {
      if (cmd.remote === undefined && cmd.via.every((v) => !v.startsWith('ssh'))) await planCommand(cmd, here);
      here = nextCwd(cmd, here, env);
    }
    // An interpreter's delete (`python -c "shutil.rmtree('data')"`) reaches the findings as the shell
    // command it amounts to (`rm -rf -- data`): plan that one too.
    for (const f of verdict.findings) {
      if (String(f.category) !== 'filesystem' || f.command === undefined || covered.has(f.command)) continue;
      const cmds = parseCommandLine(f.command).commands;
      for (const cmd of cmds) await planCommand(cmd, cwd);
      if (cmds.some((c) => covered.has(c.text))) covered.add(f.command);
    }
  }
  for (const f of verdict.findings) {
    if (f.command !== undefined && covered.has(f.command)) continue;
    const r = reasonFor(f);
    if (r && !plan.reasons.includes(r)) plan.reasons.push(r);
  }
  return plan;
}
