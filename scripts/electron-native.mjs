// better-sqlite3 is native: Node (tests, CLI, browser mode) and Electron need different builds.
// node_modules keeps the Node build; this script compiles a copy for Electron's ABI into
// .electron-native/better_sqlite3.node, which main opens through better-sqlite3's
// `nativeBinding` option, so neither build overwrites the other. Needs Electron's headers
// (downloaded by node-gyp on first run). Skips work when the copy is current.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const electronVersion = require('electron/package.json').version;
const sqliteVersion = require('better-sqlite3/package.json').version;
const outDir = path.join(root, '.electron-native');
const out = path.join(outDir, 'better_sqlite3.node');
const stamp = path.join(outDir, 'stamp.json');
const want = JSON.stringify({ electronVersion, sqliteVersion, platform: process.platform, arch: process.arch });

if (fs.existsSync(out) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === want) process.exit(0);

console.log(`building better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (one time)…`);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'creditdesk-native-'));
fs.cpSync(path.dirname(require.resolve('better-sqlite3/package.json')), work, {
  recursive: true,
  filter: (src) => !src.includes(`${path.sep}build${path.sep}`),
});
const gyp = require.resolve('node-gyp/bin/node-gyp.js');
const r = spawnSync(
  process.execPath,
  [
    gyp,
    'rebuild',
    '--release',
    `--target=${electronVersion}`,
    `--arch=${process.arch}`,
    '--dist-url=https://electronjs.org/headers',
    '--runtime=electron',
  ],
  { cwd: work, stdio: 'inherit', env: { ...process.env, npm_config_nodedir: '' } },
);
if (r.status !== 0) {
  console.error(
    'could not build better-sqlite3 for Electron (needs a C++ toolchain and internet access for Electron headers once).',
  );
  process.exit(1);
}
fs.mkdirSync(outDir, { recursive: true });
fs.copyFileSync(path.join(work, 'build', 'Release', 'better_sqlite3.node'), out);
fs.writeFileSync(stamp, want);
fs.rmSync(work, { recursive: true, force: true });
console.log(`wrote ${path.relative(root, out)}`);
