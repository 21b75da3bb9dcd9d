// Terraform state before `destroy`, `apply -destroy` or `state rm`: `terraform state pull` into the
// point. The state is what lets Terraform manage (and re-import) the resources; the resources
// themselves are not kept. Restoring prints the `terraform state push` for the person to run.
import * as path from 'path';
import { keepToolOutput } from './runTool';
import { shellQuote as q } from './restoreWords';
import type { PlannedPart, PlanResult, RestoreReport, RestoreSubject, Restorer, TakenPart, TakeContext } from './restoreTypes';

interface TfData extends Record<string, unknown> {
  cwd: string;
  chdir?: string;
  file?: string;
}

/** `terraform [-chdir=dir] destroy | apply -destroy | state rm …`: the subcommand words, or null. */
function destroys(args: readonly string[]): { chdir?: string; label: string } | null {
  let chdir: string | undefined;
  const words: string[] = [];
  for (const a of args) {
    if (a.startsWith('-chdir=')) chdir = a.slice(7);
    else if (!a.startsWith('-')) words.push(a);
  }
  const [sub, verb] = words;
  if (sub === 'destroy') return { chdir, label: 'terraform destroy' };
  if (sub === 'apply' && args.some((a) => a === '-destroy' || a === '--destroy')) return { chdir, label: 'terraform apply -destroy' };
  if (sub === 'state' && (verb === 'rm' || verb === 'remove')) return { chdir, label: 'terraform state rm' };
  return null;
}

async function plan(subject: RestoreSubject): Promise<PlanResult> {
  if (subject.cmd.name !== 'terraform' && subject.cmd.name !== 'tofu') return undefined;
  const d = destroys(subject.cmd.args);
  if (!d) return undefined;
  const data: TfData = { cwd: subject.cwd, ...(d.chdir ? { chdir: d.chdir } : {}), program: subject.cmd.name };
  return { kind: 'terraform', what: `the Terraform state before \`${d.label}\` (not the resources)`, bytes: 0, paths: [path.resolve(subject.cwd, d.chdir ?? '.')], data, env: subject.env };
}

async function take(part: PlannedPart, ctx: TakeContext): Promise<TakenPart> {
  const d = part.data as TfData;
  const program = String(d.program ?? 'terraform');
  const args = [...(d.chdir ? [`-chdir=${d.chdir}`] : []), 'state', 'pull'];
  const k = await keepToolOutput(program, args, path.join(ctx.dir, 'terraform.tfstate'), { cwd: d.cwd, env: part.env, timeoutMs: Math.max(1, ctx.deadline - Date.now()) });
  return { kind: part.kind, what: part.what, paths: part.paths, bytes: k.bytes, complete: !k.error, ...(k.error ? { note: k.error } : {}), data: { ...d, ...(k.error ? {} : { file: 'terraform.tfstate' }) } };
}

async function restore(part: TakenPart, dir: string): Promise<RestoreReport> {
  const d = part.data as TfData;
  const report: RestoreReport = { restored: [], conflicts: [], commands: [], notes: [] };
  if (!d.file) {
    report.notes.push('this point holds no state (state pull failed when it was taken)');
    return report;
  }
  report.commands.push(`cd ${q(d.cwd)} && ${String(d.program ?? 'terraform')} ${d.chdir ? `-chdir=${q(d.chdir)} ` : ''}state push -force ${q(path.join(dir, d.file))}`);
  report.notes.push('this puts the old state back (-force: its serial is older); resources that were destroyed are not recreated until you run `terraform apply`');
  return report;
}

function describe(part: TakenPart): string {
  return `Terraform state of ${part.paths.join(', ')}`;
}

export const terraformRestorer: Restorer = { kind: 'terraform', plan, take, restore, describe };
