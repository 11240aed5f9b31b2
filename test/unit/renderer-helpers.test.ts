import { describe, expect, it } from 'vitest';
import {
  BUYING_ROLES,
  CONFIDENTIALITY,
  CUSTOMER_KINDS,
  GENDERS,
  LIFECYCLES,
  NATURES,
  ORG_FORMS,
  PROFILE_FIELDS,
} from '../../shared/customer-fields';
import { contactNames, fieldChanges, valueKind } from '../../renderer/src/format/history';
import { moneyText, parseMoneyText } from '../../renderer/src/format/money';
import { recogniseMessage } from '../../renderer/src/format/server-messages';
import { en } from '../../renderer/src/i18n/en';
import { zhCN } from '../../renderer/src/i18n/zh-CN';
import { pagesFor } from '../../renderer/src/pages/customers/list/paging';

describe('history shaping', () => {
  it('lists changed fields and flattens profile', () => {
    const changes = fieldChanges(
      { phone: '1', creditLimit: 100, profile: { industry: 'a', scale: 'b' }, name: 'x' },
      { phone: '2', creditLimit: 100, profile: { industry: 'c', scale: 'b' }, name: 'x' },
    );
    expect(changes).toEqual([
      { path: ['phone'], before: '1', after: '2' },
      { path: ['profile', 'industry'], before: 'a', after: 'c' },
    ]);
  });
  it('treats a missing before as a creation', () => {
    expect(fieldChanges(null, { lifecycle: 'active' })).toEqual([
      { path: ['lifecycle'], before: null, after: 'active' },
    ]);
  });
  it('knows how to show values', () => {
    expect(valueKind(['creditLimit'])).toEqual({ type: 'money' });
    expect(valueKind(['profile', 'registered_capital'])).toEqual({ type: 'money' });
    expect(valueKind(['profile', 'founded_on'])).toEqual({ type: 'date' });
    expect(valueKind(['lifecycle'])).toEqual({ type: 'enum', ns: 'lifecycle' });
    expect(contactNames([{ name: '甲', isKeyPayer: true }, { name: '乙' }], '*')).toBe('甲*、乙');
  });
});

describe('money text', () => {
  it('parses exactly and refuses floats', () => {
    expect(parseMoneyText('1,234.56')).toEqual({ ok: true, fen: 123456 });
    expect(parseMoneyText('')).toEqual({ ok: true, fen: null });
    expect(parseMoneyText('1.005')).toEqual({ ok: false, key: 'invalid_money' });
    expect(moneyText(123456)).toBe('1,234.56');
  });
});

describe('paging', () => {
  it('covers the visible rows with whole pages', () => {
    expect(pagesFor(0, 30)).toEqual([0]);
    expect(pagesFor(190, 230)).toEqual([0, 1]);
    expect(pagesFor(99_990, 99_999)).toEqual([499]);
    expect(pagesFor(5, -1)).toEqual([]);
  });
});

describe('server messages', () => {
  it('recognises import row messages', () => {
    expect(recogniseMessage('is required')).toEqual({ key: 'validation.required' });
    expect(recogniseMessage('invalid_email')).toEqual({ key: 'validation.invalid_email' });
    expect(recogniseMessage('"abc" is not an amount')).toEqual({
      key: 'serverMsg.not_amount',
      values: { value: 'abc' },
    });
    expect(recogniseMessage('duplicate code C1 (also in row 4)')).toEqual({
      key: 'serverMsg.duplicate_code_in_file',
      values: { code: 'C1', row: '4' },
    });
    expect(recogniseMessage('unknown customer C9')).toEqual({
      key: 'serverMsg.unknown_customer',
      values: { code: 'C9' },
    });
    expect(recogniseMessage('"2026-02-30" is not a date YYYY-MM-DD')).toEqual({
      key: 'serverMsg.not_a_date',
      values: { value: '2026-02-30' },
    });
    expect(recogniseMessage('duplicate invoice number INV-1 (also in row 2)')).toEqual({
      key: 'serverMsg.duplicate_invoice_in_file',
      values: { number: 'INV-1', row: '2' },
    });
    expect(recogniseMessage('invoice INV-7 belongs to another customer, not C2')).toEqual({
      key: 'serverMsg.invoice_other_customer',
      values: { number: 'INV-7', code: 'C2' },
    });
    expect(recogniseMessage('is too long (at most 40 characters)')).toEqual({
      key: 'serverMsg.too_long_at_most',
      values: { max: '40' },
    });
    expect(recogniseMessage('something new')).toBeNull();
  });
});

describe('i18n catalogues', () => {
  function keys(o: object, prefix = ''): string[] {
    return Object.entries(o).flatMap(([k, v]) =>
      typeof v === 'string' ? [prefix + k] : keys(v as object, `${prefix}${k}.`),
    );
  }
  it('zh-CN and en have the same keys', () => {
    expect(keys(en).sort()).toEqual(keys(zhCN).sort());
  });
  it('label every enum value, profile field and group', () => {
    for (const cat of [zhCN, en]) {
      for (const k of CUSTOMER_KINDS) expect(cat.enums.kind[k]).toBeTruthy();
      for (const k of NATURES) expect(cat.enums.nature[k]).toBeTruthy();
      for (const k of LIFECYCLES) expect(cat.enums.lifecycle[k]).toBeTruthy();
      for (const k of CONFIDENTIALITY) expect(cat.enums.confidentiality[k]).toBeTruthy();
      for (const k of BUYING_ROLES) expect(cat.enums.buyingRole[k]).toBeTruthy();
      for (const k of ORG_FORMS) expect(cat.enums.org_form[k]).toBeTruthy();
      for (const k of GENDERS) expect(cat.enums.gender[k]).toBeTruthy();
      const fields = cat.field as Record<string, string>;
      const groups = cat.group as Record<string, string>;
      for (const f of PROFILE_FIELDS) {
        expect(fields[f.key], f.key).toBeTruthy();
        expect(groups[f.group], f.group).toBeTruthy();
      }
      for (const v of [
        'required',
        'too_long',
        'invalid_email',
        'invalid_phone',
        'invalid_code',
        'invalid_date',
        'invalid_money',
        'out_of_range',
        'one_key_payer',
        'must_not_be_negative',
        'invalid_number',
        'invalid_option',
      ]) {
        expect((cat.validation as Record<string, string>)[v], v).toBeTruthy();
      }
    }
  });
});
