import { describe, expect, it } from 'vitest';
import {
  customerToForm,
  emptyFormValues,
  serverFieldPath,
  tabOfPath,
  validateForm,
  type CustomerFormValues,
} from '../../renderer/src/pages/customers/form/model';
import type { Customer } from '../../shared/types';

const base = (): CustomerFormValues => ({ ...emptyFormValues(), code: 'C000123', name: '华盛贸易有限公司' });

describe('customer form model', () => {
  it('accepts a minimal customer and parses money text to fen', () => {
    const r = validateForm({ ...base(), creditLimit: '1,234.56', profile: { registered_capital: '¥5,000,000' } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data.creditLimit).toBe(123456);
    expect(r.data.profile.registered_capital).toBe(500000000);
    expect(r.data.paymentTermsDays).toBe(30);
  });

  it('reports bad money on its own field and sends nothing', () => {
    const r = validateForm({ ...base(), creditLimit: '12.345', profile: { total_assets: 'abc' } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toContainEqual({ path: ['creditLimit'], key: 'invalid_money' });
    expect(r.issues).toContainEqual({ path: ['profile', 'total_assets'], key: 'invalid_money' });
  });

  it('maps zod issues to form paths with i18n keys', () => {
    const r = validateForm({ ...base(), code: '', email: 'nope', phone: 'abc', creditLimit: '-5' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toContainEqual({ path: ['code'], key: 'required' });
    expect(r.issues).toContainEqual({ path: ['email'], key: 'invalid_email' });
    expect(r.issues).toContainEqual({ path: ['phone'], key: 'invalid_phone' });
    expect(r.issues).toContainEqual({ path: ['creditLimit'], key: 'must_not_be_negative' });
  });

  it('allows at most one key payer and validates contacts by index', () => {
    const r = validateForm({
      ...base(),
      contacts: [
        { name: '张三', isKeyPayer: true },
        { name: '', isKeyPayer: true, email: 'x' },
      ],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toContainEqual({ path: ['contacts'], key: 'one_key_payer' });
    expect(r.issues).toContainEqual({ path: ['contacts', 1, 'name'], key: 'required' });
    expect(r.issues).toContainEqual({ path: ['contacts', 1, 'email'], key: 'invalid_email' });
  });

  it('drops individual-only facts for companies', () => {
    const r = validateForm({ ...base(), profile: { gender: 'male', industry: '纺织' } });
    expect(r.ok && r.data.profile).toEqual({ industry: '纺织' });
    const p = validateForm({ ...base(), kind: 'individual', nature: 'individual', profile: { gender: 'male' } });
    expect(p.ok && p.data.profile).toEqual({ gender: 'male' });
  });

  it('round-trips a stored customer through the form', () => {
    const c: Customer = {
      id: 7,
      code: 'C7',
      name: '客户七',
      kind: 'company',
      nature: 'government',
      lifecycle: 'active',
      prospectGrade: 'B',
      valueTier: null,
      creditRating: null,
      regionCode: 'R01',
      routeSeq: 10,
      confidentiality: 'secret',
      phone: '0571-1',
      creditLimit: 100000050,
      creditClass: null,
      address: '杭州',
      email: null,
      paymentTermsDays: 45,
      profile: { registered_capital: 12345, founded_on: '2020-01-02', org_form: 'llc' },
      openingReview: null,
      contacts: [
        {
          id: 3,
          name: '李四',
          title: null,
          phone: null,
          mobile: '13800000000',
          email: null,
          wechat: null,
          birthday: null,
          notes: null,
          buyingRole: 'purchaser',
          isKeyPayer: true,
        },
      ],
      createdAt: '',
      updatedAt: '',
      version: 2,
      readOnly: false,
    };
    const f = customerToForm(c);
    expect(f.creditLimit).toBe('1,000,000.50');
    expect(f.profile.registered_capital).toBe('123.45');
    const r = validateForm(f);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data.creditLimit).toBe(100000050);
    expect(r.data.profile).toEqual({ registered_capital: 12345, founded_on: '2020-01-02', org_form: 'llc' });
    expect(r.data.contacts[0]).toMatchObject({ id: 3, name: '李四', isKeyPayer: true, buyingRole: 'purchaser' });
  });

  it('turns server field names into paths and finds their tab', () => {
    expect(serverFieldPath('contacts.0.name')).toEqual(['contacts', 0, 'name']);
    expect(tabOfPath(['profile', 'gender'])).toBe('individual');
    expect(tabOfPath(['creditLimit'])).toBe('trade');
    expect(tabOfPath(['regionCode'])).toBe('classification');
    expect(tabOfPath(['code'])).toBe('basic');
  });
});
