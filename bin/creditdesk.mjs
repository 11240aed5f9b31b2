#!/usr/bin/env node
// The `creditdesk` command line. Runs the bundled JavaScript in dist/cli (built by `npm install`
// through `prepare`, by `npm start`, or here on first use). When a source file changed since the
// build (a stat of each bundled file; for `--help` only those of the entry's chunks) it rebuilds
// first, so the command line and the tests that spawn it always run the current code. Without
// esbuild (or if the build fails) it runs the TypeScript sources through tsx as before. The
// builder and esbuild are loaded only for a rebuild: this file is part of every command's start.
import { cliBundleFresh, usageOnlyArgs } from '../scripts/cli-bundle-fresh.mjs';

async function loadCli() {
  if (!process.env.CREDITDESK_CLI_TSX) {
    try {
      if (!cliBundleFresh(undefined, undefined, { entryOnly: usageOnlyArgs(process.argv.slice(2)) })) {
        const { buildCli } = await import('../scripts/build-cli.mjs');
        await buildCli({ quiet: true });
      }
      return await import(new URL('../dist/cli/creditdesk.mjs', import.meta.url).href);
    } catch (e) {
      if (process.env.CREDITDESK_DEBUG)
        process.stderr.write(`creditdesk: bundle unavailable (${e?.message ?? e}); running the sources\n`);
    }
  }
  const { register } = await import('tsx/esm/api');
  register();
  return import('../main/cli/index.ts');
}

// A command (other than serve) has no window to keep responsive: reports run on this thread,
// without starting a worker that opens the book a second time (about a quarter of the CPU of a
// 1M-invoice past-date ageing).
if (process.argv[2] !== 'serve') process.env.CREDITDESK_REPORT_WORKER ??= 'never';
const { runCli } = await loadCli();
process.exitCode = await runCli(process.argv.slice(2));
