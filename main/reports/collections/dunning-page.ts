// One page of the dunning list for the window (shared/types-dunning-page.ts): the whole list as
// of D is worked out once on the report worker and kept while the book is unchanged
// (list-cache.ts); each page is a slice of it, with the ladder action and hold state of the
// page's customers only.
import type { Book } from '../../db/connection';
import { lifecycles } from '../../db/collections/runs';
import type { DunningListRow } from '../../../shared/types-collections';
import type { DunningLevelFilter, DunningPage, DunningPageRow } from '../../../shared/types-dunning-page';
import { dunningList, ladderOf } from './dunning';
import { cachedList } from './list-cache';

export interface DunningPageArgs {
  asOf: string;
  level: DunningLevelFilter;
  offset: number;
  limit: number;
}

interface Levelled {
  rows: DunningListRow[];
  /** rows of each level ('none': below the first step), in code order */
  byLevel: Map<string, DunningListRow[]>;
}

const levelKey = (level: number | null) => (level === null ? 'none' : String(level));

function levelled(book: Book, asOf: string): Levelled {
  return cachedList(book.sqlite, `dunning\u0000${asOf}`, () => {
    const rows = dunningList(book, asOf);
    const byLevel = new Map<string, DunningListRow[]>();
    for (const r of rows) {
      const k = levelKey(r.level);
      const list = byLevel.get(k);
      if (list) list.push(r);
      else byLevel.set(k, [r]);
    }
    return { rows, byLevel };
  });
}

export function dunningPage(book: Book, a: DunningPageArgs): DunningPage {
  const { rows, byLevel } = levelled(book, a.asOf);
  const chosen = a.level === 'all' ? rows : (byLevel.get(String(a.level)) ?? []);
  const counts: Record<string, number> = { all: rows.length };
  for (const [k, list] of byLevel) counts[k] = list.length;
  const page = chosen.slice(a.offset, a.offset + a.limit);
  const action = new Map(ladderOf(book).map((s) => [s.level, s.action]));
  const life = lifecycles(
    book.sqlite,
    page.map((r) => r.customerId),
  );
  return {
    asOf: a.asOf,
    level: a.level,
    offset: a.offset,
    total: chosen.length,
    counts,
    rows: page.map((r): DunningPageRow => {
      const act = r.level === null ? 'none' : (action.get(r.level) ?? 'none');
      return {
        ...r,
        action: act === 'none' ? null : act,
        onHold: life.get(r.customerId) === 'suspended',
      };
    }),
  };
}
