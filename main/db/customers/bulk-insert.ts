// The rows a customer import writes for its new customers, many to a statement (row-batch.ts):
// the customers in file order, an audit row for each and a credit-limit decision for each with
// a limit. A statement per row (its SQL built and looked up again for every row) was about a
// third of a 100,000-customer import. Rows keep their order, so every id is the one the
// row-by-row insert gave. Call inside the import's transaction.
import type Database from 'better-sqlite3';
import { RowBatch, valueRows } from '../receivables/row-batch';

type Sqlite = Database.Database;

/** The columns of a new customer's row, in the order its values are pushed. */
export const NEW_CUSTOMER_COLUMNS = [
  'code',
  'name',
  'kind',
  'nature',
  'prospect_grade',
  'region_code',
  'route_seq',
  'confidentiality',
  'address',
  'phone',
  'email',
  'payment_terms_days',
  'credit_limit',
  'profile',
  'search_text',
  'name_pinyin',
  'lifecycle',
  'opening_review',
  'created_at',
  'updated_at',
] as const;

/** The columns of an audit row, customer_id last (it is known once the customer is written). */
export const AUDIT_COLUMNS = [
  'at',
  'operator_id',
  'operator_name',
  'entity',
  'entity_id',
  'action',
  'before',
  'after',
  'note',
  'customer_id',
] as const;

/** The columns of a credit-limit decision, customer_id last. */
export const DECISION_COLUMNS = [
  'effective_date',
  'amount',
  'method',
  'inputs',
  'reason',
  'source',
  'decided_by',
  'approved_by',
  'decided_at',
  'customer_id',
] as const;

export const insertOf = (table: string, columns: readonly string[]) => (rows: number) =>
  `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${valueRows(rows, columns.length)}`;

/**
 * The audit rows and credit-limit decisions of an import's customers, many to a statement: push
 * a row's AUDIT_COLUMNS / DECISION_COLUMNS values but the last, then endAudit / endDecision with
 * the customer's id. `perRow`: one statement per row (the path the equivalence tests compare with).
 */
export class CustomerHistoryRows {
  readonly audit: RowBatch;
  readonly decisions: RowBatch;

  constructor(
    sqlite: Sqlite,
    readonly perRow = false,
  ) {
    this.audit = new RowBatch(sqlite, insertOf('audit_log', AUDIT_COLUMNS), AUDIT_COLUMNS.length);
    this.decisions = new RowBatch(
      sqlite,
      insertOf('credit_limit_decisions', DECISION_COLUMNS),
      DECISION_COLUMNS.length,
    );
  }

  endAudit(customerId: number): void {
    this.audit.values.push(customerId);
    if (!this.audit.end() && this.perRow) this.audit.flush();
  }

  endDecision(customerId: number): void {
    this.decisions.values.push(customerId);
    if (!this.decisions.end() && this.perRow) this.decisions.flush();
  }

  /** Writes what is left. */
  finish(): void {
    this.audit.flush();
    this.decisions.flush();
  }
}

/**
 * New customers (`item` per customer: what its audit row and decision are made from). Push a
 * customer's NEW_CUSTOMER_COLUMNS values to `customers.values`, then call `endCustomer(item)`;
 * `written(id, item)` is called in file order once the customer's id is known, and pushes the
 * audit row's and decision's values to `history`.
 */
export class NewCustomerRows<T> {
  readonly customers: RowBatch;
  readonly history: CustomerHistoryRows;
  private readonly pending: T[] = [];
  created = 0;

  constructor(
    sqlite: Sqlite,
    private readonly written: (id: number, item: T) => void,
    private readonly perRow = false,
  ) {
    this.customers = new RowBatch(sqlite, insertOf('customers', NEW_CUSTOMER_COLUMNS), NEW_CUSTOMER_COLUMNS.length);
    this.history = new CustomerHistoryRows(sqlite, perRow);
  }

  endCustomer(item: T): void {
    this.pending.push(item);
    this.created++;
    if (this.customers.end()) this.settle();
    else if (this.perRow) {
      this.customers.flush();
      this.settle();
    }
  }

  /** Writes what is left. */
  finish(): void {
    this.customers.flush();
    this.settle();
    this.history.finish();
  }

  /** The customers written: the last `pending.length` ids up to customers.lastId, in order. */
  private settle(): void {
    const first = this.customers.lastId - this.pending.length + 1;
    for (let k = 0; k < this.pending.length; k++) this.written(first + k, this.pending[k]);
    this.pending.length = 0;
  }
}
