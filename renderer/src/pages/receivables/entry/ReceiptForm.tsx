// 收款 entry: method, reference, optional named invoice. After saving, the allocations the
// payment-application rule made and any unapplied credit stay on screen.
import { Form, Input, Select, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { RECEIPT_METHODS, type ReceiptCreated, type ReceiptMethod } from '@shared/types-receivables';
import { call } from '../../../api/client';
import { money } from '../../../format/money';
import { useLang } from '../../../hooks/useLang';
import { formatDate } from '../../../format/date';
import { Amount, useOpenInvoices, type CustomerOption } from '../common';
import { AmountItem, EntryDateItem, day, fenOf, iso, SaveBar } from './fields';
import { useEntry } from './useEntry';

interface Values {
  date?: Dayjs | null;
  amount?: string;
  method?: ReceiptMethod;
  reference?: string;
  number?: string;
  invoiceId?: number | null;
}

export function ReceiptForm({ today }: { today: string }) {
  const [last, setLast] = useState<{ customer: CustomerOption; res: ReceiptCreated } | null>(null);
  const e = useEntry({
    fields: ['date', 'amount', 'method', 'reference', 'number', 'invoiceId'],
    keep: ['date', 'method'],
    run: (c, v) => call('receipts:create', toInput(v as Values, c.id)),
    done: (res, customer) => {
      setLast({ customer, res });
      void e.message.success(
        e.t('ar.entry.saved', { number: res.receipt.number ?? res.receipt.reference ?? money(res.receipt.amount) }),
      );
    },
  });
  const { t, form, customer } = e;
  const open = useOpenInvoices(customer?.id ?? null);

  return (
    <div ref={e.box} onKeyDown={e.onKeyDown}>
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ date: day(today), method: 'bank_transfer' }}
      >
        <div className="ar-entry-grid">
          {e.picker('ar-receipt-customer', () => form.setFieldValue('invoiceId', null))}
          <EntryDateItem testId="ar-receipt-date" />
          <AmountItem testId="ar-receipt-amount" />
          <Form.Item name="method" label={t('ar.entry.method')}>
            <Select
              data-testid="ar-receipt-method"
              options={RECEIPT_METHODS.map((m) => ({ value: m, label: t(`ar.method.${m}`) }))}
            />
          </Form.Item>
          <Form.Item
            name="reference"
            label={t('ar.entry.reference')}
            rules={[{ max: 100, message: t('validation.too_long') }]}
          >
            <Input maxLength={100} autoComplete="off" data-testid="ar-receipt-reference" />
          </Form.Item>
          <Form.Item
            name="number"
            label={t('ar.entry.receiptNumber')}
            rules={[{ max: 40, message: t('validation.too_long') }]}
          >
            <Input
              maxLength={40}
              autoComplete="off"
              placeholder={t('common.optional')}
              data-testid="ar-receipt-number"
            />
          </Form.Item>
          <Form.Item
            name="invoiceId"
            label={t('ar.entry.namedInvoice')}
            className="ar-wide"
            extra={t('ar.entry.namedInvoiceHint')}
          >
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              disabled={!customer}
              loading={open.isFetching}
              placeholder={t('ar.entry.invoicePlaceholder')}
              data-testid="ar-receipt-invoice"
              options={(open.data?.rows ?? []).map((i) => ({
                value: i.id,
                label: t('ar.entry.openInvoiceOption', { number: i.number, due: i.dueDate, open: money(i.open) }),
              }))}
            />
          </Form.Item>
        </div>
        <SaveBar onSave={() => void e.submit()} pending={e.save.isPending} testId="ar-receipt-save" />
      </Form>
      {last && <ReceiptResult last={last} />}
    </div>
  );
}

function toInput(v: Values, customerId: number) {
  return {
    customerId,
    date: iso(v.date) as string,
    amount: fenOf(v.amount) as number,
    method: v.method ?? 'bank_transfer',
    reference: v.reference?.trim() || null,
    number: v.number?.trim() || null,
    invoiceId: v.invoiceId ?? null,
  };
}

/** The receipt just saved and how it was applied; `extra` heads the box (a recovery's summary). */
export function ReceiptResult({
  last,
  extra,
}: {
  last: { customer: CustomerOption; res: ReceiptCreated };
  extra?: ReactNode;
}) {
  const { t } = useTranslation();
  const [lang] = useLang();
  const { receipt, allocations } = last.res;
  return (
    <div className="ar-result" style={{ marginTop: 16 }} data-testid="ar-receipt-result">
      {extra}
      <div style={{ marginBottom: 8 }}>
        <b>{t('ar.entry.lastReceipt', { amount: money(receipt.amount) })}</b> ·{' '}
        <span className="code">{last.customer.code}</span> {last.customer.name} · {formatDate(receipt.date, lang)} ·{' '}
        {t(`ar.method.${receipt.method}`)}
      </div>
      {allocations.length > 0 ? (
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          data-testid="ar-receipt-allocations"
          dataSource={allocations}
          columns={[
            {
              title: t('ar.ledger.invoice'),
              dataIndex: 'invoiceNumber',
              render: (v: string) => <span className="code">{v}</span>,
            },
            {
              title: t('ar.ledger.amount'),
              dataIndex: 'amount',
              align: 'right',
              render: (v: number) => <Amount fen={v} />,
            },
          ]}
          style={{ maxWidth: 480 }}
        />
      ) : (
        <div>{t('ar.entry.noAllocations')}</div>
      )}
      <div style={{ marginTop: 8 }} data-testid="ar-receipt-unapplied">
        {receipt.unapplied > 0 ? (
          <b className="ar-neg">{t('ar.entry.unappliedLeft', { amount: money(receipt.unapplied) })}</b>
        ) : (
          t('ar.entry.allApplied')
        )}
      </div>
    </div>
  );
}
