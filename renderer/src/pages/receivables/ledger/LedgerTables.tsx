// The ledger's smaller tabs: open items, unapplied credits, notes receivable.
import { Button, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CustomerLedgerOut, NoteReceivableRow, NoteState } from '@shared/types-receivables';
import { formatDate } from '../../../format/date';
import { useLang } from '../../../hooks/useLang';
import { Amount, bucketLabel } from '../common';

export type Credit = CustomerLedgerOut['credits'][number];

/** Open invoices with days past due and bucket, and their total. */
export function OpenItemsTable({ ledger: L }: { ledger: CustomerLedgerOut }) {
  const { t } = useTranslation();
  const [lang] = useLang();
  return (
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
  );
}

/** Receipts and credit notes with an unapplied part, to apply by hand. */
export function CreditsTable({
  ledger: L,
  onApply: setApplying,
}: {
  ledger: CustomerLedgerOut;
  onApply: (c: Credit) => void;
}) {
  const { t } = useTranslation();
  const [lang] = useLang();
  return (
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
  );
}

/** Notes receivable (应收票据) and their state. */
export function NotesTable({
  ledger: L,
  onSetState: setNoteState,
}: {
  ledger: CustomerLedgerOut;
  onSetState: (n: NoteReceivableRow) => void;
}) {
  const { t } = useTranslation();
  const [lang] = useLang();
  return (
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
  );
}
