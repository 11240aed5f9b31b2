// Which "cannot open this book" errors still let the user read it (#15 item 9): a book on a
// read-only disk, one this user may not write, one another CreditDesk is writing. Opened
// read-only such a book takes no lock and nothing is written. The desktop asks in a native
// dialog (main/shell/menu.ts); browser mode shows the same offer on the page (renderer
// pages/book-offer) — both decide with this one list.
export const READ_ONLY_OFFER_KEYS = ['book_read_only_disk', 'book_no_write_permission', 'book_in_use'] as const;

/** The book file a refused open may still be opened read-only, or null when it may not. */
export function readOnlyOfferFile(e: { key?: string; values?: Record<string, string | number> }): string | null {
  if (!e.key || !(READ_ONLY_OFFER_KEYS as readonly string[]).includes(e.key)) return null;
  const file = e.values?.file;
  return typeof file === 'string' && file ? file : null;
}
