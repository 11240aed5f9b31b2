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
  paid_from: Generated<string | null>; // earliest allocation date, kept by triggers (migration 0018)
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

// ---- statements (migration 2026-11-23-0003) ----

export interface StatementRunsTable {
  id: Generated<number>;
  kind: string; // single | batch
  period_from: string;
  period_to: string;
  style: string;
  lang: string;
  output: string; // single | per_customer | combined
  target_dir: string | null;
  filter: string | null; // JSON
  state: string; // running | done | cancelled | failed
  produced: Generated<number>;
  skipped: Generated<number>;
  failed: Generated<number>;
  log: string | null; // JSON
  operator_name: string | null;
  started_at: string;
  finished_at: string | null;
}

export interface StatementsSentTable {
  id: Generated<number>;
  run_id: number | null;
  customer_id: number;
  period_from: string;
  period_to: string;
  style: string;
  closing: number; // fen
  file_path: string | null;
  sent_at: string;
}

export interface StatementConfirmationsTable {
  id: Generated<number>;
  statement_id: number | null;
  customer_id: number;
  period_to: string;
  result: string; // agrees | disagrees
  stated_difference: number | null; // fen
  note: string | null;
  received_on: string;
  scan_name: string | null;
  scan_mime: string | null;
  scan_blob: Buffer | null;
  scan_path: string | null;
  recorded_at: string;
  recorded_by: string | null;
  resolved_at: string | null;
  resolution: string | null;
}

/** Merged into DB (interface declaration merging). */
export interface DB {
  statement_runs: StatementRunsTable;
  statements_sent: StatementsSentTable;
  statement_confirmations: StatementConfirmationsTable;
}

// ---- customer analysis (migration 2026-11-30-0004-analysis) ----

/** Merged into CustomersTable (interface declaration merging). */
export interface CustomersTable {
  value_tier_on: string | null; // as-of date of the stored value tier
}

export interface TierRunsTable {
  id: Generated<number>;
  as_of: string;
  months: number;
  method: string; // JSON TierMethod
  window_from: string;
  window_to: string;
  count_a: number;
  count_b: number;
  count_c: number;
  trigger: string; // manual | monthly
  operator_name: string | null;
  computed_at: string;
}

export interface TierHistoryTable {
  run_id: number;
  customer_id: number;
  rank: number;
  sales: number; // fen
  average_monthly: number; // fen
  tier: string;
  previous_tier: string | null;
}

/** Merged into DB (interface declaration merging). */
export interface DB {
  tier_runs: TierRunsTable;
  tier_history: TierHistoryTable;
}

// ---- credit management (migration 2026-11-30-0005) ----

export interface CreditInvestigationsTable {
  id: Generated<number>;
  customer_id: number;
  date: string;
  channel: string;
  source: string | null;
  findings: string;
  attachments: string; // JSON string[]
  warning_signs: string; // JSON string[]
  recorded_by: string | null;
  created_at: string;
}

export interface CreditRatingsTable {
  id: Generated<number>;
  customer_id: number;
  rated_on: string;
  scores: string; // JSON
  weights: string; // JSON
  thresholds: string; // JSON
  score_x100: number;
  grade: string;
  note: string | null;
  rated_by: string | null;
  approved_by: string | null;
  created_at: string;
}

export interface CreditClassesTable {
  id: Generated<number>;
  customer_id: number;
  class: string;
  set_on: string;
  reason: string | null;
  set_by: string | null;
  created_at: string;
}

export interface CreditReviewsTable {
  id: Generated<number>;
  customer_id: number;
  reviewed_on: string;
  kind: string; // regular | emergency
  findings: string;
  put_on_hold: number;
  reviewed_by: string | null;
  created_at: string;
}

export interface CreditLimitDecisionsTable {
  id: Generated<number>;
  customer_id: number;
  effective_date: string;
  amount: number; // fen
  method: string;
  inputs: string | null; // JSON
  reason: string;
  source: string; // worksheet | import | initial | migration
  decided_by: string | null;
  approved_by: string | null;
  decided_at: string;
}

