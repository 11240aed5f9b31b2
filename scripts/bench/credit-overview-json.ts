// The credit overview's JSON as the page gets it (without its `ms` timing), one line per date:
// for comparing two versions of the code on the same book (md5 of the output, old vs new).
// Opens the book read-only; writes nothing.
//   node bin/run-ts.mjs scripts/bench/credit-overview-json.ts BOOK DATE [DATE...]
import { openSqlite } from '../../main/db/sqlite-file';
import { creditOverview } from '../../main/reports/credit-overview';

const [book, ...dates] = process.argv.slice(2);
if (!book || dates.length === 0) throw new Error('usage: credit-overview-json.ts BOOK DATE [DATE...]');
const sqlite = openSqlite(book, { readonly: true });
for (const d of dates) {
  const { ms: _ms, ...rest } = creditOverview(sqlite, d);
  process.stdout.write(`${JSON.stringify(rest)}\n`);
}
sqlite.close();
