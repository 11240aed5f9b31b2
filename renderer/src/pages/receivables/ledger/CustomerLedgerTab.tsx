// The customer card's receivables tab: credit summary, the ledger with running balance and the
// applications of each document, open items, unapplied credits (apply / unapply), write-offs
// and their recovery, notes receivable, and voiding a document (reason required).
import { ReloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Descriptions,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Spin,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { DatePicker } from '../../../components/TypedDatePicker';
import { ClaimVoidChoice, useClaimComplaint, voidClaimCreditNote } from './ClaimVoidChoice';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  NOTE_STATES,
  type AllocationRow,
  type CustomerLedgerOut,
  type LedgerLine,
  type NoteReceivableRow,
  type NoteState,
  type WriteOffRow,
} from '../../../../../shared/types-receivables';
import { call } from '../../../api/client';
import { formatDate } from '../../../format/date';
import { money, parseMoneyText } from '../../../format/money';
import { useLang } from '../../../hooks/useLang';
import {
  Amount,
  arErrorText,
  arKeys,
  bucketLabel,
  creditReasonText,
  CreditStatusTag,
  invalidateAr,
  useToday,
} from '../common';
import { DATE_FORMAT, day, iso } from '../entry/fields';
import { recoverable } from '../entry/RecoveryForm';
import { RecoveryModal, WriteOffsTable } from './WriteOffs';

type Credit = CustomerLedgerOut['credits'][number];

