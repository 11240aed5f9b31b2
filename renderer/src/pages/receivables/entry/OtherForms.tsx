// Credit notes (退货/折让/索赔), write-offs (坏账核销) and notes receivable (应收票据).
import { Form, Input, Select } from 'antd';
import { DatePicker } from '../../../components/TypedDatePicker';
import { useState } from 'react';
import { CREDIT_NOTE_KINDS, NOTE_KINDS, type AllocationRow } from '@shared/types-receivables';
import { call } from '../../../api/client';
import { money } from '../../../format/money';
import { useOpenInvoices } from '../common';
import { AmountItem, EntryDateItem, DATE_FORMAT, day, fenOf, iso, SaveBar } from './fields';
import { useEntry } from './useEntry';

const req = (t: (k: string) => string) => ({ required: true, whitespace: true, message: t('validation.required') });

export function CreditNoteForm({ today }: { today: string }) {
  const [last, setLast] = useState<{
    number: string;
    amount: number;
    allocations: AllocationRow[];
    unapplied: number;
  } | null>(null);
  const e = useEntry({
    fields: ['number', 'date', 'amount', 'kind', 'invoiceId', 'reason'],
    keep: ['date', 'kind'],
    run: (c, v) =>
      call('credit-notes:create', {
        customerId: c.id,
        number: String(v.number ?? '').trim(),
        date: iso(v.date) as string,
        amount: fenOf(v.amount) as number,
        kind: (v.kind as 'return') ?? 'return',
        invoiceId: (v.invoiceId as number | undefined) ?? null,
        reason: String(v.reason ?? '').trim() || null,
      }),
    done: (r) => {
      setLast({
        number: r.creditNote.number,
        amount: r.creditNote.amount,
        allocations: r.allocations,
        unapplied: r.creditNote.unapplied,
      });
      void e.message.success(e.t('ar.entry.saved', { number: r.creditNote.number }));
    },
  });
  const { t, form, customer } = e;
  const open = useOpenInvoices(customer?.id ?? null);
  return (
    <div ref={e.box} onKeyDown={e.onKeyDown}>
      <Form form={form} layout="vertical" requiredMark={false} initialValues={{ date: day(today), kind: 'return' }}>
        <div className="ar-entry-grid">
          {e.picker('ar-cn-customer', () => form.setFieldValue('invoiceId', null))}
          <Form.Item name="kind" label={t('ar.entry.kind')}>
            <Select
              data-testid="ar-cn-kind"
              options={CREDIT_NOTE_KINDS.map((k) => ({ value: k, label: t(`ar.creditNoteKind.${k}`) }))}
            />
          </Form.Item>
          <Form.Item
            name="number"
            label={t('ar.entry.number')}
            rules={[req(t), { max: 40, message: t('validation.too_long') }]}
          >
            <Input maxLength={40} autoComplete="off" data-testid="ar-cn-number" />
          </Form.Item>
          <EntryDateItem />
          <AmountItem testId="ar-cn-amount" />
          <Form.Item
            name="invoiceId"
            label={t('ar.entry.invoice')}
            className="ar-wide"
            extra={t('ar.entry.namedInvoiceHint')}
          >
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              disabled={!customer}
              placeholder={t('ar.entry.invoicePlaceholder')}
              options={(open.data?.rows ?? []).map((i) => ({
                value: i.id,
                label: t('ar.entry.openInvoiceOption', { number: i.number, due: i.dueDate, open: money(i.open) }),
              }))}
            />
          </Form.Item>
          <Form.Item
            name="reason"
            label={t('ar.entry.reason')}
            className="ar-wide"
            rules={[{ max: 500, message: t('validation.too_long') }]}
          >
            <Input maxLength={500} autoComplete="off" />
          </Form.Item>
        </div>
        <SaveBar onSave={() => void e.submit()} pending={e.save.isPending} testId="ar-cn-save" />
      </Form>
      {last && (
        <div className="ar-result" style={{ marginTop: 16 }} data-testid="ar-cn-result">
          <b>{t('ar.entry.lastCreditNote', { number: last.number, amount: money(last.amount) })}</b>
          <div>
            {last.allocations.length
              ? `${t('ar.entry.allocationsMade')}：${last.allocations.map((a) => `${a.invoiceNumber} ${money(a.amount)}`).join('；')}`
              : t('ar.entry.noAllocations')}
          </div>
          <div>
            {last.unapplied > 0 ? (
              <b className="ar-neg">{t('ar.entry.unappliedLeft', { amount: money(last.unapplied) })}</b>
            ) : (
              t('ar.entry.allApplied')
            )}
          </div>
        </div>
      )}
    </div>
  );
}

