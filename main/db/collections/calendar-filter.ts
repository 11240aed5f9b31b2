// Which customers a calendar filter keeps: region, value tier, and the operator who last worked
// the customer (the operator of its latest collection record).
import type Database from 'better-sqlite3';
import { stmt } from '../receivables/prepared';

export interface CustomerFilter {
  regionCode?: string;
  tier?: string;
  operator?: string;
}

export function customerIdsMatching(sqlite: Database.Database, f: CustomerFilter): Set<number> {
  const rows = stmt(
    sqlite,
    `SELECT c.id AS id FROM customers c
     WHERE (@r IS NULL OR c.region_code = @r) AND (@t IS NULL OR c.value_tier = @t)
       AND (@o IS NULL OR (SELECT l.operator_name FROM collection_records l WHERE l.customer_id = c.id
                           ORDER BY l.date DESC, l.id DESC LIMIT 1) = @o)`,
  ).all({ r: f.regionCode ?? null, t: f.tier ?? null, o: f.operator ?? null }) as { id: number }[];
  return new Set(rows.map((r) => r.id));
}
