// The vocabulary of restore points: what a restorer plans, what a point's manifest records, what a
// restore reports. One restorer per kind of data (git work tree, files, SQLite, PostgreSQL,
// Kubernetes manifests, Terraform state), all behind `Restorer`.
import type { SimpleCommand, Verdict } from '../engine/types';

export type RestoreKind = 'git' | 'files' | 'sqlite' | 'postgres' | 'kubernetes' | 'terraform';

/** What a restorer is shown: one simple command of the line, where it runs, and the verdict's findings. */
export interface RestoreSubject {
  cmd: SimpleCommand;
  /** The directory the command runs in (the line's cwd, after a literal `cd` before it). */
  cwd: string;
  /** The environment the command runs with (its own `VAR=value` prefixes applied). */
  env: NodeJS.ProcessEnv;
  verdict: Verdict;
}

/** A part a restorer can keep, worked out before anything runs. `data` is the restorer's own, JSON-safe. */
export interface PlannedPart {
  kind: RestoreKind;
  /** For the person: "3 uncommitted files", "table `customers`". */
  what: string;
  /** Bytes it would keep (an estimate; git and hard links may cost less). */
  bytes: number;
  /** Paths, refs, tables or objects it would keep, for the manifest and `--list`. */
  paths: string[];
  data: Record<string, unknown>;
  /** The command's environment (credentials included), for take only: it is never written to the store. */
  env?: NodeJS.ProcessEnv;
}

/** Why nothing can be kept for a command that destroys something ("Railway volume", "table over 200 MB"). */
export interface NoPoint {
  reason: string;
}

/** The command is one this restorer reads, and it puts nothing at risk (a clean work tree, a missing file). */
export const NOTHING_AT_RISK = Object.freeze({ nothingAtRisk: true as const });

/** `undefined`: not this restorer's command. */
export type PlanResult = PlannedPart | NoPoint | typeof NOTHING_AT_RISK | undefined;

export function isNoPoint(p: PlanResult): p is NoPoint {
  return p !== undefined && 'reason' in p;
}

export function isPart(p: PlanResult): p is PlannedPart {
  return p !== undefined && 'kind' in p;
}

/** The outcome of taking one part: what it wrote into the point's folder, and whether it got everything. */
export interface TakenPart {
  kind: RestoreKind;
  what: string;
  paths: string[];
  bytes: number;
  /** False when the deadline or a size bound stopped it half way; `note` says what is missing. */
  complete: boolean;
  note?: string;
  data: Record<string, unknown>;
}

/** `manifest.json` in each point's folder. */
export interface RestoreManifest {
  v: 1;
  id: string;
  /** ISO time the point was taken. */
  time: string;
  /** The command, secrets masked. */
  command: string;
  door: string;
  agent?: string;
  cwd: string;
  /** The kinds of its parts joined with `+` (`git`, `files+git`). */
  kind: string;
  paths: string[];
  bytes: number;
  complete: boolean;
  parts: TakenPart[];
}

export interface RestoreOptions {
  /** Overwrite content that changed since the point (the person confirmed). */
  force: boolean;
}

/** What a restore did, or would need to do. */
export interface RestoreReport {
  /** Paths or objects put back. */
  restored: string[];
  /** Paths that changed since the point and were left alone (restore again with force to overwrite them). */
  conflicts: string[];
  /** Commands the person should run themselves (a database import, a `kubectl apply`). */
  commands: string[];
  notes: string[];
}

export interface TakeContext {
  /** The point's own folder (created, owner-only). */
  dir: string;
  id: string;
  /** The command (masked), for messages kept with the point (a git commit's message). */
  command: string;
  /** Epoch ms after which the restorer stops and reports a partial point. */
  deadline: number;
}

/** One kind of data. `plan` only looks (bounded); `take` keeps; `restore` puts back; `describe` says what comes back. */
export interface Restorer {
  kind: RestoreKind;
  plan(subject: RestoreSubject): Promise<PlanResult>;
  take(part: PlannedPart, ctx: TakeContext): Promise<TakenPart>;
  restore(part: TakenPart, dir: string, opts: RestoreOptions): Promise<RestoreReport>;
  describe(part: TakenPart, dir: string): string;
}
