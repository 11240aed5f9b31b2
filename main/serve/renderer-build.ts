// Browser mode serves the built renderer; build it on first use (or when sources changed).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { APP_ROOT, RENDERER_DIST } from '../app/paths';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(p));
    else newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

export async function ensureRendererBuilt(log: (m: string) => void): Promise<string> {
  const index = path.join(RENDERER_DIST, 'index.html');
  const sources = Math.max(newestMtime(path.join(APP_ROOT, 'renderer')), newestMtime(path.join(APP_ROOT, 'shared')));
  if (fs.existsSync(index) && fs.statSync(index).mtimeMs >= sources) return RENDERER_DIST;
  log('building the renderer (vite build)…');
  const vite = path.join(APP_ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const r = spawnSync(
    process.execPath,
    [vite, 'build', '--config', path.join(APP_ROOT, 'renderer', 'vite.config.ts')],
    {
      cwd: APP_ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  if (r.status !== 0) throw new Error('renderer build failed');
  return RENDERER_DIST;
}
