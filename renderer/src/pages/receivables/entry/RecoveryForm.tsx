// 坏账收回: a written-off debt is paid after all. Customer, then one of its write-offs with
// something still written off; the amount reverses the write-off and is entered as a receipt
// naming the invoice (write-offs:recover). Used on the entry page and from the customer ledger.
import { useQuery } from '@tanstack/react-query';
import { Form, Input, Select } from 'antd';
import { useState } from 'react';
import { RECEIPT_METHODS, type ReceiptCreated, type ReceiptMethod, type WriteOffRow } from '@shared/types-receivables';
import { call } from '../../../api/client';
import { money } from '../../../format/money';
import { arKeys, type CustomerOption } from '../common';
import { AmountItem, EntryDateItem, day, fenOf, iso, SaveBar } from './fields';
import { ReceiptResult } from './ReceiptForm';
import { useEntry } from './useEntry';

/** What can still be recovered: the amount written off less what came back (nothing once void). */
export function recoverable(w: WriteOffRow): number {
  return w.voidedAt ? 0 : w.amount - w.recovered;
}

interface Saved {
  customer: CustomerOption;
  writeOff: WriteOffRow;
  receipt: ReceiptCreated;
}

export function RecoveryForm({
  today,
  customer: start,
  writeOffId,
  onSaved,
}: {
  today: string;
  customer?: CustomerOption;
  writeOffId?: number;
  onSaved?: () => void;
}) {
  const [last, setLast] = useState<Saved | null>(null);
  const e = useEntry({
    fields: ['writeOffId', 'date', 'amount', 'method', 'reference', 'note'],
    keep: ['date', 'method'],
    customer: start,
    run: (_c, v) =>
      call('write-offs:recover', {
        writeOffId: v.writeOffId as number,
        date: iso(v.date) as string,
        amount: fenOf(v.amount) as number,
        method: (v.method as ReceiptMethod | undefined) ?? 'bank_transfer',
        reference: String(v.reference ?? '').trim() || null,
        note: String(v.note ?? '').trim() || null,
      }),
    done: (r, customer) => {
      setLast({ customer, ...r });
      void e.message.success(
        e.t('ar.recovery.saved', { number: r.writeOff.invoiceNumber, amount: money(r.receipt.receipt.amount) }),
      );
      onSaved?.();
    },
  });
  const { t, form, customer } = e;
  // the customer's write-offs come with its ledger (same query as the customer card)
  const ledger = useQuery({
    queryKey: arKeys.ledger(customer?.id ?? 0),
    queryFn: () => call('ledger:customer', { customerId: customer!.id }),
    enabled: !!customer,
  });
  const open = (ledger.data?.writeOffs ?? []).filter((w) => recoverable(w) > 0);
  const chosenId = Form.useWatch('writeOffId', form) as number | undefined;
  const chosen = open.find((w) => w.id === chosenId);
  return (
    <div ref={e.box} onKeyDown={e.onKeyDown}>
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ date: day(today), method: 'bank_transfer', writeOffId }}
      >
        <div className="ar-entry-grid">
          {e.picker('ar-rec-customer', () => form.setFieldValue('writeOffId', undefined))}
          <Form.Item
            name="writeOffId"
            label={t('ar.recovery.writeOff')}
            className="ar-wide"
            rules={[{ required: true, message: t('validation.required') }]}
            extra={t('ar.recovery.explain')}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              disabled={!customer}
              loading={ledger.isFetching}
              placeholder={t('ar.recovery.writeOffPlaceholder')}
              notFoundContent={t('ar.recovery.noWriteOffs')}
              data-testid="ar-rec-writeoff"
              options={open.map((w) => ({
                value: w.id,
                label: t('ar.recovery.writeOffOption', {
                  number: w.invoiceNumber,
                  date: w.date,
                  amount: money(w.amount),
                  left: money(recoverable(w)),
                }),
              }))}
            />
          </Form.Item>
          <EntryDateItem testId="ar-rec-date" />
          <AmountItem
            testId="ar-rec-amount"
            placeholder={chosen ? money(recoverable(chosen)) : t('ar.entry.amountPlaceholder')}
            extra={chosen ? t('ar.recovery.amountHint', { left: money(recoverable(chosen)) }) : undefined}
          />
          <Form.Item name="method" label={t('ar.entry.method')}>
            <Select
              data-testid="ar-rec-method"
              options={RECEIPT_METHODS.map((m) => ({ value: m, label: t(`ar.method.${m}`) }))}
            />
          </Form.Item>
          <Form.Item
            name="reference"
            label={t('ar.entry.reference')}
            rules={[{ max: 100, message: t('validation.too_long') }]}
          >
            <Input maxLength={100} autoComplete="off" data-testid="ar-rec-reference" />
          </Form.Item>
          <Form.Item
            name="note"
            label={t('ar.recovery.note')}
            className="ar-wide"
            rules={[{ max: 500, message: t('validation.too_long') }]}
          >
            <Input
              maxLength={500}
              autoComplete="off"
              placeholder={t('ar.recovery.notePlaceholder')}
              data-testid="ar-rec-note"
            />
          </Form.Item>
        </div>
        <SaveBar onSave={() => void e.submit()} pending={e.save.isPending} testId="ar-rec-save" />
      </Form>
      {last && (
        <ReceiptResult
          last={{ customer: last.customer, res: last.receipt }}
          extra={
            <div style={{ marginBottom: 8 }} data-testid="ar-rec-result">
              <b>
                {t('ar.recovery.result', {
                  number: last.writeOff.invoiceNumber,
                  writtenOff: money(last.writeOff.amount),
                  recovered: money(last.writeOff.recovered),
                  left: money(recoverable(last.writeOff)),
                })}
              </b>
            </div>
          }
        />
      )}
    </div>
  );
}
