// `npm start`: everything a fresh machine needs, then the app.
//   1. dependencies: installed when node_modules is missing or differs from package.json (npm ci
//      with ELECTRON_SKIP_BINARY_DOWNLOAD, so a blocked Electron download cannot roll the install
//      back; then Electron's binary is fetched on its own, and a failure there is only noted);
//   2. the desktop window (build, better-sqlite3 for Electron, Electron) when Electron can run;
//   3. otherwise browser mode on the user's book (`creditdesk serve`): prints the URL and opens
//      the default browser.
// Plain Node with built-in modules only: it runs before anything is installed.
// Options: `npm start -- --browser` (browser mode even where Electron runs), `--db FILE`,
// `--port N` (browser mode). CREDITDESK_NO_OPEN=1: do not open a browser (tests, servers).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { dependenciesMissing, electronBinary, electronUnusableReason } from './start-checks.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const forceBrowser = args.includes('--browser') || process.env.CREDITDESK_BROWSER === '1';
const serveArgs = args.filter((a) => a !== '--browser');
const say = (m) => console.log(`CreditDesk: ${m}`);

function npmCommand() {
  // under `npm start`, npm tells us where it is (works on Windows without a shell)
  if (process.env.npm_execpath && fs.existsSync(process.env.npm_execpath))
    return [process.execPath, [process.env.npm_execpath]];
  return [process.platform === 'win32' ? 'npm.cmd' : 'npm', []];
}

function installDependencies() {
  const missing = dependenciesMissing(root);
  if (missing.length === 0) return;
  say(
    `installing dependencies (one time; missing or changed: ${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ', …' : ''})`,
  );
  const [cmd, pre] = npmCommand();
  const env = { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' };
  const attempts = fs.existsSync(path.join(root, 'package-lock.json')) ? [['ci'], ['install']] : [['install']];
  let done = false;
  for (const a of attempts) {
    const r = spawnSync(cmd, [...pre, ...a, '--no-audit', '--no-fund'], {
      cwd: root,
      stdio: 'inherit',
      env,
      shell: process.platform === 'win32' && pre.length === 0,
    });
    if (r.status === 0) {
      done = true;
      break;
    }
  }
  if (!done || dependenciesMissing(root).length > 0) {
    console.error(
      'CreditDesk: the dependencies could not be installed (see the messages above; is the internet reachable?). Run `npm start` again when it is.',
    );
    process.exit(1);
  }
  fetchElectronBinary();
}

/** Electron's own download, apart from the install: where it is blocked we still have browser mode. */
function fetchElectronBinary() {
  if (electronBinary(root)) return;
  const script = path.join(root, 'node_modules', 'electron', 'install.js');
  if (!fs.existsSync(script)) return;
  say('fetching the Electron binary for the desktop window…');
  const r = spawnSync(process.execPath, [script], { cwd: path.dirname(script), stdio: 'inherit', timeout: 300_000 });
  if (r.status !== 0 || !electronBinary(root))
    say('the Electron binary could not be fetched here; CreditDesk runs in your browser instead.');
}

function run(script) {
  return spawnSync(process.execPath, [path.join(root, script)], { cwd: root, stdio: 'inherit' }).status === 0;
}

function openBrowser(url) {
  if (process.env.CREDITDESK_NO_OPEN === '1') return;
  const [cmd, a] =
    process.platform === 'win32'
      ? ['cmd', ['/c', 'start', '""', url]]
      : process.platform === 'darwin'
        ? ['open', [url]]
        : ['xdg-open', [url]];
  try {
    const child = spawn(cmd, a, {
      stdio: 'ignore',
      detached: true,
      windowsVerbatimArguments: process.platform === 'win32',
    });
    child.on('error', () => say('open the address above in your browser.'));
    child.unref();
  } catch {
    say('open the address above in your browser.');
  }
}

function browserMode(reason) {
  if (reason) say(`${reason} — starting browser mode instead.`);
  const child = spawn(process.execPath, [path.join(root, 'bin', 'creditdesk.mjs'), 'serve', ...serveArgs], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let opened = false;
  let buffer = '';
  child.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    if (opened) return;
    buffer += chunk.toString();
    const m = /browser mode: (http\S+)/.exec(buffer);
    if (m) {
      opened = true;
      say(`open ${m[1]} (opening your browser; press Ctrl+C here to stop)`);
      openBrowser(m[1]);
    }
  });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code) => process.exit(code ?? 0));
}

function desktop() {
  const electron = electronBinary(root);
  if (!run('scripts/build.mjs')) return browserMode('the desktop build failed');
  if (!run('scripts/electron-native.mjs')) return browserMode('better-sqlite3 could not be built for Electron');
  const started = Date.now();
  const child = spawn(electron, [root], { cwd: root, stdio: 'inherit' });
  child.on('error', (e) => browserMode(`Electron could not start (${e.message})`));
  child.on('exit', (code, signal) => {
    // a window that dies at once (missing system libraries, no display access): browser mode
    if (code !== 0 && !signal && Date.now() - started < 15_000) return browserMode(`Electron exited with code ${code}`);
    process.exit(code ?? 0);
  });
}

installDependencies();
const unusable = forceBrowser ? 'browser mode asked for' : electronUnusableReason(root);
if (unusable) {
  browserMode(forceBrowser ? null : unusable); // the command line builds itself on first use
} else {
  desktop();
}
