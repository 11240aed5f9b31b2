// Pure shaping of audit entries into readable "field: before → after" changes.
import { PROFILE_FIELDS } from '@shared/customer-fields';

export interface FieldChange {
  /** ['creditLimit'] or ['profile', 'legal_rep'] */
  path: string[];
  before: unknown;
  after: unknown;
}

const SKIP = new Set(['id', 'version', 'createdAt', 'updatedAt', 'readOnly', 'search_text', 'name_pinyin']);

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * The changed fields between two audit snapshots. Nested `profile` objects are flattened to
 * one change per profile field; other objects and arrays (contacts) stay whole.
 */
export function fieldChanges(before: unknown, after: unknown): FieldChange[] {
  const b = isPlainObject(before) ? before : {};
  const a = isPlainObject(after) ? after : {};
  const out: FieldChange[] = [];
  for (const key of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (SKIP.has(key)) continue;
    const bv = b[key];
    const av = a[key];
    if (same(bv, av)) continue;
    if (key === 'profile' && (isPlainObject(bv) || isPlainObject(av))) {
      const bp = isPlainObject(bv) ? bv : {};
      const ap = isPlainObject(av) ? av : {};
      for (const pk of new Set([...Object.keys(bp), ...Object.keys(ap)])) {
        if (!same(bp[pk], ap[pk])) out.push({ path: ['profile', pk], before: bp[pk] ?? null, after: ap[pk] ?? null });
      }
      continue;
    }
    out.push({ path: [key], before: bv ?? null, after: av ?? null });
  }
  return out;
}

const MONEY_KEYS = new Set([
  'creditLimit',
  'credit_limit',
  // documents, allocations and credit checks in the audit log
  'amount',
  'open',
  'openAmount',
  'unapplied',
  'applied',
  'exposure',
  'projected',
  'available',
  'limit',
  'balance',
  'opening',
  'closing',
  'debit',
  'credit',
  'difference',
  'statedDifference',
  ...PROFILE_FIELDS.filter((f) => f.type === 'money').map((f) => f.key),
]);
const DATE_KEYS = new Set([
  'date',
  'issueDate',
  'dueDate',
  'maturityDate',
  'stateDate',
  'from',
  'to',
  'periodTo',
  'receivedOn',
  'asOf',
  ...PROFILE_FIELDS.filter((f) => f.type === 'date').map((f) => f.key),
]);
/** enum value → the i18n namespace of its labels (enums.<ns>.<value>) */
const ENUM_KEYS: Record<string, string> = {
  kind: 'kind',
  nature: 'nature',
  lifecycle: 'lifecycle',
  confidentiality: 'confidentiality',
  org_form: 'org_form',
  gender: 'gender',
  buyingRole: 'buyingRole',
};

export type ValueKind =
  { type: 'money' } | { type: 'date' } | { type: 'enum'; ns: string } | { type: 'contacts' } | { type: 'text' };

/** How to show the value of a field, by its last path segment. */
export function valueKind(path: string[]): ValueKind {
  const key = path[path.length - 1];
  if (MONEY_KEYS.has(key)) return { type: 'money' };
  if (DATE_KEYS.has(key)) return { type: 'date' };
  if (key in ENUM_KEYS) return { type: 'enum', ns: ENUM_KEYS[key] };
  if (key === 'contacts') return { type: 'contacts' };
  return { type: 'text' };
}

/** Contacts list → "张三（付款关键人）、李四". */
export function contactNames(v: unknown, keyPayerMark: string): string {
  if (!Array.isArray(v)) return '';
  return v
    .map((c) => (isPlainObject(c) ? `${String(c.name ?? '')}${c.isKeyPayer ? keyPayerMark : ''}` : ''))
    .filter(Boolean)
    .join('、');
}
