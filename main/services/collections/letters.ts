// Dunning letters (催款函) in batch through the print pipeline: every customer at exactly the
// chosen ladder level and not paused, as of a date; one PDF per customer (`<code>.pdf`) or one
// combined PDF. Printed CHUNK at a time in one print (print/pdf-split.ts) that is cut apart per
// customer or appended to the combined file on disk, with progress and cancel between chunks;
// each letter is recorded as a collection record (channel letter) plus a dunning_letters row,
// with its audit row.
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { DunningListRow } from '../../../shared/types-collections';
import type { PrintLang } from '../../../shared/types-statements';
import { ladderRows, type LadderRow } from '../../db/collections-store';
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
import { PdfConcatFile } from '../../print/pdf-concat';
import { numberPagesPerDocument, printAnchored, splitPrinted, type SplitDoc } from '../../print/pdf-split';
import { dunningList } from '../../reports/collections/dunning';
import type { CompanySettings } from '../../../shared/types';
import { writeAudit } from '../audit';
import type { ServiceContext } from '../context';
import { read, write } from '../book-queue';
import { getCompany } from '../settings';
import { insertRecordSync } from './records';

// Letters per print. With the page kept loaded a print costs Chromium ~0.2 s besides ~20–30 ms
// a page (scripts/bench/letters.ts); more per print saves little, and every letter's own PDF
// carries the font glyphs of its whole chunk (~100 KB at 50), so 50 it stays; progress and
// cancel come every chunk.
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
  /** letters per print (default CHUNK; tests use small chunks to see progress and cancel) */
  chunkSize?: number;
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
  ladder: LadderRow[] = ladderRows(sqlite),
): DunningLetterData {
  const c = letterAddressee(sqlite, row.customerId);
  const ct = letterContact(sqlite, row.customerId);
  const step = ladder.find((s) => s.level === row.level);
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

interface PrintedChunk {
  rows: DunningListRow[];
  docs: (SplitDoc & { code: string })[];
  pdf: Buffer;
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
  // without the app's printer (CLI, bench): one Chromium whose page keeps the letter's fonts
  // loaded for the whole run (PlaywrightPdfRenderer.printBody)
  const { PlaywrightPdfRenderer } = await import('../../print/playwright');
  const renderer = (input.renderer ?? (() => new PlaywrightPdfRenderer()))();
  const wrap = (body: string) => htmlDocument(lang === 'zh-CN' ? '催款函' : 'Payment reminders', body, { lang });
  const combined =
    input.output === 'combined'
      ? new PdfConcatFile(path.join(input.dir, `${sanitizeFileName(`催款函-${input.level}-${input.asOf}`)}.pdf`))
      : null;
  const ladder = await read(ctx, (sqlite) => ladderRows(sqlite));
  const size = Math.max(1, input.chunkSize ?? CHUNK);
  const printChunk = async (at: number): Promise<PrintedChunk> => {
    const rows = targets.slice(at, at + size);
    const data = await read(ctx, (sqlite) => rows.map((r) => letterData(sqlite, company, r, input.asOf, ladder)));
    const docs = data.map((d) => ({
      code: d.customer.code,
      section: dunningLetterSection(d, lang),
      footerLabel: d.customer.code,
      title: dunningLetterTitle(d, lang),
    }));
    return { rows, docs, pdf: await printAnchored(renderer, docs, wrap) };
  };
  // Chromium prints the next chunk while this process splits, writes and records the last one
  let next: Promise<PrintedChunk> | null = printChunk(0);
  try {
    for (let at = 0; next; at += size) {
      const chunk: PrintedChunk = await next;
      next = null;
      if (input.isCancelled?.()) {
        out.cancelled = true;
        break;
      }
      if (at + size < targets.length) {
        next = printChunk(at + size);
        next.catch(() => undefined); // awaited next round; a failure here must not go unhandled meanwhile
      }
      let files: string[];
      if (combined) {
        // each letter numbers its own pages ("1 / 1") and carries its customer code
        combined.add((await numberPagesPerDocument(chunk.pdf, chunk.docs)) ?? chunk.pdf);
        files = chunk.docs.map(() => combined.file);
      } else {
        const pdfs = await splitPrinted(renderer, chunk.pdf, chunk.docs, wrap);
        files = chunk.docs.map((d, i) => {
          const file = path.join(input.dir, `${sanitizeFileName(d.code)}.pdf`);
          writeFileAtomic(file, pdfs[i]);
          return file;
        });
        out.files.push(...files);
      }
      await recordLetters(ctx, chunk.rows, files, input);
      out.produced += chunk.rows.length;
      input.onProgress?.(out.produced, targets.length);
    }
    // a cancelled run keeps the letters already recorded as sent
    if (combined) {
      const file = await combined.finish(`dunning ${input.asOf}`);
      if (file) out.files.push(file);
    }
  } finally {
    combined?.discard();
    await next?.catch(() => undefined);
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
