// Runs a CommonJS bundle through V8's code cache, on every runtime (Node 20 and 22, VS Code's under
// ELECTRON_RUN_AS_NODE=1; entry.ts says why not Node's own compile cache). The cache lives in the guard's
// owner-only state folder, one file per bundle location and runtime; it is trusted only when it names
// the bundle's size and mtime (or, when those moved, its SHA-256) and this runtime's exact V8. A missing,
// stale, corrupt or rejected cache costs one ordinary compile, and is rewritten when the process exits,
// after the run, so it also holds the functions V8 compiled lazily on the way.
//
// The cache is trusted code, like the bundle itself: both sit in places the person's account can write,
// and the folder is owner-only like the rest of `~/.agent-guard/`.
import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';
import Module = require('module');
import { ensureOwnerOnlyDir } from '../settings/stateFolder';
import { runKind } from './runKind';

/** Bump when the file layout changes: an older file then reads as stale. */
const FORMAT = 1;
/** Bytes of the little-endian header length in front of the JSON header. */
const LENGTH_BYTES = 4;
/** A header longer than this is a corrupt file, not a header. */
const MAX_HEADER = 4096;

interface CacheHeader {
  format: number;
  size: number;
  mtimeMs: number;
  sha256: string;
  runtime: string;
  /** The kinds of run (runKind.ts) whose compiled functions the data holds. */
  kinds?: string[];
}

/** A cache is rewritten at most this many times for new kinds of run (each rewrite costs a few tens of ms once). */
const MAX_KINDS = 8;

/** What must match for V8 to accept the data at all: its version, and the embedding runtime's. */
function runtimeKey(): string {
  const v = process.versions;
  return `${process.arch} node ${v.node} v8 ${v.v8}${v.electron ? ` electron ${v.electron}` : ''}`;
}

/** FNV-1a, to name a cache file without loading `crypto`. */
function tag(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

/**
 * One cache file per installed copy and runtime: `node` and VS Code's runtime both run the same CLI
 * (launcher, terminal shim), and a shared file would be rewritten by each in turn.
 */
export function codeCacheFile(cacheDir: string, bundle: string): string {
  return path.join(cacheDir, `${path.basename(bundle, '.js')}-${tag(bundle)}-${tag(runtimeKey())}.v8cache`);
}

function sha256(text: string): string {
  // Loaded only when a cache is written or the bundle's mtime moved: `crypto` costs a few ms at load.
  const { createHash } = require('crypto') as typeof import('crypto');
  return createHash('sha256').update(text).digest('hex');
}

function readCache(file: string): { header: CacheHeader; data: Buffer } | undefined {
  let buf: Buffer;
  try {
    buf = fs.readFileSync(file);
  } catch {
    return undefined;
  }
  if (buf.length < LENGTH_BYTES) return undefined;
  const len = buf.readUInt32LE(0);
  if (len > MAX_HEADER || buf.length <= LENGTH_BYTES + len) return undefined;
  try {
    const header = JSON.parse(buf.toString('utf8', LENGTH_BYTES, LENGTH_BYTES + len)) as CacheHeader;
    return { header, data: buf.subarray(LENGTH_BYTES + len) };
  } catch {
    return undefined;
  }
}

/**
 * The cached data when it was made from this very bundle by this very runtime, else undefined; `restamp`
 * when only the bundle's mtime moved (a reinstall, a copy) and the digest vouched for it, so the header
 * is rewritten and the next run skips the digest.
 */
function usableData(cached: { header: CacheHeader; data: Buffer } | undefined, st: fs.Stats, source: string): { data: Buffer; restamp: boolean; kinds: string[] } | undefined {
  if (!cached) return undefined;
  const h = cached.header;
  if (h.format !== FORMAT || h.runtime !== runtimeKey() || h.size !== st.size) return undefined;
  const kinds = Array.isArray(h.kinds) ? h.kinds.filter((k) => typeof k === 'string') : [];
  if (h.mtimeMs === st.mtimeMs) return { data: cached.data, restamp: false, kinds };
  return h.sha256 === sha256(source) ? { data: cached.data, restamp: true, kinds } : undefined;
}

function writeCache(file: string, header: CacheHeader, data: Buffer): void {
  ensureOwnerOnlyDir(path.dirname(file));
  const head = Buffer.from(JSON.stringify(header), 'utf8');
  const len = Buffer.alloc(LENGTH_BYTES);
  len.writeUInt32LE(head.length, 0);
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, Buffer.concat([len, head, data]), { mode: 0o600 });
  fs.renameSync(tmp, file);
}

/** The bundle's text; a minified bundle is ASCII, read as one-byte text without UTF-8 decoding (~3 ms less). */
function readSource(bundle: string): string {
  const buf = fs.readFileSync(bundle);
  const isAscii = (require('buffer') as { isAscii?: (b: Buffer) => boolean }).isAscii;
  return isAscii?.(buf) ? buf.toString('latin1') : buf.toString('utf8');
}

/**
 * Runs `bundle` as the process's main module would run it (and gives its exports), compiled from the cache in `cacheDir` when
 * that cache fits. Never fails because of the cache: any cache problem falls back to a plain compile.
 */
export function runWithCodeCache(bundle: string, cacheDir: string): unknown {
  const source = readSource(bundle);
  const st = fs.statSync(bundle);
  const file = codeCacheFile(cacheDir, bundle);
  const usable = usableData(readCache(file), st, source);
  const script = new vm.Script(Module.wrap(source), { filename: bundle, cachedData: usable?.data });
  const stale = !usable || usable.restamp || script.cachedDataRejected;
  // After the run: the data then holds every function the run compiled, not only the top level; and it
  // is written again after the first run of each new kind, which compiled functions the data lacked.
  process.once('exit', () => {
    const kind = runKind();
    const known = stale ? [] : usable.kinds;
    const newKind = kind !== undefined && !known.includes(kind) && known.length < MAX_KINDS;
    if (!stale && !newKind) return;
    try {
      const kinds = kind === undefined || known.includes(kind) ? known : [...known, kind];
      const header: CacheHeader = { format: FORMAT, size: st.size, mtimeMs: st.mtimeMs, sha256: sha256(source), runtime: runtimeKey(), kinds };
      writeCache(file, header, script.createCachedData());
    } catch {
      // A cache that cannot be written costs the next run a compile, nothing else.
    }
  });
  const mod = new Module(bundle, undefined);
  mod.filename = bundle;
  mod.loaded = true;
  const wrapper = script.runInThisContext() as (exports: unknown, require: NodeRequire, module: Module, filename: string, dirname: string) => void;
  wrapper.call(mod.exports, mod.exports, Module.createRequire(bundle), mod, bundle, path.dirname(bundle));
  return mod.exports;
}
