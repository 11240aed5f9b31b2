// The browser cold-start bench (scripts/bench/browser-first-paint.ts) measures the page's own
// renderer: a fresh headless Chromium also starts its omnibox popup, a WebUI page in a renderer of
// its own (~0.5 s of main-thread CPU), which the bench's flags switch off and its page figure
// leaves out either way.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { chromiumLaunchArgs, rendererCpu } from '../../scripts/bench/browser-first-paint';

const home = fs.mkdtempSync(path.join(os.tmpdir(), 'creditdesk-bench-cpu-'));
afterAll(() => fs.rmSync(home, { recursive: true, force: true }));

/** A fresh Chromium on a small page: its renderers after the WebUI has had time to start. */
async function renderersOf(chromiumWebUi: boolean) {
  const profile = fs.mkdtempSync(path.join(home, 'profile-'));
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: chromiumLaunchArgs(chromiumWebUi),
  });
  try {
    const page = ctx.pages()[0] ?? (await ctx.newPage());
    await page.goto('data:text/html,<p>x</p>');
    // the omnibox popup's renderer starts with the browser; give it a few seconds on a busy machine
    const until = Date.now() + 8000;
    while (Date.now() < until && rendererCpu(profile).webUiRenderers === 0) await page.waitForTimeout(250);
    return rendererCpu(profile);
  } finally {
    await ctx.close();
  }
}

describe.skipIf(!fs.existsSync('/usr/bin/chromium'))('browser cold-start bench', () => {
  it('runs Chromium without its omnibox popup renderer, and tells such a renderer from the page', async () => {
    const withWebUi = await renderersOf(true);
    expect(withWebUi.webUiRenderers).toBe(1); // this Chromium does start it: the check below means something
    expect(withWebUi.page.size).toBeGreaterThan(0);
    const bench = await renderersOf(false);
    expect(bench.webUiRenderers).toBe(0);
    expect(bench.page.size).toBeGreaterThan(0);
  });
});
