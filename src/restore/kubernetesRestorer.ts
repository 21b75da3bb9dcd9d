// Kubernetes objects a `kubectl delete` names: `kubectl get … -o yaml` of exactly those objects, with
// the command's own context, kubeconfig and namespace. Manifests only: the data in a volume a
// deleted claim held is not kept, and the modal and the restore say so. Restoring prints the
// `kubectl apply` for the person to run.
import * as path from 'path';
import { scanArgs, subcommandIndex } from '../engine/rules/scanArgs';
import { keepToolOutput } from './runTool';
import { shellQuote } from './restoreWords';
import type { PlannedPart, PlanResult, RestoreReport, RestoreSubject, Restorer, TakenPart, TakeContext } from './restoreTypes';

const VALUE_FLAGS = new Set(['namespace', 'context', 'kubeconfig', 'cluster', 'user', 'selector', 'filename', 'field-selector', 'output', 'grace-period', 'timeout', 'cascade', 'wait', 'server', 'token']);
const SPEC = { shortWithValue: 'nlfo', longWithValue: VALUE_FLAGS };
/** Flags that say where the objects are: passed on unchanged to `kubectl get`. */
const WHERE_FLAGS: readonly [string, string][] = [['n', '--namespace'], ['', '--context'], ['', '--kubeconfig'], ['', '--cluster'], ['', '--server']];

interface KubeData extends Record<string, unknown> {
  /** Arguments for `kubectl get` (after `get`), without `-o`. */
  getArgs: string[];
  file?: string;
}

async function plan(subject: RestoreSubject): Promise<PlanResult> {
  const cmd = subject.cmd;
  if (cmd.name !== 'kubectl' && cmd.name !== 'oc') return undefined;
  const i = subcommandIndex(cmd.args, SPEC);
  if (i < 0 || cmd.args[i] !== 'delete') return undefined;
  if (cmd.dynamic.some(Boolean)) return { reason: 'the objects it deletes are named through a variable' };
  const s = scanArgs(cmd.args, SPEC);
  const where: string[] = [];
  for (const [short, long] of WHERE_FLAGS) {
    const v = s.values.get(long.slice(2)) ?? (short ? s.values.get(short) : undefined);
    if (v !== undefined) where.push(long, v);
  }
  if (s.short.includes('A') || s.long.includes('all-namespaces')) where.push('--all-namespaces');
  const select: string[] = [];
  const selector = s.values.get('selector') ?? s.values.get('l');
  const file = s.values.get('filename') ?? s.values.get('f');
  if (file !== undefined) select.push('-f', path.resolve(subject.cwd, file));
  const objects = s.positionals.filter((p) => p !== 'delete');
  select.push(...objects);
  if (selector !== undefined) select.push('-l', selector);
  if (objects.length === 0 && file === undefined) return { reason: 'it names no objects to keep' };
  const label = file !== undefined ? `the objects in \`${file}\`` : objects.join(' ');
  const data: KubeData = { getArgs: [...select, ...where] };
  return { kind: 'kubernetes', what: `the manifests of ${label} (not the data in their volumes)`, bytes: 0, paths: objects.length ? objects : [file ?? ''], data, env: subject.env };
}

async function take(part: PlannedPart, ctx: TakeContext): Promise<TakenPart> {
  const d = part.data as KubeData;
  const k = await keepToolOutput('kubectl', ['get', ...d.getArgs, '-o', 'yaml'], path.join(ctx.dir, 'objects.yaml'), { cwd: ctx.dir, env: part.env, timeoutMs: Math.max(1, ctx.deadline - Date.now()) });
  return { kind: part.kind, what: part.what, paths: part.paths, bytes: k.bytes, complete: !k.error, ...(k.error ? { note: k.error } : {}), data: { ...d, ...(k.error ? {} : { file: 'objects.yaml' }) } };
}

async function restore(part: TakenPart, dir: string): Promise<RestoreReport> {
  const d = part.data as KubeData;
  const report: RestoreReport = { restored: [], conflicts: [], commands: [], notes: [] };
  if (!d.file) {
    report.notes.push('this point holds no manifests (kubectl get failed when it was taken)');
    return report;
  }
  const where = d.getArgs.filter((a, i) => a.startsWith('--') || d.getArgs[i - 1]?.startsWith('--')).filter((a) => a !== '--all-namespaces');
  report.commands.push(['kubectl', 'apply', ...where, '-f', path.join(dir, d.file)].map(shellQuote).join(' '));
  report.notes.push('this recreates the objects from their manifests; data that lived in their volumes is not part of a restore point');
  return report;
}

function describe(part: TakenPart): string {
  return `Kubernetes manifests: ${part.paths.join(', ')} (no volume data)`;
}

export const kubernetesRestorer: Restorer = { kind: 'kubernetes', plan, take, restore, describe };
