// The ledger's dialogs: void a document (reason required), apply a credit by hand, set a note's state.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Select, Typography } from 'antd';
import { DatePicker } from '../../../components/TypedDatePicker';
import { ClaimVoidChoice, useClaimComplaint, voidClaimCreditNote } from './ClaimVoidChoice';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  NOTE_STATES,
  type CustomerLedgerOut,
  type LedgerLine,
  type NoteReceivableRow,
  type NoteState,
} from '@shared/types-receivables';
import { call } from '../../../api/client';
import { money, parseMoneyText } from '../../../format/money';
import { arErrorText, arKeys, invalidateAr, useToday } from '../common';
import { DATE_FORMAT, day, iso } from '../entry/fields';
import { Credit } from './LedgerTables';

export function VoidModal({ line, onClose }: { line: LedgerLine; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const claimOf = useClaimComplaint(line);
  const [alsoClaim, setAlsoClaim] = useState(true);
  const run = useMutation({
    mutationFn: async () => {
      const input = { id: line.id, reason: reason.trim() };
      if (claimOf) return voidClaimCreditNote(line, claimOf, input.reason, alsoClaim);
      if (line.kind === 'invoice') return call('invoices:void', input);
      if (line.kind === 'receipt') return call('receipts:void', input);
      if (line.kind === 'credit_note') return call('credit-notes:void', input);
      return call('write-offs:void', input);
    },
    onSuccess: () => {
      invalidateAr(qc);
      if (claimOf) void qc.invalidateQueries({ queryKey: ['complaints'] });
      void message.success(t('ar.ledger.voidDone'));
      onClose();
    },
    onError: (e) => void message.error(arErrorText(t, e)),
  });
  const bad = !reason.trim();
  return (
    <Modal
      open
      title={t('ar.ledger.voidTitle', { kind: t(`ar.kind.${line.kind}`), number: line.number })}
      okText={t('ar.ledger.void')}
      okButtonProps={{ danger: true, loading: run.isPending, ...({ 'data-testid': 'ar-void-ok' } as object) }}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => {
        setTouched(true);
        if (!bad) run.mutate();
      }}
    >
      <Typography.Paragraph type="secondary">{t('ar.ledger.voidWarn')}</Typography.Paragraph>
      {claimOf && <ClaimVoidChoice complaint={claimOf} checked={alsoClaim} onChange={setAlsoClaim} />}
      <Form layout="vertical">
        <Form.Item
          label={t('ar.ledger.voidReason')}
          required
          validateStatus={touched && bad ? 'error' : undefined}
          help={touched && bad ? t('validation.required') : undefined}
        >
          <Input.TextArea
            autoFocus
            rows={2}
            maxLength={500}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            data-testid="ar-void-reason"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function ApplyModal({
  credit,
  ledger,
  onClose,
}: {
  credit: Credit;
  ledger: CustomerLedgerOut;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [invoiceId, setInvoiceId] = useState<number | null>(ledger.openItems[0]?.invoiceId ?? null);
  const [amountText, setAmountText] = useState('');
  const inv = ledger.openItems.find((i) => i.invoiceId === invoiceId);
  const max = inv ? Math.min(inv.open, credit.unapplied) : credit.unapplied;
  const parsed = parseMoneyText(amountText);
  const amountBad = !parsed.ok || (parsed.fen !== null && (parsed.fen <= 0 || parsed.fen > max));
  const run = useMutation({
    mutationFn: () =>
      call('allocations:apply', {
        invoiceId: invoiceId as number,
        ...(credit.kind === 'receipt' ? { receiptId: credit.id } : { creditNoteId: credit.id }),
        ...(parsed.ok && parsed.fen !== null ? { amount: parsed.fen } : {}),
      }),
    onSuccess: (a) => {
      invalidateAr(qc);
      void message.success(t('ar.ledger.applied_done', { amount: money(a.amount) }));
      onClose();
    },
    onError: (e) => void message.error(arErrorText(t, e)),
  });
  return (
    <Modal
      open
      width={560}
      title={t('ar.ledger.applyTitle', { kind: t(`ar.kind.${credit.kind}`), number: credit.number ?? `#${credit.id}` })}
      okText={t('common.ok')}
      okButtonProps={{
        disabled: !invoiceId || amountBad,
        loading: run.isPending,
        ...({ 'data-testid': 'ar-apply-ok' } as object),
      }}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => run.mutate()}
    >
      <Form layout="vertical">
        <Form.Item label={t('ar.ledger.invoice')}>
          <Select
            value={invoiceId ?? undefined}
            onChange={setInvoiceId}
            showSearch={{ optionFilterProp: 'label' }}
            data-testid="ar-apply-invoice"
            options={ledger.openItems.map((i) => ({
              value: i.invoiceId,
              label: t('ar.entry.openInvoiceOption', { number: i.number, due: i.dueDate, open: money(i.open) }),
            }))}
          />
        </Form.Item>
        <Form.Item
          label={t('ar.ledger.applyAmount')}
          validateStatus={amountBad ? 'error' : undefined}
          help={amountBad ? t('validation.invalid_money') : t('ar.ledger.applyAmountHint', { max: money(max) })}
        >
          <Input
            className="num"
            value={amountText}
            onChange={(e) => setAmountText(e.target.value)}
            placeholder={money(max)}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function NoteStateModal({ note, onClose }: { note: NoteReceivableRow; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const today = useToday();
  const [form] = Form.useForm<{ state: Exclude<NoteState, 'held'>; date: ReturnType<typeof day>; note?: string }>();
  const run = useMutation({
    mutationFn: (v: { state: Exclude<NoteState, 'held'>; date: ReturnType<typeof day>; note?: string }) =>
      call('notes:set-state', {
        id: note.id,
        state: v.state,
        date: iso(v.date) as string,
        ...(v.note?.trim() ? { note: v.note.trim() } : {}),
      }),
    onSuccess: () => {
      invalidateAr(qc);
      void qc.invalidateQueries({ queryKey: arKeys.notes(note.customerId) });
      onClose();
    },
    onError: (e) => void message.error(arErrorText(t, e)),
  });
  return (
    <Modal
      open
      title={t('ar.ledger.setStateTitle', { number: note.number })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: run.isPending }}
      onCancel={onClose}
      onOk={() => void form.validateFields().then((v) => run.mutate(v))}
    >
      <Form form={form} layout="vertical" initialValues={{ state: 'honoured', date: day(today) }}>
        <Form.Item name="state" label={t('ar.ledger.state')}>
          <Select
            options={NOTE_STATES.filter((s) => s !== 'held' && s !== note.state).map((s) => ({
              value: s,
              label: t(`ar.noteState.${s}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="date"
          label={t('ar.ledger.stateDate')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} needConfirm={false} />
        </Form.Item>
        <Form.Item name="note" label={t('ar.ledger.stateNote')}>
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
