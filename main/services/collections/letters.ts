// Dunning letters (催款函) in batch through the print pipeline: every customer at exactly the
// chosen ladder level and not paused, as of a date; one PDF per customer (`<code>.pdf`) or one
// combined PDF. Printed CHUNK at a time (printSplit), with progress and cancel; each letter is
// recorded as a collection record (channel letter) plus a dunning_letters row, with its audit row.
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { DunningListRow } from '../../../shared/types-collections';
import type { PrintLang } from '../../../shared/types-statements';
import { ladderRows } from '../../db/collections-store';
import { openItemsAsOf } from '../../db/receivables/as-of';
import { insertDunningLetter, letterAddressee, letterContact } from '../../db/collections/letters';
import { daysBetween } from '../../domain/dates';
import {
  dunningLetterSection,
  dunningLetterTitle,
  dunningMessageText,
  type DunningLetterData,
} from '../../print/dunning-letter-html';
import { htmlDocument, sanitizeFileName } from '../../print/html';
import type { PdfRenderer } from '../../print/pdf';
import { printSplit } from '../../print/pdf-split';
import { dunningList } from '../../reports/collections/dunning';
import type { CompanySettings } from '../../../shared/types';
import { writeAudit } from '../audit';
import type { ServiceContext } from '../context';
import { read, write } from '../book-queue';
import { getCompany } from '../settings';
import { insertRecordSync } from './records';

// Letters per print call. Each Chromium print has a fixed cost (about 2.5–4 s on the loaded
// 2-core bench machine) besides ~60 ms a page; 50 a call halves that overhead against 25 and
// keeps progress moving every few seconds (cancel is checked between calls).
const CHUNK = 50;

export interface LetterRunInput {
  asOf: string;
  level: number;
  dir: string;
  output: 'per_customer' | 'combined';
  lang?: PrintLang;
  /** the dunning list as of asOf, when the caller has it already */
  rows?: DunningListRow[];
  /** only these customers (of those at the level) */
  customerIds?: number[];
  renderer?: () => PdfRenderer;
  onProgress?: (done: number, total: number) => void;
  isCancelled?: () => boolean;
}

export interface LetterRunOut {
  produced: number;
  files: string[];
  cancelled: boolean;
}

export function letterData(
  sqlite: Database.Database,
  company: CompanySettings,
  row: Pick<DunningListRow, 'customerId' | 'daysOverdue' | 'overdue' | 'level'>,
  asOf: string,
): DunningLetterData {
  const c = letterAddressee(sqlite, row.customerId);
  const ct = letterContact(sqlite, row.customerId);
  const step = ladderRows(sqlite).find((s) => s.level === row.level);
  const invoices = openItemsAsOf(sqlite, row.customerId, asOf, false)
    .filter((i) => i.open > 0 && i.dueDate < asOf)
    .map((i) => ({
      number: i.number,
      issueDate: i.issueDate,
      dueDate: i.dueDate,
      amount: i.amount,
      open: i.open,
      daysOverdue: daysBetween(i.dueDate, asOf),
    }));
  return {
    company,
    asOf,
    level: row.level ?? 0,
    levelName: step?.name ?? '',
    template: step?.letterTemplate ?? 'firm',
    customer: c,
    contact: ct ? { name: ct.name, phone: ct.mobile ?? ct.phone } : null,
    daysOverdue: row.daysOverdue,
    overdue: row.overdue,
    invoices,
  };
}

/** The WeChat / SMS text of one customer's reminder as of a date. */
export async function dunningMessage(
  ctx: ServiceContext,
  q: { customerId: number; asOf: string; lang?: PrintLang },
): Promise<{ text: string }> {
  const company = await getCompany(ctx);
  return read(ctx, (sqlite) => {
    const row = dunningList(ctx.book, q.asOf).find((r) => r.customerId === q.customerId) ?? {
      customerId: q.customerId,
      daysOverdue: 0,
      overdue: 0,
      level: null,
    };
    return { text: dunningMessageText(letterData(sqlite, company, row, q.asOf), q.lang ?? 'zh-CN') };
  });
}

function writeFileAtomic(file: string, data: Buffer): void {
  fs.writeFileSync(`${file}.partial`, data);
  fs.renameSync(`${file}.partial`, file);
}

