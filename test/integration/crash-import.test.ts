// Crash safety of the real thing: `creditdesk import customers` (one transaction for the whole
// file) killed with SIGKILL at random moments. Each time the book must open, pass
// integrity_check, and hold either the whole file or none of it.
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/index';
import { tempDir } from '../support/book';

const ROOT = path.resolve(__dirname, '../..');
const dir = tempDir('cd-crash-import-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const ROWS = 4000;
function bigCsv(file: string) {
  const lines = ['code,name,kind,region,payment_terms_days,credit_limit,phone'];
  for (let i = 1; i <= ROWS; i++) lines.push(`K${String(i).padStart(6, '0')},崩溃测试客户${i}号有限公司,company,HD,30,${i}.50,0571-${String(10000000 + i)}`);
  fs.writeFileSync(file, lines.join('\n'));
}

function runImport(db: string, csv: string, killAfterMs: number): Promise<{ signal: NodeJS.Signals | null; code: number | null }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/creditdesk.mjs'), 'import', '--db', db, 'customers', csv], { cwd: ROOT, stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal });
    });
  });
}

describe('SIGKILL during a real customer import', () => {
  it('leaves the book whole, with all rows or none, every time', async () => {
    const db = path.join(dir, 'book.creditdesk');
    const csv = path.join(dir, 'big.csv');
    bigCsv(csv);
    const io = { out: () => {}, err: () => {} };
    expect(await runCli(['init', '--db', db], io)).toBe(0);
    let seed = 12345;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const seen = new Set<number>();
    let killed = 0;
    for (let i = 0; i < 8; i++) {
      // kill somewhere between start-up and the end of the import
      const r = await runImport(db, csv, 600 + Math.floor(rand() * 2400));
      if (r.signal === 'SIGKILL') killed++;
      const raw = new Database(db);
      expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
      const n = (raw.prepare("SELECT count(*) AS n FROM customers WHERE code LIKE 'K%'").get() as { n: number }).n;
      raw.close();
      expect([0, ROWS]).toContain(n);
      seen.add(n);
      if (n === ROWS) break; // the import got through; a re-import would only update
    }
    expect(killed).toBeGreaterThan(0);
    // and a clean run afterwards completes the import
    const last = await runImport(db, csv, 120_000);
    expect(last.code).toBe(0);
    const raw = new Database(db);
    expect((raw.prepare("SELECT count(*) AS n FROM customers WHERE code LIKE 'K%'").get() as { n: number }).n).toBe(ROWS);
    raw.close();
  }, 120_000);
});
