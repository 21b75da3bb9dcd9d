// Builds the bundles: the VS Code entry (may import `vscode`) and the `agent-guard` CLI (a small loader
// and the CLI proper), which run with plain `node` and must never pull in `vscode`.
// Imported (bench/cliStart.mjs, tests), it builds nothing and offers `cliBuilds` for a CLI of their own.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const commonFor = (prod) => ({
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: !prod,
  minify: prod,
  logLevel: 'warning',
  // Prefer ESM builds: UMD `main` files (jsonc-parser's) hide their requires from the bundler, and the
  // VSIX ships no node_modules, so such a require fails at activation (seen by the e2e suite).
  mainFields: ['module', 'main'],
});
const common = commonFor(production);

// Node modules the CLI needs only on some paths (asking the window, a restore point, the stall watchdog,
// hashes and nonces): loaded on first use instead of at start. Each is replaced by a stand-in with the
// same export names (read from the running node at build time) whose getters require the real module,
// so `import { createHash } from 'crypto'` costs nothing until createHash is called. Issue 11: together
// they cost ~15 ms of the hook's start, on a path that needs none of them to allow `git status`.
const LAZY_BUILTINS = ['crypto', 'net', 'child_process', 'worker_threads', 'stream', 'readline', 'http', 'https', 'zlib', 'dns', 'tls'];
const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(build) {
    const filter = new RegExp(`^(?:node:)?(?:${LAZY_BUILTINS.join('|')})$`);
    // Importers see an ES module (one shared copy of the names, as sharedBuiltins below); it re-exports
    // the CommonJS stand-in whose getters load the real module.
    build.onResolve({ filter }, (args) => {
      if (args.namespace === 'lazy-cjs') return { path: args.path, external: true };
      if (args.namespace === 'lazy-builtin') return { path: args.path, namespace: 'lazy-cjs' };
      return { path: args.path.replace(/^node:/, ''), namespace: 'lazy-builtin' };
    });
    build.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (args) => ({ contents: `export * from ${JSON.stringify(args.path)};`, loader: 'js' }));
    build.onLoad({ filter: /.*/, namespace: 'lazy-cjs' }, async (args) => {
      const { createRequire } = await import('node:module');
      const names = Object.keys(createRequire(import.meta.url)(args.path)).filter((k) => k !== 'default' && k !== '__esModule');
      const lines = [`let m; const load = () => (m ??= require(${JSON.stringify(`node:${args.path}`)}));`];
      for (const k of names) lines.push(`Object.defineProperty(exports, ${JSON.stringify(k)}, { enumerable: true, get: () => load()[${JSON.stringify(k)}] });`);
      return { contents: lines.join('\n'), loader: 'js' };
    });
  },
};

// `import * as fs from 'fs'` in a CommonJS bundle costs a copy of every export of `fs` at every importing
// file (esbuild's __toESM: ~50 copies of fs/path/os at start). One ES re-export module per builtin makes
// it one copy per builtin, shared by every importer.
const SHARED_BUILTINS = ['fs', 'path', 'os'];
const sharedBuiltins = {
  name: 'shared-builtins',
  setup(build) {
    const filter = new RegExp(`^(?:node:)?(?:${SHARED_BUILTINS.join('|')})$`);
    build.onResolve({ filter }, (args) =>
      args.namespace === 'shared-builtin' ? { path: args.path, external: true } : { path: args.path.replace(/^node:/, ''), namespace: 'shared-builtin' },
    );
    build.onLoad({ filter: /.*/, namespace: 'shared-builtin' }, (args) => ({ contents: `export * from ${JSON.stringify(`node:${args.path}`)};`, loader: 'js' }));
  },
};

/** The CLI's bundles into `outDir` (`cli.js`, the loader; `cli-fast.js`, the memo's fast path; `cli-main.js`, the CLI proper). */
export function cliBuilds(outDir, prod) {
  return [
    // No `external: ['vscode']` here on purpose: if the CLI ever imports it, the build fails.
    // The CLI proper: loaded by cli.js, never run directly.
    { ...commonFor(prod), entryPoints: ['src/cli/main.ts'], outfile: path.join(outDir, 'cli-main.js'), plugins: [lazyBuiltins, sharedBuiltins] },
    // The fast path for `hook`, `ask` and `check` (a remembered clean allow, answered without the engine):
    // loaded by cli.js before cli-main.js. If it ever imports the engine, it is no faster than the CLI proper.
    { ...commonFor(prod), entryPoints: ['src/cli/fastMain.ts'], outfile: path.join(outDir, 'cli-fast.js'), plugins: [lazyBuiltins, sharedBuiltins] },
    // `cli.js`, what every hook, shell and `bin` entry runs: a few KB that load cli-main.js through a
    // compile cache, so the big bundle is compiled once per version and runtime, not once per tool call.
    { ...commonFor(prod), entryPoints: ['src/cli/entry.ts'], outfile: path.join(outDir, 'cli.js'), banner: { js: '#!/usr/bin/env node' } },
  ];
}

const builds = [
  // `module` first: jsonc-parser's `main` is a UMD build whose `require('./impl/format')` esbuild cannot
  // follow, and the bundle then fails at activation with "Cannot find module './impl/format'".
  { ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'], mainFields: ['module', 'main'] },
  ...cliBuilds('dist', production),
];

if (isMain) {
  // The terminal guard's shell scripts ship as they are (the shells source them from dist/shell/).
  fs.mkdirSync('dist/shell', { recursive: true });
  for (const f of fs.readdirSync('src/shell')) fs.copyFileSync(`src/shell/${f}`, `dist/shell/${f}`);
  if (watch) {
    for (const b of builds) (await esbuild.context(b)).watch();
  } else {
    await Promise.all(builds.map((b) => esbuild.build(b)));
  }
}
