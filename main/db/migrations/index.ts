// Migrations are imported statically (no runtime globbing) so a bundled main still finds them.
// Names are date-prefixed and sort in the order they must run.
import type { Migration } from 'kysely';
import { MIGRATION_NAMES } from './schema-version';
import * as m0001 from './2026-11-23-0001-foundation';
import * as m0002 from './2026-11-23-0002-receivables';
import * as m0003 from './2026-11-23-0003-statements';
import * as m0004analysis from './2026-11-30-0004-analysis';
import * as m0005 from './2026-11-30-0005-credit';
import * as m0006 from './2026-11-30-0006-collections';
import * as m0007 from './2026-11-30-0007-complaints';
import * as m0008visits from './2026-11-30-0008-visits';
import * as m0009serviceLoyalty from './2026-11-30-0009-service-loyalty';
import * as m0010runs from './2026-11-30-0010-collection-runs';
import * as m0011ageingSpeed from './2026-11-30-0011-ageing-speed';
import * as m0012monthlySales from './2026-11-30-0012-monthly-sales';
import * as m0013creditSpeed from './2026-11-30-0013-credit-speed';
import * as m0014collectionsSpeed from './2026-11-30-0014-collections-speed';
import * as m0015collectionsSummary from './2026-11-30-0015-collections-summary';
import * as m0017creditFacts from './2026-11-30-0017-credit-facts';
import * as m0018ageingAsOf from './2026-11-30-0018-ageing-asof';
import * as m0019collectionLateDays from './2026-11-30-0019-collection-late-days';
import * as m0021bookSize from './2026-11-30-0021-book-size';
import * as m0022collectionsKept from './2026-11-30-0022-collections-kept';
import * as m0023worklistKept from './2026-12-01-0023-worklist-kept';
import * as m0024sensitiveCustomers from './2026-12-01-0024-sensitive-customers';
import * as m0028customerDueIndex from './2026-12-01-0028-customer-due-index';
import * as m0029monthlySalesByMonth from './2026-12-01-0029-monthly-sales-by-month';
import * as m0031pastAgeingReads from './2026-12-01-0031-past-ageing-reads';

export const MIGRATIONS: Record<string, Migration> = {
  '2026-11-23-0001-foundation': m0001,
  '2026-11-23-0002-receivables': m0002,
  '2026-11-23-0003-statements': m0003,
  '2026-11-30-0004-analysis': m0004analysis,
  '2026-11-30-0005-credit': m0005,
  '2026-11-30-0006-collections': m0006,
  '2026-11-30-0007-complaints': m0007,
  '2026-11-30-0008-visits': m0008visits,
  '2026-11-30-0009-service-loyalty': m0009serviceLoyalty,
  '2026-11-30-0010-collection-runs': m0010runs,
  '2026-11-30-0011-ageing-speed': m0011ageingSpeed,
  '2026-11-30-0012-monthly-sales': m0012monthlySales,
  '2026-11-30-0013-credit-speed': m0013creditSpeed,
  '2026-11-30-0014-collections-speed': m0014collectionsSpeed,
  '2026-11-30-0015-collections-summary': m0015collectionsSummary,
  '2026-11-30-0017-credit-facts': m0017creditFacts,
  '2026-11-30-0018-ageing-asof': m0018ageingAsOf,
  '2026-11-30-0019-collection-late-days': m0019collectionLateDays,
  '2026-11-30-0021-book-size': m0021bookSize,
  '2026-11-30-0022-collections-kept': m0022collectionsKept,
  '2026-12-01-0023-worklist-kept': m0023worklistKept,
  '2026-12-01-0024-sensitive-customers': m0024sensitiveCustomers,
  '2026-12-01-0028-customer-due-index': m0028customerDueIndex,
  '2026-12-01-0029-monthly-sales-by-month': m0029monthlySalesByMonth,
  '2026-12-01-0031-past-ageing-reads': m0031pastAgeingReads,
};

if (Object.keys(MIGRATIONS).join('\n') !== MIGRATION_NAMES.join('\n'))
  throw new Error('main/db/migrations/schema-version.ts must list the same migrations, in the same order');

export { SCHEMA_VERSION } from './schema-version';