export interface CreditCountermeasuresTable {
  id: Generated<number>;
  customer_id: number;
  action: string;
  detail: string | null;
  status: string;
  due_date: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface CreditTermsTable {
  customer_id: number;
  discount_bp: number;
  discount_days: number;
  net_days: number;
  updated_at: string;
}

/** Operators gain a role (admin | credit_manager | bookkeeper | viewer) in migration 0005. */
export interface OperatorsTable {
  role: Generated<string>;
}

/** Merged into DB (interface declaration merging). */
export interface DB {
  credit_investigations: CreditInvestigationsTable;
  credit_ratings: CreditRatingsTable;
  credit_classes: CreditClassesTable;
  credit_reviews: CreditReviewsTable;
  credit_limit_decisions: CreditLimitDecisionsTable;
  credit_countermeasures: CreditCountermeasuresTable;
  credit_terms: CreditTermsTable;
}

// ---- collections (migration 2026-11-30-0006) ----

export interface CollectionRecordsTable {
  id: Generated<number>;
  customer_id: number;
  date: string;
  contact_id: number | null;
  contact_name: string | null;
  channel: string;
  method: string | null;
  tactic: string | null;
  outcome: string | null;
  delay_side: string | null;
  delay_reason: string | null;
  next_step: string | null;
  next_date: string | null;
  operator_name: string | null;
  source: string | null;
  created_at: string;
}

export interface PromisesTable {
  id: Generated<number>;
  customer_id: number;
  made_on: string;
  promised_on: string;
  amount: number; // fen
  promised_by: string | null;
  form: string; // written | verbal
  collection_record_id: number | null;
  note: string | null;
  source: string | null;
  created_at: string;
}

export interface DunningLevelsTable {
  level: number;
  days: number;
  name: string;
  letter_template: string;
  action: string;
}

export interface DunningLettersTable {
  id: Generated<number>;
  customer_id: number;
  level: number;
  as_of: string;
  days_overdue: number;
  overdue: number;
  file_path: string | null;
  collection_record_id: number | null;
  sent_at: string;
}

/** Merged into DB (interface declaration merging). */
export interface DB {
  collection_records: CollectionRecordsTable;
  promises: PromisesTable;
  dunning_levels: DunningLevelsTable;
  dunning_letters: DunningLettersTable;
}

// Collection trips (上门催收), migration 2026-11-30-0010.
export interface CollectionRunsTable {
  id: Generated<number>;
  run_date: string;
  region_code: string | null;
  note: string | null;
  operator_name: string | null;
  created_at: string;
}

export interface CollectionRunStopsTable {
  id: Generated<number>;
  run_id: number;
  seq: number;
  customer_id: number;
  outcome: string | null;
  collection_record_id: number | null;
  promise_id: number | null;
  receipt_id: number | null;
  recorded_at: string | null;
}

// ---- visit plans and evaluation sheets (migration 2026-11-30-0008-visits) ----

export interface VisitsTable {
  id: Generated<number>;
  customer_id: number;
  role: string; // rep | team_lead | section_chief | manager | general_manager
  planned_on: string;
  source: string; // tier | prospect | manual
  basis: string | null;
  done_on: string | null;
  visited_by: string | null;
  note: string | null;
  created_at: string;
  updated_at: string;
}

export interface VisitPlanRunsTable {
  id: Generated<number>;
  month: string;
  created: number;
  replaced: number;
  customers: number;
  trigger: string; // manual | monthly
  operator_name: string | null;
  run_at: string;
}

export interface CustomerEvaluationsTable {
  id: Generated<number>;
  customer_id: number;
  evaluated_on: string;
  period_from: string;
  period_to: string;
  figures: string; // JSON
  rows: string; // JSON
  summary: string | null;
  evaluator: string | null;
  created_at: string;
}

/** Merged into DB (interface declaration merging). */
export interface DB {
  collection_runs: CollectionRunsTable;
  collection_run_stops: CollectionRunStopsTable;
  visits: VisitsTable;
  visit_plan_runs: VisitPlanRunsTable;
  customer_evaluations: CustomerEvaluationsTable;
}

// ---- monthly sales (migration 2026-11-30-0012), kept by triggers on invoices / credit_notes ----

export interface MonthlySalesTable {
  customer_id: number;
  month: string; // YYYY-MM
  invoiced: Generated<number>; // fen, invoices issued in the month, voided excluded
  credited: Generated<number>; // fen, credit notes dated in the month, voided excluded
}

/** Merged into DB (interface declaration merging), so this block is a pure append. */
export interface DB {
  monthly_sales: MonthlySalesTable;
}
