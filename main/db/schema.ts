// Kysely table types for a book. Money columns are INTEGER fen; dates are TEXT YYYY-MM-DD;
// moments are TEXT ISO-8601 UTC. JSON columns hold TEXT.
import type { Generated } from 'kysely';

export interface SettingsTable {
  key: string;
  value: string;
}

export interface OperatorsTable {
  id: Generated<number>;
  name: string;
  password_hash: string | null; // scrypt$salt$hash, null = no password
  active: Generated<number>;
  created_at: string;
}

export interface RegionsTable {
  code: string;
  name: string;
  area: string | null;
  created_at: string;
}

export interface CustomersTable {
  id: Generated<number>;
  code: string;
  name: string;
  kind: string; // company | individual
  nature: string;
  lifecycle: string;
  prospect_grade: string | null;
  value_tier: string | null; // computed by analysis, never typed in
  credit_rating: string | null; // from rating history
  credit_class: string | null;
  region_code: string | null;
  route_seq: number | null;
  confidentiality: string;
  address: string | null;
  phone: string | null;
  email: string | null;
  payment_terms_days: number;
  credit_limit: number; // fen
  profile: string; // JSON: the archive's descriptive fields (see shared/customer-fields.ts)
  opening_review: string | null; // JSON {requestedBy, approvedBy, approvedAt, note}
  search_text: string; // lower-case code, name, phone, pinyin initials and full pinyin
  name_pinyin: string; // for sorting Chinese names the way people expect
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface ContactsTable {
  id: Generated<number>;
  customer_id: number;
  name: string;
  title: string | null;
  phone: string | null;
  mobile: string | null;
  email: string | null;
  wechat: string | null;
  birthday: string | null;
  notes: string | null;
  buying_role: string | null;
  is_key_payer: number;
  sort: number;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  operator_id: number | null;
  operator_name: string | null;
  entity: string; // customer | contact | operator | settings | ...
  entity_id: string | null;
  customer_id: number | null;
  action: string; // create | update | lifecycle | import | export | login | ...
  before: string | null; // JSON
  after: string | null; // JSON
  note: string | null;
}

export interface RevisionsTable {
  name: string;
  rev: number;
}

export interface DB {
  revisions: RevisionsTable;
  settings: SettingsTable;
  operators: OperatorsTable;
  regions: RegionsTable;
  customers: CustomersTable;
  contacts: ContactsTable;
  audit_log: AuditLogTable;
}

// ---- receivables (migration 2026-11-23-0002) ----

export interface InvoicesTable {
  id: Generated<number>;
  customer_id: number;
  number: string;
  issue_date: string;
  due_date: string;
  amount: number; // fen
  description: string | null;
  open_amount: number; // fen, open now
  settled_on: string | null; // open is 0 from this date on; NULL while open
  override_reason: string | null; // credit-check block overridden
  source: string | null; // import file, demo, ...
  created_at: string;
  voided_at: string | null;
  void_reason: string | null;
}

export interface ReceiptsTable {
  id: Generated<number>;
  customer_id: number;
  number: string | null;
  date: string;
  amount: number;
  method: string;
  reference: string | null;
  named_invoice_id: number | null;
  unapplied: number; // fen, now
  applied_on: string | null; // unapplied is 0 from this date on; NULL while some is unapplied
  source: string | null;
  created_at: string;
  voided_at: string | null;
  void_reason: string | null;
}

export interface CreditNotesTable {
  id: Generated<number>;
  customer_id: number;
  number: string;
  date: string;
  amount: number;
  kind: string; // return | allowance | claim
  invoice_id: number | null;
  reason: string | null;
  unapplied: number;
  applied_on: string | null;
  created_at: string;
  voided_at: string | null;
  void_reason: string | null;
}

export interface WriteOffsTable {
  id: Generated<number>;
  customer_id: number;
  invoice_id: number;
  date: string;
  amount: number;
  approved_by: string;
  reason: string;
  recovered: Generated<number>;
  created_at: string;
  voided_at: string | null;
  void_reason: string | null;
}

export interface AllocationsTable {
  id: Generated<number>;
  invoice_id: number;
  receipt_id: number | null;
  credit_note_id: number | null;
  write_off_id: number | null;
  amount: number; // negative = reversal
  date: string; // effective date
  kind: string;
  created_at: string;
}

export interface NotesReceivableTable {
  id: Generated<number>;
  customer_id: number;
  number: string;
  kind: string;
  drawer: string;
  issue_date: string;
  maturity_date: string;
  amount: number;
  state: string;
  state_date: string;
  created_at: string;
}

export interface ArDailyTable {
  date: string;
  invoiced: Generated<number>;
  received: Generated<number>;
  credited: Generated<number>;
  written_off: Generated<number>;
  invoices_n: Generated<number>;
  receipts_n: Generated<number>;
  credits_n: Generated<number>;
}

/** Merged into DB (interface declaration merging), so this block is a pure append. */
export interface DB {
  invoices: InvoicesTable;
  receipts: ReceiptsTable;
  credit_notes: CreditNotesTable;
  write_offs: WriteOffsTable;
  allocations: AllocationsTable;
  notes_receivable: NotesReceivableTable;
  ar_daily: ArDailyTable;
}
