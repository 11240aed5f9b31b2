// One row of a customer import file → the validated customer input, every problem of the row
// collected as a RowError naming the row and the file's column. A row is checked by
// customerInputFast first (most rows of a large file are plain and valid: zod's parse of each was
// a sixth of a 100,000-row import) and by the zod schema whenever that cannot vouch for it, so
// every refusal and its message come from the schema as before.
import type { RowError } from '../../../shared/result';
import { CHINESE_VALUES, LIFECYCLES, PROFILE_FIELDS, PROFILE_KEYS } from '../../../shared/customer-fields';
import { customerInput, type CustomerInputParsed } from '../../../shared/schemas/customer';
import { customerInputFast } from '../../../shared/schemas/customer-fast';
import { MoneyParseError, parseMoney } from '../../../shared/money';
import { describeIssue, issuesOf } from '../../../shared/validation';

const MONEY_PROFILE = new Set(PROFILE_FIELDS.filter((f) => f.type === 'money').map((f) => f.key));
const SELECT_PROFILE = new Map(PROFILE_FIELDS.filter((f) => f.type === 'select').map((f) => [f.key, f]));
const CAMEL: Record<string, string> = {
  region: 'regionCode',
  payment_terms_days: 'paymentTermsDays',
  credit_limit: 'creditLimit',
  prospect_grade: 'prospectGrade',
  route_seq: 'routeSeq',
};

export interface ParsedRow {
  row: number;
  input: CustomerInputParsed;
  lifecycle: string | null;
}

function enumValue(field: string, v: string): string {
  return CHINESE_VALUES[field]?.[v] ?? v.toLowerCase();
}

/** One file row → customer input (`v`: the cells of the file's columns by key), collecting every problem as a RowError. */
export function parseRow(row: number, v: Record<string, string>, errors: RowError[]): ParsedRow | null {
  const before = errors.length;
  const bad = (field: string, message: string) => errors.push({ row, field, message });

  const num = (key: string): number | undefined => {
    if (!v[key]) return undefined;
    if (!/^-?\d+$/.test(v[key])) {
      bad(key, `"${v[key]}" is not a whole number`);
      return undefined;
    }
    return Number(v[key]);
  };
  const money = (key: string): number | undefined => {
    if (!v[key]) return undefined;
    try {
      return parseMoney(v[key]);
    } catch (e) {
      bad(key, e instanceof MoneyParseError ? e.message : String(e));
      return undefined;
    }
  };

  const profile: Record<string, unknown> = {};
  for (const k of PROFILE_KEYS) {
    if (!(k in v) || v[k] === '') continue;
    if (MONEY_PROFILE.has(k)) profile[k] = money(k);
    else if (SELECT_PROFILE.has(k)) profile[k] = v[k].toLowerCase();
    else profile[k] = v[k];
  }
  const kind = v.kind ? enumValue('kind', v.kind) : '';
  const candidate = {
    code: v.code ?? '',
    name: v.name ?? '',
    kind,
    nature: v.nature ? enumValue('nature', v.nature) : kind === 'individual' ? 'individual' : 'ordinary_company',
    prospectGrade: v.prospect_grade ? v.prospect_grade.toUpperCase() : null,
    regionCode: v.region || null,
    routeSeq: num('route_seq') ?? null,
    confidentiality: v.confidentiality ? enumValue('confidentiality', v.confidentiality) : 'normal',
    address: v.address,
    phone: v.phone,
    email: v.email,
    paymentTermsDays: num('payment_terms_days') ?? 30,
    creditLimit: money('credit_limit') ?? 0,
    profile,
    contacts: [],
  };
  const lifecycle = v.lifecycle ? enumValue('lifecycle', v.lifecycle) : null;
  if (lifecycle && !(LIFECYCLES as readonly string[]).includes(lifecycle))
    bad('lifecycle', `"${v.lifecycle}" is not one of ${LIFECYCLES.join(', ')}`);
  if (errors.length === before) {
    const fast = customerInputFast(candidate);
    if (fast) return { row, input: fast, lifecycle };
  }
  const parsed = customerInput.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of issuesOf(parsed.error)) {
      const [head, sub] = issue.field.split('.');
      const field = head === 'profile' ? sub : (Object.entries(CAMEL).find(([, c]) => c === head)?.[0] ?? head);
      if (errors.some((e) => e.row === row && e.field === field)) continue; // already explained
      bad(field, describeIssue({ ...issue, field }).slice(field.length + 2));
    }
  }
  if (errors.length > before || !parsed.success) return null;
  return { row, input: parsed.data, lifecycle };
}
