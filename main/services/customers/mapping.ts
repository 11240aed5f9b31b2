// Row ↔ Customer conversions.
import type { Selectable } from 'kysely';
import type { ContactsTable, CustomersTable } from '../../db/schema';
import type { Contact, Customer, CustomerListRow } from '../../../shared/types';
import type { BuyingRole, Confidentiality, CustomerKind, Lifecycle, Nature } from '../../../shared/customer-fields';

export const LIST_COLUMNS = [
  'id',
  'code',
  'name',
  'kind',
  'nature',
  'lifecycle',
  'prospect_grade',
  'value_tier',
  'credit_rating',
  'credit_class',
  'region_code',
  'route_seq',
  'confidentiality',
  'phone',
  'credit_limit',
] as const;

type ListRow = Pick<Selectable<CustomersTable>, (typeof LIST_COLUMNS)[number]>;

export function toListRow(r: ListRow): CustomerListRow {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    kind: r.kind as CustomerKind,
    nature: r.nature as Nature,
    lifecycle: r.lifecycle as Lifecycle,
    prospectGrade: r.prospect_grade,
    valueTier: r.value_tier,
    creditRating: r.credit_rating,
    creditClass: r.credit_class,
    regionCode: r.region_code,
    routeSeq: r.route_seq,
    confidentiality: r.confidentiality as Confidentiality,
    phone: r.phone,
    creditLimit: r.credit_limit,
  };
}

export function toContact(c: Selectable<ContactsTable>): Contact {
  return {
    id: c.id,
    name: c.name,
    title: c.title,
    phone: c.phone,
    mobile: c.mobile,
    email: c.email,
    wechat: c.wechat,
    birthday: c.birthday,
    notes: c.notes,
    buyingRole: c.buying_role as BuyingRole | null,
    isKeyPayer: c.is_key_payer === 1,
  };
}

export function toCustomer(r: Selectable<CustomersTable>, contacts: Selectable<ContactsTable>[]): Customer {
  return {
    ...toListRow(r),
    creditClass: r.credit_class,
    address: r.address,
    email: r.email,
    paymentTermsDays: r.payment_terms_days,
    profile: JSON.parse(r.profile),
    openingReview: r.opening_review ? JSON.parse(r.opening_review) : null,
    contacts: contacts.map(toContact),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
    readOnly: r.lifecycle === 'terminated',
    valueTierOn: r.value_tier_on ?? null,
  };
}

/** The audited view of a customer: what a person would want to see changed. */
export function auditView(c: Customer): Record<string, unknown> {
  const { contacts, createdAt: _c, updatedAt: _u, version: _v, readOnly: _r, id: _id, valueTierOn: _vt, ...rest } = c;
  return { ...rest, contacts: contacts.map(({ id: _cid, ...x }) => x) };
}
