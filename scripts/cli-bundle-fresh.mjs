// Is dist/cli as new as the sources it was built from? Asked by bin/creditdesk.mjs before every
// command, so it is kept to node:fs and a stat per source file (the builder, scripts/build-cli.mjs,
// is imported only when a rebuild is due). dist/cli/inputs.json (written by the build) lists
// every bundled source with its mtime, and under `entry` the sources of the entry chunk and the
// chunks it imports statically: all that `creditdesk --help` runs, so it stats only those.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url)).replace(/[\\/]$/, '');
export const CLI_DIR = `${root}/dist/cli`;

/** True when the arguments only ask for the usage text (what runCli answers from the entry chunk
 *  alone: no command, help, --help or -h, after any --lang option, as takeLangOption reads it). */
export function usageOnlyArgs(argv) {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--lang') i++;
    else if (!a.startsWith('--lang=')) return a === 'help' || a === '--help' || a === '-h';
  }
  return true;
}

/** True when dist/cli exists and no source file in it (with `entryOnly`: in the entry's chunks)
 *  changed since the build. Without the sources (an installed package) the bundle is what runs. */
export function cliBundleFresh(dir = CLI_DIR, base = root, { entryOnly = false } = {}) {
  let manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(`${dir}/inputs.json`, 'utf8'));
  } catch {
    return false;
  }
  // plain concatenation (the manifest's paths are relative, with '/'; Windows accepts them):
  // path.join normalising 400 paths was most of this check's cost, paid by every command
  const prefix = `${base}/`;
  const files = manifest.files;
  const list = entryOnly && Array.isArray(manifest.entry) ? manifest.entry : Object.keys(files);
  for (const f of list) {
    const st = fs.statSync(prefix + f, { throwIfNoEntry: false });
    if (st === undefined) return !fs.existsSync(`${prefix}main/cli/index.ts`); // removed or renamed: rebuild
    if (st.mtimeMs !== files[f]) return false; // changed: rebuild
  }
  return true;
}