export function CustomerLedgerTab({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const [lang] = useLang();
  const ledger = useQuery({
    queryKey: arKeys.ledger(customerId),
    queryFn: () => call('ledger:customer', { customerId }),
  });
  const credit = useQuery({ queryKey: arKeys.credit(customerId), queryFn: () => call('credit:check', { customerId }) });
  const [voiding, setVoiding] = useState<LedgerLine | null>(null);
  const [applying, setApplying] = useState<Credit | null>(null);
  const [noteState, setNoteState] = useState<NoteReceivableRow | null>(null);
  const [recovering, setRecovering] = useState<WriteOffRow | null>(null);
  const [tab, setTab] = useState('lines');
  const qc = useQueryClient();

  const byDoc = useMemo(() => {
    const m = new Map<string, AllocationRow[]>();
    for (const a of ledger.data?.allocations ?? []) {
      const keys = [`invoice:${a.invoiceId}`];
      if (a.receiptId !== null) keys.push(`receipt:${a.receiptId}`);
      if (a.creditNoteId !== null) keys.push(`credit_note:${a.creditNoteId}`);
      if (a.writeOffId !== null) keys.push(`write_off:${a.writeOffId}`);
      for (const k of keys) m.set(k, [...(m.get(k) ?? []), a]);
    }
    return m;
  }, [ledger.data]);

  if (ledger.isPending) return <Spin style={{ margin: 24 }} />;
  if (ledger.isError) return <Alert type="error" showIcon title={arErrorText(t, ledger.error)} />;
  const L = ledger.data;
  const c = credit.data;
  const lines = L.lines; // in date order; the table opens on its last page (the latest documents)
  const lastPage = Math.max(1, Math.ceil(lines.length / 50));
  const writeOffOf = (l: LedgerLine) => (l.kind === 'write_off' ? L.writeOffs.find((w) => w.id === l.id) : undefined);

  return (
    <div data-testid="ar-ledger" style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
      <div className="ar-toolbar">
        <Descriptions
          size="small"
          column={{ xs: 2, sm: 3, md: 4, lg: 4, xl: 4, xxl: 7 }}
          style={{ flex: 1 }}
          items={[
            { key: 'balance', label: t('ar.ledger.balanceTotal'), children: <Amount fen={L.balance} strong /> },
            { key: 'open', label: t('ar.ledger.openTotal'), children: <Amount fen={L.open} /> },
            {
              key: 'unapplied',
              label: t('ar.ledger.unappliedTotal'),
              children: <Amount fen={L.unapplied === 0 ? 0 : -Math.abs(L.unapplied)} />,
            },
            {
              key: 'limit',
              label: t('ar.credit.limit'),
              children: c ? c.limit === null ? t('ar.credit.noLimit') : <Amount fen={c.limit} /> : '…',
            },
            { key: 'exposure', label: t('ar.credit.exposure'), children: c ? <Amount fen={c.exposure} /> : '…' },
            {
              key: 'available',
              label: t('ar.credit.available'),
              children: c ? (
                <span data-testid="ar-available">
                  <Amount fen={c.available} />
                </span>
              ) : (
                '…'
              ),
            },
            { key: 'status', label: t('ar.credit.status'), children: c ? <CreditStatusTag status={c.status} /> : '…' },
          ]}
        />
        <Button icon={<ReloadOutlined />} onClick={() => invalidateAr(qc)} aria-label={t('ar.ledger.refresh')} />
      </div>
      {c && c.reasons.length > 0 && (
        <Alert
          type={c.status === 'block' ? 'error' : 'warning'}
          showIcon
          title={
            <span>
              {c.reasons.map((r) => creditReasonText(t, r, c)).join('；')}
              {c.unsettledNotes > 0 && ` · ${t('ar.credit.unsettledNotes')} ${money(c.unsettledNotes)}`}
            </span>
          }
        />
      )}
      <Tabs
        size="small"
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'lines',
            label: `${t('ar.ledger.tabs.lines')} (${L.lines.length})`,
            children: (
              <Table<LedgerLine>
                size="small"
                data-testid="ar-ledger-lines"
                rowKey={(l) => `${l.kind}:${l.id}`}
                dataSource={lines}
                pagination={
                  lines.length > 50 ? { pageSize: 50, showSizeChanger: false, defaultCurrent: lastPage } : false
                }
                locale={{ emptyText: t('ar.ledger.noLines') }}
                rowClassName={(l) => (l.voided ? 'muted' : '')}
                columns={[
                  {
                    title: t('ar.ledger.date'),
                    dataIndex: 'date',
                    width: 110,
                    render: (d: string) => formatDate(d, lang),
                  },
                  {
                    title: t('ar.ledger.kind'),
                    dataIndex: 'kind',
                    width: 96,
                    render: (k: string, l) => (
                      <Space size={4}>
                        {t(`ar.kind.${k}`)}
                        {l.voided && <Tag color="default">{t('ar.ledger.voided')}</Tag>}
                      </Space>
                    ),
                  },
                  {
                    title: t('ar.ledger.number'),
                    dataIndex: 'number',
                    width: 124,
                    render: (n: string) => <span className="code">{n}</span>,
                  },
                  {
                    title: t('ar.ledger.description'),
                    dataIndex: 'description',
                    ellipsis: true,
                    render: (d: string | null, l) => describe(t, l, d),
                  },
                  {
                    title: t('ar.ledger.debit'),
                    dataIndex: 'debit',
                    width: 116,
                    align: 'right',
                    render: (v: number) => <Amount fen={v} zeroDash />,
                  },
                  {
                    title: t('ar.ledger.credit'),
                    dataIndex: 'credit',
                    width: 116,
                    align: 'right',
                    render: (v: number) => <Amount fen={v} zeroDash />,
                  },
                  {
                    title: t('ar.ledger.balance'),
                    dataIndex: 'balance',
                    width: 124,
                    align: 'right',
                    render: (v: number) => <Amount fen={v} strong />,
                  },
                  {
                    title: t('ar.ledger.applied'),
                    key: 'applied',
                    width: 190,
                    ellipsis: true,
                    render: (_: unknown, l) => {
                      // a write-off that was (partly) paid after all says how much came back
                      const wo = writeOffOf(l);
                      if (wo && wo.recovered > 0)
                        return (
                          <span className="ar-hint">
                            {t('ar.ledger.recoveredNote', { amount: money(wo.recovered) })}
                          </span>
                        );
                      const al = l.kind === 'recovery' ? [] : (byDoc.get(`${l.kind}:${l.id}`) ?? []);
                      if (!al.length) return null;
                      const text = al
                        .map((a) =>
                          l.kind === 'invoice'
                            ? `${t(`ar.ledger.allocKind.${allocSource(a)}`)} ${money(a.amount)}`
                            : `${a.invoiceNumber} ${money(a.amount)}`,
                        )
                        .join('；');
                      return (
                        <span title={text} className="ar-hint">
                          {text}
                        </span>
                      );
                    },
                  },
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    width: 104,
                    render: (_: unknown, l) => {
                      if (l.voided || l.kind === 'recovery') return null;
                      const wo = writeOffOf(l);
                      return (
                        <Space size={0}>
                          {wo && recoverable(wo) > 0 && (
                            <Button size="small" type="link" onClick={() => setRecovering(wo)} data-testid="ar-recover">
                              {t('ar.recovery.recover')}
                            </Button>
                          )}
                          {/* a recovered write-off cannot be voided (main refuses it) */}
                          {!(wo && wo.recovered > 0) && (
                            <Button size="small" type="link" danger onClick={() => setVoiding(l)} data-testid="ar-void">
                              {t('ar.ledger.void')}
                            </Button>
                          )}
                        </Space>
                      );
                    },
                  },
                ]}
              />
            ),
          },
          {
            key: 'open',
            label: `${t('ar.ledger.tabs.open')} (${L.openItems.length})`,
            children: (
              <Table
                size="small"
                rowKey="invoiceId"
                data-testid="ar-open-items"
                dataSource={L.openItems}
                pagination={L.openItems.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
                locale={{ emptyText: t('ar.ledger.noOpen') }}
                columns={[
                  {
                    title: t('ar.ledger.number'),
                    dataIndex: 'number',
                    render: (n: string) => <span className="code">{n}</span>,
                  },
                  {
                    title: t('ar.ledger.issueDate'),
                    dataIndex: 'issueDate',
                    render: (d: string) => formatDate(d, lang),
                  },
                  { title: t('ar.ledger.dueDate'), dataIndex: 'dueDate', render: (d: string) => formatDate(d, lang) },
                  {
                    title: t('ar.ledger.amount'),
                    dataIndex: 'amount',
                    align: 'right',
                    render: (v: number) => <Amount fen={v} />,
                  },
                  {
                    title: t('ar.ledger.open'),
                    dataIndex: 'open',
                    align: 'right',
                    render: (v: number) => <Amount fen={v} strong />,
                  },
                  {
                    title: t('ar.ledger.daysPastDue'),
                    dataIndex: 'daysPastDue',
                    align: 'right',
                    render: (d: number) => <span className={`num${d > 0 ? ' ar-neg' : ''}`}>{d}</span>,
                  },
                  {
                    title: t('ar.ledger.bucket'),
                    dataIndex: 'bucket',
                    render: (b: string) => bucketLabel(t, { key: b, from: null, to: null }),
                  },
                ]}
                summary={() => (
                  <Table.Summary.Row>
                    <Table.Summary.Cell index={0} colSpan={4}>
                      <b>{t('ar.ageing.total')}</b>
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={4} align="right">
                      <Amount fen={L.open} strong />
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={5} colSpan={2} />
                  </Table.Summary.Row>
                )}
              />
            ),
          },
          {
            key: 'credits',
            label: `${t('ar.ledger.tabs.credits')} (${L.credits.length})`,
            children: (
              <Table<Credit>
                size="small"
                rowKey={(r) => `${r.kind}:${r.id}`}
                data-testid="ar-credits"
                dataSource={L.credits}
                pagination={false}
                locale={{ emptyText: t('ar.ledger.noCredits') }}
                columns={[
                  { title: t('ar.ledger.kind'), dataIndex: 'kind', render: (k: string) => t(`ar.kind.${k}`) },
                  {
                    title: t('ar.ledger.number'),
                    dataIndex: 'number',
                    render: (n: string | null, r) => <span className="code">{n ?? `#${r.id}`}</span>,
                  },
                  { title: t('ar.ledger.date'), dataIndex: 'date', render: (d: string) => formatDate(d, lang) },
                  {
                    title: t('ar.ledger.amount'),
                    dataIndex: 'amount',
                    align: 'right',
                    render: (v: number) => <Amount fen={v} />,
                  },
                  {
                    title: t('ar.ledger.unapplied'),
                    dataIndex: 'unapplied',
                    align: 'right',
                    render: (v: number) => <Amount fen={-v} strong />,
                  },
                  {
                    title: t('common.actions'),
                    key: 'a',
                    render: (_: unknown, r) =>
                      r.unapplied > 0 ? (
                        <Button
                          size="small"
                          type="link"
                          onClick={() => setApplying(r)}
                          disabled={L.openItems.length === 0}
                          data-testid="ar-apply"
                        >
                          {t('ar.ledger.applyTo')}
                        </Button>
                      ) : null,
                  },
                ]}
              />
            ),
          },
          {
            key: 'allocations',
            label: `${t('ar.ledger.tabs.allocations')} (${L.allocations.length})`,
            children: <AllocationsTable rows={L.allocations} lines={L.lines} />,
          },
          {
            key: 'writeOffs',
            label: `${t('ar.ledger.tabs.writeOffs')} (${L.writeOffs.length})`,
            children: <WriteOffsTable rows={L.writeOffs} onRecover={setRecovering} />,
          },
          {
            key: 'notes',
            label: `${t('ar.ledger.tabs.notes')} (${L.notes.length})`,
            children: (
              <Table<NoteReceivableRow>
                size="small"
                rowKey="id"
                dataSource={L.notes}
                pagination={false}
                locale={{ emptyText: t('ar.ledger.noNotes') }}
                columns={[
                  {
                    title: t('ar.ledger.number'),
                    dataIndex: 'number',
                    render: (n: string) => <span className="code">{n}</span>,
                  },
                  { title: t('ar.entry.noteKind'), dataIndex: 'kind', render: (k: string) => t(`ar.noteKind.${k}`) },
                  { title: t('ar.ledger.drawer'), dataIndex: 'drawer', ellipsis: true },
                  {
                    title: t('ar.ledger.issueDate'),
                    dataIndex: 'issueDate',
                    render: (d: string) => formatDate(d, lang),
                  },
                  {
                    title: t('ar.ledger.maturity'),
                    dataIndex: 'maturityDate',
                    render: (d: string) => formatDate(d, lang),
                  },
                  {
                    title: t('ar.ledger.amount'),
                    dataIndex: 'amount',
                    align: 'right',
                    render: (v: number) => <Amount fen={v} />,
                  },
                  {
                    title: t('ar.ledger.state'),
                    dataIndex: 'state',
                    render: (s: NoteState, r) => `${t(`ar.noteState.${s}`)} · ${formatDate(r.stateDate, lang)}`,
                  },
                  {
                    title: t('common.actions'),
                    key: 'a',
                    render: (_: unknown, r) =>
                      r.state === 'held' || r.state === 'endorsed' || r.state === 'discounted' ? (
                        <Button size="small" type="link" onClick={() => setNoteState(r)}>
                          {t('ar.ledger.setState')}
                        </Button>
                      ) : null,
                  },
                ]}
              />
            ),
          },
        ]}
      />
      {voiding && <VoidModal line={voiding} onClose={() => setVoiding(null)} />}
      {applying && <ApplyModal credit={applying} ledger={L} onClose={() => setApplying(null)} />}
      {noteState && <NoteStateModal note={noteState} onClose={() => setNoteState(null)} />}
      {recovering && <RecoveryModal writeOff={recovering} ledger={L} onClose={() => setRecovering(null)} />}
    </div>
  );
}

