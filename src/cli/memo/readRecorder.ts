// Records what one CLI decision read from the world, for the verdict memo (verdictMemo.ts): every path
// the process stats, reads, opens, lists or resolves through `fs`, every environment variable it looks
// up, every process whose liveness it checks. Installed around the whole decision (settings, discovery,
// the engine's file reads) rather than threaded through each reader, so a reader added later is
// recorded without anyone remembering to: what is not seen here cannot be remembered wrongly.
//
// A path's signature is taken before the read, so a file that changes while it is read reads as changed
// on the next recall. Anything the recorder cannot follow (a child process, a socket) makes the run
// unrememberable.
import { createRequire } from 'module';
import * as path from 'path';
import type { FileDep, MemoDeps } from './verdictMemo';
import { envValue, fileSignature } from './verdictMemo';

type FsMethod = 'statSync' | 'lstatSync' | 'readFileSync' | 'existsSync' | 'readdirSync' | 'openSync' | 'realpathSync' | 'accessSync' | 'opendirSync' | 'readlinkSync';
const READS: ReadonlyArray<FsMethod> = ['statSync', 'readFileSync', 'existsSync', 'readdirSync', 'openSync', 'realpathSync', 'accessSync', 'opendirSync'];
const LINK_READS: ReadonlyArray<FsMethod> = ['lstatSync', 'readlinkSync'];
/** Past this many paths a decision is not remembered: its record would cost more to check than it saves. */
const MAX_PATHS = 200;

export interface ReadRecorder {
  /** What was read so far; undefined when the run read something the memo cannot check again. */
  deps(): MemoDeps | undefined;
  stop(): void;
}

function pathOf(arg: unknown): string | undefined {
  if (typeof arg === 'string') return path.resolve(arg);
  if (Buffer.isBuffer(arg)) return path.resolve(arg.toString('utf8'));
  if (arg instanceof URL && arg.protocol === 'file:') return path.resolve(decodeURIComponent(arg.pathname));
  return undefined; // a file descriptor: its path was recorded when it was opened
}

/**
 * File times come from a coarse clock (a few ms): a file changed in the same tick as its signature was
 * taken could change again, same size, with the same times. Such a decision is not remembered (the race
 * is the one any reader of a script has with a writer running beside it; the memo must not widen it).
 */
const SETTLING_NS = 100_000_000n;
function changedJustNow(signature: string): boolean {
  const ctime = signature.split(':')[5];
  if (ctime === undefined || !/^\d+$/.test(ctime)) return false;
  return BigInt(Date.now()) * 1_000_000n - BigInt(ctime) < SETTLING_NS;
}

/** Builtins whose use the memo cannot replay: a child process read something we did not see; a socket asked someone. */
function usedUnfollowable(): boolean {
  const loaded = (process as unknown as { moduleLoadList?: string[] }).moduleLoadList;
  // A runtime that does not say what it loaded cannot show it used neither: nothing is remembered there.
  if (!Array.isArray(loaded)) return true;
  return loaded.some((m) => m === 'NativeModule child_process' || m === 'NativeModule net');
}

/**
 * The `fs` module object itself, whose methods every reader calls through: the bundle's `import * as fs`
 * is a namespace of getters, which cannot be replaced.
 */
function realFs(): Record<FsMethod, (...args: unknown[]) => unknown> {
  const builtin = (process as unknown as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule?.('fs');
  return (builtin ?? createRequire(__filename)('fs')) as Record<FsMethod, (...args: unknown[]) => unknown>;
}

/** `unfollowable`: whether the process used what the memo cannot replay (a test process has them loaded for other reasons). */
export function startRecording(opts: { unfollowable?: () => boolean } = {}): ReadRecorder {
  const unfollowable = opts.unfollowable ?? usedUnfollowable;
  const files = new Map<string, FileDep>();
  const env = new Map<string, string>();
  const pids = new Map<number, boolean>();
  let unrememberable = false;
  // Taking a signature stats the path through the very functions being wrapped: not recorded again.
  let signing = false;
  const note = (kind: 's' | 'l', p: string | undefined): void => {
    if (p === undefined || signing || unrememberable) return;
    const id = `${kind}${p}`;
    if (files.has(id)) return;
    if (files.size >= MAX_PATHS) {
      unrememberable = true;
      return;
    }
    signing = true;
    try {
      const sig = fileSignature(kind, p);
      if (changedJustNow(sig)) unrememberable = true;
      files.set(id, [kind, p, sig]);
    } finally {
      signing = false;
    }
  };

  const mutableFs = realFs();
  const originals = new Map<FsMethod, (...args: unknown[]) => unknown>();
  for (const [kind, names] of [['s', READS], ['l', LINK_READS]] as const) {
    for (const name of names) {
      const original = mutableFs[name];
      originals.set(name, original);
      const wrapped = function (this: unknown, ...args: unknown[]): unknown {
        // An open for writing is not a read (the spool, a notice marker).
        const flags = args[1];
        const writes = name === 'openSync' && flags !== undefined && flags !== 'r' && (typeof flags !== 'number' || (flags & 3) !== 0);
        if (!writes) note(kind, pathOf(args[0]));
        return original.apply(this, args);
      };
      if (name === 'realpathSync') (wrapped as unknown as { native: unknown }).native = (original as unknown as { native: unknown }).native;
      mutableFs[name] = wrapped;
    }
  }

  const realEnv = process.env;
  process.env = new Proxy(realEnv, {
    get(target, name) {
      if (typeof name === 'string' && !env.has(name)) env.set(name, envValue(name, target[name]));
      return Reflect.get(target, name);
    },
    has(target, name) {
      if (typeof name === 'string' && !env.has(name)) env.set(name, envValue(name, target[name]));
      return Reflect.has(target, name);
    },
    ownKeys(target) {
      unrememberable = true; // the whole environment was listed: too much to check again
      return Reflect.ownKeys(target);
    },
  });

  const realKill = process.kill;
  process.kill = function (pid: number, signal?: string | number): true {
    if (signal === 0 && !pids.has(pid)) {
      try {
        realKill.call(process, pid, 0);
        pids.set(pid, true);
      } catch (e) {
        pids.set(pid, (e as NodeJS.ErrnoException).code === 'EPERM');
      }
    }
    return realKill.call(process, pid, signal);
  } as typeof process.kill;

  let stopped = false;
  return {
    deps() {
      if (unrememberable || unfollowable()) return undefined;
      return { files: [...files.values()], env: [...env], pids: [...pids] };
    },
    stop() {
      if (stopped) return;
      stopped = true;
      for (const [name, original] of originals) mutableFs[name] = original;
      process.env = realEnv;
      process.kill = realKill;
    },
  };
}
