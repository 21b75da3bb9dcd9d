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

// esbuild turns `import { x } from 'fs'` in a CommonJS bundle into `__toESM(require('fs'))`, which copies
// every export of the module onto a new object, once per importing file (≈ 50 files × fs/path/os at start,
// issue 11). Each builtin below is instead imported through one small module whose object has the real
// module as its prototype and says `__esModule`: esbuild's copy then copies nothing and every name is
// looked up, live, on the real module.
const PROTO_SHIM = (load) => `const m = Object.create(${load}); Object.defineProperty(m, '__esModule', { value: true }); module.exports = m;`;

// Node modules the CLI needs only on some paths (asking the window, a restore point, the stall watchdog,
// hashes and nonces): loaded on first use instead of at start. The prototype is a proxy that requires the
// real module the first time any name is looked up on it, so `import { createHash } from 'crypto'` costs
// nothing until createHash is called. Issue 11: together they cost ~15 ms of the hook's start, on a path
// that needs none of them to allow `git status`.
const LAZY_BUILTINS = ['crypto', 'net', 'child_process', 'worker_threads', 'stream', 'readline', 'http', 'https', 'zlib', 'dns', 'tls'];
const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(build) {
    const filter = new RegExp(`^(?:node:)?(?:${LAZY_BUILTINS.join('|')})$`);
    build.onResolve({ filter }, (args) => (args.namespace === 'lazy-builtin' ? { path: args.path, external: true } : { path: args.path.replace(/^node:/, ''), namespace: 'lazy-builtin' }));
    build.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (args) => {
      const id = JSON.stringify(`node:${args.path}`);
      return { contents: `let real; const load = () => (real ??= require(${id}));\n${PROTO_SHIM('new Proxy({}, { get: (_, name) => load()[name] })')}`, loader: 'js' };
    });
  },
};

// fs, path and os: needed at once, but copied by nobody.
const SHARED_BUILTINS = ['fs', 'path', 'os'];
const sharedBuiltins = {
  name: 'shared-builtins',
  setup(build) {
    const filter = new RegExp(`^(?:node:)?(?:${SHARED_BUILTINS.join('|')})$`);
    build.onResolve({ filter }, (args) =>
      args.namespace === 'shared-builtin' ? { path: args.path, external: true } : { path: args.path.replace(/^node:/, ''), namespace: 'shared-builtin' },
    );
    build.onLoad({ filter: /.*/, namespace: 'shared-builtin' }, (args) => ({ contents: PROTO_SHIM(`require(${JSON.stringify(`node:${args.path}`)})`), loader: 'js' }));
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
    { ...commonFor(prod), entryPoints: ['src/cli/entry.ts'], outfile: path.join(outDir, 'cli.js'), banner: { js: '#!/usr/bin/env node' }, plugins: [lazyBuiltins, sharedBuiltins] },
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
