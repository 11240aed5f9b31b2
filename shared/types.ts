// Data shapes that cross IPC (outputs). Money is integer fen, dates YYYY-MM-DD.
import type { BuyingRole, Confidentiality, CustomerKind, Lifecycle, Nature } from './customer-fields';
import type { Profile } from './schemas/customer';

export interface Contact {
  id: number;
  name: string;
  title: string | null;
  phone: string | null;
  mobile: string | null;
  email: string | null;
  wechat: string | null;
  birthday: string | null;
  notes: string | null;
  buyingRole: BuyingRole | null;
  isKeyPayer: boolean;
}

export interface OpeningReview {
  requestedBy: string | null;
  approvedBy: string;
  approvedAt: string; // ISO moment
  note: string | null;
}

export interface CustomerListRow {
  id: number;
  code: string;
  name: string;
  kind: CustomerKind;
  nature: Nature;
  lifecycle: Lifecycle;
  prospectGrade: string | null;
  valueTier: string | null;
  creditRating: string | null;
  /** credit report class A/B/C (信用报告类别) */
  creditClass: string | null;
  regionCode: string | null;
  routeSeq: number | null;
  confidentiality: Confidentiality;
  phone: string | null;
  creditLimit: number;
}

export interface Customer extends CustomerListRow {
  creditClass: string | null;
  address: string | null;
  email: string | null;
  paymentTermsDays: number;
  profile: Profile;
  openingReview: OpeningReview | null;
  contacts: Contact[];
  createdAt: string;
  updatedAt: string;
  version: number;
  readOnly: boolean;
  /** as-of date of the stored value tier (customer analysis); null when never computed */
  valueTierOn?: string | null;
}

export interface AuditEntry {
  id: number;
  at: string;
  operatorName: string | null;
  entity: string;
  entityId: string | null;
  customerId: number | null;
  action: string;
  before: unknown;
  after: unknown;
  note: string | null;
}

export interface Operator {
  id: number;
  name: string;
  hasPassword: boolean;
  /** 管理员 admin / 信用主管 credit_manager / 会计 bookkeeper / 只读 viewer (missing = admin) */
  role?: OperatorRole;
}

export const OPERATOR_ROLES = ['admin', 'credit_manager', 'bookkeeper', 'viewer'] as const;
export type OperatorRole = (typeof OPERATOR_ROLES)[number];

export interface CompanySettings {
  name: string;
  address: string;
  taxId: string;
  phone: string;
  bankAccount: string;
  currency: string;
  logoDataUrl: string | null;
}

export interface Region {
  code: string;
  name: string;
  area: string | null;
}

export interface BookInfo {
  path: string;
  company: string;
  schemaVersion: number;
  customers: number;
}

export interface AppInfo {
  version: string;
  mode: 'electron' | 'browser';
  book: BookInfo;
  recentBooks: string[];
  operators: Operator[];
  currentOperator: Operator | null;
  /** true when an operator must be chosen before working (more than one, or a password set). */
  needsLogin: boolean;
  today: string;
  locale: 'zh-CN' | 'en';
  /** the book was opened read-only (read-only disk, or another CreditDesk writes it): nothing can be saved */
  readonly?: boolean;
}

export interface ExportFile {
  fileName: string;
  mime: string;
  base64: string;
  rows: number;
  masked: number;
}

export interface ImportSummary {
  imported: number;
  created: number;
  updated: number;
}
