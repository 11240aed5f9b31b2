// `npm run browser [-- --db FILE] [--port N]`: the same app in your browser (browser mode).
// Builds the renderer, then runs `creditdesk serve` on 127.0.0.1 with a random token and
// prints the URL to open. Without --db it uses the book in the user-data folder.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const child = spawn(process.execPath, [path.join(root, 'bin/creditdesk.mjs'), 'serve', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
