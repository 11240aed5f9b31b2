import { describe, expect, it } from 'vitest';
import { customerInput } from '../../shared/schemas/customer';
import { issuesOf } from '../../shared/validation';

const base = { code: 'C000001', name: '华盛贸易', kind: 'company', nature: 'ordinary_company' };
const problems = (v: unknown) => {
  const r = customerInput.safeParse(v);
  return r.success ? [] : issuesOf(r.error).map((i) => `${i.field}:${i.key}`);
};

describe('customer validation (shared by forms and IPC)', () => {
  it('accepts a minimal company and fills defaults', () => {
    const r = customerInput.parse(base);
    expect(r).toMatchObject({
      confidentiality: 'normal',
      paymentTermsDays: 30,
      creditLimit: 0,
      contacts: [],
      profile: {},
    });
  });
  it('names each bad field with an i18n key', () => {
    expect(problems({ ...base, code: '' })).toEqual(['code:required']);
    expect(problems({ ...base, code: 'C 1' })).toEqual(['code:invalid_code']);
    expect(problems({ ...base, name: '   ' })).toEqual(['name:required']);
    expect(problems({ ...base, email: 'a@b' })).toEqual(['email:invalid_email']);
    expect(problems({ ...base, phone: 'call me' })).toEqual(['phone:invalid_phone']);
    expect(problems({ ...base, creditLimit: 10.5 })).toEqual(['creditLimit:invalid_money']);
    expect(problems({ ...base, creditLimit: -100 })).toEqual(['creditLimit:must_not_be_negative']);
    expect(problems({ ...base, paymentTermsDays: 4000 })).toEqual(['paymentTermsDays:out_of_range']);
    expect(problems({ ...base, kind: 'robot' })).toEqual(['kind:invalid_option']);
    expect(problems({ ...base, profile: { founded_on: '2026-02-30' } })).toEqual(['profile.founded_on:invalid_date']);
    expect(problems({ ...base, profile: { org_form: 'mafia' } })).toEqual(['profile.org_form:invalid_option']);
    expect(problems({ ...base, profile: { shoe_size: '42' } })).toEqual(['profile:unknown_field']);
    expect(problems({ ...base, contacts: [{ name: '' }] })).toEqual(['contacts.0.name:required']);
  });
  it('treats empty optional text as absent', () => {
    expect(
      customerInput.parse({ ...base, email: '', phone: '', profile: { founded_on: '', legal_rep: '' } }),
    ).toMatchObject({ email: null, phone: null, profile: { founded_on: null, legal_rep: null } });
  });
});
