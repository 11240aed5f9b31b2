// Batch statements are printed several to one Chromium print and cut apart (print/pdf-split.ts).
// Each cut PDF must hold exactly its own statement's pages, numbered "n / N" within it, with
// its customer code in the footer; a renderer whose PDF has no named destinations falls back to
// one print per statement.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlaywrightPdfRenderer } from '../../main/print/playwright';
import { countPdfPages, type PdfOptions, type PdfRenderer } from '../../main/print/pdf';
import { printSplit, splitCombinedPdf } from '../../main/print/pdf-split';
import { combinedSectionsHtml, statementSection } from '../../main/print/statement-html';
import { statementFixture } from '../support/statement-fixture';

let renderer: PlaywrightPdfRenderer;
let dir: string;
beforeAll(() => {
  renderer = new PlaywrightPdfRenderer();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'creditdesk-split-'));
});
afterAll(async () => {
  await renderer?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const wrap = (body: string) => combinedSectionsHtml([body], '对账单');
const pagesText = (pdf: Buffer, name: string) => {
  const file = path.join(dir, `${name}.pdf`);
  fs.writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
    .split('\f')
    .filter((p) => p.trim());
};

describe('printing a batch as one print, cut per statement', () => {
  it('short, long (several pages) and short statements: each PDF holds its own pages, numbered within it', async () => {
    const list = [
      statementFixture({ code: 'S1', name: '短单客户甲', lines: 3 }),
      statementFixture({ code: 'L2', name: '长单客户乙', lines: 150 }),
      statementFixture({ code: 'S3', name: '短单客户丙', lines: 5 }),
    ];
    const pdfs = await printSplit(
      renderer,
      list.map((d) => ({ section: statementSection(d), footerLabel: d.customer.code, title: d.customer.name })),
      wrap,
    );
    expect(pdfs).toHaveLength(3);
    const counts = pdfs.map((p) => countPdfPages(p));
    expect(counts[0]).toBe(1);
    expect(counts[1]).toBeGreaterThanOrEqual(3);
    expect(counts[2]).toBe(1);
    list.forEach((d, i) => {
      const pages = pagesText(pdfs[i], d.customer.code);
      expect(pages).toHaveLength(counts[i]!);
      pages.forEach((page, k) => {
        expect(page, `${d.customer.code} page ${k + 1}`).toMatch(
          new RegExp(`${d.customer.code}\\s+${k + 1} / ${counts[i]}`),
        );
      });
      const text = pages.join('\n');
      expect(text).toContain(d.customer.name);
      for (const other of list) if (other !== d) expect(text).not.toContain(other.customer.name);
      expect(text.match(/对账回执/g)).toHaveLength(1);
    });
  });

  it('the PDF title and a page count that adds up to the combined print', async () => {
    const list = [
      statementFixture({ code: 'A1', name: '客户一', lines: 2 }),
      statementFixture({ code: 'A2', name: '客户二', lines: 60 }),
    ];
    const docs = list.map((d) => ({
      section: statementSection(d),
      footerLabel: d.customer.code,
      title: `${d.customer.code} 对账单`,
    }));
    const pdfs = await printSplit(renderer, docs, wrap);
    const titles = await Promise.all(pdfs.map(async (p) => (await PDFDocument.load(p)).getTitle()));
    expect(titles).toEqual(['A1 对账单', 'A2 对账单']);
    const combined = await renderer.htmlToPdf(wrap(list.map((d) => statementSection(d)).join('\n')), {
      pageNumbers: false,
    });
    expect(pdfs.reduce((n, p) => n + countPdfPages(p)!, 0)).toBe(countPdfPages(combined));
  });

  it('without named destinations in the print, each statement is printed on its own', async () => {
    const blank = await PDFDocument.create();
    blank.addPage();
    blank.addPage();
    const noDests = Buffer.from(await blank.save());
    expect(await splitCombinedPdf(noDests, [{ section: 'a' }, { section: 'b' }])).toBeNull();
    const calls: { html: string; opts?: PdfOptions }[] = [];
    const stub: PdfRenderer = {
      async htmlToPdf(html, opts) {
        calls.push({ html, opts });
        return calls.length === 1 ? noDests : Buffer.from(`pdf ${calls.length}`);
      },
      close: async () => undefined,
    };
    const out = await printSplit(
      stub,
      [
        { section: '<p>one</p>', footerLabel: 'X1' },
        { section: '<p>two</p>', footerLabel: 'X2' },
      ],
      (b) => `<html>${b}</html>`,
    );
    expect(out.map((b) => b.toString())).toEqual(['pdf 2', 'pdf 3']);
    expect(calls[1]).toEqual({ html: '<html><p>one</p></html>', opts: { footerLabel: 'X1', title: undefined } });
    expect(calls[2].opts?.footerLabel).toBe('X2');
  });
});
