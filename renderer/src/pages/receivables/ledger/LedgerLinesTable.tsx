// The ledger lines tab: every document in date order with its running balance and what it was
// applied to; void and recover from here.
import { Button, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AllocationRow, CustomerLedgerOut, LedgerLine, WriteOffRow } from '@shared/types-receivables';
import { formatDate } from '../../../format/date';
import { money } from '../../../format/money';
import { useLang } from '../../../hooks/useLang';
import { Amount } from '../common';
import { recoverable } from '../entry/RecoveryForm';

/** The ledger lines with running balance, what each document was applied to, void / recover. */
export function LedgerLinesTable({
  ledger: L,
  byDoc,
  onVoid: setVoiding,
  onRecover: setRecovering,
}: {
  ledger: CustomerLedgerOut;
  byDoc: Map<string, AllocationRow[]>;
  onVoid: (l: LedgerLine) => void;
  onRecover: (w: WriteOffRow) => void;
}) {
  const { t } = useTranslation();
  const [lang] = useLang();
  const lines = L.lines; // in date order; the table opens on its last page (the latest documents)
  const lastPage = Math.max(1, Math.ceil(lines.length / 50));
  const writeOffOf = (l: LedgerLine) => (l.kind === 'write_off' ? L.writeOffs.find((w) => w.id === l.id) : undefined);
  return (
    <Table<LedgerLine>
      size="small"
      data-testid="ar-ledger-lines"
      rowKey={(l) => `${l.kind}:${l.id}`}
      dataSource={lines}
      pagination={lines.length > 50 ? { pageSize: 50, showSizeChanger: false, defaultCurrent: lastPage } : false}
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
              return <span className="ar-hint">{t('ar.ledger.recoveredNote', { amount: money(wo.recovered) })}</span>;
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
  );
}

export function allocSource(a: AllocationRow): 'receipt' | 'credit_note' | 'write_off' | 'recovery' {
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
