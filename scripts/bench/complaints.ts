// Complaints bench: a book with N complaints (default 100,000) over 2,000 customers; the list
// with each filter (status, type, responsibility, overdue reply, customer, period, combined),
// first page of 50 plus the total count — target ≤ 100 ms each (p95 of 15 runs).
import path from 'node:path';
import { openBook } from '../../main/db/connection';
import { listComplaintRows } from '../../main/db/complaints-store';
import type { ComplaintFilter } from '../../shared/types-complaints';
import { COMPLAINT_STATUSES, COMPLAINT_TYPES, RESPONSIBILITIES } from '../../shared/types-complaints';

function p95(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)] * 10) / 10;
}

export async function runComplaintsBench(opts: { dir: string; complaints?: number }): Promise<Record<string, unknown>> {
  const n = Number(process.env.BENCH_COMPLAINTS ?? opts.complaints ?? 100_000);
  const book = await openBook(path.join(opts.dir, 'complaints.creditdesk'), { create: true });
  const db = book.sqlite;
  const t0 = performance.now();
  db.transaction(() => {
    const at = new Date().toISOString();
    const cust =
      db.prepare(`INSERT INTO customers (code, name, kind, nature, lifecycle, confidentiality, payment_terms_days, credit_limit, search_text, name_pinyin, version, created_at, updated_at)
      VALUES (?, ?, 'company', 'ordinary_company', 'active', 'normal', 30, 0, ?, ?, 1, ?, ?)`);
    for (let i = 1; i <= 2000; i++) cust.run(`B${String(i).padStart(6, '0')}`, `客户${i}`, `b${i}`, `kehu${i}`, at, at);
    const ins =
      db.prepare(`INSERT INTO complaints (number, customer_id, received_on, channel, type, description, severity, reply_by, replied_on, status, responsibility, compensation, created_at, updated_at)
      VALUES (?, ?, ?, 'phone', ?, '投诉', 'normal', ?, ?, ?, ?, ?, ?, ?)`);
    let seed = 7; // mulberry32: deterministic, evenly spread
    const rnd = (m: number) => {
      seed = (seed + 0x6d2b79f5) | 0;
      let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
      return ((x ^ (x >>> 14)) >>> 0) % m;
    };
    for (let i = 1; i <= n; i++) {
      const day = new Date(Date.UTC(2022, 0, 1) + rnd(1800) * 86400000).toISOString().slice(0, 10);
      const reply = new Date(Date.parse(day) + 3 * 86400000).toISOString().slice(0, 10);
      const status = COMPLAINT_STATUSES[rnd(4)];
      const open = status === 'received' || status === 'investigating';
      ins.run(
        `TS-${String(i).padStart(6, '0')}`,
        1 + rnd(2000),
        day,
        COMPLAINT_TYPES[rnd(4)],
        reply,
        open && rnd(2) ? null : reply,
        status,
        open && rnd(3) === 0 ? null : RESPONSIBILITIES[rnd(5)],
        rnd(4) === 0 ? rnd(1_000_000) : 0,
        at,
        at,
      );
    }
  })();
  const fillMs = Math.round(performance.now() - t0);
  db.exec('ANALYZE');
  if (process.env.BENCH_PLAN) {
    for (const r of db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT k.id FROM complaints k INDEXED BY complaints_open_reply WHERE k.replied_on IS NULL AND k.status IN ('received', 'investigating') AND k.reply_by < '2026-01-01' ORDER BY k.received_on, k.number LIMIT 50`,
      )
      .all())
      console.error(r);
  }
  const today = '2026-11-30';
  const cases: Record<string, ComplaintFilter> = {
    all: {},
    status: { status: ['investigating'] },
    type: { type: ['transport'] },
    responsibility: { responsibility: ['supplier', 'carrier'] },
    overdueReply: { overdueReply: true },
    customer: { customerId: 777 },
    period: { from: '2025-01-01', to: '2025-03-31' },
    combined: {
      status: ['received', 'investigating'],
      type: ['product_quality'],
      responsibility: ['ours'],
      overdueReply: true,
    },
  };
  const out: Record<string, unknown> = { complaints: n, fillMs };
  let worst = 0;
  for (const [name, f] of Object.entries(cases)) {
    const times: number[] = [];
    let total = 0;
    for (let i = 0; i < 15; i++) {
      const s = performance.now();
      const r = listComplaintRows(db, f, today, { offset: i === 14 ? 2000 : 0, limit: 50 });
      times.push(performance.now() - s);
      total = r.total;
    }
    out[`list_${name}_ms_p95`] = p95(times);
    out[`list_${name}_total`] = total;
    worst = Math.max(worst, p95(times));
  }
  out.listMs_p95 = worst;
  await book.close();
  return out;
}
