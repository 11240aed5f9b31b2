// Today's worklist read from its kept rows (migration 0023): when the kept worklist is for this
// date and these settings, only the customers a write listed as stale since the last refresh are
// worked out afresh (worklist.ts, from their own rows) and merged into the kept ones in rank
// order; otherwise the whole worklist is worked out from the book. Either way the rows equal
// the whole-book computation (test/integration/worklist-kept.property.test.ts).
import type { Book } from '../../db/connection';
import { collectionsSettings, ladderRows } from '../../db/collections-store';
import { keptWorklistMeta, keptWorklistRows, staleWorklistCustomers } from '../../db/collections/worklist-kept';
import type { WorklistRow } from '../../../shared/types-collections';
import { byRank, worklist, worklistRowsOf } from './worklist';

/** What of the settings the worklist depends on (grace and slip days, the ladder), as one string. */
export function worklistSettingsFingerprint(book: Book): string {
  return JSON.stringify([collectionsSettings(book.sqlite), ladderRows(book.sqlite)]);
}

export async function keptWorklist(book: Book, asOf: string): Promise<WorklistRow[]> {
  const meta = keptWorklistMeta(book.sqlite);
  if (!meta || meta.asOf !== asOf || meta.settings !== worklistSettingsFingerprint(book)) return worklist(book, asOf);
  const stale = staleWorklistCustomers(book.sqlite);
  const fresh = stale.length > 0 ? (await worklistRowsOf(book, asOf, stale)).sort(byRank) : [];
  let kept = keptWorklistRows(book.sqlite);
  // SQLite orders text by UTF-8 bytes, JavaScript by UTF-16 units: they differ only for codes
  // with characters past U+FFFF, and then the kept rows are put in JavaScript's order
  for (let i = 1; i < kept.length; i++)
    if (kept[i - 1][0] > kept[i][0]) {
      kept = kept.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      break;
    }
  // merged by rank key as JSON text, parsed at once (cheaper than a parse per row)
  const parts = new Array<string>(kept.length + fresh.length);
  let i = 0;
  let j = 0;
  for (let n = 0; n < parts.length; n++)
    parts[n] =
      j >= fresh.length || (i < kept.length && kept[i][0] < fresh[j].key)
        ? kept[i++][1]
        : JSON.stringify(fresh[j++].row);
  return JSON.parse(`[${parts.join(',')}]`) as WorklistRow[];
}
