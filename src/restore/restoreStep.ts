// The one step the decision path takes for restore points. After the verdict and before asking:
// `prepareRestorePoint` plans what would be kept (a modal line, and the id the point will have);
// right before answering "allow": `take()`. Neither ever throws nor blocks an allowed action: a
// store that is off, full, unwritable or corrupt turns into a "no restore point possible" line.
import * as fs from 'fs';
import type { Action, Verdict } from '../engine/types';
import { appendToSpool, spoolDir } from '../log/decisionSpool';
import { guardEntry, safeMask, actionText } from '../log/logRecord';
import type { Origin, RestorePointNote } from '../protocol/protocol';
import { candidateWindows } from '../protocol/discovery';
import { planRestorePoint } from './planRestorePoint';
import type { Restorer } from './restoreTypes';
import { RESTORE_DEFAULTS } from './restoreSettings';
import type { RestoreSettings } from './restoreSettings';
import { listPoints, newPointId, pointsToEvict, restoreStoreDir } from './restoreStore';
import { takeRestorePoint } from './takeRestorePoint';
import type { TakenPoint } from './takeRestorePoint';
import { formatBytes, noPointText, willKeepText } from './restoreWords';

export interface PreparedPoint {
  /** The words after "Restore point: " in the modal and the log: "will keep 3 uncommitted files (12 KB)", "none possible: …". */
  line?: string;
  /** The id the point will have once taken (undefined when there is nothing to keep). */
  id?: string;
  /** Keeps it. Call right before answering allow; resolves within the restorers' deadlines, never rejects. */
  take(): Promise<TakenPoint | undefined>;
}

export interface RestoreStepContext {
  cwd: string;
  env: NodeJS.ProcessEnv;
  origin: Origin;
  /**
   * The restore settings, or how to read them (the CLI resolves them from the window's and the
   * workspace's values and the machine policy; read only when a point may be kept).
   */
  settings: RestoreSettings | (() => RestoreSettings);
  /** Overrides for tests; default: `restoreStoreDir()`. */
  store?: string;
  /** Where a partial or failed point is reported (default: the decision spool); false for nowhere. */
  spool?: string | false;
  /** For tests: other restorers (a PostgreSQL one with a tiny size bound). */
  restorers?: readonly Restorer[];
  /** Whether a VS Code window could be asked (default: a discovery record for the cwd exists). */
  windowOpen?: (cwd: string, env: NodeJS.ProcessEnv) => boolean;
}

function settingsOf(ctx: RestoreStepContext): RestoreSettings {
  try {
    return typeof ctx.settings === 'function' ? ctx.settings() : ctx.settings;
  } catch {
    return { ...RESTORE_DEFAULTS };
  }
}

function hasWindow(cwd: string, env: NodeJS.ProcessEnv): boolean {
  try {
    return candidateWindows(cwd, env).length > 0;
  } catch {
    return false;
  }
}

/** No point: restore points are off, or the action destroys nothing a restorer reads. */
export const NO_POINT: PreparedPoint = Object.freeze({ take: async () => undefined });

/** Why the store cannot take `incoming` more bytes, or undefined when it can. */
function storeProblem(store: string, settings: RestoreSettings, incoming: number): string | undefined {
  try {
    fs.mkdirSync(store, { recursive: true, mode: 0o700 });
    fs.accessSync(store, fs.constants.W_OK);
  } catch (e) {
    return `the restore store \`${store}\` is not writable (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`;
  }
  if (!fs.statSync(store).isDirectory()) return `the restore store \`${store}\` is not a folder`;
  if (incoming > settings.maxBytes) return `it would take ${formatBytes(incoming)}, more than the restore store quota (${formatBytes(settings.maxBytes)})`;
  const { points } = listPoints(store);
  const evicted = new Set(pointsToEvict(points, settings, incoming, Date.now()).map((p) => p.id));
  const kept = points.filter((p) => !evicted.has(p.id)).reduce((n, p) => n + p.bytes, 0);
  return kept + incoming > settings.maxBytes ? `the restore store is full (${formatBytes(settings.maxBytes)} quota)` : undefined;
}

