// Browser mode, cold: a new Chromium profile (empty cache) opens the app served by
// `creditdesk serve`; first-contentful-paint (the boot shell in index.html) and interactive (the
// customer list's first rows on screen, menus usable) measured from navigation start, medians of
// a few fresh browsers. Targets: FCP ≤ 1000 ms, interactive ≤ 2000 ms.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export async function serve(book: string, home: string, appRoot = root): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, [path.join(appRoot, 'bin', 'creditdesk.mjs'), 'serve', '--db', book], {
    cwd: appRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, CREDITDESK_HOME: home },
  });
  const url = await new Promise<string>((resolve, reject) => {
    let buf = '';
    child.stdout.on('data', (c: Buffer) => {
      buf += c.toString();
      const m = /browser mode: (http\S+)/.exec(buf);
      if (m) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`serve exited ${code}`)));
  });
  return { url, stop: () => child.kill('SIGTERM') };
}

/** appRoot: another checkout to compare with (its own build), this one by default. */
export async function runBrowserFirstPaint(book: string, runs = 3, appRoot = root): Promise<Record<string, number>> {
  if (!fs.existsSync('/usr/bin/chromium')) return {};
  const { chromium } = await import('playwright-core');
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'creditdesk-fcp-'));
  const server = await serve(book, home, appRoot);
  const fcp: number[] = [];
  const interactive: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const profile = fs.mkdtempSync(path.join(home, 'profile-'));
      const ctx = await chromium.launchPersistentContext(profile, {
        executablePath: '/usr/bin/chromium',
        headless: true,
        viewport: { width: 1440, height: 900 },
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      });
      try {
        const page = ctx.pages()[0] ?? (await ctx.newPage());
        await page.goto(`${server.url}#/customers`, { waitUntil: 'commit' });
        await page
          .locator('[data-testid="customer-row"], [data-testid="welcome"]')
          .first()
          .waitFor({ timeout: 60_000 });
        const t = await page.evaluate(() => ({
          fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1,
          now: performance.now(),
        }));
        fcp.push(t.fcp);
        interactive.push(t.now);
      } finally {
        await ctx.close();
      }
    }
  } finally {
    server.stop();
  }
  const median = (xs: number[]) => Math.round([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]);
  return { browserColdFcpMs: median(fcp), browserColdInteractiveMs: median(interactive) };
}
