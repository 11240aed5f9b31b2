// One combined PDF built from parts printed one chunk at a time: each part goes to a temporary
// file next to the target as soon as it is printed (so a 1,000-letter run never holds every
// chunk's PDF), and finish() copies the parts' pages into the one file, written atomically.
import fs from 'node:fs';
import { loadPdfLib } from '../lib/lazy-modules';

export class PdfConcatFile {
  private readonly parts: string[] = [];

  constructor(readonly file: string) {}

  /** Adds a printed part (its pages follow the parts added before). */
  add(pdf: Uint8Array): void {
    const part = `${this.file}.part${this.parts.length}`;
    fs.writeFileSync(part, pdf);
    this.parts.push(part);
  }

  get size(): number {
    return this.parts.length;
  }

  /** Writes the file from the parts (none: no file) and removes the parts. */
  async finish(title: string): Promise<string | null> {
    try {
      if (!this.parts.length) return null;
      const { PDFDocument } = await loadPdfLib();
      const out = await PDFDocument.create({ updateMetadata: false });
      for (const part of this.parts) {
        const src = await PDFDocument.load(fs.readFileSync(part), { updateMetadata: false });
        for (const page of await out.copyPages(src, src.getPageIndices())) out.addPage(page);
      }
      out.setTitle(title);
      out.setProducer('CreditDesk');
      out.setCreator('CreditDesk');
      fs.writeFileSync(`${this.file}.partial`, await out.save({ useObjectStreams: false }));
      fs.renameSync(`${this.file}.partial`, this.file);
      return this.file;
    } finally {
      this.discard();
    }
  }

  /** Removes the parts (a failed run leaves nothing behind). */
  discard(): void {
    for (const part of this.parts.splice(0)) fs.rmSync(part, { force: true });
  }
}
