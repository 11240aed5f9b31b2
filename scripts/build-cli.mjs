// Builds the `creditdesk` command line into plain JavaScript: dist/cli/creditdesk.mjs (a small
// entry: usage text and the command table) plus one chunk per command, loaded on use (esbuild
// code splitting), and dist/cli/report-worker.mjs (the report worker thread, looked up beside the
// code that starts it). Dependencies stay in node_modules (better-sqlite3 is native).
//
// Writes dist/cli/inputs.json: every source file in the bundle with its mtime, and which of them
// make up the entry's chunks, so that bin/creditdesk.mjs can tell in about a millisecond whether
// a source changed since the build (scripts/cli-bundle-fresh.mjs; dev workflow: an edited file
// rebuilds the bundle on the next call).
//
// Run by `npm install` (the `prepare` script), by `npm start`, and by bin/creditdesk.mjs when the
// bundle is missing or stale. `node scripts/build-cli.mjs [--quiet]`; never fails `npm install`
// when run with --tolerant (the CLI then builds on first use or runs the sources through tsx).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundleOnly } from './bundled-packages.mjs';
import { CLI_DIR } from './cli-bundle-fresh.mjs';

export { CLI_DIR, cliBundleFresh } from './cli-bundle-fresh.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** esbuild options shared by the CLI's outputs (the tests read the module graph with them). */
export function buildOptions(quiet = true) {
  return {
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    plugins: [bundleOnly(root)], // kysely and zod bundled, other packages from node_modules (bundled-packages.mjs)
    logLevel: quiet ? 'error' : 'warning',
    absWorkingDir: root,
    metafile: true,
    legalComments: 'none',
    outExtension: { '.js': '.mjs' },
  };
}

/** Build the CLI bundle; returns the number of source files it holds. */
export async function buildCli({ quiet = false } = {}) {
  const { build } = await import('esbuild');
  const tmp = path.join(root, 'dist', `.cli-tmp-${process.pid}-${Date.now()}`);
  fs.rmSync(tmp, { recursive: true, force: true });
  const common = buildOptions(quiet);
  const cli = await build({
    ...common,
    entryPoints: { creditdesk: 'main/cli/index.ts' },
    outdir: tmp,
    splitting: true, // `creditdesk --help` parses only the entry, each command its own chunk
    // content-hashed, beside the entry (main/app/paths.ts finds the app root two levels up): a
    // CLI still running from an older build keeps finding its chunks
    chunkNames: '[name]-[hash]',
  });
  const worker = await build({
    ...common,
    entryPoints: { 'report-worker': 'main/workers/report-worker.ts' },
    outdir: tmp,
  });
  // the demo generator for the first-start demo book (main/app/demo-book.ts, in serve)
  const demo = await build({ ...common, entryPoints: { 'demo-generator': 'main/demo/generate.ts' }, outdir: tmp });
  const inputs = new Set(
    [cli, worker, demo].flatMap((r) => Object.keys(r.metafile.inputs)).filter((f) => !f.includes('node_modules')),
  );
  const files = {};
  for (const f of [...inputs].sort()) files[f] = fs.statSync(path.join(root, f)).mtimeMs;
  const entry = entrySources(cli.metafile, 'main/cli/index.ts');
  fs.writeFileSync(path.join(tmp, 'inputs.json'), JSON.stringify({ builtAt: new Date().toISOString(), files, entry }));
  // Chunks first (new names beside old ones), then each entry by an atomic rename, the manifest
  // last: a CLI started meanwhile (or still running, loading a chunk on use) never sees half.
  const ENTRIES = ['report-worker.mjs', 'demo-generator.mjs', 'creditdesk.mjs', 'inputs.json'];
  fs.mkdirSync(CLI_DIR, { recursive: true });
  const chunks = new Set(fs.readdirSync(tmp).filter((f) => !ENTRIES.includes(f)));
  for (const c of chunks) {
    const to = path.join(CLI_DIR, c);
    if (!fs.existsSync(to)) fs.renameSync(path.join(tmp, c), to);
  }
  // chunks of builds older than a day (no CLI runs that long from a replaced build)
  for (const c of fs.readdirSync(CLI_DIR)) {
    const f = path.join(CLI_DIR, c);
    if (!ENTRIES.includes(c) && !chunks.has(c) && Date.now() - fs.statSync(f).mtimeMs > 86_400_000)
      fs.rmSync(f, { force: true });
  }
  for (const f of ENTRIES) fs.renameSync(path.join(tmp, f), path.join(CLI_DIR, f));
  fs.rmSync(tmp, { recursive: true, force: true });
  return inputs.size;
}

/** The sources reached from `entry` by static imports: what its chunks hold (the modules it
 *  loads on use, through import(), are not among them). */
export function entrySources(metafile, entry) {
  const seen = new Set();
  const visit = (f) => {
    if (seen.has(f) || !metafile.inputs[f]) return;
    seen.add(f);
    for (const i of metafile.inputs[f].imports) if (i.kind === 'import-statement' && !i.external) visit(i.path);
  };
  visit(entry);
  return [...seen].filter((f) => !f.includes('node_modules')).sort();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const tolerant = process.argv.includes('--tolerant');
  const quiet = process.argv.includes('--quiet');
  try {
    const t = performance.now();
    const n = await buildCli({ quiet });
    if (!quiet) console.log(`built dist/cli (${n} source files, ${Math.round(performance.now() - t)} ms)`);
  } catch (e) {
    console.error(`creditdesk: could not build the command line (${e?.message ?? e}); it will build on first use`);
    if (!tolerant) process.exitCode = 1;
  }
}