export async function printDunningLetters(ctx: ServiceContext, input: LetterRunInput): Promise<LetterRunOut> {
  const lang = input.lang ?? 'zh-CN';
  const company = await getCompany(ctx);
  const all = input.rows ?? (await read(ctx, () => dunningList(ctx.book, input.asOf)));
  const only = input.customerIds ? new Set(input.customerIds) : null;
  const targets = all.filter((r) => r.level === input.level && !r.paused && (!only || only.has(r.customerId)));
  fs.mkdirSync(input.dir, { recursive: true });
  const out: LetterRunOut = { produced: 0, files: [], cancelled: false };
  if (targets.length === 0) return out;
  // without the app's printer (CLI, bench): one Chromium, each browser page reused for a few
  // prints (its fonts stay decoded) and then replaced, so memory stays flat
  const { PlaywrightPdfRenderer } = await import('../../print/playwright');
  const renderer = (input.renderer ?? (() => new PlaywrightPdfRenderer({ documentsPerPage: 5 })))();
  const wrap = (body: string) => htmlDocument(lang === 'zh-CN' ? '催款函' : 'Payment reminders', body, { lang });
  const combined: string[] = [];
  try {
    for (let at = 0; at < targets.length; at += CHUNK) {
      if (input.isCancelled?.()) {
        out.cancelled = true;
        break;
      }
      const chunk = targets.slice(at, at + CHUNK);
      const data = await read(ctx, (sqlite) => chunk.map((r) => letterData(sqlite, company, r, input.asOf)));
      let files: string[];
      if (input.output === 'combined') {
        combined.push(...data.map((d) => dunningLetterSection(d, lang)));
        files = data.map(() => '');
      } else {
        const pdfs = await printSplit(
          renderer,
          data.map((d) => ({
            section: dunningLetterSection(d, lang),
            footerLabel: d.customer.code,
            title: dunningLetterTitle(d, lang),
          })),
          wrap,
        );
        files = data.map((d, i) => {
          const file = path.join(input.dir, `${sanitizeFileName(d.customer.code)}.pdf`);
          writeFileAtomic(file, pdfs[i]);
          return file;
        });
      }
      if (input.output === 'combined' && at + CHUNK >= targets.length) {
        const file = path.join(input.dir, `${sanitizeFileName(`催款函-${input.level}-${input.asOf}`)}.pdf`);
        writeFileAtomic(file, await renderer.htmlToPdf(wrap(combined.join('\n')), { title: `dunning ${input.asOf}` }));
        files = files.map(() => file);
        out.files.push(file);
      }
      if (input.output === 'per_customer') out.files.push(...files);
      await recordLetters(ctx, chunk, files, input);
      out.produced += chunk.length;
      input.onProgress?.(out.produced, targets.length);
    }
  } finally {
    await renderer.close().catch(() => undefined);
  }
  return out;
}

/** Each letter sent: a collection record (channel letter) and a dunning_letters row, audited. */
async function recordLetters(
  ctx: ServiceContext,
  rows: DunningListRow[],
  files: string[],
  input: LetterRunInput,
): Promise<void> {
  await write(ctx, async (trx, sqlite) => {
    const now = ctx.clock.now().toISOString();
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i];
      const recordId = insertRecordSync(
        ctx,
        sqlite,
        {
          customerId: r.customerId,
          date: ctx.clock.today(),
          channel: 'letter',
          outcome: `催款函 L${r.level} (${input.asOf})`,
        },
        'letter',
      );
      const letterId = insertDunningLetter(sqlite, {
        customerId: r.customerId,
        level: input.level,
        asOf: input.asOf,
        daysOverdue: r.daysOverdue,
        overdue: r.overdue,
        filePath: files[i] || null,
        collectionRecordId: recordId,
        sentAt: now,
      });
      await writeAudit(ctx, trx, {
        entity: 'dunning_letter',
        entityId: letterId,
        customerId: r.customerId,
        action: 'create',
        after: {
          level: input.level,
          asOf: input.asOf,
          overdue: r.overdue,
          file: files[i] || null,
          collectionRecordId: recordId,
        },
      });
    }
  });
}
