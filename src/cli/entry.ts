// `dist/cli.js`: the small entry that hooks, shells and people run. `hook`, `ask` and `check` first try
// the fast path (`dist/cli-fast.js`: a command allowed cleanly before, with nothing it read changed since,
// answered without the engine); everything else, and every miss, loads the CLI proper (`dist/cli-main.js`).
// Both are compiled once per installed version and runtime instead of on every agent tool call (issue
// 11), through the V8 code cache kept by entryCodeCache.ts in `~/.agent-guard/cache/`.
//
// Why not `module.enableCompileCache()` where the runtime has it (Node ≥ 22.1): its cache holds what was
// compiled up front, while ours is written after a whole run and so also holds every function that run
// compiled lazily. Measured on Node 22.23 (2 cores, same interleaved loop): the hook allow path took
// 2.47 × `node -e 0` in CPU with Node's cache, 2.08 × with ours. One path also serves Node 20 and VS
// Code's runtime (ELECTRON_RUN_AS_NODE=1), which may have neither.
// Keep this file tiny: it is compiled on every run.
import * as path from 'path';
import { stateFolder } from '../settings/stateFolder';
import { runWithCodeCache } from './entryCodeCache';
import { fastPathMayAnswer } from './memo/memoProbe';

const FAST_BUNDLE = path.join(__dirname, 'cli-fast.js');
const MAIN_BUNDLE = path.join(__dirname, 'cli-main.js');

/** Created (owner-only) when a cache is first written, not on every run. */
function cacheDir(): string | undefined {
  try {
    return path.join(stateFolder(), 'cache');
  } catch {
    return undefined; // no home folder: run without a cache
  }
}

/** Exit codes as main.ts gives them: a hook blocks (hosts block on 2), anything else counts as confirm, never allow. */
const HOOK_BLOCK = 2;
const CONFIRM = 10;

function failed(err: unknown): void {
  // A bundle missing or broken (a half-finished update): a hook must still block, never crash with an
  // exit code some hosts read as "hook failed, run the call".
  const hook = process.argv[2] === 'hook';
  process.stderr.write(`agent-guard: internal error${hook ? ', blocking' : ''}: ${(err as Error)?.message ?? String(err)}.${hook ? ' Stop and ask the person.' : ''}\n`);
  process.exitCode = hook ? HOOK_BLOCK : CONFIRM;
}

const dir = cacheDir();
const load = (bundle: string): unknown => (dir === undefined ? require(bundle) : runWithCodeCache(bundle, dir));

async function start(): Promise<void> {
  const argv = process.argv.slice(2);
  if (fastPathMayAnswer(argv, __dirname)) {
    let answered = false;
    try {
      const fast = load(FAST_BUNDLE) as { answerFromMemo(argv: string[], distDir: string): Promise<boolean> };
      answered = await fast.answerFromMemo(argv, __dirname);
    } catch {
      // No fast path (a missing or broken cli-fast.js): the CLI proper answers.
    }
    if (answered) return;
  }
  load(MAIN_BUNDLE);
}

start().catch(failed);