export function WriteOffForm({ today }: { today: string }) {
  const e = useEntry({
    fields: ['invoiceId', 'date', 'amount', 'approvedBy', 'reason'],
    keep: ['date', 'approvedBy'],
    run: (_c, v) =>
      call('write-offs:create', {
        invoiceId: v.invoiceId as number,
        date: iso(v.date) as string,
        amount: fenOf(v.amount) ?? undefined,
        approvedBy: String(v.approvedBy ?? '').trim(),
        reason: String(v.reason ?? '').trim(),
      }),
    done: (r) => void e.message.success(e.t('ar.entry.saved', { number: `${r.invoiceNumber} ${money(r.amount)}` })),
  });
  const { t, form, customer } = e;
  const open = useOpenInvoices(customer?.id ?? null);
  const invoiceId = Form.useWatch('invoiceId', form) as number | undefined;
  const inv = open.data?.rows.find((i) => i.id === invoiceId);
  return (
    <div ref={e.box} onKeyDown={e.onKeyDown}>
      <Form form={form} layout="vertical" requiredMark={false} initialValues={{ date: day(today) }}>
        <div className="ar-entry-grid">
          {e.picker('ar-wo-customer', () => form.setFieldValue('invoiceId', undefined))}
          <Form.Item
            name="invoiceId"
            label={t('ar.entry.invoice')}
            className="ar-wide"
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              disabled={!customer}
              placeholder={t('ar.entry.invoicePlaceholder')}
              data-testid="ar-wo-invoice"
              options={(open.data?.rows ?? []).map((i) => ({
                value: i.id,
                label: t('ar.entry.openInvoiceOption', { number: i.number, due: i.dueDate, open: money(i.open) }),
              }))}
            />
          </Form.Item>
          <EntryDateItem />
          <AmountItem
            required={false}
            placeholder={inv ? money(inv.open) : t('ar.entry.amountPlaceholder')}
            extra={inv ? t('ar.entry.writeOffAmountHint', { open: money(inv.open) }) : undefined}
          />
          <Form.Item
            name="approvedBy"
            label={t('ar.entry.approvedBy')}
            rules={[req(t), { max: 40, message: t('validation.too_long') }]}
          >
            <Input maxLength={40} autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="reason"
            label={t('ar.entry.reason')}
            className="ar-wide"
            rules={[req(t), { max: 500, message: t('validation.too_long') }]}
          >
            <Input maxLength={500} autoComplete="off" />
          </Form.Item>
        </div>
        <SaveBar onSave={() => void e.submit()} pending={e.save.isPending} testId="ar-wo-save" danger />
      </Form>
    </div>
  );
}

export function NoteForm({ today }: { today: string }) {
  const e = useEntry({
    fields: ['number', 'kind', 'drawer', 'issueDate', 'maturityDate', 'amount'],
    keep: ['kind', 'issueDate'],
    run: (c, v) =>
      call('notes:create', {
        customerId: c.id,
        number: String(v.number ?? '').trim(),
        kind: (v.kind as 'bank_acceptance') ?? 'bank_acceptance',
        drawer: String(v.drawer ?? '').trim(),
        issueDate: iso(v.issueDate) as string,
        maturityDate: iso(v.maturityDate) as string,
        amount: fenOf(v.amount) as number,
      }),
    done: (r) => void e.message.success(e.t('ar.entry.saved', { number: r.number })),
  });
  const { t, form } = e;
  return (
    <div ref={e.box} onKeyDown={e.onKeyDown}>
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ issueDate: day(today), kind: 'bank_acceptance' }}
      >
        <div className="ar-entry-grid">
          {e.picker('ar-note-customer')}
          <Form.Item name="kind" label={t('ar.entry.noteKind')}>
            <Select options={NOTE_KINDS.map((k) => ({ value: k, label: t(`ar.noteKind.${k}`) }))} />
          </Form.Item>
          <Form.Item
            name="number"
            label={t('ar.entry.number')}
            rules={[req(t), { max: 40, message: t('validation.too_long') }]}
          >
            <Input maxLength={40} autoComplete="off" data-testid="ar-note-number" />
          </Form.Item>
          <Form.Item
            name="drawer"
            label={t('ar.entry.drawer')}
            rules={[req(t), { max: 100, message: t('validation.too_long') }]}
          >
            <Input maxLength={100} autoComplete="off" />
          </Form.Item>
          <EntryDateItem name="issueDate" label={t('ar.entry.issueDate')} />
          <Form.Item
            name="maturityDate"
            label={t('ar.entry.maturityDate')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} needConfirm={false} />
          </Form.Item>
          <AmountItem />
        </div>
        <SaveBar onSave={() => void e.submit()} pending={e.save.isPending} testId="ar-note-save" />
      </Form>
    </div>
  );
}
