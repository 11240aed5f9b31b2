// "Open a demo book to look around" on first start: a small made-up company (300 customers,
// two years of invoices and receipts, the same generator as `creditdesk demo`) in its own file
// beside the user's books, so the user's empty book stays untouched. Opened again if it exists.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Desk } from './desk';

export const DEMO_BOOK_NAME = 'demo.creditdesk';
const DEMO = { customers: 300, invoices: 3000, seed: 1 };

type Generator = typeof import('../demo/generate');

/** The generator from its own bundle beside this code (built apps), else the sources (dev, tests):
 *  a path in a variable, so the app's bundle never pulls faker's name tables in. */
async function loadGenerator(): Promise<Generator> {
  const bundled = new URL('./demo-generator.mjs', import.meta.url);
  if (bundled.protocol === 'file:' && fs.existsSync(fileURLToPath(bundled)))
    return (await import(bundled.href)) as Generator;
  const source = new URL('../demo/generate.ts', import.meta.url).href;
  return (await import(/* @vite-ignore */ source)) as Generator;
}

export async function openDemoBook(desk: Desk): Promise<void> {
  const file = path.join(path.dirname(desk.defaultBookPath), DEMO_BOOK_NAME);
  if (fs.existsSync(file)) {
    await desk.open(file);
    return;
  }
  const { fillDemoBook } = await loadGenerator();
  const previous = desk.ctx.book.path;
  await desk.open(file, { create: true, company: '华盛商贸有限公司（演示）' });
  try {
    await fillDemoBook(desk.ctx, DEMO);
  } catch (e) {
    // no half-made demo left behind: back to the book the user had
    await desk.open(previous);
    for (const ext of ['', '-wal', '-shm']) fs.rmSync(file + ext, { force: true });
    throw e;
  }
}
