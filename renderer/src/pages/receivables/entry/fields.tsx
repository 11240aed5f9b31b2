// Small form pieces shared by the entry forms: money rule, date conversion, customer facts.
import { useQuery } from '@tanstack/react-query';
import { Button, Form, Input, Tag } from 'antd';
import { DatePicker } from '../../../components/TypedDatePicker';
import type { Rule } from 'antd/es/form';
import dayjs, { type Dayjs } from 'dayjs';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../../api/client';
import { money, parseMoneyText, positiveAmountProblem } from '../../../format/money';
import { qk } from '../../../hooks/queries';
import { arKeys, CreditStatusTag, type CustomerOption } from '../common';
import type { CreditCheckOut } from '@shared/types-receivables';

export const DATE_FORMAT = 'YYYY-MM-DD';

export function iso(d: Dayjs | null | undefined): string | null {
  return d && d.isValid() ? d.format(DATE_FORMAT) : null;
}

export function day(s: string): Dayjs {
  return dayjs(s, DATE_FORMAT);
}

/** A money text rule: required or optional, must parse to a positive fen amount. */
export function moneyRule(t: TFunction, required: boolean): Rule {
  return {
    validator: async (_r, v: string | undefined) => {
      const problem = positiveAmountProblem(v, required);
      if (problem) throw new Error(t(`validation.${problem}`));
    },
  };
}

export function fenOf(v: string | undefined): number | null {
  const p = parseMoneyText(v);
  return p.ok ? p.fen : null;
}

export function useCustomerFacts(customer: CustomerOption | null) {
  const c = useQuery({
    queryKey: qk.customer(customer?.id ?? 0),
    queryFn: () => call('customers:get', { id: customer!.id }),
    enabled: !!customer,
  });
  const credit = useQuery({
    queryKey: arKeys.credit(customer?.id ?? 0),
    queryFn: () => call('credit:check', { customerId: customer!.id }),
    enabled: !!customer,
  });
  return { customer: c.data ?? null, credit: credit.data ?? null };
}

/** Under the customer: terms, limit, balance and credit status at a glance. */
/** `verdict`: the form's current verdict (e.g. the block for the amount typed); the tag never contradicts the panel below. */
export function CustomerFacts({
  customer,
  verdict,
}: {
  customer: CustomerOption | null;
  verdict?: CreditCheckOut['status'];
}) {
  const { t } = useTranslation();
  const f = useCustomerFacts(customer);
  if (!customer || !f.customer) return <div className="ar-hint">&nbsp;</div>;
  return (
    <div className="ar-customer-facts" data-testid="ar-customer-facts">
      <Tag>{t('ar.entry.paymentTerms', { days: f.customer.paymentTermsDays })}</Tag>
      <Tag>
        {t('ar.entry.creditLimit', {
          limit: f.customer.creditLimit ? money(f.customer.creditLimit) : t('ar.credit.noLimit'),
        })}
      </Tag>
      {f.credit && <Tag>{t('ar.entry.openBalance', { amount: money(f.credit.openReceivables) })}</Tag>}
      {(verdict || f.credit) && <CreditStatusTag status={verdict ?? f.credit!.status} />}
    </div>
  );
}

/** The save button and the keyboard hint under every entry form. */
export function SaveBar({
  onSave,
  pending,
  testId,
  danger,
  label,
}: {
  onSave: () => void;
  pending: boolean;
  testId: string;
  danger?: boolean;
  label?: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Button type="primary" data-nav onClick={onSave} loading={pending} data-testid={testId} danger={danger}>
        {label ?? t('ar.entry.save')}
      </Button>
      <span className="ar-hint" style={{ marginLeft: 12 }}>
        {t('ar.entry.hint')}
      </span>
    </>
  );
}

/** The amount field of every entry form: money text checked on blur, right-aligned digits. */
export function AmountItem({
  required = true,
  testId,
  placeholder,
  extra,
}: {
  required?: boolean;
  testId?: string;
  placeholder?: string;
  extra?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Form.Item
      name="amount"
      label={t('ar.entry.amount')}
      rules={[moneyRule(t, required)]}
      validateTrigger={['onBlur', 'onSubmit']}
      extra={extra}
    >
      <Input
        className="num"
        placeholder={placeholder ?? t('ar.entry.amountPlaceholder')}
        autoComplete="off"
        inputMode="decimal"
        data-testid={testId}
      />
    </Form.Item>
  );
}

/** A required date field (typed or picked, never cleared). */
export function EntryDateItem({ name = 'date', label, testId }: { name?: string; label?: string; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Form.Item
      name={name}
      label={label ?? t('ar.entry.date')}
      rules={[{ required: true, message: t('validation.required') }]}
    >
      <DatePicker
        format={DATE_FORMAT}
        style={{ width: '100%' }}
        needConfirm={false}
        allowClear={false}
        data-testid={testId}
      />
    </Form.Item>
  );
}
