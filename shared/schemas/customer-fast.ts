// customerInput's parse of a plain, valid customer, without zod: an import of 100,000 rows spent
// a sixth of its time in zod's object walk. customerInputFast returns exactly what
// customerInput.safeParse(candidate).data is (same keys in the same order, same values) when it
// can tell the candidate is valid, and null whenever it cannot (anything invalid, contacts, an
// unexpected type): the caller then parses with zod, which also gives the messages. The rules are
// those of customer.ts, repeated here; test/unit/customer-fast.test.ts checks them against zod.
import { CONFIDENTIALITY, CUSTOMER_KINDS, NATURES, PROSPECT_GRADES } from '../customer-fields';
import { CODE_PATTERN, EMAIL_PATTERN, PHONE_PATTERN, profileSchema, type CustomerInputParsed } from './customer';

/** What an import row gives customerInput (customers/import-row.ts). */
export interface CustomerCandidate {
  code: unknown;
  name: unknown;
  kind: unknown;
  nature: unknown;
  prospectGrade: unknown;
  regionCode: unknown;
  routeSeq: unknown;
  confidentiality: unknown;
  address: unknown;
  phone: unknown;
  email: unknown;
  paymentTermsDays: unknown;
  creditLimit: unknown;
  profile: unknown;
  contacts: unknown;
}

const KINDS = new Set<unknown>(CUSTOMER_KINDS);
const NATURE_SET = new Set<unknown>(NATURES);
const GRADES = new Set<unknown>(PROSPECT_GRADES);
const CONFIDENTIALITY_SET = new Set<unknown>(CONFIDENTIALITY);

/** Stands for "not valid here: ask zod" (undefined and null are values). */
const NO = Symbol('no');

/** z.string().trim().max(max) [.regex(pattern)] .transform('' → null).nullable().optional() */
function optionalText(v: unknown, max: number, pattern?: RegExp): string | null | undefined | typeof NO {
  if (v === undefined || v === null) return v;
  if (typeof v !== 'string') return NO;
  const t = v.trim();
  if (t.length > max || (pattern && !pattern.test(t))) return NO;
  return t === '' ? null : t;
}

/** z.string().trim().min(1).max(max) */
function requiredText(v: unknown, max: number): string | typeof NO {
  if (typeof v !== 'string') return NO;
  const t = v.trim();
  return t.length >= 1 && t.length <= max ? t : NO;
}

/** A whole number in [min, max] (z.number().int().min().max()), its default for undefined. */
function wholeNumber(v: unknown, min: number, max: number): number | typeof NO {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= min && v <= max ? v : NO;
}

function profileOf(v: unknown): Record<string, unknown> | typeof NO {
  if (v === undefined) return {};
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return NO;
  for (const _ in v) {
    const parsed = profileSchema.safeParse(v); // a profile cell or more: the schema's own parse
    return parsed.success ? parsed.data : NO;
  }
  return Object.getPrototypeOf(v) === Object.prototype ? {} : NO;
}

/** customerInput.safeParse(c).data for a candidate it can vouch for; null: parse with zod. */
export function customerInputFast(c: CustomerCandidate): CustomerInputParsed | null {
  if (!Array.isArray(c.contacts) || c.contacts.length !== 0) return null;
  const code = requiredText(c.code, 32);
  if (code === NO || !CODE_PATTERN.test(code)) return null;
  const name = requiredText(c.name, 100);
  if (name === NO || !KINDS.has(c.kind) || !NATURE_SET.has(c.nature)) return null;
  const grade = c.prospectGrade;
  if (grade !== undefined && grade !== null && !GRADES.has(grade)) return null;
  const regionCode = optionalText(c.regionCode, 20);
  const routeSeq = c.routeSeq === undefined || c.routeSeq === null ? c.routeSeq : wholeNumber(c.routeSeq, 0, 999999);
  const confidentiality = c.confidentiality === undefined ? 'normal' : c.confidentiality;
  if (regionCode === NO || routeSeq === NO || !CONFIDENTIALITY_SET.has(confidentiality)) return null;
  const address = optionalText(c.address, 200);
  const phone = optionalText(c.phone, 40, PHONE_PATTERN);
  const email = optionalText(c.email, 120, EMAIL_PATTERN);
  if (address === NO || phone === NO || email === NO) return null;
  const terms = c.paymentTermsDays === undefined ? 30 : wholeNumber(c.paymentTermsDays, 0, 3650);
  const limit = c.creditLimit === undefined ? 0 : wholeNumber(c.creditLimit, 0, Number.MAX_SAFE_INTEGER);
  if (terms === NO || limit === NO) return null;
  const profile = profileOf(c.profile);
  if (profile === NO) return null;
  return {
    code,
    name,
    kind: c.kind as CustomerInputParsed['kind'],
    nature: c.nature as CustomerInputParsed['nature'],
    prospectGrade: grade as CustomerInputParsed['prospectGrade'],
    regionCode,
    routeSeq,
    confidentiality: confidentiality as CustomerInputParsed['confidentiality'],
    address,
    phone,
    email,
    paymentTermsDays: terms,
    creditLimit: limit,
    profile,
    contacts: [],
  };
}
