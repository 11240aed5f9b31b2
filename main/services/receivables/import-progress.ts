// How far the running invoice / receipt import of a book has got, for the window to show while a
// million-row file goes in (half a minute). Kept in memory, per book; the import updates it as it
// reads and applies, and `imports:progress` answers from here without touching the book (so it is
// answered while the import's transaction holds the book).
import type { Book } from '../../db/connection';
import type { ImportProgressOut } from '../../../shared/types-receivables';

const running = new WeakMap<Book, ImportProgressOut>();

/** Registers an import on the book; the returned object is updated in place by the import. */
export function beginImportProgress(book: Book, kind: ImportProgressOut['kind'], fileName: string): ImportProgressOut {
  const p: ImportProgressOut = { kind, fileName, phase: 'reading', rows: 0, customersDone: 0, customersTotal: 0 };
  running.set(book, p);
  return p;
}

export function endImportProgress(book: Book, p: ImportProgressOut): void {
  if (running.get(book) === p) running.delete(book);
}

export function importProgress(book: Book): ImportProgressOut | null {
  const p = running.get(book);
  return p ? { ...p } : null;
}