function allocSource(a: AllocationRow): 'receipt' | 'credit_note' | 'write_off' | 'recovery' {
  if (a.kind === 'recovery') return 'recovery';
  if (a.receiptId !== null) return 'receipt';
  if (a.creditNoteId !== null) return 'credit_note';
  return 'write_off';
}

function describe(t: (k: string, o?: Record<string, unknown>) => string, l: LedgerLine, d: string | null): string {
  if (!d) return '';
  if (l.kind === 'receipt') return t(`ar.method.${d}`, { defaultValue: d });
  if (l.kind === 'credit_note') return t(`ar.creditNoteKind.${d}`, { defaultValue: d });
  if (l.kind === 'recovery') return t('ar.kind.recovery');
  return d;
}

function AllocationsTable({ rows, lines }: { rows: AllocationRow[]; lines: LedgerLine[] }) {
  const { t } = useTranslation();
  const [lang] = useLang();
  const { modal, message } = App.useApp();
  const qc = useQueryClient();
  const numberOf = useMemo(() => new Map(lines.map((l) => [`${l.kind}:${l.id}`, l.number])), [lines]);
  const unapply = useMutation({
    mutationFn: (a: AllocationRow) =>
      call('allocations:unapply', {
        invoiceId: a.invoiceId,
        amount: a.amount,
        ...(a.receiptId !== null ? { receiptId: a.receiptId } : { creditNoteId: a.creditNoteId as number }),
      }),
    onSuccess: () => {
      invalidateAr(qc);
      void message.success(t('ar.ledger.unapplied_done'));
    },
    onError: (e) => void message.error(arErrorText(t, e)),
  });
  const sorted = [...rows].sort((a, b) => (a.date !== b.date ? (a.date < b.date ? 1 : -1) : b.id - a.id));
  return (
    <Table<AllocationRow>
      size="small"
      rowKey="id"
      data-testid="ar-allocations"
      dataSource={sorted}
      pagination={sorted.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      locale={{ emptyText: t('ar.ledger.noAllocations') }}
      columns={[
        { title: t('ar.ledger.date'), dataIndex: 'date', render: (d: string) => formatDate(d, lang) },
        {
          title: t('ar.ledger.invoice'),
          dataIndex: 'invoiceNumber',
          render: (n: string) => <span className="code">{n}</span>,
        },
        {
          title: t('ar.ledger.source'),
          key: 'src',
          render: (_: unknown, a) => {
            const src = allocSource(a);
            const id = a.receiptId ?? a.creditNoteId ?? a.writeOffId;
            const num = id !== null ? numberOf.get(`${src}:${id}`) : undefined;
            return `${t(`ar.ledger.allocKind.${src}`)} ${num ?? ''}`;
          },
        },
        {
          title: t('ar.ledger.amount'),
          dataIndex: 'amount',
          align: 'right',
          render: (v: number) => <Amount fen={v} />,
        },
        {
          title: t('common.actions'),
          key: 'a',
          render: (_: unknown, a) =>
            (a.receiptId !== null || a.creditNoteId !== null) && a.kind !== 'recovery' ? (
              <Button
                size="small"
                type="link"
                data-testid="ar-unapply"
                onClick={() =>
                  modal.confirm({
                    title: t('ar.ledger.unapply'),
                    content: t('ar.ledger.unapplyConfirm', { invoice: a.invoiceNumber, amount: money(a.amount) }),
                    okText: t('ar.ledger.unapply'),
                    cancelText: t('common.cancel'),
                    onOk: () => unapply.mutateAsync(a),
                  })
                }
              >
                {t('ar.ledger.unapply')}
              </Button>
            ) : null,
        },
      ]}
    />
  );
}

function VoidModal({ line, onClose }: { line: LedgerLine; onClose: () => void }) {
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

function ApplyModal({ credit, ledger, onClose }: { credit: Credit; ledger: CustomerLedgerOut; onClose: () => void }) {
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

function NoteStateModal({ note, onClose }: { note: NoteReceivableRow; onClose: () => void }) {
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
