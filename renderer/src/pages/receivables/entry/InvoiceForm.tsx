// 赊销单/发票 entry with the credit check before saving: ok → save; warn → show the reasons and
// confirm; block → an override reason is required and sent (main logs it).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input } from 'antd';
import { DatePicker } from '../../../components/TypedDatePicker';
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputOf } from '@shared/ipc/contract';
import type { CreditCheckOut } from '@shared/types-receivables';
import { ApiError, call } from '../../../api/client';
import { money } from '../../../format/money';
import { ApprovalFields, approvalErrorText } from '../../credit/ApprovalFields';
import {
  arErrorText,
  creditReasonText,
  CustomerPicker,
  errorField,
  invalidateAr,
  type CustomerOption,
} from '../common';
import {
  AmountItem,
  EntryDateItem,
  CustomerFacts,
  DATE_FORMAT,
  day,
  fenOf,
  iso,
  useCustomerFacts,
  SaveBar,
} from './fields';
import { focusFirst, useEnterNav } from './keyboard';
import type { Dayjs } from 'dayjs';
import { useFormLanguage } from '../../../hooks/useFormLanguage';

interface Values {
  number?: string;
  issueDate?: Dayjs | null;
  dueDate?: Dayjs | null;
  amount?: string;
  description?: string;
  overrideReason?: string;
  approverName?: string;
  approverPassword?: string;
}

