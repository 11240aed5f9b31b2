// The customer form's values ↔ the IPC input, validated with the SAME zod schema main uses.
// Pure (no React, no i18n) so it is unit tested (test/unit/renderer-customer-form.test.ts).
import type { BuyingRole, Confidentiality, CustomerKind, Nature } from '@shared/customer-fields';
import { PROFILE_FIELDS } from '@shared/customer-fields';
import { customerInput, type CustomerInput, type CustomerInputParsed } from '@shared/schemas/customer';
import type { Customer } from '@shared/types';
import { moneyText, parseMoneyText } from '../../../format/money';

export interface ContactFormValues {
  id?: number;
  name: string;
  title?: string | null;
  phone?: string | null;
  mobile?: string | null;
  email?: string | null;
  wechat?: string | null;
  birthday?: string | null;
  notes?: string | null;
  buyingRole?: BuyingRole | null;
  isKeyPayer?: boolean;
}

export interface CustomerFormValues {
  code: string;
  name: string;
  kind: CustomerKind;
  nature: Nature;
  prospectGrade?: string | null;
  regionCode?: string | null;
  routeSeq?: number | null;
  confidentiality: Confidentiality;
  address?: string | null;
  phone?: string | null;
  email?: string | null;
  paymentTermsDays?: number | null;
  /** money as typed: "1,234.56" */
  creditLimit?: string;
  /** text, select and date fields as strings; money fields as typed text */
  profile: Record<string, string | null | undefined>;
  contacts: ContactFormValues[];
}

export type FieldPath = (string | number)[];

export interface FormIssue {
  path: FieldPath;
  /** validation.* i18n key */
  key: string;
}

const MONEY_FIELDS = PROFILE_FIELDS.filter((f) => f.type === 'money').map((f) => f.key);
const INDIVIDUAL_FIELDS = new Set(PROFILE_FIELDS.filter((f) => f.group === 'individual').map((f) => f.key));

export function emptyFormValues(): CustomerFormValues {
  return {
    code: '',
    name: '',
    kind: 'company',
    nature: 'ordinary_company',
    prospectGrade: null,
    regionCode: null,
    routeSeq: null,
    confidentiality: 'normal',
    address: '',
    phone: '',
    email: '',
    paymentTermsDays: 30,
    creditLimit: '',
    profile: {},
    contacts: [],
  };
}

export function customerToForm(c: Customer): CustomerFormValues {
  const profile: Record<string, string | null> = {};
  for (const f of PROFILE_FIELDS) {
    const v = c.profile[f.key];
    if (v === undefined || v === null) continue;
    profile[f.key] = f.type === 'money' && typeof v === 'number' ? moneyText(v) : String(v);
  }
  return {
    code: c.code,
    name: c.name,
    kind: c.kind,
    nature: c.nature,
    prospectGrade: c.prospectGrade,
    regionCode: c.regionCode,
    routeSeq: c.routeSeq,
    confidentiality: c.confidentiality,
    address: c.address ?? '',
    phone: c.phone ?? '',
    email: c.email ?? '',
    paymentTermsDays: c.paymentTermsDays,
    creditLimit: moneyText(c.creditLimit),
    profile,
    contacts: c.contacts.map((x) => ({
      id: x.id,
      name: x.name,
      title: x.title,
      phone: x.phone,
      mobile: x.mobile,
      email: x.email,
      wechat: x.wechat,
      birthday: x.birthday,
      notes: x.notes,
      buyingRole: x.buyingRole,
      isKeyPayer: x.isKeyPayer,
    })),
  };
}

/** Form values → IPC input. Money text is parsed here; bad money becomes an issue, not a value. */
export function formToInput(v: CustomerFormValues): { input: CustomerInput; issues: FormIssue[] } {
  const issues: FormIssue[] = [];
  const profile: Record<string, unknown> = {};
  for (const f of PROFILE_FIELDS) {
    if (v.kind !== 'individual' && INDIVIDUAL_FIELDS.has(f.key)) continue; // individual-only facts
    const raw = v.profile?.[f.key];
    if (raw === undefined) continue;
    if (MONEY_FIELDS.includes(f.key)) {
      const m = parseMoneyText(raw);
      if (m.ok) profile[f.key] = m.fen;
      else issues.push({ path: ['profile', f.key], key: m.key });
    } else {
      profile[f.key] = raw;
    }
  }
  let creditLimit: number | undefined;
  const cl = parseMoneyText(v.creditLimit);
  if (!cl.ok) issues.push({ path: ['creditLimit'], key: cl.key });
  else creditLimit = cl.fen ?? 0;
  if (v.paymentTermsDays === null || v.paymentTermsDays === undefined)
    issues.push({ path: ['paymentTermsDays'], key: 'required' });

  const input: CustomerInput = {
    code: v.code ?? '',
    name: v.name ?? '',
    kind: v.kind,
    nature: v.nature,
    prospectGrade: (v.prospectGrade || null) as CustomerInput['prospectGrade'],
    regionCode: v.regionCode || null,
    routeSeq: v.routeSeq ?? null,
    confidentiality: v.confidentiality,
    address: v.address ?? null,
    phone: v.phone ?? null,
    email: v.email ?? null,
    paymentTermsDays: v.paymentTermsDays ?? undefined,
    creditLimit,
    profile,
    contacts: (v.contacts ?? []).map((c) => ({
      ...(c.id ? { id: c.id } : {}),
      name: c.name ?? '',
      title: c.title ?? null,
      phone: c.phone ?? null,
      mobile: c.mobile ?? null,
      email: c.email ?? null,
      wechat: c.wechat ?? null,
      birthday: c.birthday || null,
      notes: c.notes ?? null,
      buyingRole: c.buyingRole ?? null,
      isKeyPayer: !!c.isKeyPayer,
    })),
  };
  return { input, issues };
}

function issueKey(message: string): string {
  return /^[a-z_]+$/.test(message) ? message : 'invalid';
}

export type Validated =
  { ok: true; data: CustomerInputParsed; input: CustomerInput } | { ok: false; issues: FormIssue[] };

/** Full validation: money parsing + customerInput.safeParse. Nothing invalid leaves this. */
export function validateForm(v: CustomerFormValues): Validated {
  const { input, issues } = formToInput(v);
  const parsed = customerInput.safeParse(input);
  const all = [...issues];
  if (!parsed.success) {
    for (const i of parsed.error.issues) {
      const path = i.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
      // money fields already reported by the parser above; skip zod's echo of the same field
      if (all.some((x) => samePath(x.path, path))) continue;
      all.push({ path, key: issueKey(i.message) });
    }
  }
  if (all.length > 0 || !parsed.success) return { ok: false, issues: all };
  return { ok: true, data: parsed.data, input };
}

export function samePath(a: FieldPath, b: FieldPath): boolean {
  return a.length === b.length && a.every((x, i) => String(x) === String(b[i]));
}

/** Server field names ("contacts.0.name", "code") → form paths. */
export function serverFieldPath(field: string): FieldPath {
  return field.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** Which form tab holds a field, so a failed submit can show the first error. */
export function tabOfPath(path: FieldPath): string {
  const [head, sub] = path;
  if (head === 'contacts') return 'contacts';
  if (head === 'profile') {
    const f = PROFILE_FIELDS.find((x) => x.key === sub);
    return f ? f.group : 'basic';
  }
  if (head === 'prospectGrade' || head === 'regionCode' || head === 'routeSeq' || head === 'confidentiality')
    return 'classification';
  if (head === 'paymentTermsDays' || head === 'creditLimit') return 'trade';
  return 'basic';
}
