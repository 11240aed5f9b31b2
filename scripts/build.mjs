// Builds what Electron runs: dist/electron/main.mjs (ESM), dist/electron/report-worker.mjs (the
// report worker thread), dist/electron/preload.cjs (sandboxed preloads must be CommonJS) and the
// renderer (vite → dist/renderer).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleOnly } from './bundled-packages.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  absWorkingDir: root,
};

await build({
  ...common,
  entryPoints: ['main/shell/main.ts'],
  outfile: 'dist/electron/main.mjs',
  format: 'esm',
  plugins: [bundleOnly(root)], // kysely and zod bundled; other dependencies from node_modules (packed by electron-builder)
});
// The report worker (main/workers/report-worker.ts) is its own entry: main starts it from the
// file beside main.mjs (main/workers/report-client.ts looks for ./report-worker.mjs).
await build({
  ...common,
  entryPoints: ['main/workers/report-worker.ts'],
  outfile: 'dist/electron/report-worker.mjs',
  format: 'esm',
  plugins: [bundleOnly(root)],
});
// The demo generator (faker's name tables) on its own, loaded only when a demo book is made
// (main/app/demo-book.ts looks for ./demo-generator.mjs).
await build({
  ...common,
  entryPoints: ['main/demo/generate.ts'],
  outfile: 'dist/electron/demo-generator.mjs',
  format: 'esm',
  packages: 'external',
});
await build({
  ...common,
  entryPoints: ['main/shell/preload.ts'],
  outfile: 'dist/electron/preload.cjs',
  format: 'cjs',
  external: ['electron'],
});
const vite = spawnSync(
  process.execPath,
  [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'renderer/vite.config.ts'],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
if (vite.status !== 0) process.exit(vite.status ?? 1);
console.log('built dist/electron and dist/renderer');