export function InvoiceForm({ today }: { today: string }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  useFormLanguage(form);
  const box = useRef<HTMLDivElement>(null);
  const [customer, setCustomer] = useState<CustomerOption | null>(null);
  const [customerError, setCustomerError] = useState(false);
  const [blocked, setBlocked] = useState<CreditCheckOut | null>(null);
  const facts = useCustomerFacts(customer);
  const issueDate = Form.useWatch('issueDate', form);
  const terms = facts.customer?.paymentTermsDays ?? null;
  const defaultDue =
    terms !== null && issueDate && issueDate.isValid() ? issueDate.add(terms, 'day').format(DATE_FORMAT) : null;

  const save = useMutation({
    mutationFn: (input: InputOf<'invoices:create'>) => call('invoices:create', input),
    onSuccess: (res) => {
      invalidateAr(qc);
      void message.success(
        res.overridden
          ? `${t('ar.entry.saved', { number: res.invoice.number })} · ${t('ar.credit.overridden', { reason: res.overridden })}`
          : t('ar.entry.saved', { number: res.invoice.number }),
      );
      form.resetFields([
        'number',
        'dueDate',
        'amount',
        'description',
        'overrideReason',
        'approverName',
        'approverPassword',
      ]);
      setBlocked(null);
      setCustomer(null);
      focusFirst(box.current);
    },
    onError: (e) => {
      const f = errorField(e);
      if (e instanceof ApiError && e.code === 'FORBIDDEN' && customer) {
        // the credit position changed since the check: ask for the override now
        void call('credit:check', {
          customerId: customer.id,
          amount: fenOf(form.getFieldValue('amount')) ?? undefined,
        }).then(setBlocked);
      }
      const approvalField =
        f === 'approval.name' ? 'approverName' : f === 'approval.password' ? 'approverPassword' : null;
      if (approvalField)
        form.setFields([
          { name: 'approverName', errors: [] },
          { name: 'approverPassword', errors: [] },
          { name: approvalField, errors: [approvalErrorText(t, e)] },
        ]);
      else if (f && ['number', 'issueDate', 'dueDate', 'amount', 'description', 'overrideReason'].includes(f))
        form.setFields([{ name: f as keyof Values, errors: [arErrorText(t, e)] }]);
      else void message.error(arErrorText(t, e));
    },
  });

  const submit = useCallback(async () => {
    if (save.isPending) return;
    if (!customer) setCustomerError(true);
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    if (!customer) return;
    const amount = fenOf(v.amount) as number;
    const input = {
      customerId: customer.id,
      number: (v.number ?? '').trim(),
      issueDate: iso(v.issueDate) as string,
      dueDate: iso(v.dueDate),
      amount,
      description: v.description?.trim() || null,
    };
    const check = await call('credit:check', { customerId: customer.id, amount }).catch(() => null);
    if (check?.status === 'block') {
      const reason = v.overrideReason?.trim();
      if (!blocked || !reason) {
        setBlocked(check);
        if (blocked) form.setFields([{ name: 'overrideReason', errors: [t('ar.credit.overrideRequired')] }]);
        setTimeout(() => box.current?.querySelector<HTMLInputElement>('[data-testid="ar-override"]')?.focus(), 50);
        return;
      }
      // a credit manager approves the override in the same form (name + password; main checks and logs it)
      const name = v.approverName?.trim();
      save.mutate({
        ...input,
        overrideReason: reason,
        approval: name ? { name, password: v.approverPassword ?? '' } : null,
      });
      return;
    }
    setBlocked(null);
    if (check?.status === 'warn') {
      modal.confirm({
        title: t('ar.credit.warnConfirmTitle'),
        content: (
          <ul style={{ paddingInlineStart: 18, margin: 0 }} data-testid="ar-credit-warn">
            {check.reasons.map((r) => (
              <li key={r.code}>{creditReasonText(t, r, check)}</li>
            ))}
          </ul>
        ),
        okText: t('ar.entry.saveAnyway'),
        cancelText: t('common.cancel'),
        width: 520,
        onOk: () => save.mutate(input),
      });
      return;
    }
    save.mutate(input);
  }, [blocked, customer, form, modal, save, t]);

  const onKeyDown = useEnterNav(box, () => void submit());

  return (
    <div ref={box} onKeyDown={onKeyDown}>
      <Form form={form} layout="vertical" initialValues={{ issueDate: day(today) }} requiredMark={false}>
        <div className="ar-entry-grid">
          <Form.Item
            label={t('ar.entry.customer')}
            className="ar-wide"
            validateStatus={customerError ? 'error' : undefined}
            help={customerError ? t('ar.entry.needCustomer') : undefined}
          >
            <CustomerPicker
              value={customer}
              autoFocus
              testid="ar-customer"
              status={customerError ? 'error' : undefined}
              onChange={(c) => {
                setCustomer(c);
                setCustomerError(false);
                setBlocked(null);
              }}
            />
            <CustomerFacts customer={customer} verdict={blocked ? 'block' : undefined} />
            {customer?.lifecycle === 'prospect' && (
              <Alert
                type="warning"
                showIcon
                style={{ marginTop: 6 }}
                data-testid="ar-prospect-warning"
                title={t('polish.prospectInvoice', { code: customer.code })}
              />
            )}
          </Form.Item>
          <Form.Item
            name="number"
            label={t('ar.entry.number')}
            rules={[
              { required: true, whitespace: true, message: t('validation.required') },
              { max: 40, message: t('validation.too_long') },
            ]}
          >
            <Input data-testid="ar-number" maxLength={40} autoComplete="off" />
          </Form.Item>
          <EntryDateItem name="issueDate" label={t('ar.entry.issueDate')} testId="ar-issue-date" />
          <Form.Item
            name="dueDate"
            label={t('ar.entry.dueDate')}
            extra={
              <span data-testid="ar-due-default">
                {defaultDue && terms !== null
                  ? t('ar.entry.dueDefault', { days: terms, date: defaultDue })
                  : t('ar.entry.dueDefaultEmpty')}
              </span>
            }
          >
            <DatePicker
              format={DATE_FORMAT}
              style={{ width: '100%' }}
              needConfirm={false}
              placeholder={defaultDue ?? ''}
              data-testid="ar-due-date"
            />
          </Form.Item>
          <AmountItem testId="ar-amount" />
          <Form.Item
            name="description"
            label={t('ar.entry.description')}
            className="ar-wide"
            rules={[{ max: 500, message: t('validation.too_long') }]}
          >
            <Input maxLength={500} autoComplete="off" data-testid="ar-description" />
          </Form.Item>
        </div>
        {blocked && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 12 }}
            data-testid="ar-credit-block"
            title={t('ar.credit.block')}
            description={
              <div>
                <div>{t('ar.credit.blockIntro')}</div>
                <ul style={{ paddingInlineStart: 18, margin: '4px 0' }}>
                  {blocked.reasons.map((r) => (
                    <li key={r.code}>
                      [{t(`ar.credit.severity.${r.severity}`)}] {creditReasonText(t, r, blocked)}
                    </li>
                  ))}
                </ul>
                <div className="ar-hint">
                  {t('ar.credit.exposure')} {money(blocked.exposure)} · {t('ar.credit.limit')}{' '}
                  {blocked.limit === null ? t('ar.credit.noLimit') : money(blocked.limit)} · {t('ar.credit.available')}{' '}
                  {money(blocked.available)}
                </div>
              </div>
            }
          />
        )}
        {blocked && (
          <Form.Item
            name="overrideReason"
            label={t('ar.credit.overrideReason')}
            rules={[{ required: true, whitespace: true, message: t('ar.credit.overrideRequired') }, { max: 500 }]}
          >
            <Input data-testid="ar-override" maxLength={500} autoComplete="off" />
          </Form.Item>
        )}
        {blocked && <ApprovalFields />}
        <SaveBar
          onSave={() => void submit()}
          pending={save.isPending}
          testId="ar-save"
          danger={!!blocked}
          label={blocked ? t('ar.entry.saveAnyway') : t('ar.entry.save')}
        />
      </Form>
    </div>
  );
}
