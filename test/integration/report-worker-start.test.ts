// The report worker starts light: its bundle (as scripts/build.mjs makes it for Electron) loads
// no package but better-sqlite3 before its first report — kysely (~280 modules) and papaparse
// load on first use only. A static import of either, anywhere in the worker's module graph,
// is hoisted to the bundle's top by esbuild and cost the first ageing after opening a book.
// Likewise the app's main bundle loads no package that only one rarer task needs (pinyin
// dictionaries, iCalendar, CSV, Excel, PDF) when it starts, and holds kysely and zod itself
// (scripts/bundled-packages.mjs) instead of resolving their hundreds of modules at start.
import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { openBook } from '../../main/db/connection';
import { bookOfConnection } from '../../main/db/read-snapshot';
import { csvTable } from '../../main/lib/csv';
import { tempDir } from '../support/book';
// @ts-expect-error plain .mjs script (no types)
import { bundleOnly } from '../../scripts/bundled-packages.mjs';

const root = path.resolve(__dirname, '../..');

/** Packages (not node: builtins) the entry bundled as scripts/build.mjs does imports when it loads. */
async function packagesLoadedAtStart(entry: string): Promise<string[]> {
  const out = await build({
    entryPoints: [entry],
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    plugins: [bundleOnly(root)],
    write: false,
    logLevel: 'silent',
  });
  const text = out.outputFiles[0].text;
  const specs = [...text.matchAll(/^import\s[^;]*?from\s+"([^"]+)";?$|^import\s+"([^"]+)";?$/gm)].map(
    (m) => m[1] ?? m[2],
  );
  return [...new Set(specs.filter((s) => !s.startsWith('node:')))].sort();
}

describe('report worker start', () => {
  it('loads better-sqlite3 and no other package before its first report', async () => {
    expect(await packagesLoadedAtStart('main/workers/report-worker.ts')).toEqual(['better-sqlite3']);
  });

  it('the main bundle holds kysely and zod, and loads pinyin-pro, ics, papaparse, exceljs and pdf-lib on first use only', async () => {
    const atStart = await packagesLoadedAtStart('main/shell/main.ts');
    expect(atStart).toContain('better-sqlite3'); // the reading itself works
    const lateOrBundled = ['kysely', 'zod', 'pinyin-pro', 'ics', 'papaparse', 'exceljs', 'pdf-lib'];
    expect(atStart.filter((p) => lateOrBundled.includes(p))).toEqual([]);
  });

  it('a book over a bare connection still queries through kysely, loaded when first asked for', async () => {
    const book = await openBook(path.join(tempDir(), 'bare.creditdesk'), { create: true });
    try {
      const bare = bookOfConnection(book.sqlite);
      const { n } = await bare.db
        .selectFrom('customers')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(n)).toBe(0);
      expect(bare.db).toBe(bare.db); // made once
    } finally {
      await book.close();
    }
  });

  it('CSV is still written by papaparse (loaded on first use), formulas escaped', () => {
    expect(csvTable(['a', 'b'], [['=1+1', '-1,234.50']], '\n')).toBe('a,b\n"\'=1+1","-1,234.50"');
  });
});
