// Builds the two bundles: the VS Code entry (may import `vscode`) and the `agent-guard` CLI,
// a single file that runs with plain `node` and must never pull in `vscode`.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // Prefer ESM builds: UMD `main` files (jsonc-parser's) hide their requires from the bundler, and the
  // VSIX ships no node_modules, so such a require fails at activation (seen by the e2e suite).
  mainFields: ['module', 'main'],
};

const builds = [
  // `module` first: jsonc-parser's `main` is a UMD build whose `require('./impl/format')` esbuild cannot
  // follow, and the bundle then fails at activation with "Cannot find module './impl/format'".
  { ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'], mainFields: ['module', 'main'] },
  // No `external: ['vscode']` here on purpose: if the CLI ever imports it, the build fails.
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
];

// The terminal guard's shell scripts ship as they are (the shells source them from dist/shell/).
fs.mkdirSync('dist/shell', { recursive: true });
for (const f of fs.readdirSync('src/shell')) fs.copyFileSync(`src/shell/${f}`, `dist/shell/${f}`);

if (watch) {
  for (const b of builds) (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