function report(ctx: RestoreStepContext, action: Action, note: string): void {
  if (ctx.spool === false) return;
  const dir = typeof ctx.spool === 'string' ? ctx.spool : spoolDir(ctx.env);
  appendToSpool(guardEntry(safeMask(actionText(action)), note, 'allow', 'policy'), dir, () => undefined);
}

export async function prepareRestorePoint(action: Action, verdict: Verdict, ctx: RestoreStepContext): Promise<PreparedPoint> {
  try {
    if (verdict.decision === 'deny') return NO_POINT;
    // An action only a person can allow, with no window to ask, is blocked: probing a database or a
    // cluster for it would run a client nobody asked for.
    if (verdict.decision === 'confirm' && !(ctx.windowOpen ?? hasWindow)(ctx.cwd, ctx.env)) return NO_POINT;
    // Most allowed commands destroy nothing: plan those (local, cheap) before reading the settings. An asked
    // action may probe a server while planning, so the person's "off" is read first for those.
    const readSettings = (): RestoreSettings => settingsOf(ctx);
    let settings = verdict.decision === 'confirm' ? readSettings() : undefined;
    if (settings && !settings.enabled) return NO_POINT;
    const plan = await planRestorePoint(action, verdict, ctx.cwd, ctx.env, ctx.restorers);
    if (plan.parts.length === 0 && plan.reasons.length === 0) return NO_POINT;
    settings ??= readSettings();
    if (!settings.enabled) return NO_POINT;
    const store = ctx.store ?? restoreStoreDir();
    const incoming = plan.parts.reduce((n, p) => n + p.bytes, 0);
    const problem = plan.parts.length > 0 ? storeProblem(store, settings, incoming) : undefined;
    const reasons = problem ? [problem, ...plan.reasons] : plan.reasons;
    const parts = problem ? [] : plan.parts;
    const words: string[] = [];
    if (parts.length > 0) words.push(willKeepText(parts.map((p) => p.what)));
    if (reasons.length > 0) words.push(parts.length > 0 ? `not for: ${reasons.join('; ')}` : noPointText(reasons));
    const line = words.length ? words.join('; ') : undefined;
    if (parts.length === 0) return { line, take: async () => undefined };
    const id = newPointId();
    const header = { id, command: safeMask(actionText(action)), door: ctx.origin.door, ...(ctx.origin.agent ? { agent: ctx.origin.agent } : {}), cwd: ctx.cwd };
    return {
      line,
      id,
      take: async () => {
        const taken = await takeRestorePoint(store, settings, header, parts);
        if (taken.error) report(ctx, action, `restore point ${id} was not kept: ${taken.error}`);
        else if (!taken.complete) report(ctx, action, `restore point ${id} is partial: ${taken.note ?? 'not everything was kept in time'}`);
        return taken;
      },
    };
  } catch (e) {
    return { line: noPointText([`it could not be planned (${(e as Error).message})`]), take: async () => undefined };
  }
}

/** The words the modal and the log show for a prepared point, with its id when there is one to restore. */
export function pointNote(point: PreparedPoint): RestorePointNote | undefined {
  return point.line === undefined ? undefined : { ...(point.id ? { id: point.id } : {}), text: point.line };
}

/**
 * The decision path's last step: an allowed action gets its point taken before the answer goes out.
 * The note says what was kept; a point that could not be kept loses its id (nothing to restore).
 */
export async function keepIfAllowed<D extends { decision: 'allow' | 'block' }>(point: PreparedPoint, d: D): Promise<D & { restorePoint?: RestorePointNote }> {
  const note = pointNote(point);
  if (d.decision !== 'allow' || !note) return note ? { ...d, restorePoint: note } : d;
  const taken = await point.take();
  if (!taken) return { ...d, restorePoint: note };
  if (taken.error) return { ...d, restorePoint: { text: noPointText([taken.error]) } };
  return { ...d, restorePoint: taken.complete ? note : { ...note, text: `${note.text} (partial: ${taken.note ?? 'not everything was kept in time'})` } };
}
