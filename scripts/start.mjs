// `npm start`: build, make sure better-sqlite3 has an Electron build, launch the desktop app.
// Where the Electron binary is missing (e.g. installed with ELECTRON_SKIP_BINARY_DOWNLOAD), say so.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

let electronPath = null;
try {
  electronPath = require('electron');
} catch {
  electronPath = null;
}
if (typeof electronPath !== 'string' || !fs.existsSync(electronPath)) {
  console.error(
    [
      'CreditDesk: the Electron binary is not installed on this machine, so the desktop window cannot open.',
      '  - To get it: run `npm install` with internet access (without ELECTRON_SKIP_BINARY_DOWNLOAD), then `npm start`.',
      '  - Or use the same app in your browser now: `npm run browser`',
    ].join('\n'),
  );
  process.exit(1);
}

const run = (args) => {
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
run([path.join(root, 'scripts/build.mjs')]);
run([path.join(root, 'scripts/electron-native.mjs')]);
const child = spawn(electronPath, [root], { cwd: root, stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
