// `dist/cli.js`: the small entry that hooks, shells and people run. It loads the CLI proper
// (`dist/cli-main.js`, ~850 KB) compiled once per installed version instead of on every agent tool
// call (issue 11): through Node's own compile cache where the runtime has it (Node ≥ 22.1), else
// through V8's code cache kept by entryCodeCache.ts. Both caches live in `~/.agent-guard/cache/`.
// Keep this file tiny: it is compiled on every run.
import * as path from 'path';
import { ensureOwnerOnlyDir, stateFolder } from '../settings/stateFolder';
import { runWithCodeCache } from './entryCodeCache';

const MAIN_BUNDLE = path.join(__dirname, 'cli-main.js');

/** `module.enableCompileCache` statuses that mean the cache is on (Node's `constants.compileCacheStatus`). */
const ENABLED = 1;
const ALREADY_ENABLED = 2;

interface CompileCacheModule {
  enableCompileCache?(dir?: string): { status: number };
}

function cacheDir(): string | undefined {
  try {
    const dir = path.join(stateFolder(), 'cache');
    ensureOwnerOnlyDir(dir);
    return dir;
  } catch {
    return undefined; // no writable home: run without a cache
  }
}

function start(): void {
  const dir = cacheDir();
  if (dir === undefined) {
    require(MAIN_BUNDLE);
    return;
  }
  const nodeModule = require('module') as CompileCacheModule;
  if (typeof nodeModule.enableCompileCache === 'function') {
    let status: number | undefined;
    try {
      status = nodeModule.enableCompileCache(dir).status;
    } catch {
      status = undefined;
    }
    if (status === ENABLED || status === ALREADY_ENABLED) {
      require(MAIN_BUNDLE);
      return;
    }
  }
  runWithCodeCache(MAIN_BUNDLE, dir);
}

start();
